/**
 * The layout of a decision document: paragraphs (§ blocks) of a protocol, their sections
 * (decision, proposal, history), the points of a decision, sentences and the header facts.
 */
import { BODY_PHRASE, inlineHeadings, readHeading, type SectionKind } from './headings';
import { learningLexicon, type Lexicon } from './swedish';
import { LIST_MARKER, normalizing, type NormalizedText } from './text';
import type { Span } from './timing';
import { BLOCK_UNITS, LINE_UNITS, POINT_UNITS, runSteps, SECTION_UNITS, SENTENCE_UNITS, Work, type Steps } from './work';

export interface Section extends Span {
  kind: SectionKind | 'other';
  /** Folded phrase of the body the heading names as deciding. */
  decider?: string;
}

export interface Block extends Span {
  /** The block's own first lines (the § line, its title, its case number). */
  lines: Span[];
  paragraph?: string;
  sections: Section[];
  /** Decisions listed before the first § (a web page's list of the meeting, then a § in full): the § may repeat one. */
  listedBefore?: boolean;
}

export interface Doc {
  /** The work of this extraction so far; every stage charges it. */
  work: Work;
  norm: NormalizedText;
  /** Repaired text (diacritics as written). */
  text: string;
  folded: string;
  lexicon: Lexicon;
  /** Lines before the first § block, and the page headers and footers (the first HEADER_LINES of each). */
  header: string[];
  blocks: Block[];
}

const PARAGRAPH_LINE = /^\s*(?:[a-z]{2,6}\s+)?§\s*(\d+)/;
/** An attachments label alone on its line: "Bilagor", "Bilaga". */
const ATTACHMENTS = /^\s*bilag(?:a|or)\s*:?\s*$/;
/** An agenda item's number alone on its line, after a bullet: "•   7". */
const AGENDA_NUMBER = /^\s*[•·▪*-]\s*\d{1,3}[.)]?\s*$/;
/** A document's header is its first lines: past these, lines before the first § are text, not header. */
const HEADER_LINES = 40;
const HEADER_LINE_LENGTH = 400;
/** Lines read between two steps (see Steps), each charged as it is read. */
const LINES_PER_STEP = 500;

export function lineSpans(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let at = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      spans.push({ start: at, end: i });
      at = i + 1;
    }
  }
  return spans;
}

