import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { extractDrafts, normalizeRole, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const people: Record<string, { name: string; email: string; unit: string }> = {
  kommundirektör: { name: 'Kim Berg', email: 'kim.berg@example.se', unit: 'Kommunledningskontoret' },
  förvaltningschef: { name: 'Alex Lund', email: 'alex.lund@example.se', unit: 'Barn- och utbildningsförvaltningen' },
};
const ctx: DraftContext = { lookupRole: (role) => people[role], today: '2026-06-01' };
const draft = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts;
const proposed = (text: string, known: KnownFacts = {}) => draft(text, known).filter((d) => d.confidence >= PROPOSED_CONFIDENCE);

const KS_MINUTES = (decision: string) => `Kommunstyrelsen\nSammanträdesdatum 2026-03-11\n\n§ 58   Dnr KS 2026/141\nUtredning\n\nBeslut\n${decision}`;

describe('commissions in a decision', () => {
  it('an adverb after "ger" is not the one commissioned: "ger vidare kommundirektören i uppdrag", "ger nu i uppdrag åt kommundirektören"', () => {
    expect(draft(KS_MINUTES('Kommunstyrelsen ger vidare kommundirektören i uppdrag att återrapportera arbetet till kommunstyrelsen i juni.')).map((d) => [d.kind, d.responsibleRole, d.responsible?.name])).toEqual([
      ['aterrapportering', 'kommundirektören', 'Kim Berg'],
    ]);
    expect(draft(KS_MINUTES('Kommunstyrelsen ger nu i uppdrag åt kommundirektören att ta fram en plan.')).map((d) => [d.responsibleRole, d.title])).toEqual([['kommundirektören', 'Ta fram en plan']]);
  });

  it('"ge ... i uppdrag ... och återrapportera till kommunstyrelsen i september" is an återrapportering at KS in September', () => {
    const [d, ...rest] = draft(KS_MINUTES('Kommunstyrelsen ger kommundirektören i uppdrag att utreda formerna för en gemensam e-tjänstplattform och återrapportera till kommunstyrelsen i september.'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      kind: 'aterrapportering',
      title: 'Utreda formerna för en gemensam e-tjänstplattform',
      responsibleRole: 'kommundirektören',
      responsible: { name: 'Kim Berg', email: 'kim.berg@example.se' },
      unit: 'Kommunledningskontoret',
      due: { meeting: { body: 'KS', month: '2026-09' } },
      decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
      caseNumber: 'KS 2026/141',
      flagged: false,
      missing: [],
    });
  });

  it('a complete draft is a valid POST /uppdrag body', () => {
    const [d] = draft(KS_MINUTES('Kommunstyrelsen ger kommundirektören i uppdrag att utreda formerna för en e-tjänstplattform och återrapportera till kommunstyrelsen i september.'));
    expect(d?.missing).toEqual([]);
    expect(createItemBody.safeParse(d?.body).success).toBe(true);
  });

  it('"uppdrar åt förvaltningschefen att senast 30 juni 2026 ta fram ..." is an uppdrag due that date, titled without the deadline', () => {
    const [d] = draft('Barn- och utbildningsnämnden\nProtokoll 2026-05-20\n§ 44 BUN 2026/212\nSkolskjuts\n\nBeslut\nNämnden uppdrar åt förvaltningschefen att senast 30 juni 2026 ta fram riktlinjer för skolskjuts.');
    expect(d).toMatchObject({ kind: 'uppdrag', title: 'Ta fram riktlinjer för skolskjuts', due: { date: '2026-06-30' }, decision: { body: 'BUN' } });
  });

  it('a commission hidden in the middle of a long decision sentence is found; the closing clauses around it are not', () => {
    const drafts = proposed(KS_MINUTES('Kommunstyrelsen beslutar att anta strategin, att lägga rapporten till handlingarna och att ge kommundirektören i uppdrag att ta fram en plan och återrapportera på sammanträdet i juni samt att ställa sig bakom rekommendationen.'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: 'aterrapportering', due: { meeting: { body: 'KS', month: '2026-06' } } });
  });

  it('"på sammanträdet i juni" reports to the deciding body', () => {
    const [d] = draft('Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2026-04-07\n§ 48 KS 2026/188\nÖversyn\n\nArbetsutskottets beslut\nArbetsutskottet ger kanslichefen i uppdrag att se över delegationsordningen och återrapportera på sammanträdet i juni.');
    expect(d?.due).toEqual({ meeting: { body: 'KSAU', month: '2026-06' } });
  });

  it('a commission to two committees gives one draft each, and "vård- och omsorgsnämnden" stays one name', () => {
    const drafts = draft(KS_MINUTES('Kommunstyrelsen ger socialnämnden och vård- och omsorgsnämnden i uppdrag att senast den 31 mars 2027 redovisa åtgärder för en ekonomi i balans.'));
    expect(drafts.map((d) => d.responsibleRole)).toEqual(['socialnämnden', 'vård- och omsorgsnämnden']);
    expect(drafts.every((d) => d.kind === 'aterrapportering' && 'date' in (d.due ?? {}))).toBe(true);
  });

  it('"utse kommunstyrelsens ordförande att underteckna avtalet" is an uppdrag for the chair', () => {
    const [d] = draft(KS_MINUTES('Kommunstyrelsen beslutar att godkänna avtalet samt att utse kommunstyrelsens ordförande att underteckna avtalet.'));
    expect(d).toMatchObject({ kind: 'uppdrag', responsibleRole: 'kommunstyrelsens ordförande' });
    expect(d?.title).toMatch(/^Underteckna avtalet/);
  });

  it('a deadline in the next sentence belongs to the commission before it', () => {
    const [d] = draft(KS_MINUTES('Kommunstyrelsen ger kommundirektören i uppdrag att följa upp sjukfrånvaron. Återrapportering ska ske till kommunstyrelsens sammanträde 2026-12-07.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', due: { meeting: { body: 'KS', date: '2026-12-07' } } });
  });

  it('a report-back within a season is due at the body\'s last meeting by its end, flagged for a check', () => {
    const [d] = draft(KS_MINUTES('Kommunstyrelsen ger kulturchefen i uppdrag att utreda öppettiderna och återrapportera under hösten 2026.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', flagged: true, due: { meeting: { body: 'KS', by: '2026-12-31' } } });
    expect(d?.flagReason).toContain('hösten 2026');
  });

  it('a time that names no period gives no due and a flag asking for a deadline', () => {
    const [d] = draft(KS_MINUTES('Kommunstyrelsen ger kulturchefen i uppdrag att utreda öppettiderna och återrapportera i samband med delårsrapporten.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', flagged: true });
    expect(d?.due).toBeUndefined();
    expect(d?.missing).toContain('due');
  });

  it('matching survives lost diacritics: "ge sakerhetschefen ... ateraterrapportera till kommunstyrelsen i maj"', () => {
    const [d] = draft('KOMMUNSTYRELSEN 2026-01-28 Sida 7 av 12\n§ 9 Krisberedskap, dnr KS 2025/790\n\nBeslut\nKommunstyrelsen beslutar att ge sakerhetschefen i uppdrag att ta fram en ny plan for\nkrisberedskap och ateraterrapportera till kommunstyrelsen i maj.');
    expect(d).toMatchObject({ kind: 'aterrapportering', responsibleRole: 'säkerhetschefen', title: 'Ta fram en ny plan för krisberedskap', due: { meeting: { body: 'KS', month: '2026-05' } } });
  });

  it('"får uppdraget att" is a commission like "får i uppdrag att"', () => {
    expect(draft(KS_MINUTES('Integrationssamordnaren får uppdraget att ta fram en plan och redovisa den för kommunstyrelsen i maj.'))[0]).toMatchObject({
      responsibleRole: 'integrationssamordnaren',
      due: { meeting: { body: 'KS', month: '2026-05' } },
    });
  });

  it('a deadline may stand between "ska" and the verb: "Kommundirektören ska senast den 1 oktober 2026 återkomma"', () => {
    expect(draft(KS_MINUTES('Kommundirektören ska senast den 1 oktober 2026 återkomma till kommunstyrelsen med en lägesrapport.'))[0]).toMatchObject({
      kind: 'aterrapportering',
      responsibleRole: 'kommundirektören',
      due: { date: '2026-10-01' },
    });
  });

  it('a report-back at two meetings ("i april och i oktober") gives one draft per meeting', () => {
    const drafts = draft(KS_MINUTES('Kommunstyrelsen ger socialchefen i uppdrag att följa upp placeringarna och rapportera till kommunstyrelsen i april och i oktober.'));
    expect(drafts.map((d) => d.due)).toEqual([{ meeting: { body: 'KS', month: '2026-04' } }, { meeting: { body: 'KS', month: '2026-10' } }]);
  });

  it('a referral back ("Ärendet återremitteras till förvaltningen för komplettering") is an uppdrag', () => {
    expect(draft(KS_MINUTES('Ärendet återremitteras till förvaltningen för komplettering med en trafikutredning.'))[0]).toMatchObject({
      kind: 'uppdrag',
      responsibleRole: 'förvaltningen',
    });
  });
});

describe('what is not new work', () => {
  it('closing decisions propose nothing: godkänna återrapporteringen, lägga till handlingarna, ställa sig bakom', () => {
    expect(draft(KS_MINUTES('Kommunstyrelsen beslutar att godkänna återrapporteringen, att lägga informationen till handlingarna och att ställa sig bakom regionens plan.'))).toEqual([]);
  });

  it('an uppmaning is no draft; it is listed apart as an exhortation', () => {
    const result = extractDrafts(KS_MINUTES('Kommunstyrelsen beslutar att uppmana samtliga nämnder att se över sina lokalbehov.'), {}, ctx);
    expect(result.drafts).toEqual([]);
    expect(result.exhortations).toMatchObject([{ to: 'samtliga nämnder', what: 'Se över sina lokalbehov' }]);
  });

  it('a commission told in the history (Ärendet, tidigare behandling) is not proposed', () => {
    const text = KS_MINUTES('Kommunstyrelsen godkänner återrapporteringen.').replace(
      'Beslut',
      'Ärendets tidigare behandling\nKommunstyrelsen gav 2025-10-08 § 201 kommundirektören i uppdrag att ta fram en plan och återrapportera i mars 2026.\n\nÄrendet\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan, skrev förvaltningen.\n\nBeslut',
    );
    expect(draft(text)).toEqual([]);
  });

  it('questions in an interpellation are not proposed, even one that reads like a commission', () => {
    const text = 'Interpellation till kommunstyrelsens ordförande\n\n1. Hur långt har man kommit med handlingsplanen?\n2. Avser ordföranden att ge förvaltningen i uppdrag att skynda på arbetet?';
    expect(draft(text)).toEqual([]);
  });

  it('KS proposing to KF is not yet a commission: below the proposing confidence, with the reason', () => {
    const drafts = draft('Kommunstyrelsen\nProtokoll 2026-05-06\n§ 90 KS 2026/200\nSimhall\n\nBeslut\nKommunstyrelsen föreslår kommunfullmäktige besluta\n1. att ge kommunstyrelsen i uppdrag att ta fram ett förfrågningsunderlag.');
    expect(drafts.every((d) => d.confidence < PROPOSED_CONFIDENCE)).toBe(true);
    expect(drafts[0]?.flagReason).toContain('KF');
  });

  it('when both the proposal and the decision state a commission, it is proposed once, from the decision', () => {
    const commission = 'Nämnden uppdrar åt förvaltningschefen att senast 30 juni 2026 ta fram riktlinjer för skolskjuts.';
    const text = `Barn- och utbildningsnämnden\nProtokoll 2026-05-20\n§ 44 BUN 2026/212\nSkolskjuts\n\nFörslag till beslut\n${commission}\n\nBeslut\n${commission}`;
    const drafts = draft(text);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.source.start).toBe(text.lastIndexOf(commission));
  });

  it('a decision "enligt arbetsutskottets förslag" adopts the proposal told in the history', () => {
    const text = KS_MINUTES('Kommunstyrelsen beslutar enligt arbetsutskottets förslag.').replace(
      'Beslut',
      'Ärendets tidigare behandling\nArbetsutskottet 2026-02-17 § 22: Arbetsutskottet föreslår kommunstyrelsen besluta att ge kommundirektören i uppdrag att ta fram en trygghetsplan och återrapportera till kommunstyrelsen i juni.\n\nBeslut',
    );
    expect(proposed(text)).toMatchObject([{ kind: 'aterrapportering', responsibleRole: 'kommundirektören', due: { meeting: { body: 'KS', month: '2026-06' } } }]);
  });
});

