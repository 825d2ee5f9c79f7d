/**
 * Round three of the drafting rules (issue 19): how Swedish decisions and their summaries are written,
 * each rule specified on invented sentences, with the near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const proposed = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
const kf = { body: 'KF', meetingDate: '2027-03-22' };
const row = (d: ReturnType<typeof proposed>[number]) => [d.kind, d.responsibleRole, d.due];

describe('an adverb between the verb of a commission and its object', () => {
  it('"KF uppdrog dessutom till samtliga nämnder att planera …" is a commission, with the report-back the next sentence gives', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige uppdrog dessutom till samtliga nämnder att planera för en anpassning av budgeten. Dessa ska presenteras för kommunfullmäktige i maj 2027.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'samtliga nämnder', { meeting: { body: 'KF', month: '2027-05' } }]]);
  });

  it('"uppdrar också åt kommundirektören att …" in a decision is a commission', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt uppdra också åt kommundirektören att ta fram en lokalförsörjningsplan senast den 30 juni 2027.';
    expect(proposed(text, kf).map(row)).toEqual([['uppdrag', 'kommundirektören', { date: '2027-06-30' }]]);
  });

  it('"X ska dessutom redovisa sin utredning för kommunfullmäktige" in a summary is a report-back with no date', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige beslutade att avslå kulturnämndens begäran om mer pengar. Kulturnämnden ska dessutom redovisa sin utredning om ekonomin för kommunfullmäktige.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kulturnämnden', undefined]]);
  });

  it('near miss: "uppdrog dessutom åt" told of an earlier date in a summary is history', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige uppdrog dessutom 2019-05-20 till kommunstyrelsen att planera för en ny skola. Nu är skolan byggd.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: "dessutom" before an uppmaning keeps it an exhortation', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt dessutom uppmana samtliga nämnder att planera för en anpassning av budgeten.';
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('a body named before "presentera": "ta fram och till fullmäktige presentera förslag"', () => {
  it('is a report-back to that body, with no date when none is written', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och till fullmäktige presentera förslag på strategier för tillväxt.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kommunstyrelsen', undefined]]);
  });

  it('with a month, is due at that body\'s meeting in the month', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och i oktober 2027 till fullmäktige presentera en strategi för tillväxt.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kommunstyrelsen', { meeting: { body: 'KF', month: '2027-10' } }]]);
  });

  it('near miss: "presentera förslaget för medborgarna" reports to no body: an uppdrag', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och presentera förslag på strategier för medborgarna.';
    expect(proposed(text, kf).map((d) => d.kind)).toEqual(['uppdrag']);
  });
});
