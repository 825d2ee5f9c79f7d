/**
 * Round six of the drafting rules (issue 19): faults of kind found by writing each kind's phrasings as clerks
 * vary them (the adopted yrkande, the report-back in a point of its own, the proposal adopted by reference, the
 * remiss handed on or delegated), before the round's new real texts were read. Each rule on invented sentences,
 * with its near misses.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-08' };
/** Kommunstyrelsen's minutes of Monday 8 March 2027 with one § whose title and parts are given. */
const minutes = (parts: string, title = 'Lekplatser') => `Kommunstyrelsen\nProtokoll 2027-03-08\n\n§ 53 ${title}\n\n${parts}`;
const read = (text: string, known: KnownFacts = ks) =>
  extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due]);
const titles = (text: string, known: KnownFacts = ks) => extractDrafts(text, known, ctx).drafts.map((d) => d.title);

describe('a commission in a yrkande the body adopts, however the chair puts it', () => {
  const yrkande = 'Anna Berg (M) yrkar att tekniska förvaltningen får i uppdrag att inventera kommunens lekplatser.';
  const inventory = [['uppdrag', 'tekniska förvaltningen', undefined]];

  it.each([
    ['"proposition på Anna Bergs yrkande och finner att kommunstyrelsen bifaller detta"', yrkande, 'Ordföranden ställer proposition på Anna Bergs yrkande och finner att kommunstyrelsen bifaller detta.'],
    ['"proposition på yrkandet och finner att kommunstyrelsen bifaller yrkandet", the only yrkande', yrkande, 'Ordföranden ställer proposition på yrkandet och finner att kommunstyrelsen bifaller yrkandet.'],
    ['"finner att det bifalls"', yrkande, 'Ordföranden ställer proposition på Anna Bergs yrkande och finner att det bifalls.'],
    ['"beslutar enligt Anna Bergs yrkande"', yrkande, 'Ordföranden finner att kommunstyrelsen beslutar enligt Anna Bergs yrkande.'],
    [
      '"yrkar, med instämmande av Per Ek (C), att …" and "kan bifalla Anna Bergs yrkande"',
      'Anna Berg (M) yrkar, med instämmande av Per Ek (C), att tekniska förvaltningen får i uppdrag att inventera kommunens lekplatser.',
      'Ordföranden frågar om kommunstyrelsen kan bifalla Anna Bergs yrkande och finner att så sker.',
    ],
  ])('%s: an uppdrag for tekniska förvaltningen', (_, proposed, outcome) => {
    expect(read(minutes(`Yrkanden\n${proposed}\n\nBeslutsgång\n${outcome}`))).toEqual(inventory);
  });

  it('"yrkar tillägg att …" adopted as "tilläggsyrkandet … bifalls" is the addition\'s commission', () => {
    const text = minutes(
      'Yrkanden\nPer Ek (S) yrkar bifall till arbetsutskottets förslag.\nAnna Berg (M) yrkar tillägg att kommundirektören får i uppdrag att inventera kommunens lekplatser.\n\nBeslutsgång\nOrdföranden ställer proposition på tilläggsyrkandet och finner att det bifalls.',
    );
    expect(read(text)).toEqual([['uppdrag', 'kommundirektören', undefined]]);
  });

  it.each([
    ['found rejected ("finner att kommunstyrelsen avslår detta")', `Yrkanden\n${yrkande}\n\nBeslutsgång\nOrdföranden ställer proposition på Anna Bergs yrkande och finner att kommunstyrelsen avslår detta.`],
    ['an addition that falls ("finner att det avslås")', 'Yrkanden\nAnna Berg (M) yrkar tillägg att kommundirektören får i uppdrag att inventera lekplatserna.\n\nBeslutsgång\nOrdföranden ställer proposition på tilläggsyrkandet och finner att det avslås.'],
    ['"bifaller yrkandet" among two yrkanden: which one is not said', `Yrkanden\n${yrkande}\nPer Ek (S) yrkar att ärendet återremitteras.\n\nBeslutsgång\nOrdföranden ställer proposition på yrkandet och finner att kommunstyrelsen bifaller detta.`],
  ])('near miss: %s gives nothing', (_, parts) => {
    expect(read(minutes(parts))).toEqual([]);
  });
});

describe('a point of its own that gives the commission before it its report-back', () => {
  it.each([
    ['numbered: "3. Uppdraget återrapporteras till kommunstyrelsen i november 2027"', '1. Kommunstyrelsen godkänner rapporten.\n2. Kommundirektören ges i uppdrag att åtgärda bristerna.\n3. Uppdraget återrapporteras till kommunstyrelsen i november 2027.', '2027-11'],
    ['"ska återrapporteras … senast i"', '1. Kommundirektören får i uppdrag att åtgärda bristerna.\n2. Uppdraget ska återrapporteras till kommunstyrelsen senast i november 2027.', '2027-11'],
    ['bulleted, by the work\'s own noun: "Översynen redovisas …" after "göra en översyn"', '- Kommundirektören får i uppdrag att göra en översyn av lokalerna.\n- Översynen redovisas för kommunstyrelsen i maj 2027.', '2027-05'],
  ])('%s: one återrapportering for the one commissioned', (_, points, month) => {
    expect(read(minutes(`Beslut\n${points}`))).toEqual([['aterrapportering', 'kommundirektören', { meeting: { body: 'KS', month } }]]);
  });

  it('near miss: a point on other work ("Informationen om budgetläget redovisas …") stays an item of its own', () => {
    expect(read(minutes('Beslut\n1. Kommundirektören får i uppdrag att åtgärda bristerna.\n2. Informationen om budgetläget redovisas för kommunstyrelsen i maj 2027.'))).toEqual([
      ['uppdrag', 'kommundirektören', undefined],
      ['aterrapportering', undefined, { meeting: { body: 'KS', month: '2027-05' } }],
    ]);
  });

  it('near miss: "I bilaga redovisas …" tells what a document shows, no report-back', () => {
    expect(read(minutes('Beslut\nKommundirektören får i uppdrag att ta fram en lokalplan. I bilaga redovisas de viktigaste förändringarna.'))).toEqual([['uppdrag', 'kommundirektören', undefined]]);
  });
});

