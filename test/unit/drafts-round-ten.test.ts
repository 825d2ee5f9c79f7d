/**
 * Round ten of the drafting rules (issue 19), from invented sentences shaped as fresh real texts (not in the
 * corpus) were read wrong: a motion named in full before its answer ("Motion (2016:5) av … om … anses
 * besvarad") is answered, not a motion to prepare; and "väckte" raises a motion only when it is said of one
 * ("frågor som väckte debatt" is no motion raised at the meeting).
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunfullmäktige met on Monday 15 March 2027. */
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-15' };
/** The proposed drafts of `text`: kind, role and deadline. */
const read = (text: string, known: KnownFacts = kf) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due]);

describe('a motion named in full before its answer is answered, not sent for preparation', () => {
  const named = 'Motion (2026:5) av Per Ek (M) om belysning i Stadsparken';
  const lead = `Utlåtande 2027:19 Belysning i Stadsparken. Kommunfullmäktige beslutar följande. ${named}`;
  const told = 'Ärendet Per Ek (M) har väckt en motion i fullmäktige där han anför att parken är mörk om kvällarna.';

  it.each([
    ['anses besvarad', `${lead} anses besvarad med hänvisning till vad som sägs i utlåtandet. ${told}`],
    ['förklaras besvarad', `${lead} förklaras besvarad. ${told}`],
    ['avslås', `${lead} avslås. ${told}`],
  ])('"%s": no item', (_, text) => {
    expect(read(text)).toEqual([]);
  });

  it('near miss: the same motion referred to kommunstyrelsen is a motion to prepare, raised at this meeting', () => {
    expect(read(`${named}. Motionen remitteras till kommunstyrelsen för beredning.`)).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }],
    ]);
  });
});

describe('"väckte" raises a motion only when it is said of one', () => {
  const summary = (sentence: string) =>
    `Kommunfullmäktige 15 mars\n\nMåndag 15 mars hölls årets första kommunfullmäktige. Efter en information följde tio punkter utifrån medborgarförslag, motioner och interpellationer.\n\n${sentence}`;

  it('"Andra frågor som väckte debatt …" in a summary of the meeting: no motion', () => {
    expect(read(summary('Andra frågor som väckte debatt gällde årsredovisningen för 2026 och ansvarsfriheten.'))).toEqual([]);
  });

  it.each([
    ['"Väckt i KF 2027-01-25 § 7" on a motion\'s own page', 'MOTION\ntill kommunfullmäktige\n\nVäckt i KF 2027-01-25 § 7\n\nInför ett sommarlovsprogram för unga\n\nJag föreslår att kommunfullmäktige beslutar att ge kommunstyrelsen i uppdrag att ta fram ett sommarlovsprogram.', '2027-01-25'],
    ['"Motionen väcktes den 25 januari 2027"', 'Motion om sommarlovsprogram för unga. Motionen väcktes den 25 januari 2027 och remitteras till kommunstyrelsen för beredning.', '2027-01-25'],
  ])('near miss: %s still dates the motion', (_, text, raised) => {
    expect(read(text)).toEqual([['motion', 'kommunstyrelsen', { raised }]]);
  });
});
