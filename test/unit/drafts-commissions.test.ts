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

  it('a relative clause set off by commas after the role ("ge lärandenämnden, som har kompetensen, i uppdrag") is not part of the role', () => {
    expect(drafts('Kommunstyrelsen beslutar att ge lärandenämnden, som har kompetensen inom området, i uppdrag att utreda skolornas lokaler.')).toEqual([
      ['uppdrag', 'lärandenämnden', undefined, 'Utreda skolornas lokaler'],
    ]);
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
    expect([d?.kind, d?.due, d?.flagReason]).toEqual(['aterrapportering', undefined, 'Återrapporteringen saknar tidpunkt eller organ: ange en tidsfrist.']);
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

describe('a commission whose tasks follow as a list: the items are its tasks, as written in one sentence', () => {
  const oneSentence = (lead: string, deadline = '') =>
    `${lead} utreda behovet av kameraövervakning, att ta fram en plan för belysning i centrum${deadline} och att återrapportera till kommunstyrelsen i juni 2027.`;
  // The closing report-back is each task's, as "utreda A och återrapportera" makes A a report-back (docs/domain.md).
  const survey = ['aterrapportering', 'kommundirektören', ksIn('2027-06'), 'Utreda behovet av kameraövervakning'];
  const lighting = ['aterrapportering', 'kommundirektören', ksIn('2027-06'), 'Ta fram en plan för belysning i centrum'];

  it('the one-sentence form gives one item per task for the one commissioned, the closing report-back each task\'s', () => {
    expect(drafts(oneSentence('Kommunstyrelsen ger kommundirektören i uppdrag att'))).toEqual([survey, lighting]);
  });

  it.each([
    ['dashes after "ges i uppdrag att" (the lead wrapped after "beslutar")', 'Kommunstyrelsen beslutar att kommundirektören ges i uppdrag att',
      'Kommunstyrelsen beslutar\natt kommundirektören ges i uppdrag att\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning i centrum, och\n- återrapportera till kommunstyrelsen i juni 2027.'],
    ['bullets after "i uppdrag att:"', 'Kommunstyrelsen ger kommundirektören i uppdrag att',
      'Kommunstyrelsen ger kommundirektören i uppdrag att:\n• utreda behovet av kameraövervakning\n• ta fram en plan för belysning i centrum\n• återrapportera till kommunstyrelsen i juni 2027'],
    ['numbered items', 'Kommunstyrelsen ger kommundirektören i uppdrag att',
      'Kommunstyrelsen ger kommundirektören i uppdrag att\n1. utreda behovet av kameraövervakning,\n2. ta fram en plan för belysning i centrum,\n3. återrapportera till kommunstyrelsen i juni 2027.'],
    ['lettered items', 'Kommunstyrelsen ger kommundirektören i uppdrag att',
      'Kommunstyrelsen ger kommundirektören i uppdrag att\na) utreda behovet av kameraövervakning\nb) ta fram en plan för belysning i centrum\nc) återrapportera till kommunstyrelsen i juni 2027'],
    ['items each opened by "att"', 'Kommunstyrelsen ger kommundirektören i uppdrag att',
      'Kommunstyrelsen ger kommundirektören i uppdrag\n- att utreda behovet av kameraövervakning\n- att ta fram en plan för belysning i centrum\n- att återrapportera till kommunstyrelsen i juni 2027.'],
    ['an item wrapped over two lines', 'Kommunstyrelsen ger kommundirektören i uppdrag att',
      'Kommunstyrelsen ger kommundirektören i uppdrag att:\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning\n  i centrum\n- återrapportera till kommunstyrelsen i juni 2027'],
    ['"uppdrar åt … att:"', 'Kommunstyrelsen uppdrar åt kommundirektören att',
      'Kommunstyrelsen uppdrar åt kommundirektören att:\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning i centrum\n- återrapportera till kommunstyrelsen i juni 2027'],
  ])('%s', (_, lead, list) => {
    expect(drafts(oneSentence(lead))).toEqual([survey, lighting]);
    expect(drafts(list)).toEqual(drafts(oneSentence(lead)));
  });

  it('a passive lead, "Förvaltningen får i uppdrag att:", commissions the förvaltning with each task', () => {
    const list = 'Förvaltningen får i uppdrag att:\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning i centrum\n- återrapportera till kommunstyrelsen i juni 2027';
    const unit = (d: unknown[]) => [d[0], 'förvaltningen', d[2], d[3]];
    expect(drafts(oneSentence('Förvaltningen får i uppdrag att'))).toEqual([unit(survey), unit(lighting)]);
    expect(drafts(list)).toEqual(drafts(oneSentence('Förvaltningen får i uppdrag att')));
  });

  it('a deadline inside one item is that task\'s own', () => {
    const list = 'Kommunstyrelsen ger kommundirektören i uppdrag att:\n- utreda behovet av kameraövervakning senast den 30 april 2027\n- ta fram en plan för belysning i centrum';
    const sentence = 'Kommunstyrelsen ger kommundirektören i uppdrag att utreda behovet av kameraövervakning senast den 30 april 2027 och att ta fram en plan för belysning i centrum.';
    expect(drafts(sentence)).toEqual([
      ['uppdrag', 'kommundirektören', { date: '2027-04-30' }, 'Utreda behovet av kameraövervakning'],
      ['uppdrag', 'kommundirektören', undefined, 'Ta fram en plan för belysning i centrum'],
    ]);
    expect(drafts(list)).toEqual(drafts(sentence));
  });

  it('the source is the lead with its list, quoted exactly from the pasted text', () => {
    const text = minutes('Kommunstyrelsen ger kommundirektören i uppdrag att:\n• utreda behovet av kameraövervakning\n• ta fram en plan för belysning\n  i centrum');
    const found = extractDrafts(text, ks, ctx).drafts;
    expect(found.map((d) => d.title)).toEqual(['Utreda behovet av kameraövervakning', 'Ta fram en plan för belysning i centrum']);
    for (const d of found) {
      expect(text.slice(d.source.start, d.source.end)).toBe('Kommunstyrelsen ger kommundirektören i uppdrag att:\n• utreda behovet av kameraövervakning\n• ta fram en plan för belysning\n  i centrum');
    }
  });

  const all = (text: string) => extractDrafts(text, ks, ctx).drafts.map((d) => [d.kind, d.responsibleRole, d.confidence, d.title]);

  it('near miss: a decision list whose items have their own verbs stays a list of decisions', () => {
    expect(all(minutes('Kommunstyrelsen beslutar\n- att anta planen\n- att ge förvaltningen i uppdrag att utreda behovet av kameraövervakning'))).toEqual([
      ['uppdrag', 'förvaltningen', 0.9, 'Utreda behovet av kameraövervakning'],
    ]);
  });

  it('near miss: a list after a lead that is no commission ("Planen innehåller:") is not given to anyone', () => {
    expect(all(minutes('Kommunstyrelsen beslutar att anta planen. Planen innehåller följande åtgärder:\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning i centrum'))).toEqual([
      ['uppdrag', 'kommunstyrelsen', 0.45, 'Utreda behovet av kameraövervakning'],
      ['uppdrag', 'kommunstyrelsen', 0.45, 'Ta fram en plan för belysning i centrum'],
    ]);
  });

  it('near miss: a list of motions after "Följande motioner har anmälts:" stays one motion a line', () => {
    const text = 'Kommunfullmäktige\nProtokoll 2027-02-14\n\n§ 5 Anmälan av motioner\n\nFöljande motioner har anmälts:\n- Motion från Lena Ek (M) om laddstolpar\n- Motion från Per Ek (S) om solceller\n\nBeslut\n\nMotionerna remitteras till kommunstyrelsen.';
    expect(all(text)).toEqual([
      ['motion', 'kommunstyrelsen', 0.65, 'Besvara motion från Lena Ek (M) om laddstolpar'],
      ['motion', 'kommunstyrelsen', 0.65, 'Besvara motion från Per Ek (S) om solceller'],
    ]);
  });

  it('near miss: a commission with its list told in the case description is history, no item', () => {
    const text = 'Kommunstyrelsen\nProtokoll 2027-02-14\n\n§ 12 Trygghet i centrum\n\nÄrendebeskrivning\n\nKommunstyrelsen gav 2026-03-10 kommundirektören i uppdrag att:\n- utreda behovet av kameraövervakning\n- ta fram en plan för belysning i centrum\n\nBeslut\n\nKommunstyrelsen noterar informationen.';
    expect(all(text)).toEqual([]);
  });
});

describe('att-clauses on lines of their own, each closed by a full stop, are decisions of their own', () => {
  const ctx = { lookupRole: () => undefined, today: '2027-01-20' };
  const decided = (lines: string[]) =>
    extractDrafts(['Barn- och utbildningsnämnden', '§ 45 Skolskjuts', 'Beslut', 'Nämnden beslutar', ...lines].join('\n'), {}, ctx).drafts.map((d) => [d.responsibleRole, d.title]);

  it('three att-clauses ending in full stops give three items, as they do ending in commas', () => {
    const clauses = (end: string) => [
      `att förvaltningschefen får i uppdrag att utreda skolskjuts på linje 1${end}`,
      `att förvaltningschefen får i uppdrag att utreda skolskjuts på linje 2${end}`,
      `att rektorn får i uppdrag att ta fram en plan för linje 3${end}`,
    ];
    const expected = [
      ['förvaltningschefen', 'Utreda skolskjuts på linje 1'],
      ['förvaltningschefen', 'Utreda skolskjuts på linje 2'],
      ['rektorn', 'Ta fram en plan för linje 3'],
    ];
    expect(decided(clauses('.'))).toEqual(expected);
    expect(decided(clauses(','))).toEqual(expected);
  });

  it('forty such clauses, longer together than any one sentence is read, give forty items, none cut', () => {
    const clauses = Array.from({ length: 40 }, (_, i) => `att förvaltningschefen får i uppdrag att utreda hur skolskjutsen på linje ${i + 1} kan samordnas med kollektivtrafiken.`);
    const titles = decided(clauses).map(([, title]) => title);
    expect(titles).toHaveLength(40);
    expect(titles.at(-1)).toBe('Utreda hur skolskjutsen på linje 40 kan samordnas med kollektivtrafiken');
  });

  it('near miss: "bl.a. att" and "t.ex. att" inside a commission do not end it', () => {
    expect(decided(['att förvaltningschefen får i uppdrag att utreda skolskjutsen, bl.a. att bussarna ska gå oftare.'])).toEqual([
      ['förvaltningschefen', 'Utreda skolskjutsen, bl.a. att bussarna ska gå oftare'],
    ]);
  });
});
