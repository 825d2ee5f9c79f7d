/**
 * Round fourteen of the drafting rules (issue 19): whose decision a draft records, when nothing is
 * known of the text but the text itself (a protokoll pasted into Granska beslut with no body or date
 * chosen).
 * - The body named first in a § is the decider only when it acts: "Kommunstyrelsen får i uppdrag att
 *   …" in kommunfullmäktige's protokoll is the council's commission to kommunstyrelsen.
 * - A date the decision sets as a deadline ("… senast den 30 juni 2027") is not the date of the meeting.
 * - A motion granted and handed on "för verkställighet" is work for whoever it is handed to: what it
 *   proposed when the text tells it, else carrying out the motion (flagged for the clerk to say what).
 * And two titles: "Anmalan av motion om …" (a PDF that lost its å/ä/ö) as "Anmälan av", and a listed
 * kungörelse whose entry holds an abbreviation ("bl.a. en").
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Each draft's decision and who does the work, for a text pasted with nothing known. */
const decisions = (text: string) => extractDrafts(text, {}, ctx).drafts.map((d) => [d.decision, d.responsibleRole]);

describe('the decider of a § is the body that decides, not the body given the work', () => {
  it.each([
    ['"får i uppdrag"', 'Kommunstyrelsen får i uppdrag att se över lokalerna senast den 30 juni 2027.'],
    ['"ges i uppdrag"', 'Kommunstyrelsen ges i uppdrag att se över lokalerna senast den 30 juni 2027.'],
    ['"uppdras"', 'Kommunstyrelsen uppdras att se över lokalerna senast den 30 juni 2027.'],
  ])('kommunfullmäktige’s protokoll: kommunstyrelsen %s is KF’s commission to KS', (_, sentence) => {
    expect(decisions(`Kommunfullmäktige\nProtokoll 2027-03-09\n§ 46 Lokalöversyn\nBeslut\n${sentence}`)).toEqual([
      [{ body: 'KF', date: '2027-03-09', paragraph: '§ 46' }, 'kommunstyrelsen'],
    ]);
  });

  it('a body that decides at the start of the decision is still its decider', () => {
    expect(
      decisions('Protokoll 2027-03-09\n§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen beslutar att ge kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.'),
    ).toEqual([[{ body: 'KS', date: '2027-03-09', paragraph: '§ 46' }, 'kommundirektören']]);
  });
});

describe('the meeting date is never the deadline the decision sets', () => {
  it('a § with no dated header: the decision date is left for the clerk, not taken from "senast den 30 juni 2027"', () => {
    expect(decisions('§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.')).toEqual([
      [{ body: 'KS', paragraph: '§ 46' }, 'kommundirektören'],
    ]);
  });

  it('the date on the § line itself is still the meeting’s', () => {
    expect(decisions('KS § 46 2027-03-09 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.')).toEqual([
      [{ body: 'KS', date: '2027-03-09', paragraph: '§ 46' }, 'kommundirektören'],
    ]);
  });
});

/** Kommunfullmäktige met on Tuesday 9 March 2027; the proposed drafts of a § titled `heading`: kind and title. */
const kfTitles = (heading: string, decision: string) =>
  extractDrafts(`§ 45 ${heading}\nBeslut\n${decision}`, { body: 'KF', meetingDate: '2027-03-09' }, ctx).drafts.map((d) => [d.kind, d.title]);

describe('titles read as written, whatever the PDF did to the letters', () => {
  it('"Anmalan av motion om …" (å/ä/ö lost) titles the answer by the motion, as "Anmälan av" does', () => {
    expect(kfTitles('Anmalan av motion om fler laddstolpar', 'Motionen anmäls och remitteras till kommunstyrelsen.')).toEqual([
      ['motion', 'Besvara motion om fler laddstolpar'],
    ]);
  });

  it('a listed kungörelse keeps its words after an abbreviation ("bl.a. en") and loses only what the entry before ran into it', () => {
    const list = 'Kungörelser\n\nLänsstyrelsen publicerar kungörelser här.Norrby Energi AB, ansökan om bl.a. en ny vindkraftpark på Norrby 2:4, Aneby kommun [yttrande senast 12 april 2027]';
    expect(extractDrafts(list, {}, ctx).drafts.map((d) => d.title)).toEqual(['Yttrande över Norrby Energi AB, ansökan om bl.a. en ny vindkraftpark på Norrby 2:4, Aneby kommun']);
  });
});

