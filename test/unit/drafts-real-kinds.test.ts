/**
 * The fault kinds of real decision texts (the real corpus's dev split, issue 19), each specified on
 * invented sentences: how municipalities' web pages, agendas, remiss notices and damaged PDFs say
 * things the rules first missed.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';
import { inlineHeadings } from '../../shared/drafting/headings';
import { findTimings } from '../../shared/drafting/timing';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2026-11-20' };
const extract = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx);
const proposed = (text: string, known: KnownFacts = {}) => extract(text, known).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
const minutes = (body: string, date: string, rest: string) => `${body}\nProtokoll ${date}\n\n§ 12   Dnr 2027/55\n${rest}`;

describe('motions as web pages and minutes hand them in', () => {
  it('two motions "har lämnat in en motion om …" referred together ("remitterar motionerna") are two motion items, each quoted from its own sentence', () => {
    const text = minutes(
      'Regionfullmäktige',
      '2027-06-14',
      'Anmälan av motioner\n\nEva Lind (V) har lämnat in en motion om gröna tak på sjukhusen.\n\nOla Berg (S) har lämnat in en motion om fler barnmorskor.\n\nBeslut: Regionfullmäktige remitterar motionerna till regionstyrelsen för beredning.',
    );
    const motions = proposed(text);
    expect(motions.map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['motion', 'regionstyrelsen', { raised: '2027-06-14' }, 'Besvara motion om gröna tak på sjukhusen'],
      ['motion', 'regionstyrelsen', { raised: '2027-06-14' }, 'Besvara motion om fler barnmorskor'],
    ]);
    expect(motions[0]?.source.sentence).toBe('Eva Lind (V) har lämnat in en motion om gröna tak på sjukhusen.');
  });

  it('an agenda item marked "(dag 2)" of a meeting over two days raises its motions on the second day', () => {
    const text = 'Regionfullmäktige 14–15 juni 2027\n\n7. Anmälan av inkomna motioner (dag 2)\n\nEva Lind (V) har lämnat in en motion om gröna tak.\n\nOla Berg (S) har lämnat in en motion om fler barnmorskor.\n\nBeslut: Regionfullmäktige remitterar motionerna till regionstyrelsen.';
    expect(proposed(text, { body: 'RF', meetingDate: '2027-06-14' }).map((d) => d.due)).toEqual([{ raised: '2027-06-15' }, { raised: '2027-06-15' }]);
  });

  it('a motion register page: each motion is raised on the date its sentence writes, and referred where the text refers it', () => {
    const text =
      'Motioner\nMotioner och interpellationer är förslag och frågor från ledamöterna.\n\nInkomna motioner\nKarin Holm (S) har 3 februari 2027 lämnat in en motion om gratis busskort.\nKommunfullmäktige beslutade 22 februari 2027 att motionen skulle lämnas till kommunstyrelsen för beredning.\nPer Ek (MP) har 18 januari 2027 lämnat in en motion om solceller.\nKommunfullmäktige beslutade 22 februari 2027 att motionen skulle lämnas till tekniska nämnden för beredning.';
    expect(proposed(text, { body: 'KF' }).map((d) => [d.responsibleRole, d.due])).toEqual([
      ['kommunstyrelsen', { raised: '2027-02-03' }],
      ['tekniska nämnden', { raised: '2027-01-18' }],
    ]);
  });

  it('"Motion från X om Y" referred by the council, no earlier date written, is raised at that meeting; its source covers the referral', () => {
    const [d, ...rest] = proposed(minutes('Kommunfullmäktige', '2027-02-22', 'Motion från Lena Ek (M) om fler laddstolpar\n\nBeslut\nMotionen hänvisas till kommunstyrelsen för beredning.'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'motion', responsibleRole: 'kommunstyrelsen', due: { raised: '2027-02-22' }, title: 'Besvara motion från Lena Ek (M) om fler laddstolpar' });
    expect(d?.source.sentence).toContain('hänvisas till kommunstyrelsen');
  });

  it('"Motionen inkom 2027-01-15" is raised on the day it was handed in, not the day it is referred', () => {
    const text = minutes('Kommunfullmäktige', '2027-02-22', 'Motion om fler laddstolpar\n\nÄrendet\nMotionen inkom 2027-01-15.\n\nBeslut\nKommunfullmäktige beslutar att överlämna motionen till kommunstyrelsen för beredning.');
    expect(proposed(text)[0]?.due).toEqual({ raised: '2027-01-15' });
  });

  it('"En motion om X har lämnats in av Y" and "har lämnat en motion" hand a motion in as well', () => {
    for (const sentence of ['En motion om cykelvägar har lämnats in av Per Sund (S).', 'Per Sund (S) har lämnat en motion om cykelvägar.']) {
      const text = minutes('Kommunfullmäktige', '2027-02-22', `Motion om cykelvägar\n\n${sentence}\n\nBeslut\nMotionen anmäls och remitteras till kommunstyrelsen.`);
      expect(proposed(text)).toMatchObject([{ kind: 'motion', responsibleRole: 'kommunstyrelsen', due: { raised: '2027-02-22' } }]);
    }
  });

  it('a list "Motion från X om …" referred as "motionerna" gives one motion per line, titled by its line', () => {
    const text = minutes('Kommunfullmäktige', '2027-02-22', 'Anmälan av motioner\n\nFöljande motioner anmäls:\n- Motion från Lena Ek (M) om laddstolpar\n- Motion av Per Sund (S) angående cykelvägar\n\nBeslut\nMotionerna remitteras till kommunstyrelsen för beredning.');
    expect(proposed(text).map((d) => [d.title, d.due])).toEqual([
      ['Besvara motion från Lena Ek (M) om laddstolpar', { raised: '2027-02-22' }],
      ['Besvara motion av Per Sund (S) angående cykelvägar', { raised: '2027-02-22' }],
    ]);
  });

  it('a register with a date on every line gives one motion per line, raised that date, referred where its line says', () => {
    const text = 'Motioner 2027\n\nMotion om cykelvägar, inlämnad 2027-01-12, remitterad till tekniska nämnden\nMotion om simskola, inlämnad 2027-02-03, remitterad till kommunstyrelsen';
    expect(proposed(text, { body: 'KF' }).map((d) => [d.title, d.responsibleRole, d.due])).toEqual([
      ['Besvara motion om cykelvägar', 'tekniska nämnden', { raised: '2027-01-12' }],
      ['Besvara motion om simskola', 'kommunstyrelsen', { raised: '2027-02-03' }],
    ]);
  });

  it('"Svar på motion …" sent back ("beslutade att återremittera ärendet") raises no motion: it was raised before', () => {
    const text = '§ 68 Svar på motion om cykelställ\nEn motion har inkommit till kommunfullmäktige om cykelställ.\nFörslag till beslut\nKommunstyrelsen föreslår kommunfullmäktige att anse motionen vara besvarad.\nKommunfullmäktiges beslut\nKommunfullmäktige beslutade att återremittera ärendet.';
    expect(proposed(text, { body: 'KF', meetingDate: '2027-04-19' })).toEqual([]);
  });

  it('the motion itself, dated but not stamped as raised, is raised on its own date, for KS to prepare, flagged for a check', () => {
    const text = 'MOTION\nTill kommunfullmäktige i Ekby kommun\n\nFler laddplatser vid förskolorna\n\nMånga föräldrar kör elbil. Jag föreslår därför att kommunfullmäktige beslutar\natt ge tekniska nämnden i uppdrag att bygga laddplatser vid alla förskolor.\n\nEkby 2027-03-15\nAnna Holm (C)';
    const [d, ...rest] = proposed(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'motion', responsibleRole: 'kommunstyrelsen', due: { raised: '2027-03-15' }, title: 'Besvara motionen: Fler laddplatser vid förskolorna', flagged: true });
  });

  it('a report on motions still under preparation ("obesvarade motioner") raises none, though it lists their dates', () => {
    const text = minutes('Kommunfullmäktige', '2027-02-22', 'Redovisning av obesvarade motioner\n\nMotion om cykelvägar, väckt 2026-03-14, under beredning i kommunstyrelsen.\n\nBeslut\nRedovisningen läggs till handlingarna.');
    expect(proposed(text)).toEqual([]);
  });
});

describe('proposals told in the past tense', () => {
  it('"X har i en motion föreslagit … att ge kommunstyrelsen i uppdrag att …" is what the motion asked, no commission', () => {
    const text = 'Motion om badplats\nPROTOKOLL\nKommunstyrelsen\n2027-01-24\nErik Sand har i en motion föreslagit kommunfullmäktige att ge kommunstyrelsen i uppdrag att undersöka en ny badplats.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-01-24' })).toEqual([]);
  });
});

describe("an authority's page of remisses", () => {
  const page =
    'Förslag till nya naturreservat\n\nLänsstyrelsen skickar förslagen på remiss till berörda kommuner.\n\nBjörkö, Ale kommun\n\nSynpunkter ska vara inkomna till Länsstyrelsen senast den 23 juni 2027.\n\nFörslag till bildande av naturreservatet Björkö.\n\nKärrtorp, Lerums kommun\n\nSynpunkter ska ha kommit in till Länsstyrelsen senast den 16 augusti 2027.\n\nFörslag till bildande av naturreservatet Kärrtorp.';

  it('several remisses on one page are one yttrande each, with its own deadline and the title line before it', () => {
    expect(proposed(page).map((d) => [d.kind, d.due, d.title])).toEqual([
      ['yttrande', { externalDeadline: '2027-06-23', recipient: 'Länsstyrelsen' }, 'Yttrande över Björkö, Ale kommun'],
      ['yttrande', { externalDeadline: '2027-08-16', recipient: 'Länsstyrelsen' }, 'Yttrande över Kärrtorp, Lerums kommun'],
    ]);
  });

  it('"Svaret behöver skickas senast …" is a remiss deadline; "Skicka ditt svar till Länsstyrelsen" names its recipient', () => {
    const text = 'Remisser\n\nRemiss Vattenplan 2028\n\nSkicka ditt svar till Länsstyrelsen via e-post.\nE-post: vatten@lansstyrelsen.se\n\nSvaret behöver skickas senast den 22 juni 2027. Dialogmöte: 20 april kl. 13.30.';
    expect(proposed(text)).toMatchObject([{ kind: 'yttrande', due: { externalDeadline: '2027-06-22', recipient: 'Länsstyrelsen' }, title: 'Yttrande över remiss Vattenplan 2028' }]);
  });

  it('a recipient on the line after a closing "till" is the recipient, county and all', () => {
    const text = 'Naturreservatet Ekön\n\nSynpunkter lämnas senast den 1 juli 2027 till\n\nLänsstyrelsen i Västra Götalands län\nNaturvårdsenheten\n462 82 Vänersborg';
    expect(proposed(text)[0]?.due).toEqual({ externalDeadline: '2027-07-01', recipient: 'Länsstyrelsen i Västra Götalands län' });
  });

  it('"Vi önskar få in synpunkter senast …" on a page that names the authority only in its contact block leaves the recipient to the clerk', () => {
    const text = 'Remisser\n\nGrön infrastruktur\n\nVi önskar få in synpunkter senast den 8:e juni 2027.\n\nKontakt\n\nLänsstyrelsen i Norrbottens län';
    const [d] = proposed(text);
    expect(d?.due).toEqual({ externalDeadline: '2027-06-08' });
    expect(d?.missing).toContain('due.recipient');
  });

  it("an e-mail address is no recipient; the authority heading the letter is", () => {
    const text = 'Trafikverket\n2027-01-20\n\nRemiss – Åtgärdsvalsstudie väg 40\n\nRemissvar önskas senast 12 mars 2027. Svaren skickas till trafikverket@trafikverket.se.';
    expect(proposed(text)[0]?.due).toEqual({ externalDeadline: '2027-03-12', recipient: 'Trafikverket' });
  });

  it('the recipient is named as the deadline sentence writes it: a bare "Länsstyrelsen" stays bare though the page names the county elsewhere', () => {
    const text = 'Remiss av plan för grön infrastruktur i Ekby län\n\nLänsstyrelsen i Ekby län har tagit fram en plan och önskar synpunkter.\n\nSvar önskas senast den 1 juli 2027 på e-post till Länsstyrelsen.';
    expect(proposed(text)[0]?.due).toEqual({ externalDeadline: '2027-07-01', recipient: 'Länsstyrelsen' });
  });

  it('a remiss period and a sentence asking for the answer by the same day are one remiss, told by the sentence that asks for the answer', () => {
    const text = 'Remiss av naturvårdsplan\n\nRemisstiden är 2027-04-10 till 2027-07-01.\n\nSvar önskas senast den 1 juli 2027 till Länsstyrelsen.';
    const [d, ...rest] = proposed(text);
    expect(rest).toEqual([]);
    expect(d?.source.sentence).toBe('Svar önskas senast den 1 juli 2027 till Länsstyrelsen.');
  });

  it('a remiss period alone is still the remiss, ending on its last day', () => {
    const [d] = proposed('Remiss av naturvårdsplan\n\nRemisstiden är 2027-04-10 till 2027-07-01. Svaren skickas till Länsstyrelsen.');
    expect(d?.due).toEqual({ externalDeadline: '2027-07-01', recipient: 'Länsstyrelsen' });
  });

  it('a county written without a genitive s ("Länsstyrelsen i Skåne län") is part of the name', () => {
    expect(proposed('Länsstyrelsen i Skåne län\n\nRemiss av förslag till naturreservat\n\nRemissvar: senast 2027-03-15')[0]?.due).toEqual({
      externalDeadline: '2027-03-15',
      recipient: 'Länsstyrelsen i Skåne län',
    });
  });

  const deadlines: [string, string][] = [
    ['Sista dag för svar: 2027-03-15', '2027-03-15'],
    ['Remisstid: 1 februari – 15 mars 2027', '2027-03-15'],
    ['Remisstiden pågår till och med den 15 mars 2027.', '2027-03-15'],
    ['Remisstiden går ut sista mars 2027.', '2027-03-31'],
    ['Svarsdatum: 2027-03-15', '2027-03-15'],
    ['Sista svarsdag är den 15 mars 2027.', '2027-03-15'],
    ['Remissen ska vara besvarad senast den 15 mars 2027.', '2027-03-15'],
  ];
  for (const [sentence, date] of deadlines) {
    it(`"${sentence}" is the remiss deadline ${date}`, () => {
      expect(proposed(`Trafikverket\n2027-01-20\n\nRemiss av förslag till ny bussterminal\n\n${sentence}`)[0]?.due).toEqual({ externalDeadline: date, recipient: 'Trafikverket' });
    });
  }

  it('a proposal an authority sends out on remiss with no deadline is one yttrande with no due, flagged for the date', () => {
    const text = 'Remisser\n\nHär hittar du de remisser som länsstyrelsen har skickat ut för synpunkter.\n\nRemisser gällande strandskydd\n\nLänsstyrelsen har upprättat ett förslag till beslut om utvidgat strandskydd i Ale och Lerums kommuner.';
    const [d, ...rest] = proposed(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'yttrande', title: 'Yttrande över förslag till beslut om utvidgat strandskydd i Ale och Lerums kommuner', flagged: true });
    expect(d?.due).toBeUndefined();
  });

  it('a further deadline that does not name the answer ("Anmälan till dialogmötet lämnas senast …") is no second remiss', () => {
    const text = 'Remiss Vattenplan 2028\n\nSynpunkter ska ha kommit in till Länsstyrelsen senast den 22 juni 2027.\n\nDialogmöte 20 april. Anmälan lämnas senast den 13 april 2027.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-06-22', recipient: 'Länsstyrelsen' }]);
  });

  it("a meeting's minutes that tell of an authority's proposal on remiss raise no yttrande without a deadline: only a notice does", () => {
    const text = minutes('Kommunstyrelsen', '2027-03-10', 'Information om strandskydd\n\nLänsstyrelsen har upprättat ett förslag till beslut om utvidgat strandskydd och skickat det på remiss. Informationen läggs till handlingarna.');
    expect(proposed(text)).toEqual([]);
  });

  it('"Förslag till beslut" naming the document a notice sends out is no proposal of a decision: the remiss is read', () => {
    const text = 'Naturreservatet Ekön i Ale kommun\n\nFörslag till beslut\n\nSynpunkter lämnas senast den 1 juli 2027 till Länsstyrelsen.';
    expect(proposed(text)).toMatchObject([{ kind: 'yttrande', due: { externalDeadline: '2027-07-01', recipient: 'Länsstyrelsen' } }]);
  });
});

describe('answers a body gives or adopts', () => {
  it('"Kommunstyrelsen beslutade: att avge yttrande till Miljödepartementet" with no deadline is a yttrande for KS with no due, flagged', () => {
    const text = 'Kommunstyrelsen\nDatum\n2027-02-03\n\n5. Remiss från Miljödepartementet - Vägledning om tillsyn\n\nDepartementet har remitterat rapporten till kommunen.\nKommunstyrelsen beslutade:\natt avge yttrande till Miljödepartementet i enlighet med stadskontorets förslag';
    const [d, ...rest] = proposed(text, { body: 'KS', meetingDate: '2027-02-03' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'yttrande', responsibleRole: 'kommunstyrelsen', title: 'Skicka yttrandet över vägledning om tillsyn', flagged: true });
    expect(d?.due).toBeUndefined();
  });

  it('in a proposal ("Förslag till beslut: Styrelsen beslutar … att lämna synpunkter") the answer is drafted with no one responsible', () => {
    const text = 'Föredragningslista\n\n12. Yttrande – Regional cykelplan 2030\nFörslag till beslut:\nStyrelsen beslutar i enlighet med arbetsutskottets förslag att lämna synpunkter i enlighet med upprättat förslag.';
    const [d] = proposed(text, { body: 'RS', meetingDate: '2027-03-30' });
    expect(d).toMatchObject({ kind: 'yttrande', title: 'Skicka yttrandet över regional cykelplan 2030' });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"Yttrandet överlämnas till …" right after the adoption is part of its source', () => {
    const text = 'Förslag till beslut\nRegionstyrelsen antar redovisat yttrande över Klimatstrategi för länet. Yttrandet överlämnas till Länsstyrelsen i Kalmar län.';
    const [d] = proposed(text, { body: 'RS', meetingDate: '2027-06-18' });
    expect(d?.source.sentence).toBe('Regionstyrelsen antar redovisat yttrande över Klimatstrategi för länet. Yttrandet överlämnas till Länsstyrelsen i Kalmar län.');
    // The strategy's name is capitalised where the sentence runs on, so it keeps its capital in the title.
    expect(d?.title).toBe('Skicka yttrandet över Klimatstrategi för länet');
  });

  it('"Ett gemensamt remissvar … godkändes" in a summary is a yttrande with no one named', () => {
    const text = 'Beslut vid kommunstyrelsen den 26 april\nVid kommunstyrelsen fattades bland annat följande beslut:\n• Ett gemensamt remissvar om statens flygplatser godkändes.';
    const [d] = proposed(text, { body: 'KS', meetingDate: '2027-04-26' });
    expect(d).toMatchObject({ kind: 'yttrande' });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"anta tjänsteskrivelsen som sitt yttrande" and "yttra sig i enlighet med förslaget" give the answer, due by the remiss deadline', () => {
    for (const decision of ['Kommunstyrelsen beslutar att anta förvaltningens tjänsteskrivelse som sitt yttrande över remissen.', 'Kommunstyrelsen beslutar att yttra sig i enlighet med förvaltningens förslag.']) {
      const text = minutes('Kommunstyrelsen', '2027-02-10', `Remiss om ny avfallsplan\n\nÄrendet\nYttrandet ska ha kommit in till Naturvårdsverket senast den 1 april 2027.\n\nBeslut\n${decision}`);
      expect(proposed(text)).toMatchObject([{ kind: 'yttrande', responsibleRole: 'kommunstyrelsen', due: { externalDeadline: '2027-04-01', recipient: 'Naturvårdsverket' } }]);
    }
  });

  it('"Enheten föreslår att arbetsutskottet lämnar yttrande" only proposes: the decision "Arbetsutskottet lämnar yttrande" is the one answer', () => {
    const text = 'Remissvar kapacitetsutredning\nBeslut\nArbetsutskottet lämnar yttrande i enlighet med planeringsenhetens förslag.\nRemisstiden går ut sista mars 2027.\nPlaneringsenheten föreslår att arbetsutskottet lämnar yttrande enligt dess förslag. Remissvar till Trafikverket';
    expect(proposed(text, { body: 'KSAU', meetingDate: '2027-03-16' }).map((d) => [d.responsibleRole, d.due])).toEqual([
      ['arbetsutskottet', { externalDeadline: '2027-03-31', recipient: 'Trafikverket' }],
    ]);
  });

  it('"bereder nämnden tillfälle att yttra sig" invites the answer; it gives none', () => {
    const text = minutes('Kommunfullmäktige', '2027-02-22', 'Remiss om simhallen\n\nBeslut\nKommunfullmäktige bereder kultur- och fritidsnämnden tillfälle att yttra sig över förslaget.');
    expect(proposed(text).filter((d) => d.kind === 'yttrande')).toEqual([]);
  });

  it('a letter reporting that the board "beslutat att avge bifogat yttrande" creates nothing: the answer goes with the letter', () => {
    const text = 'BREV\nFinansdepartementet\n\nRemiss Regional indelning\n\nMed anledning härav får förvaltningen meddela att landstingsstyrelsen den 20 september 2027 beslutat att avge bifogat yttrande till Finansdepartementet.';
    expect(proposed(text)).toEqual([]);
  });

  it('"Vi vill ge er möjlighet att lämna synpunkter" is the sender\'s invitation: the remiss letter is drafted as a remiss', () => {
    const text = 'Länsstyrelsen Skåne\n2027-01-12\n\nSamråd om utvidgat strandskydd\n\nVi vill ge er möjlighet att lämna synpunkter på förslaget. Synpunkterna ska ha kommit in senast den 2 mars 2027.';
    expect(proposed(text)).toMatchObject([{ kind: 'yttrande', title: 'Yttrande över samråd om utvidgat strandskydd', due: { externalDeadline: '2027-03-02', recipient: 'Länsstyrelsen Skåne' } }]);
  });
});

describe('a remiss within the municipality', () => {
  it('a letter from KS to a committee: the committee answers (the addressee, not the sender heading the letter), to "kommunstyrelsen", decided by the committee', () => {
    const text = 'Kommunstyrelsen\nKommunledningskontoret\n2027-03-01   KS 2027/88\n\nSocialnämnden\n\nRemiss: Motion om fritidsbanker\n\nKommunfullmäktige har remitterat motionen till kommunstyrelsen, som härmed bereder socialnämnden tillfälle att yttra sig. Svar ska ha inkommit till kommunstyrelsen senast 2027-05-14.';
    expect(proposed(text)).toMatchObject([
      { kind: 'yttrande', responsibleRole: 'socialnämnden', due: { externalDeadline: '2027-05-14', recipient: 'Kommunstyrelsen', decidedBy: 'SN' } },
    ]);
  });
});

describe('summaries that label their decisions', () => {
  it('"Kommunstyrelsen beslutade bland annat följande:" opens the decisions, as "Beslut" does', () => {
    const text = 'Kommunstyrelsen i korthet\nKommunstyrelsen beslutade bland annat följande:\natt ge kommundirektören i uppdrag att ta fram en lokalförsörjningsplan.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-05-04' })).toMatchObject([{ kind: 'uppdrag', responsibleRole: 'kommundirektören' }]);
  });
});

describe('labels the PDF ran into the text', () => {
  it('"… kapacitetsutredning Beslut Arbetsutskottet lämnar yttrande …" on one line: the decision after the label is read', () => {
    const text = 'SAMMANTRÄDESPROTOKOLL 2 (20) 28 KS 2027/172 Remissvar kapacitetsutredningen Beslut Arbetsutskottet lämnar yttrande i enlighet med planeringsenhetens förslag. Remisstiden går ut sista mars 2027. Remissvar till Trafikverket';
    expect(proposed(text, { body: 'KSAU', meetingDate: '2027-03-16' })).toMatchObject([
      { kind: 'yttrande', responsibleRole: 'arbetsutskottet', due: { externalDeadline: '2027-03-31', recipient: 'Trafikverket' } },
    ]);
  });

  it('"… Förslag till beslut Nämnden föreslås besluta att godkänna förslaget till yttrande …" is the proposal of a damaged tjänsteutlåtande', () => {
    const text = 'TJÄNSTEUTLÅTANDE Tillväxtnämnden Remiss Regional utvecklingsstrategi Ärendebeskrivning Nämnden har fått möjlighet att yttra sig. Förslag till beslut Tillväxtnämnden föreslås besluta att godkänna förslaget till yttrande enligt bifogat förslag Förvaltningens förslag och motivering';
    const [d] = proposed(text, { body: 'TN' });
    expect(d).toMatchObject({ kind: 'yttrande' });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('only a label before a body deciding counts: "Beslut om bygglov" and "i beslutet" mid-line are no labels', () => {
    expect(inlineHeadings('ansokan beslut om bygglov lamnades in')).toEqual([]);
    expect(inlineHeadings('som framgar i beslutet kommunstyrelsen har')).toEqual([]);
    expect(inlineHeadings('kapacitetsutredning beslut arbetsutskottet lamnar yttrande')).toMatchObject([{ kind: 'decision', decider: 'arbetsutskottet' }]);
  });
});

describe('summaries of a meeting ("beslut i korthet")', () => {
  it('"En paviljong ska därför tillskapas …" in a list of decisions is an uppdrag in the active, no one named, flagged', () => {
    const text = 'Beslut vid kommunstyrelsen den 26 april\nVid kommunstyrelsen fattades bland annat följande beslut:\n• Kön till förskolan har ökat. En paviljong ska därför tillskapas vid Solrosens förskola.';
    const [d, ...rest] = proposed(text, { body: 'KS', meetingDate: '2027-04-26' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'uppdrag', title: 'Tillskapa en paviljong vid Solrosens förskola', flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"Lichron-fastigheten ska köpas in av kommunen" and "Kommunstyrelsen gav kommunchefen i uppdrag att utreda …" in a summary are two items', () => {
    const text = 'Politiska beslut i korthet\nKommunstyrelsen sammanträdde den 7 juni och gick då igenom följande ärenden:\nBudgeten för 2028 antogs.\nTallbacka-fastigheten ska köpas in av kommunen. Köpet finansieras inom investeringsbudgeten. Kommunstyrelsen gav kommunchefen i uppdrag att utreda hur fastigheten kan användas.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-06-07' }).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([
      ['uppdrag', undefined, 'Köpa in Tallbacka-fastigheten'],
      ['uppdrag', 'kommunchefen', 'Utreda hur fastigheten kan användas'],
    ]);
  });

  it('"Fullmäktige beslutade att förslaget om X ska utredas vidare" is a duty; "Politikerna tog det formella beslutet att frågan ska utredas" only repeats it', () => {
    const text = 'Beslut i korthet, kommunfullmäktige 25 maj\nFörslag om gratis busskort till ungdomar\nFullmäktige beslutade att förslaget om gratis busskort till ungdomar ska utredas vidare.\nFörslaget fick fler än 50 röster. Politikerna har nu tagit det formella beslutet att frågan ska utredas närmare.';
    expect(proposed(text, { body: 'KF', meetingDate: '2027-05-25' }).map((d) => d.title)).toEqual(['Utreda förslaget om gratis busskort till ungdomar vidare']);
  });

  it('a decision reported with another date ("Kommunfullmäktige beslutade 2019-05-20 att …") is the case\'s history, no duty', () => {
    expect(proposed('Skolan i Ekby\nKommunfullmäktige beslutade 2019-05-20 att en ny skola ska byggas i Ekby.', { body: 'KS', meetingDate: '2027-05-25' })).toEqual([]);
  });

  it('"Kommunstyrelsen gav förvaltningen i uppdrag …" in plain text outside a decision is history, no commission', () => {
    expect(proposed('Bakgrund till ärendet\nKommunstyrelsen gav förvaltningen i uppdrag att utreda frågan. Utredningen är nu klar.')).toEqual([]);
  });

  const notWork = [
    'Kostnaden ska finansieras inom befintlig ram.',
    'Taxan ska tillämpas från och med den 1 januari 2028.',
    'Förbundet ska avvecklas från och med den 1 januari 2028.',
    'Ärendet ska behandlas av kommunfullmäktige.',
  ];
  for (const sentence of notWork) {
    it(`"${sentence}" in a decision is no work of its own`, () => {
      expect(proposed(minutes('Kommunstyrelsen', '2027-03-10', `Beslut\n${sentence}`))).toEqual([]);
    });
  }

  it('"Antalet platser ska utökas" followed by "Förvaltningen ges i uppdrag att återkomma med förslag" waits for the proposals: one item', () => {
    const text = 'Kommunstyrelsen i korthet\nÄrende: Förskoleplatser\nBeslut: Antalet förskoleplatser ska utökas i centrala Ekby.\nFörvaltningen ges i uppdrag att återkomma till kommunstyrelsen den 11 maj med alternativa förslag.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-04-13' })).toMatchObject([{ kind: 'aterrapportering', responsibleRole: 'förvaltningen', due: { meeting: { body: 'KS', date: '2027-05-11' } } }]);
  });

  it('"Motionen bifalls såtillvida att frågan om X ska behandlas i arbetet med Y" is that commitment, not what the motion proposed', () => {
    const text = 'KF § 15\nMotion. Cykelväg till Ekön\nAnna Lund (S) har i en motion föreslagit att kommunen ska bygga en cykelväg.\nKommunfullmäktiges beslut\n• Motionen bifalls såtillvida att frågan om en cykelväg till Ekön ska behandlas i arbetet med infrastrukturplanen.';
    expect(proposed(text, { body: 'KF', meetingDate: '2027-02-22' }).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([
      ['uppdrag', undefined, 'Behandla frågan om en cykelväg till Ekön i arbetet med infrastrukturplanen'],
    ]);
  });

  it("a web page's title line stays apart from the sentence under it, however long", () => {
    const text = 'Förslag om gratis busskort till ungdomar på sommaren\nFullmäktige beslutade att förslaget om gratis busskort till ungdomar på både högstadiet och gymnasiet ska utredas vidare.';
    expect(proposed(text, { body: 'KF', meetingDate: '2027-05-25' })[0]?.source.sentence).toMatch(/^Fullmäktige beslutade att/);
  });
});

describe('tasks, report-backs and dates as real decisions write them', () => {
  it('"… och att till kommunstyrelsens sammanträde 9 november ha tagit fram underlag" is a report-back to that meeting, titled "Ta fram underlag …"', () => {
    const text = minutes('Kommunstyrelsen', '2027-10-05', 'Åtgärdsplan\n\nBeslut\nKommunstyrelsen beslutar att ge förvaltningen i uppdrag att genomföra besparingarna och att till kommunstyrelsens sammanträde 9 november ha tagit fram underlag för samtliga åtgärder.');
    expect(proposed(text).map((d) => [d.kind, d.due, d.title])).toEqual([
      ['uppdrag', undefined, 'Genomföra besparingarna'],
      ['aterrapportering', { meeting: { body: 'KS', date: '2027-11-09' } }, 'Ta fram underlag för samtliga åtgärder'],
    ]);
  });

  it('"Återrapportering av åtgärderna ska ske till socialnämnden i juni 2027" is a report-back with no one named', () => {
    const [d] = proposed(minutes('Socialnämnden', '2027-02-10', 'Uppföljning av hemtjänsten\n\nBeslut\nSocialnämnden godkänner rapporten. Återrapportering av åtgärderna ska ske till socialnämnden i juni 2027.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', title: 'Återrapportera åtgärderna', due: { meeting: { body: 'SN', month: '2027-06' } }, flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"Kommunstyrelsen ger sig själv i uppdrag att …" makes the deciding body responsible; "vid årets sista sammanträde" is its last meeting of the year, not a vague period', () => {
    const [d] = proposed(minutes('Kommunstyrelsen', '2027-03-10', 'Näringslivsstrategi\n\nBeslut\nKommunstyrelsen ger sig själv i uppdrag att ta fram en ny näringslivsstrategi och återrapportera till kommunfullmäktige vid årets sista sammanträde.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', responsibleRole: 'kommunstyrelsen', due: { meeting: { body: 'KF', by: '2027-12-31' } }, flagged: false });
  });

  it('"Återrapportering till socialnämnden ska ske senast 31 december 2027" (the body before the verb) is a report-back by that date', () => {
    const [d] = proposed(minutes('Socialnämnden', '2027-02-10', 'Hemtjänst\n\nBeslut\nSocialnämnden godkänner rapporten. Återrapportering till socialnämnden ska ske senast 31 december 2027.'));
    expect(d).toMatchObject({ kind: 'aterrapportering', due: { date: '2027-12-31' } });
  });

  it('"inom ett år" is a year from the decision; "under Q3 2027" is the third quarter', () => {
    const due = (decision: string) => proposed(minutes('Kommunstyrelsen', '2027-02-10', `Plan\n\nBeslut\n${decision}`))[0]?.due;
    expect(due('Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan inom ett år.')).toEqual({ date: '2028-02-10' });
    expect(due('Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan och återrapportera till kommunstyrelsen under Q3 2027.')).toEqual({ meeting: { body: 'KS', by: '2027-09-30' } });
  });

  it('"sista mars 2027" is 31 March; "13–14 juni 2027" is a meeting dated by its first day', () => {
    const dates = (text: string) => findTimings(text, 0, text.length, '2027-01-01').map((t) => ('date' in t ? t.date : undefined));
    expect(dates('remisstiden gar ut sista mars 2027')).toEqual(['2027-03-31']);
    expect(dates('regionfullmaktige 13–14 juni 2027')).toEqual(['2027-06-13']);
  });
});

describe('remisses, round two', () => {
  it('the answer to a remiss sent to an e-mail address goes to the authority whose proposal it is ("Region Ekbys förslag")', () => {
    const text = 'Trafikprogram 2028–2031 – remiss\n\nUnder hösten 2027 finns Region Ekbys förslag till nytt trafikprogram ute för påseende.\n\nRemissvar lämnas via e-post till region@regionekby.se senast 10 november 2027.';
    expect(proposed(text)[0]?.due).toEqual({ externalDeadline: '2027-11-10', recipient: 'Region Ekby' });
  });

  it('"Ansökan ska ha inkommit senast …" on a page that speaks of a remiss is no remiss deadline: a remiss deadline names the answer', () => {
    const text = 'Bidrag till föreningar\n\nKommunen har skickat ut riktlinjerna på remiss tidigare i år.\n\nAnsökan ska ha inkommit till kommunen senast den 15 april 2027.';
    expect(proposed(text).filter((d) => d.kind === 'yttrande')).toEqual([]);
  });
});

describe('when a period says when a nested clause is done', () => {
  it('"utreda kostnaderna för att starta två avdelningar under hösten" has no deadline: the autumn is when the units start', () => {
    const [d] = proposed(minutes('Barn- och ungdomsnämnden', '2027-06-17', 'Förskolelokaler\n\nBeslut\nBarn- och ungdomsnämnden beslutar att ge barn- och ungdomskontoret i uppdrag att utreda kostnaderna att starta två avdelningar under hösten.'));
    expect(d).toMatchObject({ kind: 'uppdrag', responsibleRole: 'barn- och ungdomskontoret' });
    expect(d?.due).toBeUndefined();
  });

  it('"ta fram en plan under hösten" with no clause between is due by the end of the autumn', () => {
    expect(proposed(minutes('Kommunstyrelsen', '2027-06-17', 'Plan\n\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan under hösten.'))[0]?.due).toEqual({ date: '2027-12-31' });
  });

  it('"utreda möjligheten att bygga en skola senast den 30 november" keeps its deadline: "senast" marks the task\'s', () => {
    expect(proposed(minutes('Kommunstyrelsen', '2027-06-17', 'Skola\n\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att utreda möjligheten att bygga en skola senast den 30 november 2027.'))[0]?.due).toEqual({ date: '2027-11-30' });
  });
});

describe('report-backs, yrkanden and internal remisses, round two', () => {
  it('"ta fram en plan senast den 30 april, samt att återrapportera till kommunstyrelsen i juni 2028": the report-back\'s meeting is the due', () => {
    const text = minutes('Kommunstyrelsen', '2027-11-08', 'Lokalplan\n\nBeslut\nKommunstyrelsen beslutar\natt uppdra åt kommundirektören att ta fram en plan senast den 30 april, samt\natt återrapportera arbetet till kommunstyrelsen i juni 2028.');
    expect(proposed(text).map((d) => [d.kind, d.due])).toEqual([['aterrapportering', { meeting: { body: 'KS', month: '2028-06' } }]]);
  });

  it('the decision restating the yrkande it adopts is one item', () => {
    const text = minutes('Kommunstyrelsen', '2027-09-06', 'Trygghet\n\nYrkanden\nEva Lund (S) yrkar att kommundirektören får i uppdrag att ta fram en trygghetsplan.\n\nPropositionsordning\nOrdföranden finner att kommunstyrelsen bifaller Eva Lunds yrkande.\n\nBeslut\nKommunstyrelsen beslutar att kommundirektören får i uppdrag att ta fram en trygghetsplan.');
    expect(proposed(text).map((d) => d.responsibleRole)).toEqual(['kommundirektören']);
  });

  it('"Kommunstyrelsen har remitterat motionen till socialnämnden för yttrande. Yttrandet ska ha inkommit … senast" is a remiss: the answer decided is due then', () => {
    const text = minutes('Socialnämnden', '2027-04-20', 'Yttrande över motion om fritidsbank\n\nÄrendet\nKommunstyrelsen har remitterat motionen till socialnämnden för yttrande. Yttrandet ska ha inkommit till kommunstyrelsen senast 2027-05-14.\n\nBeslut\nSocialnämnden beslutar att lämna yttrande till kommunstyrelsen i enlighet med förvaltningens tjänsteskrivelse.');
    expect(proposed(text)).toMatchObject([{ kind: 'yttrande', responsibleRole: 'socialnämnden', due: { externalDeadline: '2027-05-14', recipient: 'Kommunstyrelsen' } }]);
  });
});

describe('motions listed in more ways', () => {
  it('"Följande motioner har anmälts:" then one line a motion, each opened by its writer ("Per Ek (M): Motion om …"): one motion a line, titled from "motion"', () => {
    const text = minutes('Kommunfullmäktige', '2027-02-21', 'Anmälan av nya motioner\n\nÄrendet\nFöljande motioner har anmälts till dagens sammanträde:\nAnna Berg (S): Motion om fler cykelbanor i centrum\nPer Ek (M): Motion om sänkt skatt för pensionärer\n\nBeslut\nMotionerna remitteras till kommunstyrelsen för beredning.');
    expect(proposed(text).map((d) => [d.title, d.responsibleRole, d.due])).toEqual([
      ['Besvara motion om fler cykelbanor i centrum', 'kommunstyrelsen', { raised: '2027-02-21' }],
      ['Besvara motion om sänkt skatt för pensionärer', 'kommunstyrelsen', { raised: '2027-02-21' }],
    ]);
  });

  it('a register whose lines open with the case number and the date: each raised on its date', () => {
    const text = 'Väckta motioner 2027\n\nKS 2027/14   2027-01-24   Motion om belysning vid skolvägar, Anna Berg (S)\nKS 2027/31   2027-02-21   Motion om fler förskoleplatser, Per Ek (M)';
    expect(proposed(text, { body: 'KF' }).map((d) => [d.title, d.due])).toEqual([
      ['Besvara motion om belysning vid skolvägar', { raised: '2027-01-24' }],
      ['Besvara motion om fler förskoleplatser', { raised: '2027-02-21' }],
    ]);
  });
});

describe('remiss deadlines in more ways', () => {
  const deadline = (sentence: string) => proposed(`Socialdepartementet\n2027-03-02\n\nRemiss av betänkandet En ny lag\n\n${sentence}`)[0]?.due;

  it('"Remissvaren ska ha kommit in till Socialdepartementet före den 15 juni 2027" is the deadline', () => {
    expect(deadline('Remissvaren ska ha kommit in till Socialdepartementet före den 15 juni 2027.')).toEqual({ externalDeadline: '2027-06-15', recipient: 'Socialdepartementet' });
  });

  it('"Svarstid: 30 juni 2027" is the deadline', () => {
    expect(deadline('Svarstid: 30 juni 2027')).toEqual({ externalDeadline: '2027-06-30', recipient: 'Socialdepartementet' });
  });

  it('"Utredningen lämnades till regeringen före den 1 mars 2027" names no answer: no deadline', () => {
    expect(proposed('Socialdepartementet\n2027-03-02\n\nRemiss av betänkandet En ny lag\n\nUtredningen lämnades till regeringen före den 1 mars 2027.').filter((d) => d.due)).toEqual([]);
  });
});

describe('report-backs named by a noun', () => {
  const decision = (sentence: string) => proposed(minutes('Socialnämnden', '2027-02-10', `Hemtjänst\n\nBeslut\n${sentence}`));

  it('"… med återrapport till socialnämnden i oktober 2027" is a report-back to that meeting', () => {
    expect(decision('Socialnämnden ger förvaltningen i uppdrag att ta fram en plan för hemtjänsten med återrapport till socialnämnden i oktober 2027.')).toMatchObject([
      { kind: 'aterrapportering', due: { meeting: { body: 'SN', month: '2027-10' } } },
    ]);
  });

  it('"… med redovisning till nämnden i maj 2027" is a report-back to that meeting', () => {
    expect(decision('Socialnämnden ger förvaltningen i uppdrag att ta fram en plan med redovisning till nämnden i maj 2027.')).toMatchObject([
      { kind: 'aterrapportering', due: { meeting: { body: 'SN', month: '2027-05' } } },
    ]);
  });

  it('"Uppföljning av åtgärderna ska ske till socialnämnden i juni 2027" is a report-back with no one named', () => {
    expect(decision('Socialnämnden godkänner rapporten. Uppföljning av åtgärderna ska ske till socialnämnden i juni 2027.')).toMatchObject([
      { kind: 'aterrapportering', due: { meeting: { body: 'SN', month: '2027-06' } } },
    ]);
  });

  it('"godkänna årsredovisningen" and "ta del av redovisningen" report nothing back', () => {
    expect(decision('Socialnämnden beslutar att godkänna årsredovisningen och att ta del av redovisningen.')).toEqual([]);
  });
});

describe('a damaged page that lost its § signs', () => {
  it('two motions in one block, each with its own referral ("45 Motion om …  Beslut Motionen remitteras till …"): one motion each, referred where its line says', () => {
    const text = 'KOMMUNFULLMÄKTIGE PROTOKOLL 2027-03-22\n45 Motion om fler papperskorgar Dnr KS 2027/50 Beslut Motionen remitteras till kommunstyrelsen för beredning.\n46 Motion om laddplatser Dnr KS 2027/51 Beslut Motionen remitteras till tekniska nämnden för beredning.';
    expect(proposed(text).map((d) => [d.title, d.responsibleRole, d.due])).toEqual([
      ['Besvara motion om fler papperskorgar', 'kommunstyrelsen', { raised: '2027-03-22' }],
      ['Besvara motion om laddplatser', 'tekniska nämnden', { raised: '2027-03-22' }],
    ]);
  });
});
