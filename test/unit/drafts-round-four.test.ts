/**
 * Round four of the drafting rules (issue 19): how remiss letters write their deadline and whom the answer
 * goes to, how protokoll record motions handed in and referred, and a case sent back with a task. Each rule
 * is specified on invented sentences, with the near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const proposed = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
/** A remiss letter of an agency, dated, with its subject; `body` holds the deadline. */
const letter = (body: string) => `Trafikverket\n2027-01-15\n\nRemiss: Förslag till ny väg genom Nolby\n\n${body}`;
const answer = (text: string) => proposed(text).map((d) => [d.kind, d.due, d.source.sentence]);

describe('the ways a remiss letter writes its deadline', () => {
  const trafikverket = (date: string) => ({ externalDeadline: date, recipient: 'Trafikverket' });
  it.each([
    ['"Svar ska ha kommit in till Trafikverket senast den …"', 'Svar ska ha kommit in till Trafikverket senast den 15 mars 2027.'],
    ['"Remissvaren ska ha kommit in till … senast …"', 'Remissvaren ska ha kommit in till Trafikverket senast den 15 mars 2027.'],
    ['"Vi vill ha ert svar senast …" (the letter\'s sender)', 'Vi vill ha ert svar senast den 15 mars 2027.'],
    ['"Sista dag för yttrande är den …"', 'Sista dag för yttrande är den 15 mars 2027.'],
    ['a date without a year, in a letter whose date gives it', 'Vi vill ha era synpunkter senast den 15 mars.'],
    ['"Remissperioden pågår till och med den …"', 'Remissperioden pågår till och med den 15 mars 2027. Synpunkter skickas till Trafikverket.'],
  ])('%s is the remiss deadline', (_, body) => {
    expect(proposed(letter(body)).map((d) => [d.kind, d.due])).toEqual([['yttrande', trafikverket('2027-03-15')]]);
  });

  it('a deadline in a heading and again in the body: the body\'s sentence, with the year written, is the source', () => {
    const text = letter('Sista dag för svar 15 mars\n\nSkicka era synpunkter till Trafikverket senast den 15 mars 2027.');
    expect(answer(text)).toEqual([['yttrande', trafikverket('2027-03-15'), 'Skicka era synpunkter till Trafikverket senast den 15 mars 2027.']]);
  });

  it('an offer ("nu finns det möjlighet att lämna synpunkter senast …") and a demand of the same day: the demand is the source', () => {
    const text = 'Remiss om strategi\n\nNu finns det möjlighet att lämna synpunkter på förslaget senast 15 februari 2027.\n\nRegion Nolland uppdaterar strategin. Alla synpunkter ska lämnas senast den 15 februari 2027.';
    expect(answer(text)).toEqual([['yttrande', { externalDeadline: '2027-02-15', recipient: 'Region Nolland' }, 'Alla synpunkter ska lämnas senast den 15 februari 2027.']]);
  });

  it('near miss: "Ansökan ska ha inkommit senast …" on a remiss page names no answer', () => {
    expect(proposed(letter('Ansökan ska ha inkommit senast den 15 mars 2027.'))).toEqual([]);
  });
});

