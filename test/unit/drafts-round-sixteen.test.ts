/**
 * Round sixteen of the drafting rules (issue 19): what a decision says survives the way a PDF or a web page lays it out.
 * The dev split's texts were read again with simulated damage (long lines broken at 50 and 70 characters, words
 * hyphenated at line ends, margin labels beside their text) and every item the undamaged text gave that the damaged
 * one lost was a fault of a kind; the line rules are in drafts-text.test.ts. Here, the lists of motions a council
 * announces, in the forms its minutes write them:
 * - a line naming only the writers and the subject ("Anna Berg (S) om fler vårdplatser", "Anna Berg (S): Fler …");
 * - the list run on after the announcing line's colon ("… har kommit in: Motion av … om …. Motion av … om ….");
 * - each line opened by its case number ("Dnr KS 2027/100 Motion av …") or its party ("Motion (L) om …");
 * - a motion "inkommen 2027-02-10" was raised that day.
 * From the first run on the round's new dev texts: an utskott's matter sent up to its styrelse ("Hänskjuta ärendet
 * till kommunstyrelsen") is no commission, as a matter sent up to the council already was not.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type DraftContext } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const council = { body: 'KF', meetingDate: '2027-03-22' };
const region = { body: 'RF', meetingDate: '2027-03-22' };
const motions = (text: string, known = council) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.kind === 'motion').map((d) => [d.title, d.responsibleRole, d.due]);

describe('an announced list of motions gives one motion a line, however the line names it', () => {
  it('lines naming only writers and subject ("Per Lund (M) med flera om …") are motions of the list', () => {
    const text = [
      '§ 20 Anmälan av inkomna motioner',
      'Följande motioner har inkommit:',
      'Anna Berg (S) om fler vårdplatser i Borås',
      'Per Lund (M) med flera om kortare köer till ortopeden',
      'Eva Holm (V) och Lisa Ek (V) om fri tandvård för unga vuxna',
      'Beslut',
      'Regionfullmäktige remitterar motionerna till regionstyrelsen för beredning.',
    ].join('\n');
    expect(motions(text, region)).toEqual([
      ['Besvara motion om fler vårdplatser i Borås', 'regionstyrelsen', { raised: '2027-03-22' }],
      ['Besvara motion om kortare köer till ortopeden', 'regionstyrelsen', { raised: '2027-03-22' }],
      ['Besvara motion om fri tandvård för unga vuxna', 'regionstyrelsen', { raised: '2027-03-22' }],
    ]);
  });

  it('"Anna Berg (S): Fler vårdplatser", after a list announced as remitted, is a motion to the body named', () => {
    const text = 'Inkomna motioner\nFöljande motioner har lämnats in och remitterats till regionstyrelsen för beredning:\n\nAnna Berg (S): Fler vårdplatser i Borås\n\nPer Lund (M): Kortare köer till ortopeden';
    expect(motions(text, region).map(([, role]) => role)).toEqual(['regionstyrelsen', 'regionstyrelsen']);
  });

  it('near miss: a writer and party on a line outside an announced list ("Anna Berg (S) om …" under a proposal) is no motion', () => {
    const text = '§ 21 Trafiksäkerhet\nAnna Berg (S) om trafiksäkerheten vid skolorna yrkar bifall till förslaget.\nBeslut\nKommunfullmäktige antar trafiksäkerhetsprogrammet.';
    expect(motions(text)).toEqual([]);
  });

  it('a list run on after the colon ("… har kommit in: Motion av … om …. Motion av … om ….") gives each its motion', () => {
    const text = 'Anmälan av inkomna motioner\nFöljande motioner har kommit in till dagens sammanträde: Motion av Anna Berg (S) om fler vårdplatser i Borås. Motion av Per Lund (M) om kortare köer till ortopeden.\nBeslut: Regionfullmäktige remitterar motionerna till regionstyrelsen för beredning.';
    expect(motions(text, region)).toEqual([
      ['Besvara motion av Anna Berg (S) om fler vårdplatser i Borås', 'regionstyrelsen', { raised: '2027-03-22' }],
      ['Besvara motion av Per Lund (M) om kortare köer till ortopeden', 'regionstyrelsen', { raised: '2027-03-22' }],
    ]);
  });

  it('near miss: a run-on list of motions answered ("Följande motioner besvarades: Motion om …") raises none', () => {
    const text = 'Motioner 2026\nFöljande motioner besvarades: Motion om fler vårdplatser i Borås. Motion om kortare köer till ortopeden.';
    expect(motions(text, region)).toEqual([]);
  });

  it('lines opened by their case number ("Dnr KS 2027/100 Motion av …") or party ("Motion (L) om …") are each a motion', () => {
    const dnr = '§ 5 Nya motioner\nDnr KS 2027/100 Motion av Anna Berg (C) om belysning i Västerby\nDnr KS 2027/101 Motion av Per Lund (KD) om en ny förskola i Österby\nKommunfullmäktige beslutar att motionerna remitteras till kommunstyrelsen för beredning.';
    const party = '§ 39 Inkomna motioner\nMotion (L) om en ny simhall i Norrby, dnr KS 2027/90\nMotion (SD) om trygghetskameror vid resecentrum, dnr KS 2027/91\nKommunfullmäktiges beslut\nMotionerna överlämnas till kommunstyrelsen för beredning.';
    expect(motions(dnr)).toHaveLength(2);
    expect(motions(party).map(([title]) => title)).toEqual(['Besvara motion (L) om en ny simhall i Norrby', 'Besvara motion (SD) om trygghetskameror vid resecentrum']);
  });
});

describe('a motion "inkommen" on a date was raised that day', () => {
  it('"I en motion inkommen 2027-02-10 föreslår …" → raised 2027-02-10, though referred at the meeting of 2027-03-22', () => {
    const text = '§ 41 Motion om återvinningsstation i Ösby\nÄrendebeskrivning\nI en motion inkommen 2027-02-10 föreslår Sara Lind (S) att kommunen ska anlägga en återvinningsstation i Ösby.\nBeslut\nKommunfullmäktige remitterar motionen till kommunstyrelsen för beredning.';
    expect(motions(text).map(([, , due]) => due)).toEqual([{ raised: '2027-02-10' }]);
  });
});

describe("an utskott's matter sent up to its styrelse is the normal course to a decision, not a commission", () => {
  const au = (decision: string) => `§ 257 Ekonomisk rapport\nKommunstyrelsen godkänner rapporten.\nAllmänna utskottets beslut\n${decision}`;

  it('"Hänskjuta ärendet till kommunstyrelsen" (an arbetsutskott’s decision) gives no draft', () => {
    expect(extractDrafts(au('Hänskjuta ärendet till kommunstyrelsen.'), { body: 'KS', meetingDate: '2027-03-22' }, ctx).drafts).toEqual([]);
  });

  it('near miss: sent "till kommunstyrelsen för beredning" it is a commission to prepare it', () => {
    const drafts = extractDrafts(au('Hänskjuta ärendet till kommunstyrelsen för beredning.'), { body: 'KS', meetingDate: '2027-03-22' }, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'kommunstyrelsen']]);
  });

  it('near miss: a matter sent down to a nämnd ("hänskjuter ärendet till tekniska nämnden") is its commission', () => {
    const drafts = extractDrafts('§ 12 Gatubelysning\nBeslut\nKommunstyrelsen hänskjuter ärendet till tekniska nämnden.', { body: 'KS', meetingDate: '2027-03-22' }, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'tekniska nämnden']]);
  });
});

describe("a region's presidium reports motions further down its agenda, each to the nämnd it is 'fördelad' to", () => {
  const agenda = [
    'Fullmäktiges presidiums information',
    '• Anna Berg (C) avsäger sig den 11 oktober 2027 uppdraget som ledamot i regionfullmäktige.',
    'Bilagor',
    '•   7',
    'Förtroendemannautbildning',
    '1. Medborgarförslag från Sven Holm om SMS-parkering vid sjukhuset (RS/2545/2027) har fördelats till regionstyrelsen.',
    '2. Motion från Per Falk (L) och Jonas Berg (L) om gårdsförsäljning (RS/2605/2027) ska fördelas till regionala utvecklingsnämnden och ska besvaras senast vid regionfullmäktiges sammanträde 19-20 juni 2028.',
    'Bilagor',
  ].join('\n');

  it('"Motion från … (RS/2605/2027) ska fördelas till regionala utvecklingsnämnden" → a motion for RUN, raised at this meeting, named up to its case number', () => {
    expect(motions(agenda, { body: 'RF', meetingDate: '2027-11-28' })).toEqual([
      ['Besvara motion från Per Falk (L) och Jonas Berg (L) om gårdsförsäljning', 'regionala utvecklingsnämnden', { raised: '2027-11-28' }],
    ]);
  });

  it('a list line’s deadline to answer ("ska besvaras senast vid regionfullmäktiges sammanträde 19-20 juni 2028") is no date it was raised', () => {
    const list = '§ 5 Nya motioner\n1. Motion om fri entré till museerna, ska besvaras senast vid regionfullmäktiges sammanträde 19-20 juni 2028\n2. Motion om fler vårdplatser\nRegionfullmäktige remitterar motionerna till regionstyrelsen för beredning.';
    expect(motions(list, { body: 'RF', meetingDate: '2027-11-28' }).map(([, , due]) => due)).toEqual([{ raised: '2027-11-28' }, { raised: '2027-11-28' }]);
  });
});

describe('motions announced on an agenda and referred nowhere in it are no one’s to prepare yet', () => {
  const agenda = [
    '3. Följande skrivelser anmäls för anteckning till protokollet.',
    '• Revisionsrapport Samverkan',
    'Bilagor',
    '4. Följande motion inkommit vilket bifogas föredragningslistan',
    '• Ann Berg och Johan Rask, Socialdemokraterna, om förstärkt beredskap',
    '• Maria Tör, Vänsterpartiet, om Peer support',
    'Bilagor',
  ].join('\n');

  it('"Följande motion inkommit …" then bullets: one motion each, raised at the meeting, no preparer assumed', () => {
    expect(motions(agenda, { body: 'RF', meetingDate: '2027-06-17' })).toEqual([
      ['Besvara motion om förstärkt beredskap', undefined, { raised: '2027-06-17' }],
      ['Besvara motion om Peer support', undefined, { raised: '2027-06-17' }],
    ]);
  });

  it('near miss: the same list referred ("Motionerna remitteras till regionstyrelsen") is the referred body’s', () => {
    const referred = agenda.replace(/Bilagor$/, 'Regionfullmäktige beslutar att motionerna remitteras till regionstyrelsen för beredning.');
    expect(motions(referred, { body: 'RF', meetingDate: '2027-06-17' }).map(([, role]) => role)).toEqual(['regionstyrelsen', 'regionstyrelsen']);
  });
});

describe('a body "ska" do work with an adverb between ("ska bland annat undersöka"), and "undersöka" is a task', () => {
  it('"Kommunstyrelsen ska bland annat undersöka vilka kostnader …" → an uppdrag for kommunstyrelsen', () => {
    const drafts = extractDrafts('§ 5 Fairtrade City\nBeslut\nKommunstyrelsen ska bland annat undersöka vilka kostnader en diplomering innebär.', council, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([['uppdrag', 'kommunstyrelsen', 'Undersöka vilka kostnader en diplomering innebär']]);
  });

  it('near miss: "ska bland annat" before no task ("ska bland annat gälla …") is no work', () => {
    expect(extractDrafts('§ 5 Riktlinje\nBeslut\nRiktlinjen ska bland annat gälla för förskolan.', council, ctx).drafts).toEqual([]);
  });
});

describe('an answer proposed to be sent ("Kanslichefens yttrande översänds till länsstyrelsen så som svar på remiss") is still to send', () => {
  const text = [
    'Begäran om yttrande över ansökan om kameraövervakning',
    'Kommunen ges härmed tillfälle att yttra sig. Yttrande ska ha inkommit senast den 24 maj 2027.',
    'TJÄNSTESKRIVELSE',
    'Förslag till beslut',
    'Kommunstyrelsen beslutar: Kanslichefens yttrande översänds till länsstyrelsen så som svar på remiss angående ansökan om kameraövervakning.',
  ].join('\n');

  it('a yttrande to send by the remiss deadline; a proposal, so no one is responsible yet (as for "antas och överlämnas")', () => {
    const drafts = extractDrafts(text, { body: 'KS' }, ctx).drafts.filter((d) => d.kind === 'yttrande');
    expect(drafts.map((d) => [d.title, d.responsibleRole, d.due])).toEqual([['Skicka yttrandet över ansökan om kameraövervakning', undefined, { externalDeadline: '2027-05-24', recipient: 'länsstyrelsen' }]]);
  });

  it('near miss: "yttrandet har översänts" says it is sent: nothing remains', () => {
    expect(extractDrafts(text.replace('översänds till länsstyrelsen så som svar', 'har översänts till länsstyrelsen som svar'), { body: 'KS' }, ctx).drafts.filter((d) => d.kind === 'yttrande')).toEqual([]);
  });
});

describe('a list of motions run into one line, as a page run together puts it, still gives one motion an entry', () => {
  it('"… ta emot följande för beredning Motion av … om …. Motion av … om …." (no colon) → each a motion', () => {
    const text = 'Anmälan av inkomna motioner Regionfullmäktige 19 september 2027 I anslutning till sammanträdet lämnade ledamöterna in nya motioner. Fullmäktige beslutade att ta emot följande för beredning Motion av Birgitta Holm (V) om fler allmänläkare. Motion av Sune Malm (V) om service vid våra resecentrum.';
    expect(motions(text, region).map(([title]) => title)).toEqual(['Besvara motion av Birgitta Holm (V) om fler allmänläkare', 'Besvara motion av Sune Malm (V) om service vid våra resecentrum']);
  });

  it('"Hittills har följande motioner lämnats in. • Kerstin Åberg (V) om …. • SD-gruppen om …." → each bullet a motion', () => {
    const text = 'Anmälan av inkomna motioner I samband med sammanträdet har ledamöterna lämnat in flera motioner. Hittills har följande motioner lämnats in. • Kerstin Åberg med flera (V) om att upphandla vita jobb. • SD-gruppen om antibiotikafri mat i regionens verksamheter.';
    expect(motions(text, region).map(([title]) => title)).toEqual(['Besvara motion om att upphandla vita jobb', 'Besvara motion om antibiotikafri mat i regionens verksamheter']);
  });

  it('near miss: a colon inside a case number ("(Diarienr: 2018/KS 0212)") announces nothing: motions withdrawn raise none', () => {
    const text = 'Anmälan och återtagande av motioner Vid tidpunkten för kallelseutskick har inga nya motioner lämnats in till sammanträdet. Återtagande av motioner Motion om utbildning för lärare (Diarienr: 2018/KS 0212). Motionärerna har meddelat att de väljer att återta motionen. Motion om skolkort (Diarienr: 2017/KS 0366). Motionären återtar motionen.';
    expect(motions(text)).toEqual([]);
  });
});

describe("a summary's announcement of its decisions after a run-together header still opens the decisions", () => {
  const page = 'KS 17 augusti 2027 Kommunstyrelsen beslutade bl a följande vid sitt sammanträde den 17 augusti: 1. Att avge yttrande över remissen ”Cykla i Gröna Kronoberg”. 2. Att anta upprättad plan för bekämpning av jätteloka.';

  it('"KS 17 augusti 2027 Kommunstyrelsen beslutade bl a följande …: 1. Att avge yttrande …" → the yttrande', () => {
    expect(extractDrafts(page, {}, ctx).drafts.map((d) => [d.kind, d.title])).toEqual([['yttrande', 'Skicka yttrandet över ”Cykla i Gröna Kronoberg”']]);
  });

  it('near miss: "… beslutade bl a följande" told mid-sentence, no colon ending the line, announces nothing', () => {
    expect(extractDrafts('Som kommunstyrelsen beslutade bl a följande år har planen antagits. Att avge yttrande var inte aktuellt.', {}, ctx).drafts).toEqual([]);
  });
});

describe("the round's rules stop where ordinary text begins (from the review)", () => {
  it('a numbered list under "Bakgrund" is the history\'s: only under an attachments label does a numbered line open the next item', () => {
    const text = '§ 5 Trafikplan\nBakgrund\n1. Kommunstyrelsen ger förvaltningen i uppdrag att ta fram en trafikplan senast 2027-12-31.\n2. Förvaltningen ska återrapportera i juni 2027.\nBeslut\nKommunfullmäktige godkänner redovisningen.';
    expect(extractDrafts(text, council, ctx).drafts).toEqual([]);
  });

  it('motions decided in a list run on ("Fullmäktige behandlade två motioner: Motion om … avslogs.") raise none', () => {
    expect(motions('Fullmäktige behandlade två motioner: Motion om cykelbanor avslogs. Motion om skolmat bifölls.')).toEqual([]);
  });

  it('the council sending a matter down ("Kommunfullmäktige hänskjuter ärendet till kommunstyrelsen") is kommunstyrelsen’s commission', () => {
    const drafts = extractDrafts('§ 5 Ärende\nBeslut\nKommunfullmäktige hänskjuter ärendet till kommunstyrelsen.', council, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole])).toEqual([['uppdrag', 'kommunstyrelsen']]);
  });

  it('a register’s row keeps its date beside the motion ("Motion om laddstolpar      2027-01-24"): raised that day', () => {
    const text = '§ 5 Motioner\nFöljande motioner har inkommit:\nMotion om laddstolpar vid skolorna            2027-01-24\nMotion om cykelbanor vid skolorna            2027-02-10\nKommunfullmäktige remitterar motionerna till kommunstyrelsen.';
    expect(motions(text).map(([, , due]) => due)).toEqual([{ raised: '2027-01-24' }, { raised: '2027-02-10' }]);
  });

  it('a motion whose own subject says "fördelas till" keeps it ("Motion om att överskottet fördelas till skolorna")', () => {
    const text = '§ 6 Motion om att överskottet fördelas till skolorna\nKommunfullmäktige remitterar motionen till kommunstyrelsen för beredning.';
    expect(motions(text).map(([title]) => title)).toEqual(['Besvara motion om att överskottet fördelas till skolorna']);
  });

  it('"beslutade bl a följande år:" without the meeting named announces no decisions', () => {
    expect(extractDrafts('Som kommunstyrelsen beslutade bl a följande år:\n1. Att avge yttrande över planen.', council, ctx).drafts).toEqual([]);
  });
});

describe("a citizens' proposal handed to a body to be answered by a council meeting is that body's report-back to it", () => {
  it('"Medborgarförslag om … (RS/2545/2027) har fördelats till regionstyrelsen och ska besvaras senast vid regionfullmäktiges sammanträde 10–11 april 2028"', () => {
    const text = 'Fullmäktiges presidiums information\n1. Medborgarförslag från Sven Holm om SMS-parkering vid sjukhuset (RS/2545/2027) har fördelats till regionstyrelsen och ska besvaras senast vid regionfullmäktiges sammanträde 10–11 april 2028.';
    const drafts = extractDrafts(text, { body: 'RF', meetingDate: '2027-11-28' }, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['aterrapportering', 'regionstyrelsen', { meeting: { body: 'RF', date: '2028-04-10' } }, 'Besvara medborgarförslaget från Sven Holm om SMS-parkering vid sjukhuset'],
    ]);
  });

  it('"Medborgarförslaget överlämnas till tekniska nämnden för beredning och ska besvaras senast vid kommunfullmäktiges sammanträde i oktober 2027" → one report-back, no commission besides', () => {
    const text = '§ 71 Medborgarförslag om hundrastgård i Norrby\nBeslut\nMedborgarförslaget överlämnas till tekniska nämnden för beredning och ska besvaras senast vid kommunfullmäktiges sammanträde i oktober 2027.';
    expect(extractDrafts(text, council, ctx).drafts.map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([['aterrapportering', 'tekniska nämnden', { meeting: { body: 'KF', month: '2027-10' } }]]);
  });

  it('near miss: a report on the proposals still being prepared ("… och är under beredning:") registers none again', () => {
    const text = 'Följande motioner och medborgarförslag har inkommit till regionfullmäktige och är under beredning:\n1. Medborgarförslag om ny vårdfunktion (RS/333/2027), inlämnad 2027-04-27. Förslaget har fördelats till hälso- och sjukvårdsnämnden.\n2. Medborgarförslag om habiliteringsbadet (RS/341/2027) har fördelats till hälso- och sjukvårdsnämnden och ska besvaras senast vid regionfullmäktiges sammanträde 13-14 februari 2028.';
    expect(extractDrafts(text, { body: 'RF', meetingDate: '2027-11-28' }, ctx).drafts).toEqual([]);
  });
});

describe("a page about what a meeting takes up tells the report given there, not one owed", () => {
  const page = (sentence: string) =>
    `30 maj 2027\nKommunstyrelsen i juni\nKommunstyrelsens ärenden i urval:\n • Strukturplan för Mölnlycke centrum\n  På uppdrag av kommunstyrelsen har förvaltningen tagit fram en strukturplan. ${sentence}`;

  it('"Uppdraget redovisas för kommunstyrelsen." (present tense, no time) gives no report-back', () => {
    expect(extractDrafts(page('Uppdraget redovisas för kommunstyrelsen.'), { body: 'KS' }, ctx).drafts).toEqual([]);
  });

  it('near miss: "Uppdraget ska redovisas för kommunstyrelsen i oktober 2027." is a report-back owed', () => {
    expect(extractDrafts(page('Uppdraget ska redovisas för kommunstyrelsen i oktober 2027.'), { body: 'KS' }, ctx).drafts.map((d) => [d.kind, d.due])).toEqual([
      ['aterrapportering', { meeting: { body: 'KS', month: '2027-10' } }],
    ]);
  });
});

describe('a page pasted with nothing chosen dates its decisions by its meeting, not by a deadline it sets (seen in Granska beslut)', () => {
  const report = [
    'Regionfullmäktige 28 november 2027',
    'Fullmäktiges presidiums information',
    '1. Medborgarförslag om SMS-parkering vid sjukhuset (RS/2545/2027) har fördelats till regionstyrelsen och ska besvaras senast vid regionfullmäktiges sammanträde 10–11 april 2028.',
    '2. Motion från Per Falk (L) om gårdsförsäljning (RS/2605/2027) ska fördelas till regionala utvecklingsnämnden.',
  ].join('\n');

  it('"Regionfullmäktige 28 november 2027", a line of a body and a date, heads the meeting: decided and raised that day', () => {
    const drafts = extractDrafts(report, {}, ctx).drafts;
    expect(drafts.map((d) => [d.kind, d.decision.date])).toEqual([
      ['aterrapportering', '2027-11-28'],
      ['motion', '2027-11-28'],
    ]);
    expect(drafts.find((d) => d.kind === 'motion')?.due).toEqual({ raised: '2027-11-28' });
  });

  it('without that line, "… senast vid regionfullmäktiges sammanträde 10–11 april 2028" is no meeting of the page: no date rather than the deadline', () => {
    const drafts = extractDrafts(report.split('\n').slice(1).join('\n'), {}, ctx).drafts;
    expect(drafts.map((d) => d.decision.date)).toEqual([undefined, undefined]);
  });

  it('near miss: "har diskuterat förslaget vid sitt sammanträde den 18 april 2027" still dates the meeting', () => {
    const text = 'Miljöutskottets svar\nMiljöutskottet har diskuterat förslaget vid sitt sammanträde den 18 april 2027.\nMiljöutskottet beslutar att ge förvaltningen i uppdrag att undersöka vilka projektpengar det finns att söka.';
    expect(extractDrafts(text, {}, ctx).drafts.map((d) => d.decision.date)).toEqual(['2027-04-18']);
  });
});
