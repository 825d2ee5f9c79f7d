/**
 * Round twenty of the drafting rules (issue 19): a page run into one line (a PDF or a web page pasted without its line
 * breaks, a line longer than 400 characters) has its layout read back before the rules read it, as the dev split's
 * "page run into one line" damage showed it lost (81.5 % of the items found kept): a line break before each § opening,
 * each section label ("Beslut:", "Förslag till beslut", "Beskrivning av ärendet") and after a label with no colon,
 * before each point of a numbered list and before a dash point after a sentence's end. Only spaces become line breaks,
 * so a draft's source still points at the submitted characters. Invented texts, with near misses.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';
import { normalizeText } from '../../shared/drafting/text';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-05-20' };
const drafts = (text: string, known: KnownFacts) =>
  extractDrafts(text, known, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => ({ kind: d.kind, title: d.title, due: d.due }));
const lines = (text: string) => normalizeText(text).text.split('\n');

const decisionList =
  'Regionstyrelsens beslut 14 april 2027 Fullmäktigeärenden 1. Budgetuppdrag om jämlik hälsa i hela regionen Beslut: Ärendet återremitterat för politisk beredning. ' +
  '2. Regional strategi för säkerhetsarbetet 2027-2030 Beslut: Enligt förslag Styrelseärenden 3. Avtal med Högskolan i Ekby om verksamhetsförlagd utbildning Beslut: Enligt förslag ' +
  '4. Yttrande över betänkandet En ny kommunallag för framtiden (SOU 2027:12) Beslut: Enligt förslag 5. Yttrande över Trafikverkets förslag till nationell plan för transportinfrastrukturen Beslut: Enligt förslag. Reservation: M, KD.';

describe('a decision list run into one line: each numbered item and its "Beslut:" on lines of their own again', () => {
  it('"… 3. Avtal … Beslut: Enligt förslag 4. Yttrande över … Beslut: Enligt förslag 5. Yttrande över …" → the two answers adopted', () => {
    expect(drafts(decisionList, { body: 'RS', meetingDate: '2027-04-14' })).toEqual([
      { kind: 'yttrande', title: 'Skicka yttrandet över betänkandet En ny kommunallag för framtiden (SOU 2027:12)', due: undefined },
      { kind: 'yttrande', title: 'Skicka yttrandet över Trafikverkets förslag till nationell plan för transportinfrastrukturen', due: undefined },
    ]);
  });

  it('the items and their decisions are lines of their own, and every offset maps back: only spaces became line breaks', () => {
    const read = lines(decisionList);
    expect(read).toContain('4. Yttrande över betänkandet En ny kommunallag för framtiden (SOU 2027:12)');
    expect(read.filter((l) => l.startsWith('Beslut: '))).toHaveLength(5);
    expect(read.join(' ')).toBe(decisionList);
  });

  it('a draft\'s source is the submitted text\'s characters', () => {
    const [first] = extractDrafts(decisionList, { body: 'RS', meetingDate: '2027-04-14' }, ctx).drafts;
    expect(decisionList.slice(first?.source.start, first?.source.end)).toContain('Yttrande över betänkandet En ny kommunallag');
  });
});

describe('a proposal\'s label run in before its numbered points opens the proposal; the history after its label proposes nothing', () => {
  const page =
    'Socialnämnden Sammanträde 2027-11-24 Datum Klockan 18:30 Plats Stora salen 1 Granskning av Lindens gruppbostad SN 2027/211 Socialnämndens förslag till beslut ' +
    '1. Granskningen av Lindens gruppbostad noteras. 2. Åtgärder till följd av granskningen återrapporteras till socialnämnden senast den 25 mars 2028. ' +
    'Beskrivning av ärendet Ekby Omsorg AB driver Lindens gruppbostad på uppdrag av kommunen. Socialnämnden beslutade den 12 maj 2026 att ge förvaltningen i uppdrag att ' +
    'granska samtliga gruppbostäder senast i december 2026. Granskningen visar brister i dokumentationen.';

  it('"Socialnämndens förslag till beslut 1. … 2. Åtgärder … återrapporteras till socialnämnden senast den 25 mars 2028." → that report-back alone', () => {
    expect(drafts(page, { body: 'SN', meetingDate: '2027-11-24' })).toEqual([
      { kind: 'aterrapportering', title: 'Återrapportera åtgärder till följd av granskningen', due: { date: '2028-03-25' } },
    ]);
  });

  it('"Beskrivning av ärendet" stands on a line of its own, the label "Socialnämndens förslag till beslut" too', () => {
    expect(lines(page)).toEqual(expect.arrayContaining(['Socialnämndens förslag till beslut', 'Beskrivning av ärendet', '1. Granskningen av Lindens gruppbostad noteras.']));
  });
});

describe('a § run into the line after a sentence opens a block of its own', () => {
  const protocol =
    'Protokoll Kommunfullmäktige 2027-03-15 § 12 Val av justerare Fullmäktige utser Eva Lund och Per Ek att justera protokollet. Justeringen sker den 22 mars 2027 i ' +
    'stadshuset klockan 14.00 och protokollet anslås därefter på kommunens anslagstavla. § 13 Ny motion om solceller på skolorna Anna Berg (L) har lämnat in en motion om ' +
    'solceller på kommunens skolor. Kommunfullmäktige beslutar att remittera motionen till kommunstyrelsen för beredning. § 14 Anmälan av delegationsbeslut ' +
    'Kommunfullmäktige beslutar att lägga anmälan till handlingarna.';

  it('"… anslagstavla. § 13 Ny motion om …" and "… beredning. § 14 Anmälan …" open lines', () => {
    const read = lines(protocol);
    expect(read.some((l) => l.startsWith('§ 13 Ny motion om solceller'))).toBe(true);
    expect(read.some((l) => l.startsWith('§ 14 Anmälan av delegationsbeslut'))).toBe(true);
  });

  it('→ the motion raised, for kommunstyrelsen', () => {
    expect(drafts(protocol, { body: 'KF', meetingDate: '2027-03-15' })).toEqual([{ kind: 'motion', title: 'Besvara motion om solceller på kommunens skolor', due: { raised: '2027-03-15' } }]);
  });

  it('near miss: a law\'s "18 § kameraövervakningslagen" is no § opening', () => {
    const text = `${'Länsstyrelsen har tagit emot en ansökan om kameraövervakning. '.repeat(6)}Enligt 18 § kameraövervakningslagen ska kommunen få tillfälle att yttra sig.`;
    expect(lines(text).some((l) => l.startsWith('§'))).toBe(false);
  });
});

describe('near misses: what a run-in line keeps', () => {
  it('"punkt 3." and "punkt 7." in sentences are no numbered list', () => {
    const text =
      'Kommunstyrelsen 2027-05-12 § 61 Lokaler för föreningslivet Förvaltningen har sett över lokalerna enligt avtalets punkt 3. Kommunen hyr i dag ut fem lokaler och enligt ' +
      'punkt 7. Föreningarna betalar en låg hyra som inte täcker kostnaderna, och flera lokaler står tomma stora delar av veckan. Beslut Kommunstyrelsen ger förvaltningen i ' +
      'uppdrag att utreda samnyttjandet av lokalerna och redovisa till kommunstyrelsen den 13 oktober 2027.';
    expect(lines(text).some((l) => /^[37]\. /.test(l))).toBe(false);
    expect(drafts(text, { body: 'KS', meetingDate: '2027-05-12' }).map((d) => d.title)).toEqual(['Utreda samnyttjandet av lokalerna']);
  });

  it('"Beslutsunderlag" stays run in: the decision a PDF ran into its list ("… - Kommunstyrelsen uppdrar …") is still read', () => {
    const text =
      'Kommunstyrelsen 2027-05-12 § 88 Taxor och avgifter 2028 Kommunstyrelsen har i samband med budgetarbetet för 2028 gått igenom de taxor och avgifter som hör till ' +
      'styrelsens ansvarsområde och föreslår i huvudsak oförändrade nivåer för nästa år, med undantag för lokalhyrorna. Beslutsunderlag Taxor och avgifter 2028 ' +
      'kommunstyrelsen Taxor och avgifter 2027 teknik och service - Kommunstyrelsen uppdrar åt ekonomichefen att inför nästa års beredning göra redovisningen av taxorna ' +
      'enhetlig för samtliga nämnder.';
    expect(lines(text).includes('Beslutsunderlag')).toBe(false);
    expect(drafts(text, { body: 'KS', meetingDate: '2027-05-12' }).map((d) => d.kind)).toEqual(['uppdrag']);
  });

  it('a line shorter than 400 characters is kept as it is: "Bakgrund Kommunen …" in a short line is no label of its own', () => {
    const text = 'Lokaler för föreningslivet Bakgrund Kommunen hyr i dag ut fem lokaler till föreningar.';
    expect(lines(text)).toEqual([text]);
  });
});