describe('whom a remiss is answered to', () => {
  it('an address after "… skickar ni med e-post eller brev till:" names the authority, the e-mail line passed over and the label dropped', () => {
    const text = 'Remiss om föreskrifter\n\nMSB önskar få in era synpunkter senast den 1 juli 2027.\n\nRemissvaret skickar ni med e-post eller brev till:\nE-post: registrator@msb.se\nPostadress: Myndigheten för samhällsskydd och beredskap\n651 81 Karlstad.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-07-01', recipient: 'Myndigheten för samhällsskydd och beredskap' }]);
  });

  it('"till Länsstyrelsen" in the sentence and "Länsstyrelsen i Stockholms län" on the address after "Skicka yttrandet till:": the address writes it in full', () => {
    const text = 'Remiss av vattenplan\n\nSynpunkter ska ha inkommit till Länsstyrelsen senast den 15 mars 2027.\nSkicka yttrandet till:\nLänsstyrelsen i Stockholms län\nBox 1\n104 22 Stockholm';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-03-15', recipient: 'Länsstyrelsen i Stockholms län' }]);
  });

  it('near miss: a county named elsewhere on the page (not where the answer goes) leaves "till Länsstyrelsen" bare', () => {
    const text = 'Remiss av plan för grön infrastruktur\n\nYttranden ska ha inkommit till Länsstyrelsen senast 2027-08-31. Förslaget finns hos Länsstyrelsen Nolland.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-08-31', recipient: 'Länsstyrelsen' }]);
  });

  it('"Yttrandet ska vara Skogsstyrelsen tillhanda senast …" is answered to Skogsstyrelsen', () => {
    expect(proposed(letter('Yttrandet ska vara Skogsstyrelsen tillhanda senast den 15 mars 2027.')).map((d) => d.due)).toEqual([
      { externalDeadline: '2027-03-15', recipient: 'Skogsstyrelsen' },
    ]);
  });

  it('"till oss" is the letter\'s sender', () => {
    expect(proposed(letter('Skicka era synpunkter till oss senast den 15 mars 2027.')).map((d) => d.due)).toEqual([{ externalDeadline: '2027-03-15', recipient: 'Trafikverket' }]);
  });

  it('an e-mail address whose domain is an authority the text names ("skogsstyrelsen@skogsstyrelsen.se") is that authority', () => {
    const text = 'Remiss om nyckelbiotoper\n\nSkogsstyrelsen har utrett frågan om registrering.\n\nMejla dina synpunkter till skogsstyrelsen@skogsstyrelsen.se senast den 15 november 2027.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-11-15', recipient: 'Skogsstyrelsen' }]);
  });

  it('"Remissvar skickas via e-post till regionen@regionnolland.se" is Region Nolland when the text names it', () => {
    const text = 'Kulturplan Region Nolland 2028–2031\n\nRegionala utvecklingsnämnden önskar få synpunkter på remissversionen senast den 15 juni 2027.\n\nRemissvar skickas via e-post till regionen@regionnolland.se.';
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-06-15', recipient: 'Region Nolland' }]);
  });

  it('near miss: an e-mail address whose domain names no one the text names is no recipient (flagged)', () => {
    const [d, ...rest] = proposed('Remiss om nyckelbiotoper\n\nMejla dina synpunkter till registrator@nolby.se senast den 15 november 2027.');
    expect(rest).toEqual([]);
    expect(d?.due).toEqual({ externalDeadline: '2027-11-15' });
    expect(d?.flagged).toBe(true);
  });
});

