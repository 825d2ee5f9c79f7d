/**
 * Round seven of the drafting rules (issue 19), from the dev texts of corpus rounds O and P: a meeting's news
 * telling a decision and then whose it was ("Detta beslutade regionstyrelsen"), work laid on the whole
 * organisation ("Regionen ska utreda …"), and an agenda's remiss answer adopted as proposed. Each rule on
 * invented sentences, with its near misses.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Regionstyrelsen met on Wednesday 14 April 2027; the regional development board the same day. */
const rs: KnownFacts = { body: 'RS', meetingDate: '2027-04-14' };
const run: KnownFacts = { body: 'RUN', meetingDate: '2027-04-14' };
const read = (text: string, known: KnownFacts = rs) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due]);
const titles = (text: string, known: KnownFacts = rs) => extractDrafts(text, known, ctx).drafts.map((d) => d.title);
const news = (paragraph: string) => `Nytt från regionstyrelsen den 14 april\nEn gemensam journal för länet\n${paragraph}\nBakgrunden är att flera kommuner vill ansluta sig.`;

describe('a decision told first and attributed after ("Detta beslutade regionstyrelsen vid sitt möte")', () => {
  it('the work and its report-back, then the attribution: one återrapportering, no one named', () => {
    const text = news('Region Norrlunda ska utreda förutsättningarna för en gemensam journal för kommunerna i länet. Utredningen ska återrapporteras senast i oktober 2027. Detta beslutade regionstyrelsen vid sitt möte.');
    expect(read(text)).toEqual([['aterrapportering', undefined, { meeting: { body: 'RS', month: '2027-10' } }]]);
  });

  it('"Detta beslutade …" right after the work: an uppdrag, no one named', () => {
    expect(read(news('Regionen ska utreda förutsättningarna för en gemensam journal. Detta beslutade regionstyrelsen vid sitt möte.'))).toEqual([['uppdrag', undefined, undefined]]);
  });

  it('"Detta uppdrag beslutade den regionala utvecklingsnämnden … att lägga på regiondirektören": the work is the director\'s', () => {
    const text = 'Nytt från regionala utvecklingsnämnden 14 april 2027\nEn plan för laddinfrastruktur\nRegion Norrlunda ska ta fram en handlingsplan för laddinfrastruktur i länet. Detta uppdrag beslutade den regionala utvecklingsnämnden vid sitt sammanträde att lägga på regiondirektören.\nEn första återrapportering av arbetet ska ske i september.';
    expect(read(text, run)).toEqual([['aterrapportering', 'regiondirektören', { meeting: { body: 'RUN', month: '2027-09' } }]]);
  });

  it.each([
    ['with no attribution at all', 'Regionen ska utreda förutsättningarna för en gemensam journal. Arbetet har pågått länge.'],
    ['attributed to an earlier meeting', 'Regionen ska utreda förutsättningarna för en gemensam journal. Detta beslutade regionstyrelsen den 3 mars 2025.'],
    ['with an unrelated sentence between the work and the attribution', 'Regionen ska utreda förutsättningarna för en gemensam journal. Flera kommuner har visat intresse. Detta beslutade regionstyrelsen vid sitt möte.'],
  ])('near miss: the organisation\'s work %s gives nothing', (_, paragraph) => {
    expect(read(news(paragraph))).toEqual([]);
  });
});

describe('work laid on the whole organisation in a decision ("Kommunen ska ta fram …")', () => {
  const minutes = (decision: string) => `Kommunstyrelsen\nProtokoll 2027-03-08\n\n§ 53 Lekplatser\n\nBeslut\n${decision}`;
  const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-08' };

  it.each([
    ['"Kommunen ska ta fram …"', 'Kommunen ska ta fram en plan för kommunens lekplatser.'],
    ['"Nolby kommun ska ta fram …"', 'Nolby kommun ska ta fram en plan för kommunens lekplatser.'],
  ])('%s: an uppdrag with no one named, flagged for the clerk', (_, decision) => {
    expect(read(minutes(decision), ks)).toEqual([['uppdrag', undefined, undefined]]);
  });

  it('near miss: the same words in a background, no decision telling them, give nothing', () => {
    expect(read('Tjänsteskrivelse 2027-03-01\nBakgrund\nKommunen ska ta fram en plan för kommunens lekplatser enligt lagen.', ks)).toEqual([]);
  });
});

describe("an agenda's remiss answer adopted as proposed (\"15. Yttrande över …\" then \"Beslut: Enligt förslag\")", () => {
  const decisions = (points: string) => `Regionstyrelsens beslut 14 april\nStyrelseärenden\n${points}`;

  it('one yttrande to send per answer adopted, titled by its agenda line, flagged for its deadline', () => {
    const text = decisions('8. Avtal om hyra av lokaler\nBeslut: Enligt förslag\n9. Yttrande över betänkandet ”En ny kommunallag” (SOU 2027:12)\nBeslut: Enligt förslag\n10. Yttrande över promemorian Bättre kollektivtrafik.\nBeslut: Enligt förslag. Reservation: M, KD.');
    expect(read(text)).toEqual([
      ['yttrande', undefined, undefined],
      ['yttrande', undefined, undefined],
    ]);
    expect(titles(text)).toEqual(['Skicka yttrandet över betänkandet ”En ny kommunallag” (SOU 2027:12)', 'Skicka yttrandet över promemorian Bättre kollektivtrafik']);
  });

  it.each([
    ['an answer to a motion', '4. Yttrande över motion av Per Ek (M) om cykelvägar\nBeslut: Enligt förslag'],
    ['an answer to the auditors', '5. Yttrande över revisionsrapport om upphandling\nBeslut: Enligt förslag'],
    ['a decision that does not adopt the proposal', '9. Yttrande över betänkandet ”En ny kommunallag” (SOU 2027:12)\nBeslut: Ärendet återremitteras.'],
  ])('near miss: %s gives no yttrande', (_, points) => {
    expect(read(decisions(points)).filter(([kind]) => kind === 'yttrande')).toEqual([]);
  });
});
