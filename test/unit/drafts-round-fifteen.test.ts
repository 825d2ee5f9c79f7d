/**
 * Round fifteen of the drafting rules (issue 19): a page pasted into Granska beslut with nothing
 * chosen still says whose it is.
 * - A web page's breadcrumb ("Din position: Hem > Tyresö kommun > Kommunstyrelsen > Sammanträde
 *   2018-03-14") names the body whose meeting it is, as a protokoll's header line does.
 * - The items of a body's agenda sent to it "för yttrande senast …" are for that body to decide,
 *   whether or not the clerk chose it.
 * - A nämnd's short name keeps its letters: äldrenämnden is ÄN, as a municipality writes it, not AN.
 * - A month or period without its year, in a text that writes no year, gives no due (as a day already did).
 * - A case number the text gives as the sender's ("Remiss från kommunstyrelsen, dnr KS 2027/140") is not the decision's.
 * From the first run on the round's new dev texts:
 * - "ta emot följande för beredning" announces a list of motions with or without its colon;
 * - a court (Länsrätten, Förvaltningsrätten i Göteborg) asking for a yttrande in an appeal is its recipient;
 * - "Hittills har följande motioner lämnats in." announces a list too, and motions only received ("tagits emot") are
 *   no one's to prepare yet; a line naming only writer and subject is titled from "om";
 * - the answer adopted and its signing commissioned ("uppdrar till kommunstyrelsens ordförande Eva Lind att
 *   underteckna detsamma") is the signer's yttrande, with no decider left, and a role is named without its holder.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type DraftContext } from '../../shared/drafting/extract';
import { bodyCode } from '../../shared/drafting/swedish';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };

describe('a web page breadcrumb names the body whose meeting it is', () => {
  it.each([
    ['Din position: Hem > Tyresö kommun > Kommunstyrelsen > Sammanträde 2027-03-09', 'KS'],
    ['Hem > Kommunen > Barn- och utbildningsnämnden > Sammanträde 2027-03-09', 'BUN'],
    ['Start > Politik > Nämnder > Äldrenämnden > Sammanträde 2027-03-09', 'ÄN'],
  ])('%s → %s', (crumb, body) => {
    const page = `${crumb}\n\n§ 46 Lokalöversyn\nBeslut\nNämnden ger förvaltningen i uppdrag att se över lokalerna senast den 30 juni 2027.`;
    expect(extractDrafts(page, {}, ctx).drafts.map((d) => d.decision.body)).toEqual([body]);
  });

  it('near miss: a breadcrumb whose segments name no body leaves the decider unknown', () => {
    const page = 'Hem > Kommun och politik > Protokoll och handlingar > Sammanträde 2027-03-09\n\n§ 46 Lokalöversyn\nBeslut\nNämnden ger förvaltningen i uppdrag att se över lokalerna senast den 30 juni 2027.';
    expect(extractDrafts(page, {}, ctx).drafts.map((d) => d.decision.body)).toEqual([undefined]);
  });

  it('near miss: a body inside a segment ("Politik och nämnder") is not the body', () => {
    const page = 'Hem > Politik och nämnder > Sammanträde 2027-03-09\n\n§ 46 Lokalöversyn\nBeslut\nNämnden ger förvaltningen i uppdrag att se över lokalerna senast den 30 juni 2027.';
    expect(extractDrafts(page, {}, ctx).drafts.map((d) => d.decision.body)).toEqual([undefined]);
  });
});

describe("an agenda's items sent for yttrande are the agenda's body's to decide, chosen or not", () => {
  const agenda = [
    'Din position: Hem > Kommunen > Äldrenämnden > Sammanträde 2027-05-18',
    '',
    '8 Granskningsrapport 2027:3 "Uppföljning av hemtjänsten" Revisionskontoret, för yttrande senast den 28 maj 2027',
    '',
    '9 Motion om fler platser i korttidsboende',
    '',
    'Remiss från kommunstyrelsen, dnr KS 2027/140, för yttrande senast 2027-05-28',
  ].join('\n');

  it('pasted with nothing chosen: both yttranden are äldrenämnden’s, decided by ÄN, with no flag of delegation', () => {
    const drafts = extractDrafts(agenda, {}, ctx).drafts;
    expect(drafts.map((d) => [d.responsibleRole, d.due, d.decision.body])).toEqual([
      ['äldrenämnden', { externalDeadline: '2027-05-28', recipient: 'Revisionskontoret', decidedBy: 'ÄN' }, 'ÄN'],
      ['äldrenämnden', { externalDeadline: '2027-05-28', recipient: 'kommunstyrelsen', decidedBy: 'ÄN' }, 'ÄN'],
    ]);
    expect(drafts.map((d) => d.flagReason ?? '')).toEqual(['', '']);
  });

  it('the same agenda with ÄN chosen gives the same drafts', () => {
    const pick = (known: object) => extractDrafts(agenda, known, ctx).drafts.map((d) => [d.responsibleRole, d.due]);
    expect(pick({ body: 'ÄN' })).toEqual(pick({}));
  });
});

describe("a nämnd's short name is the initials of its words as written", () => {
  it.each([
    ['äldrenämnden', 'ÄN'],
    ['Äldre- och omsorgsnämnden', 'ÄON'],
    ['vård- och omsorgsnämnden', 'VON'],
    ['aldrenamnden', 'AN'],
  ])('%s → %s', (phrase, code) => {
    expect(bodyCode(phrase)).toBe(code);
  });
});

describe('an agenda item’s sender is read whatever the PDF did to å/ä/ö', () => {
  it('"for yttrande", "Remiss fran": each of two items is answered to its sender', () => {
    const agenda = [
      'Hem > Kommunen > Socialnämnden > Sammanträde 2027-05-18',
      '',
      '8 Granskningsrapport 2027:3 Revisionskontoret, for yttrande senast den 28 maj 2027',
      '',
      '9 Motion om korttidsboende',
      '',
      'Remiss fran kommunstyrelsen, dnr KS 2027/140, for yttrande senast 2027-05-28',
    ].join('\n');
    expect(extractDrafts(agenda, {}, ctx).drafts.map((d) => d.due)).toEqual([
      { externalDeadline: '2027-05-28', recipient: 'Revisionskontoret', decidedBy: 'SN' },
      { externalDeadline: '2027-05-28', recipient: 'kommunstyrelsen', decidedBy: 'SN' },
    ]);
  });
});

describe('a month or season without its year, in a text with no year anywhere, gives no deadline: never the clock’s year', () => {
  const pasted = (timing: string) =>
    extractDrafts(`§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna och återrapportera till kommunstyrelsen ${timing}.`, {}, ctx).drafts;
  it.each([
    ['i maj', '”i maj”'],
    ['under hösten', '”under hösten”'],
    ['under första kvartalet', '”första kvartalet”'],
  ])('"%s": no due, and the flag quotes %s for the clerk to date', (timing, quoted) => {
    expect(pasted(timing).map((d) => [d.kind, d.due, d.flagReason])).toEqual([['aterrapportering', undefined, `Året framgår inte av texten (${quoted}): ange datum.`]]);
  });

  it('near miss: "i maj 2028" has its year and is the May 2028 meeting', () => {
    expect(pasted('i maj 2028').map((d) => d.due)).toEqual([{ meeting: { body: 'KS', month: '2028-05' } }]);
  });

  it('near miss: with the meeting date chosen (Monday 22 March 2027), "i maj" is May 2027', () => {
    const text = '§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna och återrapportera till kommunstyrelsen i maj.';
    expect(extractDrafts(text, { meetingDate: '2027-03-22' }, ctx).drafts.map((d) => d.due)).toEqual([{ meeting: { body: 'KS', month: '2027-05' } }]);
  });
});

describe('motions received "för beredning" in a list, the colon lost', () => {
  it('regionfullmäktige 19 September 2027: "beslutade att ta emot följande för beredning" then three motions is three motions, no preparer assumed', () => {
    const page = [
      'Anmälan av inkomna motioner',
      '',
      'Fullmäktige beslutade att ta emot följande för beredning',
      '',
      'Motion av Eva Lind (V) om fler allmänläkare.',
      '',
      'Motion av Per Ek (S) om en mer jämlik tandvård.',
      '',
      'Motion av Ola Berg (S) och Kim Ahl (S) stöd till vattenbruk.',
    ].join('\n');
    const drafts = extractDrafts(page, { body: 'RF', meetingDate: '2027-09-21' }, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([
      ['motion', undefined, { raised: '2027-09-21' }],
      ['motion', undefined, { raised: '2027-09-21' }],
      ['motion', undefined, { raised: '2027-09-21' }],
    ]);
  });
});

describe('a court that asks for a yttrande in an appeal is its recipient', () => {
  it.each([
    ['Länsrätten', 'Länsrätten'],
    ['Förvaltningsrätten i Göteborg', 'Förvaltningsrätten i Göteborg'],
    ['Mark- och miljödomstolen vid Vänersborgs tingsrätt', 'Mark- och miljödomstolen vid Vänersborgs tingsrätt'],
  ])('"inkomma med yttrande till %s senast den 3 maj 2027"', (court, recipient) => {
    const drafts = extractDrafts(`Kommunen har att inkomma med yttrande till ${court} senast den 3 maj 2027.`, {}, ctx).drafts;
    expect(drafts.map((d) => d.due)).toEqual([{ externalDeadline: '2027-05-03', recipient }]);
  });
});

describe('the answer adopted and its signing commissioned: one yttrande, the signer’s, no decider left', () => {
  const decision = (commission: string) =>
    extractDrafts(
      `§ 88 Laglighetsprövning – ny bowlinghall\nKommunen har att inkomma med yttrande till Förvaltningsrätten i Göteborg senast den 3 maj 2027.\nKommunstyrelsen beslutar godkänna föreliggande förslag till yttrande samt ${commission}.`,
      { body: 'KS', meetingDate: '2027-04-26' },
      ctx,
    ).drafts.map((d) => [d.kind, d.title, d.responsibleRole, d.due]);

  it('"uppdrar till kommunstyrelsens ordförande Eva Lind att underteckna detsamma": the role without its holder’s name', () => {
    expect(decision('uppdrar till kommunstyrelsens ordförande Eva Lind att underteckna detsamma')).toEqual([
      ['yttrande', 'Underteckna yttrandet', 'kommunstyrelsens ordförande', { externalDeadline: '2027-05-03', recipient: 'Förvaltningsrätten i Göteborg' }],
    ]);
  });

  it('"uppdrar åt kommundirektören att skicka det": sending is the answer’s work too', () => {
    expect(decision('uppdrar åt kommundirektören att skicka det')).toEqual([
      ['yttrande', 'Skicka yttrandet', 'kommundirektören', { externalDeadline: '2027-05-03', recipient: 'Förvaltningsrätten i Göteborg' }],
    ]);
  });

  it('the sentence with the deadline goes with the signing, so a year-less "senast den 3 maj" in a text with no year gives no due', () => {
    const [draft] = extractDrafts(
      '§ 88 Laglighetsprövning\nKommunen har att inkomma med yttrande till Länsrätten senast den 3 maj.\nKommunstyrelsen beslutar godkänna föreliggande förslag till yttrande samt uppdrar åt kommundirektören att skicka det.',
      {},
      ctx,
    ).drafts;
    expect([draft?.source.sentence.startsWith('Kommunen har att inkomma'), draft?.due, draft?.flagReason]).toEqual([
      true,
      undefined,
      'Året framgår inte av texten (”3 maj”): ange datum. Mottagare: Länsrätten.',
    ]);
  });

  it('near miss: a signing commission with no answer owed stays an uppdrag', () => {
    const drafts = extractDrafts(
      '§ 12 Avtal om skolskjuts\nKommunstyrelsen beslutar godkänna avtalet samt uppdrar åt kommundirektören att underteckna detsamma senast den 30 april 2027.',
      { body: 'KS', meetingDate: '2027-04-12' },
      ctx,
    ).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'kommundirektören']]);
  });
});

describe('a case number the text gives as the sender’s is not the decision’s', () => {
  const agenda = [
    'Sammanträde 2027-05-18',
    '',
    '8 Granskningsrapport 2027:3 Revisionskontoret, för yttrande senast den 28 maj 2027',
    '',
    '9 Motion om korttidsboende',
    '',
    'Remiss från kommunstyrelsen, dnr KS 2027/140, för yttrande senast 2027-05-28',
  ].join('\n');

  it('"Remiss från kommunstyrelsen, dnr KS 2027/140": no body, decider or case number taken from it', () => {
    const drafts = extractDrafts(agenda, {}, ctx).drafts;
    expect(drafts.map((d) => [d.decision.body, d.caseNumber, d.due])).toEqual([
      [undefined, undefined, { externalDeadline: '2027-05-28', recipient: 'Revisionskontoret' }],
      [undefined, undefined, { externalDeadline: '2027-05-28', recipient: 'kommunstyrelsen' }],
    ]);
  });

  it('near miss: the § line’s own "Dnr KS 2027/140" is the decision’s', () => {
    const text = 'KS § 46 Dnr KS 2027/140\nLokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.';
    expect(extractDrafts(text, {}, ctx).drafts.map((d) => [d.decision.body, d.caseNumber])).toEqual([['KS', 'KS 2027/140']]);
  });
});

describe('motions announced "Hittills har följande motioner lämnats in." and received, sent to no one yet', () => {
  const page = (received: string) =>
    [
      '25. Anmälan av inkomna motioner',
      'I samband med sammanträdet har ledamöterna lämnat in flera motioner. Hittills har följande motioner lämnats in.',
      '  • Eva Lind med flera (V) om att upphandla vita jobb.',
      '  • SD-gruppen om antibiotikafri mat i regionens verksamheter.',
      received,
    ].join('\n');

  it('regionfullmäktige 13 April 2027, "motionerna tagits emot": two motions, named from "om", no preparer assumed', () => {
    const drafts = extractDrafts(page('Fullmäktige beslutar att motionerna tagits emot.'), { body: 'RF', meetingDate: '2027-04-13' }, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.title, d.responsibleRole, d.due])).toEqual([
      ['motion', 'Besvara motion om att upphandla vita jobb', undefined, { raised: '2027-04-13' }],
      ['motion', 'Besvara motion om antibiotikafri mat i regionens verksamheter', undefined, { raised: '2027-04-13' }],
    ]);
  });

  it('near miss: the same list referred "till regionstyrelsen för beredning" is regionstyrelsen’s to prepare', () => {
    const drafts = extractDrafts(page('Fullmäktige beslutar att remittera motionerna till regionstyrelsen för beredning.'), { body: 'RF', meetingDate: '2027-04-13' }, ctx).drafts;
    expect(drafts.map((d) => d.responsibleRole)).toEqual(['regionstyrelsen', 'regionstyrelsen']);
  });
});
