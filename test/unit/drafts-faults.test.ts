import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2026-11-20' };
const extract = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx);
const proposed = (text: string, known: KnownFacts = {}) => extract(text, known).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
const minutes = (body: string, date: string, decision: string) => `${body}\nProtokoll ${date}\n\n§ 12   Dnr 2027/55\nÄrende\n\n${decision}`;

describe('motions, however they are raised and referred', () => {
  it('"har lämnat in en motion … Ärendet överlämnas till kommunstyrelsen för beredning" is a motion raised at that KF meeting, for KS', () => {
    const text = minutes('Kommunfullmäktige', '2027-03-15', 'Anna Berg (L) har lämnat in en motion om solceller på skolorna.\nÄrendet överlämnas till kommunstyrelsen för beredning.');
    expect(proposed(text)).toMatchObject([{ kind: 'motion', responsibleRole: 'kommunstyrelsen', due: { raised: '2027-03-15' } }]);
  });

  it('"beslutar att remittera motionerna till regionstyrelsen" after a list of four motions gives four motions', () => {
    const text = minutes(
      'Regionfullmäktige',
      '2027-02-08',
      'Följande motioner har inkommit:\n- Motion om vårdköer\n- Motion om kollektivtrafik på landsbygden\n- Motion om solpaneler på sjukhusen\n- Motion om fler barnmorskor\n\nBeslut\nRegionfullmäktige beslutar att remittera motionerna till regionstyrelsen.',
    );
    const motions = proposed(text).filter((d) => d.kind === 'motion');
    expect(motions).toHaveLength(4);
    expect(motions.every((d) => d.responsibleRole === 'regionstyrelsen' && 'raised' in (d.due ?? {}) && (d.due as { raised: string }).raised === '2027-02-08')).toBe(true);
  });
});