describe('remiss letters', () => {
  const LETTER = 'Länsstyrelsen Skåne\n2026-01-12\n\nTill: Samhällsbyggnadsnämnden, Ystads kommun\n\nSamråd om utvidgat strandskydd\n\nLänsstyrelsen har tagit fram ett förslag. Vi vill ha era synpunkter senast den 2 mars.';

  it('an outside deadline is a yttrande with externalDeadline, the sender as recipient and the addressed committee deciding', () => {
    const [d] = draft(LETTER);
    expect(d).toMatchObject({
      kind: 'yttrande',
      responsibleRole: 'samhällsbyggnadsnämnden',
      due: { externalDeadline: '2026-03-02', recipient: 'Länsstyrelsen Skåne', decidedBy: 'SBN' },
    });
    expect(d?.title).toContain('strandskydd');
  });

  it('the known body decides when the clerk says so', () => {
    expect(draft(LETTER, { body: 'KS' })[0]?.due).toMatchObject({ decidedBy: 'KS' });
  });

  it('answered by delegation, the yttrande has no decidedBy', () => {
    const [d] = draft(`${LETTER}\n\nHandläggs på delegation av planchefen`);
    expect(d?.due).toEqual({ externalDeadline: '2026-03-02', recipient: 'Länsstyrelsen Skåne' });
    expect(d?.responsibleRole).toBe('planchefen');
  });

  it('a commission to prepare the answer takes the remiss deadline: "Synpunkter ska ha kommit in till Region Halland senast den 4 maj 2026"', () => {
    const text = 'Tjänsteskrivelse\nKS 2026/166\n\nSammanfattning\nRegion Halland har skickat en plan på remiss. Synpunkter ska ha kommit in till Region Halland senast den 4 maj 2026.\n\nFörslag till beslut\nKommunstyrelsen ger samhällsbyggnadschefen i uppdrag att ta fram ett förslag till yttrande över remissen.';
    expect(draft(text, { meetingDate: '2026-03-10' })).toMatchObject([
      { kind: 'yttrande', responsibleRole: 'samhällsbyggnadschefen', due: { externalDeadline: '2026-05-04', recipient: 'Region Halland', decidedBy: 'KS' } },
    ]);
  });
});