describe('a motion granted and handed on for execution is work for whoever carries it out', () => {
  /** The proposed drafts of KF's § on a motion: kind, role and title. */
  const granted = (text: string) =>
    extractDrafts(`§ 45 Motion om fler laddstolpar\n${text}`, { body: 'KF', meetingDate: '2027-03-09' }, ctx)
      .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
      .map((d) => [d.kind, d.responsibleRole, d.title]);

  it.each([
    ['"bifalls och överlämnas till … för verkställighet"', 'Motionen bifalls och överlämnas till kommunstyrelsen för verkställighet.', 'kommunstyrelsen'],
    ['"bifalla motionen och överlämna den till … för verkställighet"', 'Kommunfullmäktige beslutar att bifalla motionen och överlämna den till tekniska nämnden för verkställighet.', 'tekniska nämnden'],
  ])('%s, with nothing of what it proposed in the text: carry out the motion', (_, decision, role) => {
    expect(granted(`Beslut\n${decision}`)).toEqual([['uppdrag', role, 'Verkställa motionen om fler laddstolpar']]);
  });

  it('what the motion proposed, when the text tells it, is the work, for the body it was handed to', () => {
    expect(granted('Anna Berg (L) föreslår i en motion att kommunen ska bygga fler laddstolpar vid skolorna.\nBeslut\nMotionen bifalls och överlämnas till tekniska nämnden för verkställighet.')).toEqual([
      ['uppdrag', 'tekniska nämnden', 'Bygga fler laddstolpar vid skolorna'],
    ]);
  });

  it.each([
    ['refused and sent for information', 'Motionen avslås och överlämnas till kommunstyrelsen för kännedom.'],
    ['granted with no one to carry it out and nothing it proposed', 'Motionen bifalls.'],
  ])('near miss: a motion %s gives no work', (_, decision) => {
    expect(granted(`Beslut\n${decision}`)).toEqual([]);
  });
});

describe('a day without a year in a text with no year anywhere: no deadline from the clock', () => {
  const page = 'Utvecklingsstrategi för länet\n\nRemissversionen har gått ut till ett 70-tal instanser och remissperioden pågår fram till den 30 april. Svaren skickas till Region Östergötland.';

  it('the remiss is drafted without a deadline; the flag quotes the day as written and keeps the recipient', () => {
    const [d, ...more] = extractDrafts(page, {}, ctx).drafts;
    expect(more).toEqual([]);
    expect(d?.kind).toBe('yttrande');
    expect(d?.due).toBeUndefined();
    expect(d?.flagReason).toContain('Året framgår inte av texten (”30 april”): ange datum. Mottagare: Region Östergötland.');
  });

  it('near miss: the decision’s known date gives the year (the first 30 April on or after Tuesday 9 March 2027)', () => {
    expect(extractDrafts(page, { body: 'KS', meetingDate: '2027-03-09' }, ctx).drafts.map((d) => d.due)).toEqual([
      { externalDeadline: '2027-04-30', recipient: 'Region Östergötland', decidedBy: 'KS' },
    ]);
  });
});

describe("a meeting's summary: a decision told with its verb first is this meeting's decision", () => {
  /** The proposed drafts of KS's summary of its meeting on Monday 14 February 2022: kind, role, deadline and title. */
  const summary = (sentence: string) =>
    extractDrafts(`Kommunstyrelsen i korthet 14 februari\n\nDet är nödvändigt att översiktsplanen ses över. ${sentence}`, { body: 'KS', meetingDate: '2022-02-14' }, ctx)
      .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
      .map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

  it.each([
    ['"Därför har kommunstyrelsen beslutat att"', 'Därför har kommunstyrelsen beslutat att översiktsplanen ska revideras under 2022.'],
    ['"På mötet beslutade kommunstyrelsen att"', 'På mötet beslutade kommunstyrelsen att översiktsplanen ska revideras under 2022.'],
  ])('%s: the work, with no one named, due by the end of the period', (_, sentence) => {
    expect(summary(sentence)).toEqual([['uppdrag', undefined, { date: '2022-12-31' }, 'Revidera översiktsplanen']]);
  });

  it('near miss: "Tidigare har kommunstyrelsen beslutat att …" is the case’s history', () => {
    expect(summary('Tidigare har kommunstyrelsen beslutat att översiktsplanen ska revideras under 2022.')).toEqual([]);
  });
});

