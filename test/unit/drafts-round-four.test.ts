/**
 * Round four of the drafting rules (issue 19): how remiss letters write their deadline and whom the answer
 * goes to, how protokoll record motions handed in and referred, and a case sent back with a task. Each rule
 * is specified on invented sentences, with the near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const proposed = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
/** A remiss letter of an agency, dated, with its subject; `body` holds the deadline. */
const letter = (body: string) => `Trafikverket\n2027-01-15\n\nRemiss: Förslag till ny väg genom Nolby\n\n${body}`;
const answer = (text: string) => proposed(text).map((d) => [d.kind, d.due, d.source.sentence]);

describe('the ways a remiss letter writes its deadline', () => {
  const trafikverket = (date: string) => ({ externalDeadline: date, recipient: 'Trafikverket' });
  it.each([
    ['"Svar ska ha kommit in till Trafikverket senast den …"', 'Svar ska ha kommit in till Trafikverket senast den 15 mars 2027.'],
    ['"Remissvaren ska ha kommit in till … senast …"', 'Remissvaren ska ha kommit in till Trafikverket senast den 15 mars 2027.'],
    ['"Vi vill ha ert svar senast …" (the letter\'s sender)', 'Vi vill ha ert svar senast den 15 mars 2027.'],
    ['"Sista dag för yttrande är den …"', 'Sista dag för yttrande är den 15 mars 2027.'],
    ['a date without a year, in a letter whose date gives it', 'Vi vill ha era synpunkter senast den 15 mars.'],
    ['"Remissperioden pågår till och med den …"', 'Remissperioden pågår till och med den 15 mars 2027. Synpunkter skickas till Trafikverket.'],
  ])('%s is the remiss deadline', (_, body) => {
    expect(proposed(letter(body)).map((d) => [d.kind, d.due])).toEqual([['yttrande', trafikverket('2027-03-15')]]);
  });

  it('a deadline in a heading and again in the body: the body\'s sentence, with the year written, is the source', () => {
    const text = letter('Sista dag för svar 15 mars\n\nSkicka era synpunkter till Trafikverket senast den 15 mars 2027.');
    expect(answer(text)).toEqual([['yttrande', trafikverket('2027-03-15'), 'Skicka era synpunkter till Trafikverket senast den 15 mars 2027.']]);
  });

  it('an offer ("nu finns det möjlighet att lämna synpunkter senast …") and a demand of the same day: the demand is the source', () => {
    const text = 'Remiss om strategi\n\nNu finns det möjlighet att lämna synpunkter på förslaget senast 15 februari 2027.\n\nRegion Nolland uppdaterar strategin. Alla synpunkter ska lämnas senast den 15 februari 2027.';
    expect(answer(text)).toEqual([['yttrande', { externalDeadline: '2027-02-15', recipient: 'Region Nolland' }, 'Alla synpunkter ska lämnas senast den 15 februari 2027.']]);
  });

  it('near miss: "Ansökan ska ha inkommit senast …" on a remiss page names no answer', () => {
    expect(proposed(letter('Ansökan ska ha inkommit senast den 15 mars 2027.'))).toEqual([]);
  });
});

describe('whom a remiss is answered to', () => {
  it('an address after "… skickar ni med e-post eller brev till:" names the authority, the e-mail line passed over and the label dropped', () => {
    const text = 'Remiss om föreskrifter\n\nMSB önskar få in era synpunkter senast den 1 juli 2027.\n\nRemissvaret skickar ni med e-post eller brev till:\nE-post: registrator@msb.se\nPostadress: Myndigheten för samhällsskydd och beredskap\n651 81 Karlstad.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-07-01', recipient: 'Myndigheten för samhällsskydd och beredskap' }]);
  });

  it('"till Länsstyrelsen" in the sentence and "Länsstyrelsen i Stockholms län" on the address after "Skicka yttrandet till:": the address writes it in full', () => {
    const text = 'Remiss av vattenplan\n\nSynpunkter ska ha inkommit till Länsstyrelsen senast den 15 mars 2027.\nSkicka yttrandet till:\nLänsstyrelsen i Stockholms län\nBox 1\n104 22 Stockholm';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-03-15', recipient: 'Länsstyrelsen i Stockholms län' }]);
  });

  it('near miss: a county named elsewhere on the page (not where the answer goes) leaves "till Länsstyrelsen" bare', () => {
    const text = 'Remiss av plan för grön infrastruktur\n\nYttranden ska ha inkommit till Länsstyrelsen senast 2027-08-31. Förslaget finns hos Länsstyrelsen Nolland.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-08-31', recipient: 'Länsstyrelsen' }]);
  });

  it('"Yttrandet ska vara Skogsstyrelsen tillhanda senast …" is answered to Skogsstyrelsen', () => {
    expect(proposed(letter('Yttrandet ska vara Skogsstyrelsen tillhanda senast den 15 mars 2027.')).map((d) => d.due)).toEqual([
      { externalDeadline: '2027-03-15', recipient: 'Skogsstyrelsen' },
    ]);
  });

  it('"till oss" is the letter\'s sender', () => {
    expect(proposed(letter('Skicka era synpunkter till oss senast den 15 mars 2027.')).map((d) => d.due)).toEqual([{ externalDeadline: '2027-03-15', recipient: 'Trafikverket' }]);
  });

  it('an e-mail address whose domain is an authority the text names ("skogsstyrelsen@skogsstyrelsen.se") is that authority', () => {
    const text = 'Remiss om nyckelbiotoper\n\nSkogsstyrelsen har utrett frågan om registrering.\n\nMejla dina synpunkter till skogsstyrelsen@skogsstyrelsen.se senast den 15 november 2027.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-11-15', recipient: 'Skogsstyrelsen' }]);
  });

  it('"Remissvar skickas via e-post till regionen@regionnolland.se" is Region Nolland when the text names it', () => {
    const text = 'Kulturplan Region Nolland 2028–2031\n\nRegionala utvecklingsnämnden önskar få synpunkter på remissversionen senast den 15 juni 2027.\n\nRemissvar skickas via e-post till regionen@regionnolland.se.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-06-15', recipient: 'Region Nolland' }]);
  });

  it('near miss: an e-mail address whose domain names no one the text names is no recipient (flagged)', () => {
    const [d, ...rest] = proposed('Remiss om nyckelbiotoper\n\nMejla dina synpunkter till registrator@nolby.se senast den 15 november 2027.');
    expect(rest).toEqual([]);
    expect(d?.due).toEqual({ externalDeadline: '2027-11-15' });
    expect(d?.flagged).toBe(true);
  });
});