/** Trim whitespace off both ends of a span. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function* sectionsOf(folded: string, block: Span, work: Work): Steps<Section[]> {
  const sections: Section[] = [];
  let current: Section = { kind: 'other', start: block.start, end: block.end };
  // The current section was opened by an attachments label ("Bilagor"), a web agenda's link under each item.
  let attachments = false;
  for (const [i, line] of lineSpans(folded, block.start, block.end).entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(line.end - line.start + LINE_UNITS);
    const indent = folded.slice(line.start, line.end).search(/\S/);
    if (indent < 0) continue;
    // A web agenda's item number on its own line ("•   7") opens the next item: what a "Bilagor" list above it held ends;
    // so does a numbered item right under an attachments label that lists nothing (a web agenda's "Bilagor" link, then
    // "4. Följande …"); under "Bakgrund" a numbered list is the history's.
    const text = folded.slice(line.start, line.end);
    const bareLabel = attachments && !folded.slice(current.start, line.start).trim() && /^\s*\d{1,3}[.)]\s/.test(text);
    if ((AGENDA_NUMBER.test(text) && current.kind !== 'other') || bareLabel) {
      current.end = line.start;
      sections.push(current);
      current = { kind: 'other', start: line.start, end: block.end };
      attachments = false;
      continue;
    }
    const heading = readHeading(folded.slice(line.start + indent, line.end));
    // A damaged line may hold the whole § with its label run in: a new section from the label on.
    for (const inline of heading ? [] : inlineHeadings(folded.slice(line.start, line.end))) {
      current.end = line.start + inline.at;
      sections.push(current);
      current = { kind: inline.kind, decider: inline.decider, start: line.start + inline.at + inline.length, end: block.end };
      attachments = false;
    }
    if (!heading) continue;
    // A decision list's addition told under the case's history or a yrkande ("Yrkanden … Tillägg: …") decides nothing.
    if (heading.amended && current.kind === 'history') continue;
    // "Förslag till beslut:" then "Styrelsen beslutar att …": the sentence is the proposal's text, not a decision.
    if (heading.length === 0 && current.kind === 'proposal' && !folded.slice(current.start, line.start).trim()) {
      current.decider ??= heading.decider;
      continue;
    }
    current.end = line.start;
    sections.push(current);
    current = { kind: heading.kind, decider: heading.decider, start: line.start + indent + heading.length, end: block.end };
    attachments = ATTACHMENTS.test(text);
  }
  sections.push(current);
  return sections.filter((s) => s.end > s.start);
}

/** The document's layout, in steps (see Steps). */
export function* reading(original: string, work: Work): Steps<Doc> {
  const norm = yield* normalizing(original, work);
  const { text, folded } = norm;
  // Lines, § starts, headings, sections and the lexicon: five passes, each charged as it goes.
  work.charge(text.length);
  const lines = lineSpans(folded);
  const starts: Span[] = [];
  let firstHeading: Span | undefined;
  // A decision told before the first § (a web page's list of the meeting's items, then one § in full): its own block.
  let decidedBefore: Span | undefined;
  // The list's first numbered item before it ("11 Yttrande över …" above "KS Enligt förvaltningens förslag"), where the block begins.
  let firstItem: Span | undefined;
  for (const [i, l] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(2 * (l.end - l.start) + LINE_UNITS);
    const line = folded.slice(l.start, l.end);
    if (PARAGRAPH_LINE.test(line)) starts.push(l);
    if (!starts.length && !firstItem && /^\s*\d{1,3}[.)]?\s+\p{L}/u.test(line)) firstItem = l;
    const heading = !starts.length && (!firstHeading || !decidedBefore) ? readHeading(line.trimStart()) : undefined;
    if (heading) firstHeading ??= l;
    if (heading?.kind === 'decision') decidedBefore ??= l;
  }
  const headerEnd = starts[0]?.start ?? firstHeading?.start ?? text.length;
  // A header line is short: past HEADER_LINE_LENGTH characters it is text (a PDF page run into one line).
  const header = [
    ...lines.filter((l) => l.end <= headerEnd).slice(0, HEADER_LINES).map((l) => text.slice(l.start, Math.min(l.end, l.start + HEADER_LINE_LENGTH)).trim()),
    ...norm.furniture.slice(0, HEADER_LINES).map((line) => line.slice(0, HEADER_LINE_LENGTH)),
  ].filter(Boolean);
  const bounds = starts.length ? starts.map((l, i) => ({ start: l.start, end: starts[i + 1]?.start ?? text.length })) : [{ start: 0, end: text.length }];
  const preamble = starts[0] && decidedBefore ? 1 : 0;
  if (preamble && starts[0] && decidedBefore) bounds.unshift({ start: Math.min(decidedBefore.start, firstItem?.start ?? decidedBefore.start), end: starts[0].start });
  work.charge(bounds.length * BLOCK_UNITS);
  yield;
  const blocks: Block[] = [];
  for (const [i, bound] of bounds.entries()) {
    const own = lineSpans(folded, bound.start, bound.end).filter((l) => folded.slice(l.start, l.end).trim()).slice(0, 3);
    const start = starts[i - preamble];
    const paragraph = start ? PARAGRAPH_LINE.exec(folded.slice(start.start, start.end))?.[1] : undefined;
    const sections = yield* sectionsOf(folded, bound, work);
    // Charged before any rule runs: a text of ten thousand headings is refused before it is read.
    work.charge(sections.length * SECTION_UNITS);
    blocks.push({ ...bound, lines: own, paragraph: paragraph ? `§ ${paragraph}` : undefined, sections, ...(i < preamble ? { listedBefore: true } : {}) });
    yield;
  }
  const lexicon = yield* learningLexicon(text, work);
  yield;
  return { work, norm, text, folded, lexicon, header, blocks };
}

/** reading, all at once. */
export function readDocument(original: string, work = new Work()): Doc {
  return runSteps(reading(original, work));
}

/** A news page's quote: "– Vi har fina lokaler, säger ordföranden Eva Ek (S)." A dash that opens speech, not a list item. */
const QUOTED_SPEECH = /^\s*[-–—]\s.*[,!?]\s*(?:säger|sa|menar|tycker|konstaterar|berättar)\s+\p{L}/u;

/** The lines of a span of the document, charged to its work. */
export function linesOf(doc: Doc, span: Span): Span[] {
  doc.work.charge(span.end - span.start);
  return lineSpans(doc.text, span.start, span.end);
}

/** The points of a section: list items and paragraphs, without their list markers. */
export function pointsOf(doc: Doc, section: Span): Span[] {
  doc.work.charge(2 * (section.end - section.start));
  const points: Span[] = [];
  let current: Span | undefined;
  for (const line of lineSpans(doc.text, section.start, section.end)) {
    const content = doc.text.slice(line.start, line.end);
    if (!content.trim()) {
      if (current) points.push(current);
      current = undefined;
      continue;
    }
    const marker = QUOTED_SPEECH.test(content) ? null : LIST_MARKER.exec(content);
    if (marker) {
      if (current) points.push(current);
      current = { start: line.start + marker[0].length, end: line.end };
    } else if (current) {
      current.end = line.end;
    } else {
      current = { start: line.start, end: line.end };
    }
  }
  if (current) points.push(current);
  doc.work.charge(points.length * POINT_UNITS);
  return points.map((p) => trimSpan(doc.text, p)).filter((p) => p.end > p.start);
}