describe('a remiss the body itself is to send out owes it no answer', () => {
  const minutes = (text: string) => extractDrafts(`§ 12 Länsplan för transportinfrastruktur\n${text}`, { body: 'RUN', meetingDate: '2027-05-20' }, ctx).drafts.map((d) => [d.kind, d.due]);

  it('"Planförslaget ska remitteras till bland annat kommuner …", with its remiss period: no yttrande', () => {
    expect(minutes('Planförslaget ska remitteras till bland annat kommuner och myndigheter. Remissperioden pågår mellan 21 maj och 1 oktober 2027.')).toEqual([]);
  });

  it('near miss: a remiss received and passed on within ("Ärendet ska remitteras till miljönämnden") is still answered', () => {
    expect(
      minutes('Trafikverket har skickat förslaget på remiss till kommunerna. Ärendet ska remitteras till miljönämnden. Synpunkter ska ha inkommit till Trafikverket senast den 30 september 2027.'),
    ).toEqual([['yttrande', { externalDeadline: '2027-09-30', recipient: 'Trafikverket', decidedBy: 'RUN' }]]);
  });
});

describe("a remiss page's own controls are never its title", () => {
  it('"Klicka på bilden för att se …" and the link "Ge synpunkter på …": titled by what the link names', () => {
    const page =
      'Region Östergötland\n\nKlicka på bilden för att se den interaktiva remissversionen > > >\n\nRemissperioden pågår fram till den 30 april 2027.\n\nGe synpunkter på Utvecklingsstrategi för Östergötland';
    expect(extractDrafts(page, {}, ctx).drafts.map((d) => d.title)).toEqual(['Yttrande över Utvecklingsstrategi för Östergötland']);
  });
});

describe("a nämnd's agenda: each item sent to it \"för yttrande senast …\" is a remiss of its own", () => {
  const agenda = [
    'Hem > Kommunen > Socialnämnden > Sammanträde 2027-05-18',
    '',
    '7 Tertialrapport 1 för socialnämnden 2027',
    '',
    '8 Granskningsrapport 2027:3 "Uppföljning av placeringar" Revisionskontoret, för yttrande senast den 28 maj 2027',
    '',
    '9 Motion om fler platser i korttidsboende',
    '',
    'Remiss från kommunstyrelsen, dnr KS 2027/140, för yttrande senast 2027-05-28',
    '',
    '10 Anmälan av delegationsbeslut',
  ].join('\n');

  // "Anmälan av delegationsbeslut", on most agendas, does not make the answers delegated ones.
  it('two items due the same day are two yttranden, each titled by its item, to its sender, given by the nämnd the header names', () => {
    expect(extractDrafts(agenda, { body: 'SN', meetingDate: '2027-05-18' }, ctx).drafts.map((d) => [d.title, d.responsibleRole, d.due])).toEqual([
      ['Yttrande över granskningsrapport 2027:3 "Uppföljning av placeringar"', 'socialnämnden', { externalDeadline: '2027-05-28', recipient: 'Revisionskontoret', decidedBy: 'SN' }],
      ['Yttrande över motion om fler platser i korttidsboende', 'socialnämnden', { externalDeadline: '2027-05-28', recipient: 'kommunstyrelsen', decidedBy: 'SN' }],
    ]);
  });

  it('near miss: one remiss whose deadline a letter tells twice is one yttrande', () => {
    const letter = 'Remiss av regional cykelplan\n\nRemissen skickas till kommunerna, för yttrande senast den 28 maj 2027.\n\nSvar ska ha inkommit senast den 28 maj 2027.';
    expect(extractDrafts(letter, {}, ctx).drafts).toHaveLength(1);
  });
});
