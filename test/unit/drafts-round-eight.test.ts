/**
 * Round eight of the drafting rules (issue 19), from invented sentences in the forms minutes use, not from
 * any corpus text: motions listed under letters ("a) Motion om …") are each a motion, as under numbers or
 * bullets.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunfullmäktige met on Monday 15 March 2027. */
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-15' };
const read = (text: string) =>
  extractDrafts(text, kf, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

describe('motions listed under letters are one motion each', () => {
  it.each([
    ['"a)"', 'a)', 'b)'],
    ['"a."', 'a.', 'b.'],
  ])('a list marked %s, referred together: two motions raised at the meeting', (_, first, second) => {
    const text = `§ 7 Inkomna motioner\n${first} Motion om hundrastgård i Norrby, Lisa Ek (V)\n${second} Motion om gatubelysning längs Åvägen, Olle Berg (M)\nKommunfullmäktige beslutar att motionerna överlämnas till kommunstyrelsen för beredning.`;
    expect(read(text)).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om hundrastgård i Norrby'],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om gatubelysning längs Åvägen'],
    ]);
  });

  it('near miss: a lettered list of decisions that names no motion gives no motion', () => {
    const text = '§ 9 Årsredovisning 2026\nKommunfullmäktige beslutar\na) att godkänna årsredovisningen,\nb) att bevilja styrelsen ansvarsfrihet.';
    expect(read(text)).toEqual([]);
  });
});
