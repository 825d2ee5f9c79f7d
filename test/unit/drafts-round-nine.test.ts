/**
 * Round nine of the drafting rules (issue 19), from invented sentences in the forms PDF extraction and minutes
 * produce, not from any corpus text: a page's mark or footer run into a line of text is cut out and the line kept;
 * a word hyphenated at a line end that the PDF ran into one line ("upp- drag") is one word; a diaeresis set
 * apart by a space is its letter's; "30.09.2027" is a date; a blank line inside a sentence does not end it; work
 * done "till kommunstyrelsen i september", "presenteras/lämnas till" a body, reports back to that body; a remiss
 * "fått från" an authority is answered to it; a § run into its text is titled by its first sentence; "anmäler en
 * motion" hands a motion in. And from a new user's protokoll: "vid årets sista sammanträde 2027" is 2027's, and a
 * motion handed in before the council meeting that refers it is recorded at that meeting's §.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';
import { normalizeText } from '../../shared/drafting/text';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunstyrelsen met on Tuesday 9 March 2027, kommunfullmäktige on Monday 15 March 2027. */
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-09' };
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-15' };
/** The proposed drafts of `text` decided by `known`: kind, role, deadline and title. */
const read = (text: string, known: KnownFacts = ks) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

const PLAN = 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en handlingsplan för trygghet';
const planBy = (due: object) => ['uppdrag', 'kommundirektören', due, 'Ta fram en handlingsplan för trygghet'];
const planReportedTo = (due: object) => ['aterrapportering', 'kommundirektören', due, 'Ta fram en handlingsplan för trygghet'];
const september = { date: '2027-09-30' };
const ksInSeptember = { meeting: { body: 'KS', month: '2027-09' } };