describe('how a protokoll records a motion handed in and sent for preparation', () => {
  const kf = { body: 'KF', meetingDate: '2027-03-22' };
  const motions = (text: string, known: KnownFacts = kf) => proposed(text, known).map((d) => [d.kind, d.responsibleRole, d.due]);
  const at = (role: string) => ['motion', role, { raised: '2027-03-22' }];
  it.each([
    ['"Anmälan av motion" and "att remittera motionen till kommunstyrelsen"', '§ 12 Anmälan av motion om fler laddstolpar\n\nPer Ek (M) har lämnat in en motion om fler laddstolpar vid skolorna.\n\nKommunfullmäktige beslutar\n\natt remittera motionen till kommunstyrelsen för beredning.', [at('kommunstyrelsen')]],
    ['"har väckt en motion" and "Motionen överlämnas till …"', '§ 13 Motion om gratis busskort för pensionärer\n\nLena Ek (S) har väckt en motion om gratis busskort för pensionärer.\n\nBeslut\n\nMotionen överlämnas till kommunstyrelsen för beredning.', [at('kommunstyrelsen')]],
    ['"Motion från …" and "Motionen lämnas till …"', '§ 14 Motion från Anna Berg (V) om fler bänkar i parkerna\n\nBeslut\nMotionen lämnas till tekniska nämnden för beredning.', [at('tekniska nämnden')]],
    ['"motionen hänskjuts till …"', '§ 15 Motion om ett kommunalt bostadsbolag\n\nKommunfullmäktige beslutar att motionen hänskjuts till kommunstyrelsen för beredning.', [at('kommunstyrelsen')]],
    ['"Motion (KD) om …" and "Motionen skickas till …"', '§ 16 Motion (KD) om trygghetsvärdar\n\nBeslut\n\nMotionen skickas till socialnämnden för beredning.', [at('socialnämnden')]],
    ['"Motion av …" and "fullmäktige beslutar att remittera motionen"', '§ 17 Motion av Karl Nyström (C) om landsbygdsbussar\n\nKommunfullmäktige beslutar att remittera motionen till kommunstyrelsen för beredning.', [at('kommunstyrelsen')]],
    ['"Ärendet överlämnas till … för beredning" under a motion handed in', '§ 18 Motion om solceller på kommunens tak\n\nÅsa Lind (MP) har lämnat in en motion om solceller på kommunens tak.\n\nBeslut\nÄrendet överlämnas till kommunstyrelsen för beredning.', [at('kommunstyrelsen')]],
    ['"Motion (S) om …" remitted to a committee', '§ 19 Motion (S) om läxhjälp på biblioteken\n\nBeslut\n\nMotionen remitteras till barn- och utbildningsnämnden för beredning.', [at('barn- och utbildningsnämnden')]],
    ['"Inkomna motioner", a list "Motion från …" and "Motionerna remitteras"', '§ 20 Inkomna motioner\n\nFöljande motioner har inkommit:\n- Motion från Per Ek (M) om laddstolpar\n- Motion från Lena Ek (S) om badhus\n\nBeslut\n\nMotionerna remitteras till kommunstyrelsen för beredning.', [at('kommunstyrelsen'), at('kommunstyrelsen')]],
    ['"Nya motioner", lines "Motion av …" and "remittera motionerna"', '§ 21 Nya motioner\n\nMotion av Per Ek (M) om laddstolpar\nMotion av Lena Ek (S) om badhus\n\nKommunfullmäktige beslutar att remittera motionerna till kommunstyrelsen för beredning.', [at('kommunstyrelsen'), at('kommunstyrelsen')]],
    ['"En motion från … anmäls och remitteras till …"', '§ 22 Motion om fler förskoleplatser\n\nEn motion från Eva Holm (L) om fler förskoleplatser anmäls och remitteras till kommunstyrelsen.', [at('kommunstyrelsen')]],
    ['"Motionen ska beredas av …"', '§ 29 Motion om belysning i Nolby\n\nBeslut\n\nMotionen ska beredas av tekniska nämnden.', [at('tekniska nämnden')]],
    ['"Kommunfullmäktige remitterar motionen till …"', '§ 28 Motion om cykelvägar\n\nKommunfullmäktige remitterar motionen till samhällsbyggnadsnämnden för beredning.', [at('samhällsbyggnadsnämnden')]],
    ['"Motionen hänvisas till …"', '§ 34 Motion om grön skolgård\n\nBeslut\nMotionen hänvisas till barn- och utbildningsnämnden för beredning.', [at('barn- och utbildningsnämnden')]],
    ['"remitteras till kommunstyrelsen för yttrande"', '§ 31 Motion om ökad trafiksäkerhet\n\nBeslut\n\nMotionen remitteras till kommunstyrelsen för yttrande.', [at('kommunstyrelsen')]],
    ['"X väcker en motion" and "överlämna motionen till …"', '§ 32 Motion om fritidsbank\n\nAnna Berg (V) väcker en motion om en fritidsbank.\n\nKommunfullmäktige beslutar att överlämna motionen till kultur- och fritidsnämnden för beredning.', [at('kultur- och fritidsnämnden')]],
    ['"En motion … har inkommit från …"', '§ 33 Motion om hundrastgård\n\nEn motion om hundrastgård har inkommit från Per Ek (M).\n\nBeslut\nMotionen remitteras till tekniska nämnden.', [at('tekniska nämnden')]],
    ['several motions handed in within one §', '§ 26 Anmälan av motioner\n\nPer Ek (M) har lämnat in en motion om laddstolpar. Lena Ek (S) har lämnat in en motion om badhus.\n\nBeslut\n\nMotionerna remitteras till kommunstyrelsen för beredning.', [at('kommunstyrelsen'), at('kommunstyrelsen')]],
    ['a table with the writer and party first, each line referred', '§ 24 Motioner\n\nPer Ek (M)   Motion om laddstolpar   remitteras till kommunstyrelsen\nLena Ek (S)   Motion om badhus   remitteras till kultur- och fritidsnämnden', [at('kommunstyrelsen'), at('kultur- och fritidsnämnden')]],
    ['a PDF-damaged §: no sign, hyphenated lines', '26 Anmälan av motion om laddstol-\npar vid skolorna\nPer Ek (M) har lämnat in en motion om ladd-\nstolpar vid skolorna.\nBeslut\nMotionen remitteras till kommun-\nstyrelsen för beredning.', [at('kommunstyrelsen')]],
  ])('%s: one motion each, raised at the meeting, for the body it is referred to', (_, text, expected) => {
    expect(motions(text)).toEqual(expected);
  });

  it('handed in at one meeting and recorded at the next: raised on the day the text writes', () => {
    const text = '§ 25 Motion om en ny simhall\n\nPer Ek (M) lämnade vid sammanträdet den 22 februari 2027 in en motion om en ny simhall.\n\nBeslut\n\nMotionen remitteras till kommunstyrelsen för beredning.';
    expect(motions(text)).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-02-22' }]]);
  });

  it('a register\'s line with its own date is raised that day ("KS 2027/14   2027-01-24   Motion om …")', () => {
    const text = 'Anmälda motioner 2027\n\nKS 2027/14   2027-01-24   Motion om laddstolpar   remitterad till kommunstyrelsen\nKS 2027/19   2027-02-11   Motion om badhus   remitterad till kommunstyrelsen';
    expect(motions(text)).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-01-24' }],
      ['motion', 'kommunstyrelsen', { raised: '2027-02-11' }],
    ]);
  });

  it('RF: a motion referred to regionstyrelsen', () => {
    const text = 'Regionfullmäktige\nProtokoll 2027-03-22\n\n§ 23 Motion om vårdcentral i Nolby\n\nPer Ek (S) har lämnat in en motion om vårdcentral i Nolby.\n\nRegionfullmäktige beslutar\n\natt remittera motionen till regionstyrelsen för beredning.';
    expect(motions(text, {})).toEqual([at('regionstyrelsen')]);
  });

  it('RS anmälningar: "Anmäls att en motion har inkommit från … 2027-03-01. Motionen har överlämnats till <a unit> för stöd i beredningen"', () => {
    const text = 'Regionstyrelsen\nProtokoll 2027-03-22\n\n§ 27 Anmälningar\n\n• Anmäls att en motion har inkommit från Per Ek (V) om rätt till hemsjukvård till Region Nolland 2027-03-01.\nMotionen har överlämnats till Hälso- och sjukvårdens utredningsenhet för stöd i beredningen.';
    const [d, ...rest] = proposed(text, {});
    expect(rest).toEqual([]);
    expect([d?.kind, d?.responsibleRole, d?.due]).toEqual(['motion', 'hälso- och sjukvårdens utredningsenhet', { raised: '2027-03-01' }]);
    expect(d?.title).toMatch(/hemsjukvård/);
  });

  it.each([
    ['a motion answered ("Motionen anses besvarad")', '§ 40 Svar på motion om laddstolpar\n\nBeslut\n\nMotionen anses besvarad.'],
    ['a motion refused ("att avslå motionen")', '§ 41 Motion om badhus – svar\n\nKommunfullmäktige beslutar att avslå motionen.'],
    ['a motion refused after preparation ("Motionen avslås")', '§ 42 Motion om badhus\n\nKommunstyrelsen har berett motionen.\n\nBeslut\n\nMotionen avslås.'],
    ['a motion answered after preparation, with a reference to work going on', '§ 47 Motion om badhus\n\nMotionen har beretts av kommunstyrelsen.\n\nBeslut\n\nMotionen anses besvarad med hänvisning till pågående arbete.'],
    ['a motion tabled ("Ärendet bordläggs")', '§ 43 Motion om badhus\n\nBeslut\n\nÄrendet bordläggs till nästa sammanträde.'],
    ['a motion\'s answer sent back to KS after preparation ("återremitteras … för ytterligare beredning")', '§ 44 Svar på motion om badhus\n\nBeslut\n\nÄrendet återremitteras till kommunstyrelsen för ytterligare beredning.'],
    ['a medborgarförslag not sent on ("Medborgarförslaget avslås")', '§ 45 Medborgarförslag om hundrastgård\n\nBeslut\n\nMedborgarförslaget avslås.'],
    ['an interpellation', '§ 46 Interpellation om skolskjutsar\n\nPer Ek (M) har ställt en interpellation till kommunstyrelsens ordförande. Interpellationen besvaras vid nästa sammanträde.'],
  ])('near miss: %s raises nothing', (_, text) => {
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('a case sent back with a task ("återremittera ärendet för att …")', () => {
  const bun = { body: 'BUN', meetingDate: '2027-03-22' };
  it('to no one named, it returns to the body with the task done: a report-back, no one named', () => {
    const text = '§ 165 Bidragsansökan från föreningen Nolby\n\nBarn- och utbildningsnämnden beslutar att återremittera ärendet för att utreda var ansökan ska behandlas.';
    const drafts = proposed(text, bun);
    expect(drafts.map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([['aterrapportering', undefined, undefined]]);
    expect(drafts[0]?.title).toMatch(/^Utreda var ansökan/);
  });

  it('to someone named ("återremitteras till förvaltningen för komplettering") it stays an uppdrag for them', () => {
    const text = '§ 166 Skolskjutsar\n\nBeslut\n\nÄrendet återremitteras till förvaltningen för komplettering med en trafikutredning.';
    expect(proposed(text, bun).map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'förvaltningen']]);
  });

  it('near miss: "återremitterades ärendet för att utreda …" told of an earlier meeting is history', () => {
    const text = 'Beslut i korthet\n\nKonstgräsplan\n\nEn konstgräsplan ska anläggas. Det har kommunfullmäktige beslutat.\nNär frågan behandlades i maj återremitterades ärendet för att utreda flera aspekter vidare.';
    expect(proposed(text, { body: 'KF', meetingDate: '2027-06-14' }).map((d) => d.kind)).toEqual(['uppdrag']);
  });
});

describe('the history of a case told in its minutes', () => {
  const kf = { body: 'KF', meetingDate: '2027-09-13' };
  it('"Kommunstyrelsens arbetsutskott beslutade den 6 maj 2027, § 190, att ge … i uppdrag" is an earlier decision: no item', () => {
    const text = '§ 83 Medborgarförslag om vandrarhem vid badet\n\nKommunstyrelsens arbetsutskott beslutade den 6 maj 2027, § 190, att ge kultur- och fritidsnämnden i uppdrag att lämna förslag till yttrande.\n\nBeslut\n\nKommunfullmäktige beslutar att ge kommunstyrelsen i uppdrag att ta fram en plan för badet.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'kommunstyrelsen']]);
  });

  it('near miss: "Kommunfullmäktige beslutade den 13 september 2027 att ge …" on the meeting\'s own day is this decision', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige beslutade den 13 september 2027 att ge kommunstyrelsen i uppdrag att ta fram en plan för badet.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'kommunstyrelsen']]);
  });

  it('"Kommunfullmäktige antar yttrandet och medborgarförslaget anses därmed besvarat": the answer to a proposal, no yttrande to send', () => {
    const text = '§ 83 Medborgarförslag om vandrarhem vid badet\n\nKultur- och fritidsnämnden har lämnat förslag till yttrande.\n\nBeslut\n\nKommunfullmäktige antar yttrandet och medborgarförslaget anses därmed besvarat.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: "Kommunstyrelsen antar yttrandet" over a remiss with a deadline still leaves an answer to send', () => {
    const text = 'Kommunstyrelsen\nProtokoll 2027-09-13\n\n§ 84 Remiss av regional plan\n\nSynpunkter ska ha kommit in till Region Nolland senast den 30 september 2027.\n\nBeslut\n\nKommunstyrelsen antar yttrandet som sitt svar på remissen.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-09-13' }).map((d) => [d.kind, d.due])).toEqual([['yttrande', { externalDeadline: '2027-09-30', recipient: 'Region Nolland' }]]);
  });
});

