/**
 * Round thirteen of the drafting rules (issue 19), on invented sentences in the ways council minutes
 * send a motion for preparation:
 * - "Motionen ställs på remiss till …" sends it as "sänds på remiss till" does;
 * - a first verb before the referral ("anses väckt och", "får ställas och", "tas upp till behandling
 *   och") still refers the motion;
 * - "Anmälan av motion om …", the agenda's heading for a motion handed in, titles the answer by the
 *   motion, not by the heading.
 * Near misses: a motion granted or answered and passed on for execution or information is no referral.
 *
 * And three kinds of remiss pages, from the development split's first run on corpus rounds U and V:
 * - an authority's list of kungörelser, each entry closed by its own "[yttrande senast …]": one yttrande
 *   per entry, about the entry, two entries with the same last day included;
 * - a page that says the remiss is over ("Nu är remisstiden avslutad") owes no answer;
 * - "Fram till den 29 januari går det att tycka till om …" asks for the answer by that day.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** The proposed drafts of a page with no known facts: kind, deadline and title. */
const page = (text: string) =>
  extractDrafts(text, {}, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => [d.kind, d.due, d.title]);
/** Kommunfullmäktige met on Tuesday 9 March 2027. */
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-09' };
/** The proposed drafts of a KF § on a motion whose decision reads `decision`: kind, role, deadline and title. */
const read = (decision: string, heading = 'Motion om fler laddstolpar') =>
  extractDrafts(`§ 45 ${heading}\nBeslut\n${decision}`, kf, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

describe('a motion sent for preparation in other words', () => {
  it.each([
    ['"ställs på remiss till"', 'Motionen ställs på remiss till tekniska nämnden.', 'tekniska nämnden'],
    ['"anses väckt och överlämnas till"', 'Motionen anses väckt och överlämnas till kommunstyrelsen för beredning.', 'kommunstyrelsen'],
    ['"får ställas och överlämnas till"', 'Kommunfullmäktige beslutar att motionen får ställas och överlämnas till kommunstyrelsen för beredning.', 'kommunstyrelsen'],
    ['"tas upp till behandling och remitteras till"', 'Motionen tas upp till behandling och remitteras till kommunstyrelsen.', 'kommunstyrelsen'],
    // The body it goes to is read after the same words: not the council's usual preparer in its place.
    ['"får ställas och skickas till"', 'Motionen får ställas och skickas till tekniska nämnden.', 'tekniska nämnden'],
  ])('%s refers the motion, raised at this meeting', (_, decision, role) => {
    expect(read(decision)).toEqual([['motion', role, { raised: '2027-03-09' }, 'Besvara motion om fler laddstolpar']]);
  });

  it('"Anmälan av motion om …" titles the answer by the motion', () => {
    expect(read('Motionen anmäls och remitteras till kommunstyrelsen.', 'Anmälan av motion om fler laddstolpar')).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-09' }, 'Besvara motion om fler laddstolpar'],
    ]);
  });
});

describe('near misses: a motion decided is not sent for preparation', () => {
  it.each([
    ['"avslås och överlämnas … för kännedom"', 'Motionen avslås och överlämnas till kommunstyrelsen för kännedom.'],
    ['"anses besvarad och överlämnas … för kännedom"', 'Motionen anses besvarad och överlämnas till kommunstyrelsen för kännedom.'],
  ])('%s gives no motion to answer', (_, decision) => {
    expect(read(decision).filter(([kind]) => kind === 'motion')).toEqual([]);
  });
});