describe('a commission passed over does not lend its report-back to the work before it', () => {
  it('"… har tidigare fått i uppdrag att återkomma …" after a commission: the commission stays an uppdrag', () => {
    const text = minutes('Beslut\nFörvaltningen får i uppdrag att genomföra en remissdialog med föreningarna. Ledningskontoret har tidigare fått i uppdrag att återkomma till kommunstyrelsen i mars 2027.');
    expect(read(text)).toEqual([['uppdrag', 'förvaltningen', undefined]]);
  });
});

describe('a proposal adopted by reference', () => {
  it('"Kommunstyrelsens arbetsutskotts förslag till kommunstyrelsen" then "Kommunstyrelsens beslut: Enligt arbetsutskottets förslag." decides the proposal', () => {
    const text = minutes(
      'Kommunstyrelsens arbetsutskotts förslag till kommunstyrelsen\nKommunstyrelsen ger kommundirektören i uppdrag att utreda en ny organisation för räddningstjänsten.\n\nKommunstyrelsens beslut\nEnligt arbetsutskottets förslag.',
    );
    expect(read(text)).toEqual([['uppdrag', 'kommundirektören', undefined]]);
  });

  it('near miss: "Regionstyrelsens förslag till regionfullmäktige" is not yet work: regionfullmäktige decides', () => {
    const text =
      'Regionstyrelsen\nProtokoll 2027-03-09\n\n§ 20 Ny regionplan\n\nRegionstyrelsens förslag till regionfullmäktige\nRegionfullmäktige ger regiondirektören i uppdrag att ta fram en ny regionplan.\n\nRegionstyrelsens beslut\nRegionstyrelsen föreslår regionfullmäktige att besluta enligt förslaget.';
    expect(read(text, { body: 'RS', meetingDate: '2027-03-09' })).toEqual([]);
  });

  it('"Beslut: enligt förslag" with no proposal in the text: the decision the text reports is read ("… och att regionstyrelsen får i uppdrag att informera fullmäktige")', () => {
    const text =
      'Regionfullmäktige 14 juni 2027\n\n6. Styrmodell för regionservice\n\nRegionfullmäktige beslutade att godkänna den nya styrmodellen och att regionstyrelsen får i uppdrag att informera fullmäktige om införandet.\n\nBeslut: enligt förslag';
    expect(read(text, { body: 'RF', meetingDate: '2027-06-14' })).toEqual([['aterrapportering', 'regionstyrelsen', undefined]]);
  });
});

describe('a remiss handed on or delegated is the answer\'s work, with the remiss deadline', () => {
  const remiss = (decision: string) =>
    minutes(`Ärendet\nKommunstyrelsen har fått förslag till ny avfallsplan på remiss från Sysav. Svar önskas senast den 30 april 2027.\n\nBeslut\n${decision}`, 'Remiss av avfallsplan');

  it('"Ärendet överlämnas till tekniska förvaltningen för beredning": a yttrande for tekniska förvaltningen, due when the remiss closes', () => {
    const text = remiss('Ärendet överlämnas till tekniska förvaltningen för beredning.');
    expect(read(text)).toEqual([['yttrande', 'tekniska förvaltningen', { externalDeadline: '2027-04-30', decidedBy: 'KS' }]]);
    expect(titles(text)).toEqual(['Ta fram förslag till yttrande över remiss av avfallsplan']);
  });

  it('"delegerar till arbetsutskottet att besluta om yttrande": the arbetsutskott decides the answer', () => {
    const text = remiss('Kommunstyrelsen delegerar till arbetsutskottet att besluta om yttrande.');
    expect(read(text)).toEqual([['yttrande', 'arbetsutskottet', { externalDeadline: '2027-04-30', decidedBy: 'KSAU' }]]);
    expect(titles(text)).toEqual(['Besluta om yttrande över remiss av avfallsplan']);
  });

  it('"delegera till stadsarkitekten att upprätta förslag till yttrande" with no deadline in view is still a yttrande', () => {
    expect(read(minutes('Beslut\nKommunstyrelsen beslutar att delegera till stadsarkitekten att upprätta förslag till yttrande över betänkandet.'))).toEqual([
      ['yttrande', 'stadsarkitekten', undefined],
    ]);
  });

  it('near miss: a standing delegation ("delegerar till förvaltningschefen att besluta om bostadsanpassningsbidrag") is no item', () => {
    expect(read(minutes('Beslut\nKommunstyrelsen delegerar till förvaltningschefen att besluta om bostadsanpassningsbidrag.'))).toEqual([]);
  });

  it('near miss: a remiss letter telling its sender\'s own course ("… skickar förslaget till regionstyrelsen för beslut") owes only the answer', () => {
    const letter =
      'Öppen remiss för kulturplan 2028–2031\n\nYttranden ska vara inkomna till Region Halland senast den 15 augusti 2027.\n\nTidplan\n\nKulturnämnden fattar beslut i oktober 2027 och skickar förslaget till regionstyrelsen för beslut i november.';
    expect(read(letter, {})).toEqual([['yttrande', undefined, { externalDeadline: '2027-08-15', recipient: 'Region Halland' }]]);
  });
});