describe('motions', () => {
  it('a motion raised at KF is a motion due by its raised date ("väckt i KF 2026-01-26 § 7"), its proposal no commission', () => {
    const text = 'MOTION\ntill kommunfullmäktige\n\nVäckt i KF 2026-01-26 § 7\nDnr KS 2026/41\n\nInför ett sommarlovsprogram för unga\n\nJag föreslår därför att kommunfullmäktige beslutar\natt ge kommunstyrelsen i uppdrag att ta fram ett sommarlovsprogram.';
    expect(draft(text)).toMatchObject([{ kind: 'motion', due: { raised: '2026-01-26' }, decision: { body: 'KF', date: '2026-01-26', paragraph: '§ 7' } }]);
  });

  it('an approved motion ("Motionen bifalls") turns its proposal into a flagged uppdrag for the committee it names', () => {
    const text = 'Kommunfullmäktige 2026-02-23\n§ 14 KS 2025/388\nSvar på motion om lekplatser\n\nÄrendet\nI en motion väckt 2025-06-16 föreslår Erik Sand (C) att kommunfullmäktige ger tekniska nämnden i uppdrag att ta fram en handlingsplan för tillgängliga lekplatser.\n\nBeslut\nMotionen bifalls.';
    const [d, ...rest] = proposed(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'uppdrag', responsibleRole: 'tekniska nämnden', title: 'Ta fram en handlingsplan för tillgängliga lekplatser', flagged: true });
  });

  it('an approved motion whose proposals are an att-list gives one uppdrag per proposal, for the committee that prepared it', () => {
    const text = 'Kommunfullmäktige 2026-10-26\n§ 149 KS 2026/58\nSvar på motion om utegym\n\nMotionen\nMaria Lund (C) föreslår i motionen\n- att kommunen bygger ett utegym i varje tätort, och\n- att kommunen utreder belysning vid motionsspåren.\n\nMotionen har remitterats till kultur- och fritidsnämnden.\n\nBeslut\nMotionen bifalls.';
    expect(proposed(text).map((d) => [d.responsibleRole, d.title])).toEqual([
      ['kultur- och fritidsnämnden', 'Bygga ett utegym i varje tätort'],
      ['kultur- och fritidsnämnden', 'Utreda belysning vid motionsspåren'],
    ]);
  });

  describe('whose council a bare "fullmäktige" is: the text\'s when it names one, else the deployment\'s', () => {
    const referral = (header: string) =>
      `${header}\n§ 41 Motion om cykelvägar längs länsvägarna\nEva Lind (C) har lämnat in en motion om cykelvägar längs länsvägarna.\nFullmäktiges beslut\nFullmäktige beslutar att remittera motionen till styrelsen för beredning.`;
    const decidedBy = (header: string, organisation?: 'region') =>
      extractDrafts(referral(header), { meetingDate: '2027-09-21' }, { ...ctx, ...(organisation ? { organisation } : {}) }).drafts.map((d) => [d.kind, d.body.decision?.body]);

    it('in a region\'s deployment a motion referred by "Fullmäktige" is raised at regionfullmäktige', () => {
      expect(decidedBy('Protokoll 2027-09-21', 'region')).toEqual([['motion', 'RF']]);
    });

    it('in a municipality\'s deployment (the default) it is raised at kommunfullmäktige', () => {
      expect(decidedBy('Protokoll 2027-09-21')).toEqual([['motion', 'KF']]);
    });

    it('a municipality\'s text read in a region\'s deployment keeps its own council ("Kommunstyrelsen, protokoll")', () => {
      expect(decidedBy('Kommunstyrelsen, protokoll 2027-09-21', 'region')).toEqual([['motion', 'KF']]);
    });

    it('a text naming the deployment\'s own board and the other kind\'s is the deployment\'s (a remiss from the other level)', () => {
      expect(decidedBy('Kommunstyrelsen, protokoll 2027-09-21\n§ 40 Yttrande till regionstyrelsen över regional transportplan')).toEqual([['motion', 'KF']]);
      expect(decidedBy('Regionstyrelsen, protokoll 2027-09-21\n§ 40 Yttrande över remiss från kommunstyrelsen i Falu kommun', 'region')).toEqual([['motion', 'RF']]);
    });
  });

  it('a refused motion ("Motionen avslås") proposes nothing', () => {
    const text = 'Kommunfullmäktige 2026-04-27\n§ 52 KS 2025/603\nSvar på motion om parkering\n\nÄrendet\nMotionären föreslår att kommunfullmäktige ger samhällsbyggnadsnämnden i uppdrag att införa fri parkering.\n\nBeslut\nMotionen avslås.';
    expect(draft(text)).toEqual([]);
  });
});

