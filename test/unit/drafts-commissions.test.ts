/**
 * Commissions and report-backs in the words decisions use (issue 19): invented decision sentences in the ways KF,
 * KS and nämnd protokoll word an uppdrag or an återrapportering, and the near misses that must give nothing.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const ks = { body: 'KS', meetingDate: '2027-02-14' };
/** A KS decision of 14 February 2027 whose Beslut holds `decision`. */
const minutes = (decision: string) => `Kommunstyrelsen\nProtokoll 2027-02-14\n\n§ 12 Översyn av lokalförsörjningen\n\nBeslut\n\n${decision}`;
const drafts = (decision: string) =>
  extractDrafts(minutes(decision), ks, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => [d.kind, d.responsibleRole, d.due, d.title]);
const ksIn = (month: string) => ({ meeting: { body: 'KS', month } });

describe('a commission in other words than "i uppdrag"', () => {
  it.each([
    ['"får i uppgift att"', 'Ekonomichefen får i uppgift att ta fram en modell för internhyror senast den 1 juni 2027.', 'ekonomichefen', { date: '2027-06-01' }, 'Ta fram en modell för internhyror'],
    ['"ges i uppgift att"', 'Förvaltningen ges i uppgift att utreda en gemensam växel med grannkommunerna.', 'förvaltningen', undefined, 'Utreda en gemensam växel med grannkommunerna'],
    ['"ges härmed i uppdrag att"', 'Barn- och utbildningsförvaltningen ges härmed i uppdrag att utvärdera fritidshemmen.', 'barn- och utbildningsförvaltningen', undefined, 'Utvärdera fritidshemmen'],
    ['"Det uppdras åt … att"', 'Det uppdras åt kommundirektören att ta fram förslag till ny organisation för IT-verksamheten.', 'kommundirektören', undefined, 'Ta fram förslag till ny organisation för IT-verksamheten'],
    ['"att ge i uppdrag åt … att"', 'att ge i uppdrag åt kommundirektören att utreda formerna för en gemensam lönenämnd.', 'kommundirektören', undefined, 'Utreda formerna för en gemensam lönenämnd'],
    ['"ska tillsammans med … ta fram" (the subject is responsible)', 'Socialförvaltningen ska tillsammans med barn- och utbildningsförvaltningen ta fram en gemensam plan för tidiga insatser senast den 31 maj 2027.', 'socialförvaltningen', { date: '2027-05-31' }, 'Ta fram en gemensam plan för tidiga insatser'],
  ])('%s is an uppdrag', (_, decision, role, due, title) => {
    expect(drafts(decision)).toEqual([['uppdrag', role, due, title]]);
  });

  it('"ska utredas av tekniska förvaltningen": the unit named after the passive is responsible, and left out of the title', () => {
    expect(drafts('Frågan om en ny simhall ska utredas av tekniska förvaltningen.')).toEqual([['uppdrag', 'tekniska förvaltningen', undefined, 'Utreda frågan om en ny simhall']]);
  });

  it('passive with its agent, near miss: "ska behandlas av kommunstyrelsen" is the body\'s own decision, no work', () => {
    expect(drafts('Förslaget till yttrande ska behandlas av kommunstyrelsen.')).toEqual([]);
  });

  it('"Möjligheten att … ska utredas och redovisas för kommunstyrelsen i oktober": the noun keeps its "att", the report-back leaves the title', () => {
    expect(drafts('Möjligheten att samordna skolskjutsarna med kollektivtrafiken ska utredas och redovisas för kommunstyrelsen i oktober 2027.')).toEqual([
      ['aterrapportering', undefined, ksIn('2027-10'), 'Utreda möjligheten att samordna skolskjutsarna med kollektivtrafiken'],
    ]);
  });
});