describe('passive report-backs and periods', () => {
  it('"Åtgärderna återrapporteras till socialnämnden under hösten 2027" is an återrapportering to SN by its last meeting of 2027, flagged vague', () => {
    const [d, ...rest] = proposed(minutes('Socialnämnden', '2027-03-10', 'Beslut\nSocialnämnden antar handlingsplanen. Åtgärderna återrapporteras till socialnämnden under hösten 2027.'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'aterrapportering', due: { meeting: { body: 'SN', by: '2027-12-31' } }, flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  const periods: [string, string][] = [
    ['under hösten 2027', '2027-12-31'],
    ['under våren 2028', '2028-06-30'],
    ['i början av 2028', '2028-03-31'],
    ['under första kvartalet 2028', '2028-03-31'],
    ['under andra kvartalet 2028', '2028-06-30'],
    ['under tredje kvartalet 2028', '2028-09-30'],
    ['under fjärde kvartalet 2028', '2028-12-31'],
    ['under 2028', '2028-12-31'],
    ['i slutet av 2027', '2027-12-31'],
    ['vid årets slut', '2027-12-31'],
  ];
  for (const [period, by] of periods) {
    it(`a report-back to a body "${period}" is due by its last meeting on or before ${by}`, () => {
      const [d] = proposed(minutes('Kommunstyrelsen', '2027-03-10', `Beslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan och återrapportera till kommunstyrelsen ${period}.`));
      expect(d).toMatchObject({ kind: 'aterrapportering', due: { meeting: { body: 'KS', by } } });
    });
  }

  it('a period with no body to report to ("klart under hösten 2027") is a date at its end, flagged vague', () => {
    const [d] = proposed(minutes('Kommunstyrelsen', '2027-03-10', 'Beslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan. Arbetet ska vara klart under hösten 2027.'));
    expect(d).toMatchObject({ kind: 'uppdrag', due: { date: '2027-12-31' }, flagged: true });
  });
});

describe('"A och att B": two commissions', () => {
  it('the second commission keeps its own deadline, a meeting of KS on 6 November', () => {
    const drafts = proposed(
      minutes('Kommunstyrelsen', '2027-09-01', 'Beslut\nKommunstyrelsen beslutar att ge förvaltningen i uppdrag att genomföra besparingarna och att till kommunstyrelsens sammanträde den 6 november ta fram underlag för budgeten.'),
    );
    expect(drafts.map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([
      ['uppdrag', 'förvaltningen', undefined],
      ['aterrapportering', 'förvaltningen', { meeting: { body: 'KS', date: '2027-11-06' } }],
    ]);
  });
});

describe('yrkanden', () => {
  const yrkande = (outcome: string) =>
    minutes('Kommunstyrelsen', '2027-05-03', `Yrkanden\nLena Ek (M) yrkar att förvaltningen får i uppdrag att ta fram en strategisk plan till sammanträdet i december.\n\nBeslutsgång\nOrdföranden ställer proposition på yrkandet och finner att ${outcome}.`);

  it('a commission in an adopted yrkande ("finner att kommunstyrelsen bifaller Lena Eks yrkande") is proposed, due for KS in December', () => {
    expect(proposed(yrkande('kommunstyrelsen bifaller Lena Eks yrkande'))).toMatchObject([
      { kind: 'aterrapportering', responsibleRole: 'förvaltningen', due: { meeting: { body: 'KS', month: '2027-12' } } },
    ]);
  });

  it('a yrkande that falls ("finner att Lena Eks yrkande avslås", "avslår") creates nothing', () => {
    expect(proposed(yrkande('Lena Eks yrkande avslås'))).toEqual([]);
    expect(proposed(yrkande('kommunstyrelsen avslår Lena Eks yrkande'))).toEqual([]);
  });
});

describe("regions' and landsting's bodies", () => {
  it('"Regionfullmäktige beslutar att regionstyrelsen får i uppdrag att informera fullmäktige" is an återrapportering for RS to RF', () => {
    const [d] = proposed(minutes('Regionfullmäktige', '2027-04-12', 'Beslut\nRegionfullmäktige beslutar att regionstyrelsen får i uppdrag att informera fullmäktige om införandet.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', responsibleRole: 'regionstyrelsen', decision: { body: 'RF' } });
  });

  it('regions\' and landsting\'s bodies have their short names: RF, RS, RSAU, HSN, RUN, LF, LS', async () => {
    const { bodyCode } = await import('../../shared/drafting/swedish');
    expect(['regionfullmäktige', 'regionstyrelsen', 'regionstyrelsens arbetsutskott', 'hälso- och sjukvårdsnämnden', 'regionala utvecklingsnämnden', 'landstingsfullmäktige', 'landstingsstyrelsen'].map((b) => bodyCode(b))).toEqual([
      'RF', 'RS', 'RSAU', 'HSN', 'RUN', 'LF', 'LS',
    ]);
  });

  it('in a region\'s text "fullmäktige" is RF and "styrelsen" RS', () => {
    const [d] = proposed(minutes('Regionstyrelsen', '2027-04-12', 'Beslut\nRegionstyrelsen ger regiondirektören i uppdrag att ta fram en plan och återrapportera till fullmäktige i juni.'));
    expect(d?.due).toEqual({ meeting: { body: 'RF', month: '2027-06' } });
  });
});

describe('dates without a year', () => {
  it('"senast den 30 april" in a decision of 2028-01-22 is 2028-04-30, whatever day it is today', () => {
    const text = 'Tjänsteskrivelse\nDatum: 2028-01-22\nDnr KS 2028/14\n\nFörslag till beslut\nKommunstyrelsen ger ekonomichefen i uppdrag att senast den 30 april ta fram en ny budgetprocess.';
    expect(proposed(text)[0]?.due).toEqual({ date: '2028-04-30' });
  });

  it('"senast den 30 april" in minutes of 2028-05-10 is the next 30 April, 2029-04-30', () => {
    expect(proposed(minutes('Kommunstyrelsen', '2028-05-10', 'Beslut\nKommunstyrelsen ger ekonomichefen i uppdrag att senast den 30 april ta fram en ny budgetprocess.'))[0]?.due).toEqual({ date: '2029-04-30' });
  });

  it('a text with no year anywhere gives no deadline, never the clock’s year: the day is quoted for the clerk to date', () => {
    const [d] = proposed('Beslut\nKommunstyrelsen ger ekonomichefen i uppdrag att senast den 30 april ta fram en ny budgetprocess.');
    expect(d?.due).toBeUndefined();
    expect(d?.flagReason).toContain('Året framgår inte av texten (”30 april”): ange datum.');
  });
});

describe('remiss deadlines', () => {
  it('"Remissvar ska ha inkommit senast den 29 januari 2027." with no recipient is a yttrande, recipient unknown and flagged', () => {
    const [d] = proposed('Remiss\nDnr KS 2026/300\n\nRemiss av förslag till regional cykelstrategi\n\nRemissvar ska ha inkommit senast den 29 januari 2027.');
    expect(d).toMatchObject({ kind: 'yttrande', due: { externalDeadline: '2027-01-29' }, flagged: true });
    expect(d?.due).not.toHaveProperty('recipient');
    expect(d?.missing).toContain('due.recipient');
  });

  it('"beslutar att avge yttrande enligt förvaltningens förslag … Länsstyrelsen tillhanda senast 12 oktober 2027" is a yttrande to Länsstyrelsen, no decidedBy', () => {
    const text = minutes('Kommunstyrelsen', '2027-09-20', 'Beslut\nKommunstyrelsen beslutar att avge yttrande enligt förvaltningens förslag. Synpunkterna ska vara Länsstyrelsen tillhanda senast 12 oktober 2027.');
    expect(proposed(text)).toMatchObject([{ kind: 'yttrande', due: { externalDeadline: '2027-10-12', recipient: 'Länsstyrelsen' } }]);
    expect(proposed(text)[0]?.due).not.toHaveProperty('decidedBy');
  });

  it('a yttrande the text says has been sent ("yttrandet har skickats") creates nothing', () => {
    const text = minutes('Kommunstyrelsen', '2027-09-20', 'Beslut\nKommunstyrelsen beslutar att avge yttrande enligt förvaltningens förslag. Synpunkterna ska vara Länsstyrelsen tillhanda senast 12 oktober 2027. Yttrandet har skickats till Länsstyrelsen.');
    expect(proposed(text)).toEqual([]);
  });
});

describe('exhortations', () => {
  it('"Kommunstyrelsen uppmanar nämnderna att senast den 30 april anta en internkontrollplan" is no draft, but an exhortation the clerk sees', () => {
    const result = extract(minutes('Kommunstyrelsen', '2027-02-01', 'Beslut\nKommunstyrelsen uppmanar nämnderna att senast den 30 april anta en internkontrollplan.'));
    expect(result.drafts).toEqual([]);
    expect(result.exhortations).toMatchObject([{ to: 'nämnderna', what: 'Anta en internkontrollplan', source: { sentence: 'Kommunstyrelsen uppmanar nämnderna att senast den 30 april anta en internkontrollplan.' } }]);
  });
});

describe('the decision date is the meeting the decision is recorded at', () => {
  it('a history sentence ("KS beslutade 2027-03-22 att …") does not give the decision date; the § header does', () => {
    const text = 'Kommunstyrelsen\n\n§ 140   Dnr KS 2027/80\nUppföljning av lokalförsörjningen\n\nÄrendet\nKS beslutade 2027-03-22 att ge lokalstrategen i uppdrag att kartlägga lokalbehoven.\n\nBeslut\nKommunstyrelsen ger lokalstrategen i uppdrag att ta fram en lokalförsörjningsplan senast den 30 november.';
    const [d] = proposed(text, { meetingDate: undefined });
    expect(d?.decision.date).toBeUndefined();
    expect(d?.due).toEqual({ date: '2027-11-30' });
  });

  it('the protokoll\'s own date in the header is every §\'s decision date, even after a history date in the text', () => {
    const text = 'Kommunstyrelsen\nProtokoll 2027-10-04\n\n§ 140   Dnr KS 2027/80\nUppföljning\n\nÄrendet\nKS beslutade 2027-03-22 att ge lokalstrategen i uppdrag att kartlägga lokalbehoven.\n\nBeslut\nKommunstyrelsen ger lokalstrategen i uppdrag att ta fram en plan.';
    expect(proposed(text)[0]?.decision).toEqual({ body: 'KS', date: '2027-10-04', paragraph: '§ 140' });
  });
});
