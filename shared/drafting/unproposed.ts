/**
 * Sentences that speak of work but gave no draft. On real text the rules find only part of the
 * items a clerk registers (README, "From a pasted decision to registered items": on the test
 * split about half, nearly all misses never seen at all), so no page may let the absence of a
 * proposal pass for the absence of work. Beside the drafts the clerk is shown each sentence that
 * names work or a deadline, says something is to be done or when, and that no draft or
 * exhortation came from: a wider, plainer net than the rules, read by a person.
 */
import type { Kind } from '../domain/items/vocabulary';
import { sentencesIn, type Doc } from './structure';
import type { Span } from './timing';
import type { Steps } from './work';

/** What a sentence to read mentions: one of the four kinds of work, or a deadline ("senast …"). */
export type Mention = Kind | 'tidsfrist';

export interface UnproposedSpan extends Span {
  /** The § of the block it stands in ("§ 141"), when the text has § lines. */
  paragraph?: string;
  mentions: Mention[];
}

/** Each kind's words, on folded text ("återrapportering" is "aterrapportering"). */
const MENTIONS: readonly [Mention, RegExp][] = [
  ['uppdrag', /\buppdr(?:ag|as|ar|og)/],
  ['aterrapportering', /\baterrapport|\baterkomm|\baterredovis|\bredovisa(?:s|d|des)?\b|\bredovisning\b|\brapportera(?:s|r)?\b/],
  ['yttrande', /\byttrande|\bremiss|\bsynpunkter\b|\btillhanda\b/],
  ['motion', /\bmotion(?:en|er|erna)?\b/],
  ['tidsfrist', /\bsenast\b/],
];

const MONTH = '(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)';
/**
 * Something is to be done, by someone or by a time: a modal, a commission, a referral, a motion
 * handed in, a meeting or a season to report to. A heading ("Inkomna motioner", "Redovisning av
 * nämndens uppdrag") has none and is not listed.
 */
const ACT = new RegExp(
  '\\b(?:ska|skall|skulle|i uppdrag|uppdras|uppdrar|uppdrog|far i uppgift|ombeds|anmodas|beslutar|beslutade|beslot|tillhanda|senast (?:den |\\d)|' +
    'aterkomma|aterrapportera[rs]?|remitter\\w*|lamna[dt]?e? in|vackt?e?s?|har inkommit|' +
    `till (?:\\w+ )?(?:sammantrade\\w*|mote\\w*)|under (?:hosten|varen|sommaren)|(?:i|till|under|senast) ${MONTH})\\b`,
);
/**
 * Not work of the municipality's: a finished matter ("anses besvarad", "läggs till handlingarna",
 * "uppdraget är slutfört"), a page's own dates ("Senast uppdaterad"), a seat given up ("avsagt sig
 * uppdraget som"), the minutes' checking, an appeal, another authority's commission from the government.
 */
const NOT_WORK = new RegExp(
  '\\b(?:noteras|anses besvarad|besvaras|avslas|till handlingarna|lags till|' +
    'forklaras (?:slutfort|avslutat|fullgjort)|(?:ar|anses) (?:slutfort|genomfort|avslutat|fullgjort)|' +
    'senast (?:uppdaterad|granskad|andrad|reviderad)|(?:avsagt sig|avsager sig|entledigande fran|befrielse fran) (?:sitt |sina )?uppdrag\\w*|' +
    'justera protokollet|overklag\\w*|i uppdrag av regeringen)\\b',
);

/** A heading or a list's lead-in ("Beslutade uppdrag:"), not a sentence that gives work. */
const MIN_WORDS = 4;

/**
 * The sentences of `doc` outside a § history section (Bakgrund, Ärendet, Yrkanden …) that mention
 * work (MENTIONS), say something is to be done (ACT), are not a finished matter or a page's own
 * furniture (NOT_WORK), are no question (an interpellation's) and no heading (fewer than MIN_WORDS
 * words), and overlap none of `covered` (the sources of the drafts and exhortations, doc spans, with
 * their kind). In a § that gave motions, a sentence that mentions nothing but motions is their
 * referral ("Motionerna remitteras till kommunstyrelsen"), already read. In document order; linear
 * in the text (each sentence read once, `covered` sorted once).
 */
export function* unproposedSentences(doc: Doc, covered: readonly (Span & { kind: Kind })[]): Steps<UnproposedSpan[]> {
  const spans = [...covered].sort((a, b) => a.start - b.start);
  let next = 0;
  // The furthest end of the covered spans that start before the current sentence ends: sentences come in order, so it only grows.
  let reach = -1;
  const found: UnproposedSpan[] = [];
  let inBlock = 0;
  for (const block of doc.blocks) {
    // Blocks come in order and do not overlap: each covered span is looked at once.
    let gaveMotions = false;
    for (; inBlock < spans.length && spans[inBlock]!.start < block.end; inBlock++) if (spans[inBlock]!.start >= block.start && spans[inBlock]!.kind === 'motion') gaveMotions = true;
    for (const section of block.sections) {
      if (section.kind === 'history') continue;
      yield;
      for (const sentence of sentencesIn(doc, section)) {
        while (next < spans.length && spans[next]!.start < sentence.end) reach = Math.max(reach, spans[next++]!.end);
        if (reach > sentence.start) continue;
        doc.work.charge(3 * (sentence.end - sentence.start));
        const folded = doc.folded.slice(sentence.start, sentence.end);
        const mentions = MENTIONS.filter(([, words]) => words.test(folded)).map(([mention]) => mention);
        if (mentions.length === 0 || (gaveMotions && mentions.every((m) => m === 'motion'))) continue;
        if (!ACT.test(folded) || NOT_WORK.test(folded) || folded.trimEnd().endsWith('?') || folded.split(/\s+/).length < MIN_WORDS) continue;
        found.push({ ...sentence, mentions, ...(block.paragraph ? { paragraph: block.paragraph } : {}) });
      }
    }
  }
  return found;
}