describe("an authority's list of kungörelser: each entry with its own last day is a remiss of its own", () => {
  const list = [
    'Kungörelser',
    'Länsstyrelsen i Jönköpings län publicerar sina kungörelser här på webbplatsen.Vätterledens Energi AB, ansökan om tillstånd till vindkraft på Norrby 2:4, Aneby kommun [yttrande senast 12 april 2027]',
    'Naturreservatet Stora mossen, ett tilläggsbeslut [överklagas senast 20 mars 2027]',
    'Gislaved Grus AB, ansökan om täkt på Broaryd 1:3, Gislaveds kommun [yttrande senast 30 mars 2027]',
    'Vaggeryds Lantbruk AB, utökad djurhållning på Skillingaryd 4:2, Vaggeryds kommun [yttrande senast 30 mars 2027]',
  ].join('\n\n');

  it('gives one yttrande per entry, about the entry, with its day; an appeal window ("överklagas senast") is none', () => {
    expect(page(list).map(([kind, due, title]) => [kind, (due as { externalDeadline?: string }).externalDeadline, title])).toEqual([
      ['yttrande', '2027-04-12', 'Yttrande över Vätterledens Energi AB, ansökan om tillstånd till vindkraft på Norrby 2:4, Aneby kommun'],
      ['yttrande', '2027-03-30', 'Yttrande över Gislaved Grus AB, ansökan om täkt på Broaryd 1:3, Gislaveds kommun'],
      ['yttrande', '2027-03-30', 'Yttrande över Vaggeryds Lantbruk AB, utökad djurhållning på Skillingaryd 4:2, Vaggeryds kommun'],
    ]);
  });

  it("an entry's recipient is read in the entry, not in a remiss told after the list", () => {
    const after = `${list}\n\nKommunen har fått Trafikverkets förslag till nationell plan på remiss. Trafikverkets förslag till nationell plan ska besvaras senast den 15 maj 2027 till Trafikverket.`;
    expect(page(after).map(([, due]) => due)).toEqual([
      // The page's own first sentence, run into the first entry, names the authority.
      { externalDeadline: '2027-04-12', recipient: 'Länsstyrelsen i Jönköpings län' },
      { externalDeadline: '2027-03-30' },
      { externalDeadline: '2027-03-30' },
      { externalDeadline: '2027-05-15', recipient: 'Trafikverket' },
    ]);
  });

  it('near miss: the same last day told twice in prose is one remiss', () => {
    const text = 'Remiss: Regional cykelplan\n\nSvar ska ha inkommit senast den 30 mars 2027.\n\nSista dag för yttrande är den 30 mars 2027.';
    expect(page(text)).toHaveLength(1);
  });
});

describe('a remiss the page says is over owes no answer', () => {
  it.each([
    ['"Nu är remisstiden avslutad"', 'Kulturplan för länet\n\nFörslaget gick ut på remiss i maj. Alla var välkomna att skicka ett yttrande till Region Kronoberg senast 25 juni 2027. Nu är remisstiden avslutad och 33 yttranden kom in.'],
    ['"Remissperioden avslutad för …"', 'Remissperioden avslutad för trafikförsörjningsprogrammet\n\nSynpunkter skulle ha lämnats senast den 15 januari 2027 till Region Halland.'],
    ['"remisstiden har gått ut"', 'Översiktsplan 2040\n\nRemisstiden har gått ut. Synpunkter skulle ha kommit in till kommunen senast den 1 mars 2027.'],
  ])('%s', (_, text) => {
    expect(page(text)).toEqual([]);
  });

  it('near miss: "remisstiden går ut den …" tells the last day of an open remiss', () => {
    expect(page('Remiss: Översiktsplan 2040\n\nRemisstiden går ut den 1 mars 2027. Synpunkter skickas till Tjörns kommun.')).toEqual([
      ['yttrande', { externalDeadline: '2027-03-01', recipient: 'Tjörns kommun' }, 'Yttrande över översiktsplan 2040'],
    ]);
  });
});

describe('"Fram till den … går det att tycka till om …" asks for the answer by that day', () => {
  it('is a yttrande due that day', () => {
    const [d] = page('Ny regional utvecklingsstrategi\n\nFram till den 29 januari 2027 går det att tycka till om remissutgåvan av den regionala utvecklingsstrategin.');
    expect(d?.[0]).toBe('yttrande');
    expect(d?.[1]).toMatchObject({ externalDeadline: '2027-01-29' });
  });

  it('near miss: "fram till 2030" in a sentence that asks for no answer is no deadline', () => {
    expect(page('Strategin gäller fram till 2030 och följs upp varje år.')).toEqual([]);
  });
});