const ABBREVIATIONS = new Set(['bl.a', 't.ex', 'm.m', 'o.s.v', 'osv', 'ca', 'resp', 'kap', 'nr', 'jfr', 's.k', 'dvs', 'd.v.s', 'fr.o.m', 't.o.m', 'st', 'ang', 'enl', 'inkl', 'exkl', 'tel', 'p', 'f.d', 'e.d', 'ev', 'jan', 'feb', 'aug', 'sept', 'okt', 'nov', 'dec']);

/**
 * The longest sentence the rules read, in characters: a longer run without a full stop (a table or
 * list pasted from a PDF) is cut at a space past this length, so every rule's pattern runs on a
 * bounded window (the longest real decision sentences are about 1,000 characters).
 */
export const MAX_SENTENCE = 2_000;

/** Sentences of a span: a full stop before a capital, "?" or "!", or a line break; none longer than MAX_SENTENCE (+ one word). */
export function sentencesOf(doc: Doc, span: Span): Span[] {
  return [...sentencesIn(doc, span)];
}

/** sentencesOf, one sentence at a time, each charged as it is read: a long span is read only as far as it is needed. */
export function* sentencesIn(doc: Doc, span: Span): Generator<Span> {
  let at = span.start;
  const text = doc.text;
  const emit = (end: number) => {
    doc.work.charge(2 * (end - at) + SENTENCE_UNITS);
    return trimSpan(text, { start: at, end });
  };
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i];
    const length = i - at;
    let boundary = ch === '\n' || ch === '?' || ch === '!' || (length >= MAX_SENTENCE && (ch === ' ' || length >= MAX_SENTENCE + 100));
    if (ch === '.') {
      const next = /^\s+(\S)/.exec(text.slice(i + 1, Math.min(span.end, i + 4)));
      const token = /[\p{L}.]+$/u.exec(text.slice(Math.max(span.start, i - 8), i))?.[0].toLowerCase() ?? '';
      // "… linje 1.\natt rektorn får …": att-clauses listed on lines of their own, each closed by a full
      // stop, are joined as one line continues another, but each is a sentence of its own.
      const opensClause = /^\s{1,3}att\s/.test(text.slice(i + 1, Math.min(span.end, i + 8)));
      boundary = !!next && (opensClause || /[\p{Lu}\d§"”(]/u.test(next[1] ?? '')) && !ABBREVIATIONS.has(token) && !/^\p{L}$/u.test(token);
    }
    if (boundary) {
      const sentence = emit(ch === '\n' ? i : i + 1);
      at = i + 1;
      if (sentence.end > sentence.start) yield sentence;
    }
  }
  const last = emit(span.end);
  if (last.end > last.start) yield last;
}

/** A body named at the start of a line: "Kommunstyrelsen", "BARN- OCH UTBILDNINGSNÄMNDEN PROTOKOLL". */
export const BODY_AT_START = new RegExp(`^(${BODY_PHRASE})\\b`);

const CASE_NUMBER_LABELLED = /\b(?:dnr|diarienummer|diarienr|arendenummer|arendenr|ert dnr|er beteckning)\.?\s*:?\s*((?:[a-z]{1,6}[ -]?)?\d{4}[./-]\d{1,5})\b(?![-/.]\d)/;
const CASE_NUMBER_PLAIN = /\b([A-ZÅÄÖ]{2,6})[ -](\d{4})[./-](\d{1,5})\b(?![-/.]\d)/;
/** What comes before a sender's own reference: "Vår referens:", "Remiss från kommunstyrelsen, dnr" (read folded). */
const THEIR_REFERENCE = /(?:var|vår) (?:referens|beteckning)\s*:?\s*$|\bremiss\s+fran\s+[^,\n]{2,60},\s*(?:(?:dnr|diarienummer)\.?\s*:?\s*)?$/;

/** The municipality's case number in a text ("Dnr KS 2026/141", "SN-2025-77"); not a sender's reference. */
export function caseNumberIn(text: string, fold: (s: string) => string): string | undefined {
  const folded = fold(text);
  const theirs = (at: number) => THEIR_REFERENCE.test(folded.slice(Math.max(0, at - 80), at));
  const labelled = CASE_NUMBER_LABELLED.exec(folded);
  if (labelled?.[1] && !theirs(labelled.index)) {
    const at = labelled.index + labelled[0].length - labelled[1].length;
    return text.slice(at, at + labelled[1].length).trim();
  }
  for (const m of text.matchAll(new RegExp(CASE_NUMBER_PLAIN, 'g'))) {
    if (!theirs(m.index)) return m[0];
  }
  return undefined;
}
