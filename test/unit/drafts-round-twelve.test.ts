/**
 * Round twelve of the drafting rules (issue 19), on invented sentences:
 * - a remiss told as received, on a page with no decision heading and no deadline in view ("Kommunen har
 *   fått möjlighet att yttra sig över …", "Nämnden har mottagit remiss avseende …", "… har fått
 *   betänkandet … på remiss", "Departementet har gett kommunen möjlighet att lämna synpunkter på …"), is an
 *   answer still owed: a yttrande with no due, flagged for its date;
 * - a nämnd that proposes the council's answer to a motion ("föreslår att kommunfullmäktige bifaller
 *   motionen") has answered the motion it prepared: what the motion asks is no work until the council
 *   adopts it.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunstyrelsen met on Tuesday 9 March 2027. */
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-09' };
/** Tekniska nämnden met on Wednesday 24 March 2027. */
const tn: KnownFacts = { body: 'TN', meetingDate: '2027-03-24' };
/** The proposed drafts of `text`: kind, role, deadline and title. */
const read = (text: string, known: KnownFacts = ks) =>
  extractDrafts(text, known, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => ({ kind: d.kind, role: d.responsibleRole, due: d.due, title: d.title, flagged: d.flagged }));

describe('a remiss told as received, with no deadline, is an answer still owed', () => {
  it.each([
    ['"har fått möjlighet att yttra sig över"', 'Ärenden till kommunstyrelsen\n4. Kommunen har fått möjlighet att yttra sig över delbetänkandet Tryggare lekplatser (SOU 2027:12).', 'Yttrande över delbetänkandet Tryggare lekplatser (SOU 2027:12)'],
    ['"har mottagit remiss avseende"', 'Ärenden till kommunstyrelsen\n5. Kommunen har mottagit remiss avseende promemorian Ett enklare bygglov.', 'Yttrande över promemorian Ett enklare bygglov'],
    ['"har beretts tillfälle att lämna synpunkter på"', 'Ärenden till kommunstyrelsen\nKommunen har beretts tillfälle att lämna synpunkter på inriktningsunderlaget för transportinfrastrukturen.', 'Yttrande över inriktningsunderlaget för transportinfrastrukturen'],
    ['"Departementet har gett kommunen möjlighet att lämna synpunkter på"', 'Ärenden till kommunstyrelsen\nFinansdepartementet har gett kommunen möjlighet att lämna synpunkter på rapporten Framtidens kommunalekonomi.', 'Yttrande över rapporten Framtidens kommunalekonomi'],
  ])('%s: one yttrande, no due, flagged for the date', (_, text, title) => {
    expect(read(text)).toEqual([{ kind: 'yttrande', role: undefined, due: undefined, title, flagged: true }]);
  });

  it('"Byggnadsnämnden har fått betänkandet … på remiss": the nämnd told as the receiver answers', () => {
    const text = 'Ärenden till byggnadsnämnden\n• Byggnadsnämnden har fått betänkandet om enklare strandskydd på remiss. Betänkandet föreslår ändrade regler.';
    expect(read(text)).toEqual([{ kind: 'yttrande', role: 'byggnadsnämnden', due: undefined, title: 'Yttrande över betänkandet om enklare strandskydd', flagged: true }]);
  });

  it('each remiss of an agenda is its own answer', () => {
    const text = [
      'Ärenden till kommunstyrelsen',
      '4. Kommunen har fått möjlighet att yttra sig över delbetänkandet Tryggare lekplatser (SOU 2027:12).',
      '5. Kommunen har mottagit remiss avseende promemorian Ett enklare bygglov.',
    ].join('\n');
    expect(read(text).map((d) => d.title)).toEqual(['Yttrande över delbetänkandet Tryggare lekplatser (SOU 2027:12)', 'Yttrande över promemorian Ett enklare bygglov']);
  });

  it('near miss: the body decides to give no answer ("avstår från att yttra sig"): nothing owed', () => {
    const text = 'Ärenden till kommunstyrelsen\nKommunen har fått möjlighet att yttra sig över promemorian Ett enklare bygglov. Kommunstyrelsen avstår från att yttra sig.';
    expect(read(text)).toEqual([]);
  });

  it('near miss: a remiss the body itself sends out ("har skickat förslaget på remiss till föreningarna") is no answer it owes', () => {
    const text = 'Ärenden till kommunstyrelsen\nKommunstyrelsen har skickat förslaget till kulturplan på remiss till föreningarna.';
    expect(read(text)).toEqual([]);
  });
});

describe('a nämnd proposing the council\'s answer to a motion has answered it', () => {
  const page = (proposal: string) =>
    [
      'Rapport från tekniska nämnden 24 mars',
      'Motionen kommer från Miljöpartiet. Gruppen föreslog att kommunen inrättar bilfria zoner runt alla skolor.',
      'Motionen remitterades till tekniska nämnden för yttrande, innan kommunfullmäktige fattar beslut.',
      proposal,
    ].join('\n');

  it.each([
    ['"Tekniska nämnden föreslår nu att kommunfullmäktige bifaller motionen"', 'Tekniska nämnden föreslår nu att kommunfullmäktige bifaller motionen.'],
    ['"Nämnden beslutade att föreslå kommunfullmäktige att avslå motionen"', 'Nämnden beslutade att föreslå kommunfullmäktige att avslå motionen.'],
  ])('%s: no uppdrag from the motion and no motion to register', (_, proposal) => {
    expect(read(page(proposal), tn)).toEqual([]);
  });

  it('near miss: the council itself approves the motion: what it asks becomes work', () => {
    const text = [
      'Kommunfullmäktige',
      'Motion om bilfria zoner runt skolorna',
      'Motionen föreslår att tekniska nämnden får i uppdrag att inrätta bilfria zoner runt alla skolor.',
      'Tekniska nämnden föreslår att kommunfullmäktige bifaller motionen.',
      'Kommunfullmäktige beslutar att bifalla motionen.',
    ].join('\n');
    expect(read(text, { body: 'KF', meetingDate: '2027-04-26' }).map((d) => [d.kind, d.role])).toEqual([['uppdrag', 'tekniska nämnden']]);
  });
});