describe('a report-back in other words than "återrapportera"', () => {
  const commission = 'Kommundirektören får i uppdrag att se över delegationsordningen.';
  const overhaul = ['aterrapportering', 'kommundirektören', ksIn('2027-09'), 'Se över delegationsordningen'];
  it.each([
    ['"Redovisning ska ske till kommunstyrelsen i …"', 'Redovisning ska ske till kommunstyrelsen i september 2027.'],
    ['"Uppdraget avrapporteras till kommunstyrelsen i …"', 'Uppdraget avrapporteras till kommunstyrelsen i september 2027.'],
    ['"Rapport lämnas till kommunstyrelsen i …"', 'Rapport lämnas till kommunstyrelsen i september 2027.'],
    ['"En delrapport lämnas till kommunstyrelsen i …"', 'En delrapport lämnas till kommunstyrelsen i september 2027.'],
    ['"Uppföljning ska ske i kommunstyrelsen i …"', 'Uppföljning ska ske i kommunstyrelsen i september 2027.'],
    ['"Arbetet följs upp i kommunstyrelsen i …"', 'Arbetet följs upp i kommunstyrelsen i september 2027.'],
  ])('%s after a commission is its report-back', (_, sentence) => {
    expect(drafts(`${commission} ${sentence}`)).toEqual([overhaul]);
  });

  it('"… och avrapportera till kommunstyrelsen i juni" closes the task as "och återrapportera" does', () => {
    expect(drafts('Kommunstyrelsen ger kommundirektören i uppdrag att se över avgifterna och avrapportera till kommunstyrelsen i juni 2027.')).toEqual([
      ['aterrapportering', 'kommundirektören', ksIn('2027-06'), 'Se över avgifterna'],
    ]);
  });

  it('"… med redovisning till nämnden senast i maj" gives the deadline and leaves the title', () => {
    expect(drafts('Förvaltningschefen får i uppgift att se över rutinerna för synpunktshantering med redovisning till nämnden senast i maj 2027.')).toEqual([
      ['aterrapportering', 'förvaltningschefen', ksIn('2027-05'), 'Se över rutinerna för synpunktshantering'],
    ]);
  });

  it('"Kommundirektören ska rapportera till kommunstyrelsen om … i april" is a report-back', () => {
    expect(drafts('Kommundirektören ska rapportera till kommunstyrelsen om arbetet med budgetbalans i april 2027.')).toEqual([
      ['aterrapportering', 'kommundirektören', ksIn('2027-04'), 'Rapportera till kommunstyrelsen om arbetet med budgetbalans'],
    ]);
  });

  it('"Läget rapporteras till kommunstyrelsen vid varje sammanträde": a report-back with no one deadline, flagged', () => {
    const [d, ...rest] = extractDrafts(minutes('Kommundirektören ges i uppdrag att följa upp ekonomin i byggprojektet. Läget rapporteras till kommunstyrelsen vid varje sammanträde.'), ks, ctx).drafts;
    expect(rest).toEqual([]);
    expect([d?.kind, d?.due, d?.flagReason]).toEqual(['aterrapportering', undefined, 'Återrapporteringen saknar tidpunkt eller organ: ange en deadline.']);
  });
});

describe('near misses: no commission', () => {
  it.each([
    ['a refused yrkande ("avslår yrkandet om att ge … i uppdrag")', 'Kommunstyrelsen avslår yrkandet om att ge kommundirektören i uppdrag att utreda en ny simhall.'],
    ['a refused proposal ("beslutar att avslå Per Eks förslag att …")', 'Kommunstyrelsen beslutar att avslå Per Eks förslag att kommundirektören får i uppgift att utreda en ny simhall.'],
    ['a job description ("har i uppgift att")', 'Kommunikationschefen har i uppgift att samordna kommunens externa kommunikation.'],
    ['a commission held before ("har sedan tidigare i uppdrag")', 'Förvaltningen har sedan tidigare i uppdrag att ta fram en plan för idrottsanläggningar.'],
    ['a commission ended ("anses slutfört")', 'Uppdraget att ta fram en lokalförsörjningsplan anses slutfört.'],
    ['a commission withdrawn ("återkalla uppdraget")', 'Kommunstyrelsen beslutar att återkalla uppdraget att utreda en ny simhall.'],
    ['a standing duty ("ansvarar för drift")', 'Tekniska förvaltningen ansvarar för drift och underhåll av kommunens gator.'],
  ])('%s gives nothing', (_, decision) => {
    expect(drafts(decision)).toEqual([]);
  });

  it('a proposal in the case description ("Förvaltningen föreslår att kommunstyrelsen ger … i uppdrag") gives nothing', () => {
    const text = 'Kommunstyrelsen\nProtokoll 2027-02-14\n\n§ 12 Simhall\n\nÄrendebeskrivning\n\nFörvaltningen föreslår att kommunstyrelsen ger kommundirektören i uppgift att utreda en ny simhall.\n\nBeslut\n\nKommunstyrelsen beslutar att lägga informationen till handlingarna.';
    expect(extractDrafts(text, ks, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)).toEqual([]);
  });
});