describe('an answer handed over "as the municipality\'s answer" ("överlämnas till … som X kommuns yttrande")', () => {
  const proposal = (decision: string) => `Kommunstyrelsen\n\nRemiss från Finansdepartementet\n\nFörslag till beslut\n${decision}\n\nSammanfattning\nFörvaltningen har gått igenom förslaget.`;
  it.each([
    ['passive, with the municipality named', 'Förvaltningens skrivelse överlämnas till Finansdepartementet som Nolby kommuns yttrande över promemorian.'],
    ['passive, "kommunens"', 'Skrivelsen överlämnas till Finansdepartementet som kommunens yttrande.'],
    ['adopted and handed over', 'Förvaltningens förslag antas och överlämnas som kommunens remissvar till Finansdepartementet.'],
    ['a region\'s', 'Tjänsteskrivelsen överlämnas till Finansdepartementet som Region Nollands yttrande.'],
  ])('%s is an answer still to send, by no one yet in a proposal', (_, decision) => {
    expect(proposed(proposal(decision)).map((d) => [d.kind, d.responsibleRole])).toEqual([['yttrande', undefined]]);
  });

  it.each([
    ['a motion\'s answer', 'Förvaltningens skrivelse överlämnas till kommunfullmäktige som svar på motionen.'],
    ['an interpellation\'s answer', 'Skrivelsen antas som svar på interpellationen.'],
    ['the answer to the auditors', 'Tjänsteskrivelsen överlämnas till kommunstyrelsen som nämndens svar på revisionsrapporten.'],
    ['a citizen proposal\'s answer, active', 'Kommunstyrelsen antar skrivelsen som sitt svar på medborgarförslaget.'],
  ])('near miss: %s ("som svar på …") is no remiss answer', (_, decision) => {
    expect(proposed(proposal(decision))).toEqual([]);
  });

  it('a remiss answer "som kommunens svar på remissen" still is one', () => {
    expect(proposed(proposal('Skrivelsen överlämnas till Finansdepartementet som kommunens svar på remissen.')).map((d) => d.kind)).toEqual(['yttrande']);
  });

  it('near miss: a report handed over "som information" is no answer', () => {
    expect(proposed(proposal('Rapporten överlämnas till kommunfullmäktige som information.'))).toEqual([]);
  });

  it('near miss: an answer already handed over ("har överlämnats … som kommunens yttrande") is sent', () => {
    expect(proposed(proposal('Skrivelsen har överlämnats till Finansdepartementet som kommunens yttrande.'))).toEqual([]);
  });
});