describe('the draft as a clerk receives it', () => {
  it('source offsets point into the text as submitted, damage and all', () => {
    const text = 'Beslut\nKommunstyrelsen ger socialchefen i uppdrag att ta fram en hand-\nlingsplan och aterrap-\nportera till kommunstyrelsen i november.';
    const [d] = draft(text, { meetingDate: '2026-04-15' });
    expect(text.slice(d?.source.start, d?.source.end)).toBe(text.slice(text.indexOf('Kommunstyrelsen ger'), text.length));
    expect(d?.source.sentence).toBe('Kommunstyrelsen ger socialchefen i uppdrag att ta fram en handlingsplan och aterrapportera till kommunstyrelsen i november.');
  });

  it('missing lists what a POST /uppdrag body still lacks', () => {
    const [d] = draft('Beslut\nKommunstyrelsen ger planchefen i uppdrag att se över parkeringsnormen.');
    expect(d?.missing).toEqual(['caseNumber', 'decision.date', 'decision.paragraph', 'responsible.name', 'responsible.email', 'unit', 'due']);
    expect(d?.body).toEqual({ kind: 'uppdrag', title: 'Se över parkeringsnormen', description: expect.any(String), decision: { body: 'KS' } });
  });

  it('known facts fill what the text does not say', () => {
    const [d] = draft('Kommunstyrelsen ger kommundirektören i uppdrag att se över riktlinjen och återrapportera i maj.', { body: 'KS', meetingDate: '2026-02-04', caseNumber: 'KS 2026/9' });
    expect(d).toMatchObject({ decision: { body: 'KS', date: '2026-02-04' }, caseNumber: 'KS 2026/9', due: { meeting: { body: 'KS', month: '2026-05' } } });
  });

  it('the directory is asked with the normalized role', () => {
    const lookupRole = vi.fn(() => undefined);
    extractDrafts(KS_MINUTES('Kommunchefen får i uppdrag att se över riktlinjen.'), {}, { lookupRole, today: '2026-06-01' });
    expect(lookupRole).toHaveBeenCalledWith('kommunchef');
    expect(normalizeRole('kommunchefen')).toBe('kommunchef');
  });

  it('a twenty-page protocol is drafted (completes; no timing asserted)', () => {
    const paragraph = (n: number) =>
      [
        `§ ${n}   Dnr KS 2026/${n}`,
        `Ärende nummer ${n}`,
        '',
        'Ärendet',
        'Förvaltningen har sett över rutinerna och föreslår att arbetet fortsätter inom ramen för ordinarie verksamhet. '.repeat(8),
        '',
        'Beslut',
        `1. Kommunstyrelsen godkänner redovisningen.`,
        `2. Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för område ${n} och återrapportera till kommunstyrelsen i november.`,
        `Justerandes sign        Utdragsbestyrkande`,
        `Sida ${n} av 60`,
      ].join('\n');
    const text = `Kommunstyrelsen\nSammanträdesdatum 2026-03-11\n\n${Array.from({ length: 60 }, (_, i) => paragraph(i + 1)).join('\n')}`;
    expect(text.length).toBeGreaterThan(20 * 3000);
    expect(draft(text)).toHaveLength(60);
  });
});