describe("a page's mark or footer inside a line of text is cut out, the line kept", () => {
  it.each([
    ['"Sida 3 av 12" between two decisions', `${PLAN} senast den 30 september 2027. Sida 3 av 12 Kommunstyrelsen beslutar vidare att ge ekonomichefen i uppdrag att utreda skolskjutsarna.`],
    ['"3 (12)" closing the line', `${PLAN} senast den 30 september 2027. Kommunstyrelsen beslutar vidare att ge ekonomichefen i uppdrag att utreda skolskjutsarna. 3 (12)`],
  ])('%s: both commissions are read', (_, text) => {
    expect(read(text)).toEqual([planBy(september), ['uppdrag', 'ekonomichefen', undefined, 'Utreda skolskjutsarna']]);
  });

  it.each([
    ['at the end of the line', `${PLAN} senast i september 2027 Justerandes signatur Utdragsbestyrkande`],
    ['inside the sentence', 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en handlingsplan Justerandes sign Utdragsbestyrkande för trygghet senast i september 2027.'],
  ])('"Justerandes signatur Utdragsbestyrkande" %s is no part of the title', (_, text) => {
    expect(read(text)).toEqual([planBy(september)]);
  });

  it('near miss: a short header line with a page mark is still taken out whole', () => {
    const text = `${PLAN.replace(' för trygghet', '')}\nKommunstyrelsen 2027-03-09 Sida 3 av 12\nför trygghet senast den 30 september 2027.`;
    expect(read(text)).toEqual([planBy(september)]);
  });
});

describe('PDF damage inside a line', () => {
  it('"i upp- drag" and "åter- rapportera", run into one line, are the words "uppdrag" and "återrapportera"', () => {
    const text = 'Kommunstyrelsen beslutar att ge kommundirektören i upp- drag att ta fram en handlingsplan för trygghet och åter- rapportera till kommunstyrelsen i september 2027.';
    expect(read(text)).toEqual([planReportedTo(ksInSeptember)]);
  });

  it('"regiondi- rektören", "sty- relsens" and "handlings- plan" are one word each', () => {
    expect(normalizeText('regiondi- rektören och sty- relsens handlings- plan').text).toBe('regiondirektören och styrelsens handlingsplan');
  });

  it('near miss: "barn- och utbildningsförvaltningen", "kultur- fritids- och idrottsfrågor" and a title\'s dash between two words ("reboot- omstart", "medborgarförslag- kommuninnevånarnas") stay as written', () => {
    const written = 'barn- och utbildningsförvaltningen, kultur- fritids- och idrottsfrågor, Svar på remiss reboot- omstart, Svar på medborgarförslag- kommuninnevånarnas önskemål';
    expect(normalizeText(written).text).toBe(written);
  });

  it('near miss: a § title "Remiss ang. Inrättande av …" is not cut at the abbreviation', () => {
    const text = '§ 12 Motion ang. Öppen källkod\nAnna Berg (L) har lämnat in en motion. Kommunfullmäktige beslutar att remittera motionen till kommunstyrelsen.';
    expect(read(text, kf).map((d) => d[3])).toEqual(['Besvara motion ang. Öppen källkod']);
  });

  it('"kommundirekto ̈ren" (a combining diaeresis after a space) is "kommundirektören"', () => {
    expect(read('Kommunstyrelsen beslutar att ge kommundirekto \u0308ren i uppdrag att ta fram en handlingsplan fo \u0308r trygghet senast den 30 september 2027.')).toEqual([planBy(september)]);
  });

  it('"senast 30.09.2027" is 30 September 2027', () => {
    expect(read(`${PLAN} senast 30.09.2027.`)).toEqual([planBy(september)]);
  });

  it('near miss: "31.2.2027" is no date and stays in the title; "bilaga 3.2" is a section, not a date', () => {
    expect(read(`${PLAN} senast 31.2.2027.`)).toEqual([['uppdrag', 'kommundirektören', undefined, 'Ta fram en handlingsplan för trygghet senast 31.2.2027']]);
    expect(read('Kommunstyrelsen beslutar att godkänna bilaga 3.2 och ge kommundirektören i uppdrag att utreda frågan.')).toEqual([['uppdrag', 'kommundirektören', undefined, 'Utreda frågan']]);
  });

  it('a blank line after "i uppdrag att" does not end the sentence', () => {
    expect(normalizeText('ge kommundirektören i uppdrag att\n\nta fram en handlingsplan').text).toBe('ge kommundirektören i uppdrag att ta fram en handlingsplan');
    expect(read(`${PLAN.replace(' en handlingsplan för trygghet', '')}\n\nen handlingsplan för trygghet och återrapportera till kommunstyrelsen i september 2027.`)).toEqual([planReportedTo(ksInSeptember)]);
  });

  it('a page break inside a sentence (blank lines around the page mark) does not end it', () => {
    expect(read(`${PLAN.replace(' trygghet', '')}\n\nSida 2 av 4\n\ntrygghet senast den 30 september 2027.`)).toEqual([planBy(september)]);
  });

  it('near miss: a blank line after a full sentence, or after a colon, still parts the paragraphs', () => {
    expect(normalizeText('en handlingsplan.\n\nta fram').text).toBe('en handlingsplan.\n\nta fram');
    expect(normalizeText('Kommunstyrelsen beslutar:\n\natt ge kommundirektören i uppdrag').text).toBe('Kommunstyrelsen beslutar:\n\natt ge kommundirektören i uppdrag');
  });

  it.each([
    ['a comma', ','],
    ['a semicolon', ';'],
    ['"samt"', ', samt'],
    ['"och"', ' och'],
  ])('near miss: a blank line between the points of an att-list, the first ending in %s, still parts them', (_, joint) => {
    const text = `Socialnämnden beslutar\n\natt godkänna förvaltningens lägesrapport om hemlöshetsarbetet${joint}\n\natt uppdra åt socialchefen att ta fram en plan för det vräkningsförebyggande arbetet.`;
    expect(normalizeText(text).text).toBe(text);
    expect(extractDrafts(text, { body: 'SN', meetingDate: '2027-04-21' }, ctx).drafts.map((d) => d.source.sentence)).toEqual([
      'att uppdra åt socialchefen att ta fram en plan för det vräkningsförebyggande arbetet.',
    ]);
  });
});

describe('work presented or handed to a body at a time reports back to that body', () => {
  it.each([
    ['"ta fram … till kommunstyrelsen i september 2027"', `${PLAN} till kommunstyrelsen i september 2027.`, 'Ta fram en handlingsplan för trygghet'],
    ['"att till kommunstyrelsen i september 2027 ta fram …"', 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att till kommunstyrelsen i september 2027 ta fram en handlingsplan för trygghet.', 'Ta fram en handlingsplan för trygghet'],
    ['"… och presentera den för kommunstyrelsen i september 2027"', `${PLAN} och presentera den för kommunstyrelsen i september 2027.`, 'Ta fram en handlingsplan för trygghet'],
    ['"Handlingsplanen ska lämnas till kommunstyrelsen senast i september 2027"', `${PLAN}. Handlingsplanen ska lämnas till kommunstyrelsen senast i september 2027.`, 'Ta fram en handlingsplan för trygghet'],
    ['"att till kommunstyrelsen i september 2027 presentera …"', 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att till kommunstyrelsen i september 2027 presentera en handlingsplan för trygghet.', 'Presentera en handlingsplan för trygghet'],
  ])('%s: a report-back to KS in September 2027', (_, text, title) => {
    expect(read(text)).toEqual([['aterrapportering', 'kommundirektören', ksInSeptember, title]]);
  });

  it('"ta fram förslag till budget till kommunfullmäktige i juni": a report-back to KF in June', () => {
    expect(read('Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram förslag till budget till kommunfullmäktige i juni.')).toEqual([
      ['aterrapportering', 'kommundirektören', { meeting: { body: 'KF', month: '2027-06' } }, 'Ta fram förslag till budget'],
    ]);
  });

  it('near miss: "skicka förslaget till kommunfullmäktige", with no time, is an uppdrag', () => {
    expect(read('Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att skicka förslaget till kommunfullmäktige.')).toEqual([
      ['uppdrag', 'kommundirektören', undefined, 'Skicka förslaget'],
    ]);
  });
});

describe('what a remiss is about, and who sent it', () => {
  const deadline = 'Svar ska ha inkommit senast den 29 januari 2027.';
  it('"Remiss: Översyn av kollektivtrafiken. Svar ska …": the subject ends with its sentence', () => {
    expect(read(`Remiss: Översyn av kollektivtrafiken. ${deadline}`)).toEqual([
      ['yttrande', undefined, { externalDeadline: '2027-01-29', decidedBy: 'KS' }, 'Yttrande över översyn av kollektivtrafiken'],
    ]);
  });

  it.each([
    // The remiss's own title, capitalised inside the sentence, keeps its capital.
    ['"har fått remissen X från Region Skåne"', 'Kommunen har fått remissen Översyn av kollektivtrafiken från Region Skåne.', 'Region Skåne', 'Yttrande över Översyn av kollektivtrafiken'],
    ['"har fått en remiss om x från Länsstyrelsen i Skåne län"', 'Kommunen har fått en remiss om översyn av kollektivtrafiken från Länsstyrelsen i Skåne län.', 'Länsstyrelsen i Skåne län', 'Yttrande över översyn av kollektivtrafiken'],
  ])('%s: the answer goes back to the sender, about the remiss', (_, received, recipient, title) => {
    expect(read(`${received} ${deadline}`)).toEqual([
      ['yttrande', undefined, { externalDeadline: '2027-01-29', recipient, decidedBy: 'KS' }, title],
    ]);
  });
});

describe('a report-back told after the commission', () => {
  /** Socialnämnden met on Wednesday 17 March 2027. */
  const sn: KnownFacts = { body: 'SN', meetingDate: '2027-03-17' };
  const study = 'Socialnämnden beslutar att ge förvaltningen i uppdrag att utreda hemtjänsten.';
  const studyReported = (month: string) => [['aterrapportering', 'förvaltningen', { meeting: { body: 'SN', month } }, 'Utreda hemtjänsten']];

  it('"Utredningen ska vara klar senast 31 maj 2027 och redovisas för nämnden i juni 2027": the June meeting wins over the date', () => {
    expect(read(`${study} Utredningen ska vara klar senast 31 maj 2027 och redovisas för nämnden i juni 2027.`, sn)).toEqual(studyReported('2027-06'));
  });

  it('"Förvaltningen återkommer till nämnden med en redovisning i maj": the same doer\'s report-back, one item', () => {
    expect(read(`${study} Förvaltningen återkommer till nämnden med en redovisning i maj.`, sn)).toEqual(studyReported('2027-05'));
  });

  it('near miss: "Kommundirektören återkommer …" names another doer: an item of its own', () => {
    expect(read(`${study} Kommundirektören återkommer till nämnden med en redovisning i maj.`, sn).map((d) => [d[0], d[1]])).toEqual([
      ['uppdrag', 'förvaltningen'],
      ['aterrapportering', 'kommundirektören'],
    ]);
  });

  it('"… i uppdrag att utreda hemtjänsten med återrapport i maj 2027": "med återrapport" is no part of the title', () => {
    expect(read('Socialnämnden beslutar att förvaltningen får i uppdrag att utreda hemtjänsten med återrapport i maj 2027.', sn)).toEqual(studyReported('2027-05'));
  });
});

describe('a remiss answered in a § of its own', () => {
  it('"§ 33 Yttrande över regional transportplan": the draft says "Yttrande över" once', () => {
    const text = '§ 33 Yttrande över regional transportplan. Kommunstyrelsen beslutar att som svar på remissen överlämna förvaltningens tjänsteskrivelse till Region Skåne. Svar senast 2027-02-15.';
    expect(read(text).map((d) => d[3])).toEqual(['Yttrande över regional transportplan']);
  });

  it('"Remiss av förslag till regional cykelplan från Region Skåne": about the proposal, answered to Region Skåne', () => {
    const text = 'Remiss av förslag till regional cykelplan från Region Skåne. Remissvaren ska lämnas senast fredag 15 mars 2027.';
    expect(extractDrafts(text, {}, ctx).drafts.map((d) => [d.title, d.due])).toEqual([
      ['Yttrande över förslag till regional cykelplan', { externalDeadline: '2027-03-15', recipient: 'Region Skåne' }],
    ]);
  });

  it('"besvara remissen från Trafikverket senast …": the answer goes to Trafikverket', () => {
    const text = '§ 33 Regional transportplan. Kommunstyrelsen beslutar att uppdra åt kommundirektören att besvara remissen från Trafikverket senast den 15 februari 2027.';
    expect(read(text).map((d) => d[2])).toEqual([{ externalDeadline: '2027-02-15', recipient: 'Trafikverket', decidedBy: 'KS' }]);
  });
});

describe('motions in a § run into one line', () => {
  it('"§ 12 Motion om solceller på skolorna. Anna Berg (L) har …": the motion is titled by the first sentence', () => {
    const text = '§ 12 Motion om solceller på skolorna. Anna Berg (L) har inkommit med en motion om solceller på skolorna. Kommunfullmäktige beslutar att remittera motionen till kommunstyrelsen.';
    expect(read(text, kf)).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om solceller på skolorna']]);
  });

  it('"Anna Berg (L) anmäler en motion om …" under "Anmälan av motion": a motion raised at the meeting, titled by what it is about', () => {
    const text = '§ 12 Anmälan av motion\nAnna Berg (L) anmäler en motion om solceller på skolorna.\nKommunfullmäktige beslutar att remittera motionen till kommunstyrelsen.';
    expect(read(text, kf)).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om solceller på skolorna']]);
  });
});

describe('times a new user wrote', () => {
  /** Kommunfullmäktige met on Monday 2 November 2026. */
  const kf2026: KnownFacts = { body: 'KF', meetingDate: '2026-11-02' };

  it('"vid årets sista sammanträde 2027" in a decision of November 2026 is KF\'s last meeting of 2027, not 2026\'s', () => {
    const text = 'Kommunstyrelsen ges i uppdrag att återrapportera budgetuppföljningen till fullmäktige vid årets sista sammanträde 2027.';
    expect(read(text, kf2026)).toEqual([['aterrapportering', 'kommunstyrelsen', { meeting: { body: 'KF', by: '2027-12-31' } }, 'Återrapportera budgetuppföljningen']]);
  });

  it('near miss: "vid årets sista sammanträde" with no year is the decision year\'s', () => {
    const text = 'Kommunstyrelsen ges i uppdrag att återrapportera budgetuppföljningen till fullmäktige vid årets sista sammanträde.';
    expect(read(text, kf2026)).toEqual([['aterrapportering', 'kommunstyrelsen', { meeting: { body: 'KF', by: '2026-12-31' } }, 'Återrapportera budgetuppföljningen']]);
  });

  it.each([
    ['"senast vid utgången av juni 2027"', 'senast vid utgången av juni 2027', { date: '2027-06-30' }],
    ['"senast till årsskiftet"', 'senast till årsskiftet', { date: '2027-12-31' }],
    ['"under nästa år"', 'under nästa år', { date: '2028-12-31' }],
  ])('%s is a deadline, and no part of the title', (_, when, due) => {
    expect(read(`${PLAN} ${when}.`)).toEqual([planBy(due)]);
  });

  it('a motion handed in on 28 October and referred at KF 2 November 2026 § 118 is recorded at that §, raised on 28 October', () => {
    const text = 'KOMMUNFULLMÄKTIGE\nSammanträdesdatum 2026-11-02\n§ 118 Dnr KS 2026/201\nAnmälan av motion om fler laddstolpar\nKommunfullmäktiges beslut\nMotionen remitteras till kommunstyrelsen för beredning.\nÄrendet\nLena Ek (M) har 2026-10-28 lämnat in en motion om fler laddstolpar.';
    const [draft] = extractDrafts(text, {}, ctx).drafts;
    expect([draft?.kind, draft?.due, draft?.decision]).toEqual(['motion', { raised: '2026-10-28' }, { body: 'KF', date: '2026-11-02', paragraph: '§ 118' }]);
  });
});

describe('a tjänsteskrivelse proposing in a sentence: "Förvaltningen föreslår att nämnden beslutar att …"', () => {
  const proposal = 'Tjänsteskrivelse 2027-02-01\nFörvaltningen föreslår att barn- och utbildningsnämnden beslutar att ge förvaltningen i uppdrag att ta fram en plan för skolskjutsar till nämndens sammanträde i juni 2027.';

  it('is the decision proposed: a report-back to BUN in June', () => {
    expect(read(proposal, {})).toEqual([['aterrapportering', 'förvaltningen', { meeting: { body: 'BUN', month: '2027-06' } }, 'Ta fram en plan för skolskjutsar']]);
  });

  it('near miss: a decision that refuses the proposal gives nothing', () => {
    expect(read(`${proposal}\nBarn- och utbildningsnämndens beslut\nNämnden avslår förvaltningens förslag.`, {})).toEqual([]);
  });
});
