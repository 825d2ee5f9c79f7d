/**
 * Round eight of the drafting rules (issue 19), from invented sentences in the forms minutes use, not from
 * any corpus text: motions listed under letters ("a) Motion om …") are each a motion, as under numbers or
 * bullets; a body that asks for a report by a time ("Nämnden vill få en återrapportering av arbetet vid
 * sammanträdet i oktober") gives a report-back to itself with no one named; a numbered point "att
 * åtgärdsplanen ska redovisas …" gives the report-back of the point that commissioned the åtgärdsplan; an
 * authority that "har skickat förslaget på remiss" is the one the answer goes to when no one else is named.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunfullmäktige met on Monday 15 March 2027. */
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-15' };
/** Socialnämnden met on Wednesday 17 March 2027, kommunstyrelsen on Tuesday 9 March 2027. */
const sn: KnownFacts = { body: 'SN', meetingDate: '2027-03-17' };
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-09' };
/** The proposed drafts of `text` decided by `known`: kind, role, deadline and title. */
const read = (text: string, known: KnownFacts = kf) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

describe('motions listed under letters are one motion each', () => {
  it.each([
    ['"a)"', 'a)', 'b)'],
    ['"a."', 'a.', 'b.'],
  ])('a list marked %s, referred together: two motions raised at the meeting', (_, first, second) => {
    const text = `§ 7 Inkomna motioner\n${first} Motion om hundrastgård i Norrby, Lisa Ek (V)\n${second} Motion om gatubelysning längs Åvägen, Olle Berg (M)\nKommunfullmäktige beslutar att motionerna överlämnas till kommunstyrelsen för beredning.`;
    expect(read(text)).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om hundrastgård i Norrby'],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }, 'Besvara motion om gatubelysning längs Åvägen'],
    ]);
  });

  it('near miss: a lettered list of decisions that names no motion gives no motion', () => {
    const text = '§ 9 Årsredovisning 2026\nKommunfullmäktige beslutar\na) att godkänna årsredovisningen,\nb) att bevilja styrelsen ansvarsfrihet.';
    expect(read(text)).toEqual([]);
  });
});

describe('a body that asks for a report by a time ("vill få en återrapportering av …") is owed a report-back', () => {
  it('"vid sammanträdet i oktober": a report-back to the body at its October meeting, no one named', () => {
    const text = 'Socialnämnden beslutar att godkänna lägesrapporten. Nämnden vill få en återrapportering av arbetet med hemlösheten vid sammanträdet i oktober.';
    expect(read(text, sn)).toEqual([['aterrapportering', undefined, { meeting: { body: 'SN', month: '2027-10' } }, 'Redovisning av arbetet med hemlösheten']]);
  });

  it('"under hösten 2027": due at the body\'s last meeting of the autumn', () => {
    expect(read('Socialnämnden vill ha en redovisning av kostnaderna för placeringarna under hösten 2027.', sn)).toEqual([
      ['aterrapportering', undefined, { meeting: { body: 'SN', by: '2027-12-31' } }, 'Redovisning av kostnaderna för placeringarna'],
    ]);
  });

  it('near miss: a report wished for with no time gives nothing', () => {
    expect(read('Socialnämnden beslutar att godkänna lägesrapporten. Nämnden vill ha en redovisning av kostnaderna.', sn)).toEqual([]);
  });
});

describe('a numbered point "att <the work> ska redovisas …" reports back the work of the point before', () => {
  it('"3. att åtgärdsplanen ska redovisas" after "2. uppdra åt kommundirektören att ta fram en åtgärdsplan": one återrapportering', () => {
    const text = 'Kommunstyrelsen beslutar att\n1. godkänna rapporten,\n2. uppdra åt kommundirektören att ta fram en åtgärdsplan, samt\n3. att åtgärdsplanen ska redovisas för kommunstyrelsen i maj 2027.';
    expect(read(text, ks)).toEqual([['aterrapportering', 'kommundirektören', { meeting: { body: 'KS', month: '2027-05' } }, 'Ta fram en åtgärdsplan']]);
  });

  it('near miss: a point that reports other work stays its own report-back, titled without its "att"', () => {
    const text = 'Kommunstyrelsen beslutar att\n1. uppdra åt kommundirektören att ta fram en åtgärdsplan,\n2. att budgeten ska redovisas för kommunstyrelsen i maj 2027.';
    expect(read(text, ks)).toEqual([
      ['uppdrag', 'kommundirektören', undefined, 'Ta fram en åtgärdsplan'],
      ['aterrapportering', undefined, { meeting: { body: 'KS', month: '2027-05' } }, 'Återrapportera budgeten'],
    ]);
  });
});

describe('the authority that sent the remiss ("har skickat förslaget på remiss") receives the answer when no one else is named', () => {
  const remiss = (sender: string) =>
    `§ 34 Remiss – Förslag till ändrade föreskrifter om strandskydd\n${sender} har skickat förslaget på remiss till bland andra Nolby kommun. Yttrandet ska ha kommit in senast den 30 april 2027.`;
  const recipients = (text: string) => extractDrafts(text, ks, ctx).drafts.map((d) => [d.kind, d.due]);

  it.each([
    ['Naturvårdsverket', 'Naturvårdsverket'],
    ['Länsstyrelsen i Skåne län', 'Länsstyrelsen i Skåne län'],
  ])('sent by %s: the yttrande goes to %s', (sender, recipient) => {
    expect(recipients(remiss(sender))).toEqual([['yttrande', { externalDeadline: '2027-04-30', recipient, decidedBy: 'KS' }]]);
  });

  it('and when a commission to draft the answer is the decision, its yttrande goes there too', () => {
    const text = `${remiss('Naturvårdsverket')}\nKommunstyrelsens beslut\nKommunstyrelsen ger samhällsbyggnadsförvaltningen i uppdrag att ta fram ett förslag till yttrande.`;
    expect(recipients(text)).toEqual([['yttrande', { externalDeadline: '2027-04-30', recipient: 'Naturvårdsverket', decidedBy: 'KS' }]]);
  });

  it('near miss: a sender that is no outside authority ("Förbundet har skickat …") names no recipient', () => {
    expect(recipients(remiss('Förbundet'))).toEqual([['yttrande', { externalDeadline: '2027-04-30', decidedBy: 'KS' }]]);
  });
});