describe('any pasted text', () => {
  const fragments = [
    'Beslut', 'Förslag till beslut', 'Ärendet', '§ 12', 'Dnr KS 2026/1', 'Sida 2 av 3', 'Kommunstyrelsen ger ', 'kommundirektören ',
    'i uppdrag att ', 'ta fram en plan', ' och återrapportera till kommunstyrelsen i maj', 'senast 30 juni 2026', '-\n', '\n', '\n\n',
    'Motionen bifalls.', 'föreslår att ', 'remiss', 'Synpunkter ska ha inkommit senast den 2 mars.', 'uppmana nämnderna att ', '? ',
    'é', 'Ã¤', 'a\u0308', '😀', '\r\n', '\f', ', att ', ' samt att ', '1. ', '- ',
  ];
  const pasted = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join('')));

  it('never throws; sources lie inside the text; titles are single-line; complete drafts are valid bodies', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        for (const d of draft(text)) {
          expect(d.source.start).toBeGreaterThanOrEqual(0);
          expect(d.source.end).toBeLessThanOrEqual(text.length);
          expect(d.source.start).toBeLessThan(d.source.end);
          expect(d.title.trim()).not.toBe('');
          expect(d.title).not.toMatch(/[\u0000-\u001f]/);
          expect(d.confidence).toBeGreaterThanOrEqual(0);
          expect(d.confidence).toBeLessThanOrEqual(1);
          if (d.missing.length === 0) expect(createItemBody.safeParse(d.body).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
