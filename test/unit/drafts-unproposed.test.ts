/**
 * Sentences to read (shared/drafting/unproposed.ts): the rules find only part of the work in real text, so
 * each sentence that mentions work and says something is to be done, but gave no draft, is shown to the
 * clerk. Named rules on invented sentences, with what is never listed.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';
import { readDocument } from '../../shared/drafting/structure';
import { unproposedSentences } from '../../shared/drafting/unproposed';
import type { Kind } from '../../shared/domain/items/vocabulary';
import { runSteps } from '../../shared/drafting/work';

/** The sentences listed for `text` when the drafts came from `covered` (quotes of it, with their kind). */
function listed(text: string, covered: [string, Kind][] = []) {
  const doc = readDocument(text);
  const spans = covered.map(([quote, kind]) => {
    const start = doc.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the text`);
    return { start, end: start + quote.length, kind };
  });
  return runSteps(unproposedSentences(doc, spans)).map((s) => ({ sentence: doc.text.slice(s.start, s.end), mentions: s.mentions, paragraph: s.paragraph }));
}

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunstyrelsen met on Tuesday 9 March 2027. */
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-09' };

describe('a sentence that mentions work, says what is to be done and gave no draft is listed', () => {
  it('a report-back worded as the rules do not read it', () => {
    expect(listed('Kultur- och fritidsförvaltningen ska fundera vidare och återkomma till nämnden med sina tankar i mars 2027.')).toEqual([
      { sentence: 'Kultur- och fritidsförvaltningen ska fundera vidare och återkomma till nämnden med sina tankar i mars 2027.', mentions: ['aterrapportering'], paragraph: undefined },
    ]);
  });

  it('with the § it stands in, and every kind it mentions', () => {
    const text = '§ 12 Lokalförsörjning\nBeslut\nFörvaltningen får i uppdrag att se över lokalerna och redovisa resultatet senast den 30 september 2027.';
    expect(listed(text)).toEqual([{ sentence: 'Förvaltningen får i uppdrag att se över lokalerna och redovisa resultatet senast den 30 september 2027.', mentions: ['uppdrag', 'aterrapportering', 'tidsfrist'], paragraph: '§ 12' }]);
  });

  it('a motion handed in, in a § that gave no motion draft', () => {
    expect(listed('Anna Berg (S) har lämnat in en motion om fler laddstolpar vid kommunhuset.').map((s) => s.mentions)).toEqual([['motion']]);
  });

  it('a remiss deadline', () => {
    expect(listed('Synpunkter på förslaget ska vara Länsstyrelsen tillhanda senast den 15 april 2027.').map((s) => s.mentions)).toEqual([['yttrande', 'tidsfrist']]);
  });
});

describe('what is never listed', () => {
  it('a sentence a draft or an exhortation came from', () => {
    const sentence = 'Förvaltningen får i uppdrag att se över lokalerna och redovisa resultatet senast den 30 september 2027.';
    expect(listed(sentence, [[sentence, 'uppdrag']])).toEqual([]);
  });

  it('a sentence in the § history (Bakgrund), though the same words under Beslut are', () => {
    const history = 'Bakgrund\nKommunstyrelsen gav förvaltningen i uppdrag att ta fram en plan för lokalerna till sammanträdet i juni.\n';
    const decision = 'Beslut\nKommunstyrelsen ger förvaltningen i uppdrag att ta fram en plan för lokalerna till sammanträdet i juni.';
    expect(listed(history)).toEqual([]);
    expect(listed(`${history}${decision}`).map((s) => s.sentence)).toEqual(['Kommunstyrelsen ger förvaltningen i uppdrag att ta fram en plan för lokalerna till sammanträdet i juni.']);
  });

  it.each([
    ['a finished commission', 'Uppdraget förklaras slutfört och redovisningen läggs till handlingarna.'],
    ['a motion answered', 'Motionen anses besvarad med hänvisning till att arbetet redan pågår.'],
    ["a page's own date", 'Sidan senast uppdaterad den 15 maj 2027 av kansliet.'],
    ['a seat given up', 'Per Ek (M) har avsagt sig uppdraget som ersättare i socialnämnden från den 1 april.'],
    ['the checking of the minutes', 'Kommunstyrelsen utser Eva Lund att justera protokollet senast den 12 mars 2027.'],
    ['an appeal', 'Den som vill överklaga beslutet ska skicka sitt överklagande till förvaltningsrätten senast tre veckor efter anslaget.'],
    ["another authority's commission from the government", 'Länsstyrelserna har fått i uppdrag av regeringen att ta fram planer för laddinfrastruktur.'],
    ["an interpellation's question", 'När ska förvaltningen återrapportera uppdraget om lokalerna till fullmäktige?'],
    ['a heading', 'Beslutade uppdrag:'],
    ['a sentence that mentions work but says nothing is to be done', 'Redovisning av nämndens uppdrag om lokalförsörjning för året.'],
  ])('%s', (_, sentence) => {
    expect(listed(sentence)).toEqual([]);
  });

  it('the referral of motions in a § that gave them, though a commission there is listed', () => {
    const text = '§ 7 Anmälan av motioner\nFöljande motioner har anmälts:\nMotion från Lena Ek (M) om laddstolpar\nMotion från Per Ek (S) om cykelvägar\nMotionerna remitteras till kommunstyrelsen för beredning.\nKommunstyrelsen ska dessutom återkomma med en samlad plan för laddstolpar i juni.';
    const covered: [string, Kind][] = [['Motion från Lena Ek (M) om laddstolpar', 'motion'], ['Motion från Per Ek (S) om cykelvägar', 'motion']];
    expect(listed(text, covered).map((s) => s.sentence)).toEqual(['Kommunstyrelsen ska dessutom återkomma med en samlad plan för laddstolpar i juni.']);
  });
});

describe('through extractDrafts', () => {
  it('a drafted commission is not listed, the sentence beside it that gave nothing is, with offsets into the submitted text', () => {
    const text = 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en handlingsplan för digital tillgänglighet senast den 30 april 2027.\nFörvaltningen har sedan tidigare i uppdrag att ta fram en ny plan för lokalerna till juni 2027.';
    const { drafts, unproposed } = extractDrafts(text, ks, ctx);
    expect(drafts.map((d) => d.kind)).toEqual(['uppdrag']);
    expect(unproposed).toEqual([
      { source: { sentence: 'Förvaltningen har sedan tidigare i uppdrag att ta fram en ny plan för lokalerna till juni 2027.', start: text.indexOf('Förvaltningen'), end: text.length }, mentions: ['uppdrag'] },
    ]);
  });
});