describe('round four\'s rules tried on near misses and other words (review)', () => {
  const kf = { body: 'KF', meetingDate: '2027-03-22' };
  const proposal = (decision: string) => `Kommunstyrelsen\n\nRemiss från Finansdepartementet\n\nFörslag till beslut\n${decision}\n\nSammanfattning\nFörvaltningen har gått igenom förslaget.`;

  it.each([
    ['the auditors\' review ("som nämndens svar på revisorernas granskning")', 'Tjänsteskrivelsen överlämnas till revisorerna som nämndens svar på revisorernas granskning.'],
    ['a commission ("som svar på uppdraget")', 'Rapporten överlämnas till kommunfullmäktige som svar på uppdraget.'],
    ['a letter ("som kommunens svar på föreningens skrivelse")', 'Förvaltningens skrivelse överlämnas till Nolby FF som kommunens svar på föreningens skrivelse.'],
  ])('passive answer rule, near miss: an answer to %s is no remiss answer', (_, decision) => {
    expect(proposed(proposal(decision))).toEqual([]);
  });

  it('passive answer rule, near miss: a delegation decision reported ("har … beslutat att skrivelsen överlämnas … som nämndens yttrande") is an answer given', () => {
    const text = '§ 30 Anmälan av delegationsbeslut\n\nOrdföranden har med stöd av delegation beslutat att förvaltningens skrivelse överlämnas till Länsstyrelsen som nämndens yttrande.';
    expect(proposed(text, { body: 'KS', meetingDate: '2027-03-22' })).toEqual([]);
  });

  it('recipient from the address after "till:", near miss: "Remissen har skickats till:" heads the distribution list, and the letter\'s sender is answered', () => {
    const text = letter('Svar önskas senast den 15 mars 2027.\n\nRemissen har skickats till:\nLänsstyrelsen i Nollands län\nNolby kommun');
    expect(proposed(text).map((d) => d.due)).toEqual([{ externalDeadline: '2027-03-15', recipient: 'Trafikverket' }]);
  });

  it.each([
    ['"Remissperioden löper ut den …"', 'Remissperioden löper ut den 15 mars 2027.'],
    ['"Remissperioden avslutas den …"', 'Remissperioden avslutas den 15 mars 2027.'],
    ['"Remissperioden är 1 februari – 15 mars 2027" (its last day)', 'Remissperioden är 1 februari – 15 mars 2027.'],
  ])('remissperiod: %s is the remiss deadline', (_, body) => {
    expect(proposed(letter(body)).map((d) => [d.kind, d.due])).toEqual([['yttrande', { externalDeadline: '2027-03-15', recipient: 'Trafikverket' }]]);
  });

  it('a register\'s closing date, near miss: the answer\'s deadline closing the sentence ("… inkom och ska besvaras senast 2028-03-22.") is not the day it came in', () => {
    const text = '§ 70 Motion om badhus\n\nEn motion från Per Ek (M) om badhus inkom till kommunen och ska besvaras inom ett år, det vill säga senast 2028-03-22.\n\nBeslut\n\nMotionen remitteras till kommunstyrelsen.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-03-22' }]]);
  });

  it('a case sent back, near miss: "beslutar att inte återremittera ärendet för att utreda …" refuses the sending back', () => {
    const text = '§ 86 Taxa för bygglov\n\nBeslut\n\nKommunfullmäktige beslutar att inte återremittera ärendet för att utreda frågan vidare, och antar taxan.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it.each([
    ['register lines with the answer\'s date', 'Motioner som besvarats 2026\n\nMotion om laddstolpar   besvarad 2026-05-10\nMotion om badhus   avslagen 2026-06-12'],
    ['table lines with the writer first', 'Besvarade motioner 2026\n\nPer Ek (M)   Motion om laddstolpar   besvarad 2026-05-10\nLena Ek (S)   Motion om badhus   avslagen 2026-06-12'],
  ])('register dates, near miss: a list of motions answered (%s) raises nothing, its dates being the answers\'', (_, text) => {
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('six drafting faults of the review, fixed as kinds (issue 19)', () => {
  const kf = { body: 'KF', meetingDate: '2027-03-22' };
  const ks = { body: 'KS', meetingDate: '2027-02-14' };
  const motions = (text: string, known: KnownFacts = kf) => proposed(text, known).map((d) => [d.kind, d.responsibleRole, d.due]);

  it('a single motion on a table line with the writer first and its own referral is one motion, for the body the line refers it to', () => {
    expect(motions('§ 24 Motioner\n\nPer Ek (M)   Motion om laddstolpar   remitteras till kommunstyrelsen')).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-03-22' }]]);
  });

  it.each([
    ['a motion answered', '§ 24 Motioner\n\nPer Ek (M)   Motion om laddstolpar   besvarad 2026-05-10'],
    ['a motion refused', '§ 24 Motioner\n\nPer Ek (M)   Motion om laddstolpar   avslagen 2026-06-12'],
    ['an interpellation', '§ 24 Interpellationer\n\nPer Ek (M)   Interpellation om skolskjutsar   besvaras vid nästa sammanträde'],
  ])('single table line, near miss: %s with the writer first raises nothing', (_, text) => {
    expect(proposed(text, kf)).toEqual([]);
  });

  it.each([
    ['"hänskjuta ärendet till kommunfullmäktige"', 'Kommunstyrelsen beslutar att hänskjuta ärendet till kommunfullmäktige.'],
    ['"överlämna ärendet till kommunfullmäktige"', 'Kommunstyrelsen beslutar att överlämna ärendet till kommunfullmäktige.'],
    ['"överlämna motionen till kommunfullmäktige"', 'Kommunstyrelsen beslutar att överlämna motionen till kommunfullmäktige för beslut.'],
  ])('a motion KS hands up to the council (%s) is registered already: no new motion, no work', (_, decision) => {
    expect(proposed(`§ 12 Motion om laddstolpar\n\nMotionen inkom 2026-11-02.\n\nBeslut\n\n${decision}`, ks)).toEqual([]);
  });

  it('handed up to the council, near miss: the council sending the motion to KS for preparation still registers it', () => {
    expect(motions('§ 12 Motion om laddstolpar\n\nMotionen inkom 2027-03-02.\n\nKommunfullmäktige beslutar att hänskjuta ärendet till kommunstyrelsen.')).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-02' }],
    ]);
  });

  it.each(['beslutade', 'avgjorda', 'behandlade', 'besvarade'])('a register of motions "%s under året" with dated lines raises nothing', (word) => {
    expect(proposed(`Motioner ${word} under året\n\nKS 2026/14   2026-01-24   Motion om laddstolpar\nKS 2026/19   2026-02-11   Motion om badhus`, kf)).toEqual([]);
  });

  it('a register of motions, near miss: "Inkomna motioner under året" with dated lines raises one motion a line', () => {
    expect(motions('Inkomna motioner under året\n\nKS 2027/14   2027-01-24   Motion om laddstolpar\nKS 2027/19   2027-02-11   Motion om badhus').map((m) => m[2])).toEqual([
      { raised: '2027-01-24' },
      { raised: '2027-02-11' },
    ]);
  });

  const summary = (sentence: string) => `Beslut i korthet\n\nBadhus\n\n${sentence}`;
  const june = { body: 'KF', meetingDate: '2027-06-14' };
  it.each([
    ['"Förra gången beslutade kommunfullmäktige att återremittera …"', 'Förra gången beslutade kommunfullmäktige att återremittera ärendet för att utreda kostnaderna.'],
    ['"Vid förra sammanträdet beslutade …"', 'Vid förra sammanträdet beslutade kommunfullmäktige att återremittera ärendet för att utreda kostnaderna.'],
    ['"Kommunfullmäktige beslutade förra gången att …"', 'Kommunfullmäktige beslutade förra gången att ge kommunstyrelsen i uppdrag att utreda kostnaderna.'],
  ])('a summary telling an earlier meeting\'s decision (%s) tells history: no item', (_, sentence) => {
    expect(proposed(summary(sentence), june)).toEqual([]);
  });

  it('earlier meeting, near miss: "Kommunfullmäktige beslutade att återremittera ärendet för att …" in a summary is this meeting\'s: a report-back', () => {
    expect(proposed(summary('Kommunfullmäktige beslutade att återremittera ärendet för att utreda kostnaderna.'), june).map((d) => d.kind)).toEqual(['aterrapportering']);
  });

  const remissLetter = (contact: string) => `Trafikverket\n2027-01-15\n\nRemiss: Förslag till ny väg genom Nolby\n\nSvar ska ha kommit in till Trafikverket senast den 15 mars 2027.\n\n${contact}`;
  it.each([
    ['"Frågor besvaras av Anna Berg, Länsstyrelsen, …"', 'Frågor besvaras av Anna Berg, Länsstyrelsen, tel 010-123 45 67.'],
    ['"Eventuella frågor om remissen besvaras av …"', 'Eventuella frågor om remissen besvaras av Anna Berg, tel 010-123 45 67.'],
  ])('a contact line in a remiss letter (%s) names who answers questions, not who answers the remiss', (_, contact) => {
    const [d, ...rest] = proposed(remissLetter(contact));
    expect(rest).toEqual([]);
    expect([d?.kind, d?.responsibleRole, d?.due]).toEqual(['yttrande', undefined, { externalDeadline: '2027-03-15', recipient: 'Trafikverket' }]);
  });

  it('contact line, near miss: "Remissen besvaras av miljönämnden" names who answers', () => {
    expect(proposed(remissLetter('Remissen besvaras av miljönämnden.')).map((d) => d.responsibleRole)).toEqual(['miljönämnden']);
  });

  const passedOnMinutes = (decision: string) => `Kommunstyrelsen\nProtokoll 2027-01-20\n\n§ 5 Remiss från Trafikverket om ny väg genom Nolby\n\nBeslut\n\n${decision}`;
  const bothAnswers = [
    ['yttrande', 'miljönämnden', { externalDeadline: '2027-03-01', recipient: 'Kommunstyrelsen', decidedBy: 'MN' }],
    ['yttrande', undefined, { externalDeadline: '2027-03-15', recipient: 'Trafikverket', decidedBy: 'KS' }],
  ];
  it.each([
    ['in one sentence, after a semicolon', 'Kommunstyrelsen remitterar ärendet till miljönämnden för yttrande senast den 1 mars; kommunens svar ska vara Trafikverket tillhanda senast den 15 mars 2027.'],
    ['in two sentences', 'Kommunstyrelsen remitterar ärendet till miljönämnden för yttrande senast den 1 mars. Kommunens svar ska vara Trafikverket tillhanda senast den 15 mars 2027.'],
  ])('a remiss KS passes on for a committee\'s yttrande (%s): the committee\'s answer to KS, and the municipality\'s still owed, decided by KS', (_, decision) => {
    expect(proposed(passedOnMinutes(decision), ks).map((d) => [d.kind, d.responsibleRole, d.due])).toEqual(bothAnswers);
  });

  it('remiss passed on, near miss: a motion\'s case sent to KS "för yttrande" is the motion\'s referral, no yttrande', () => {
    expect(motions('§ 31 Motion om ökad trafiksäkerhet\n\nBeslut\n\nÄrendet remitteras till kommunstyrelsen för yttrande.')).toEqual([['motion', 'kommunstyrelsen', { raised: '2027-03-22' }]]);
  });
});
