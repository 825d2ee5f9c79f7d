/**
 * Text pasted from a PDF, repaired for reading: line breaks inside paragraphs, hyphenation at line
 * ends, page headers and footers, broken characters. Every repaired character keeps the offset of
 * the submitted character it came from, so a draft can point into what the clerk pasted.
 */
import { fold } from './fold';
import { readHeading } from './headings';

export interface MappedText {
  text: string;
  /** For each character of `text`, its offset in the submitted text. */
  map: number[];
}

export interface NormalizedText extends MappedText {
  /** `text` folded (same length): what the rules match on. */
  folded: string;
  /** Page headers and footers taken out; they still name the body and the meeting date. */
  furniture: string[];
}

function identity(text: string): MappedText {
  const map = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) map[i] = i;
  return { text, map };
}

/** Replace every match; new characters map to the matched characters, position by position. */
function rewrite(input: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  if (input.text.search(pattern) < 0) return input;
  let text = '';
  const map: number[] = [];
  let last = 0;
  for (const match of input.text.matchAll(pattern)) {
    const at = match.index;
    const length = match[0].length;
    if (length === 0) continue;
    text += input.text.slice(last, at);
    for (let i = last; i < at; i++) map.push(input.map[i] ?? 0);
    const replacement = replace(match);
    for (let k = 0; k < replacement.length; k++) map.push(input.map[at + Math.min(k, length - 1)] ?? 0);
    text += replacement;
    last = at + length;
  }
  text += input.text.slice(last);
  for (let i = last; i < input.text.length; i++) map.push(input.map[i] ?? 0);
  return { text, map };
}

function slice(input: MappedText, start: number, end: number): MappedText {
  return { text: input.text.slice(start, end), map: input.map.slice(start, end) };
}

const MOJIBAKE: Record<string, string> = { 'Ã¥': 'å', 'Ã¤': 'ä', 'Ã¶': 'ö', 'Ã…': 'Å', 'Ã„': 'Ä', 'Ã–': 'Ö', 'Ã©': 'é' };
const SPACING_MARKS: Record<string, string> = { 'a¨': 'ä', 'o¨': 'ö', 'A¨': 'Ä', 'O¨': 'Ö', 'a˚': 'å', 'A˚': 'Å' };
const LIGATURES: Record<string, string> = { 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬀ': 'ff', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };

/** Character-level damage: encodings, ligatures, decomposed letters, odd spaces. */
function repairCharacters(input: MappedText): MappedText {
  let t = rewrite(input, /\r\n?|\f/g, () => '\n');
  t = rewrite(t, /[\u00a0\u2007\u202f\t]/g, () => ' ');
  t = rewrite(t, /\u00ad/g, () => '');
  t = rewrite(t, /Ã[¥¤¶…„–©]/g, (m) => MOJIBAKE[m[0]] ?? m[0]);
  t = rewrite(t, /[aoAO]¨|[aA]˚/g, (m) => SPACING_MARKS[m[0]] ?? m[0]);
  t = rewrite(t, /[ﬁﬂﬀﬃﬄ]/g, (m) => LIGATURES[m[0]] ?? m[0]);
  return rewrite(t, /\p{L}\p{M}+/gu, (m) => m[0].normalize('NFC'));
}

/** Loanwords where é is right; elsewhere inside a word PDF fonts put é for ö ("férebyggande"). */
const REAL_E_ACUTE = ['idé', 'entré', 'armé', 'kafé', 'café', 'allé', 'filé', 'kupé', 'resumé', 'bidé', 'ekipé', 'attaché', 'varieté', 'rené', 'andré', 'josé', 'désirée'];

function repairWords(input: MappedText): MappedText {
  let t = rewrite(input, /(?<!\p{L})\p{L}*?[éÉ]\p{L}+/gu, (m) => {
    const lower = m[0].toLowerCase();
    if (REAL_E_ACUTE.some((word) => lower.startsWith(word))) return m[0];
    return m[0].replace(/é(?=\p{L})/gu, 'ö').replace(/É(?=\p{L})/gu, 'Ö');
  });
  // "ateraterrapportera": a syllable doubled by the extraction.
  t = rewrite(t, /([AaÅå]ter)(?:[aå]ter)+(?=rapport)/g, (m) => m[1] ?? m[0]);
  return t;
}

const PAGE_MARK = /\b(?:sida|sid\.?|page)\s*\d+\s*(?:av|\/|\(|of)\s*\d+\)?|^\d+\s*\(\s*\d+\s*\)$|\s\d+\s?\(\d+\)$|^-?\s*\d{1,3}\s*-?$|^\d+\s*\/\s*\d+$/;
const SIGNATURE = /^(?:justerandes?\s+sign|justerare\b|ordforandes?\s+sign|sekreterarens?\s+sign|utdragsbestyrkande)/;
const HEADERISH = /protokoll|tjansteskrivelse|sammantrade|\bkommun\b|namnden|styrelsen|fullmaktige|\d{4}-\d{2}-\d{2}/;

const foldedLine = (line: string) => fold(line).trim().replace(/\s+/g, ' ');

/** Lines that repeat on every page: a header, not content. Decision text never qualifies. */
function repeatedHeaders(lines: string[], folded: string[]): Set<string> {
  const keys = folded.map((line) => line.replace(/\d+/g, '#'));
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  const repeated = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    const key = keys[i] ?? '';
    if ((count.get(key) ?? 0) < 2 || trimmed.length < 8 || trimmed.length > 90) continue;
    if (key.includes('§') || / att /.test(key) || /[.,;:]$/.test(key) || readHeading(folded[i] ?? '')) continue;
    const letters = trimmed.replace(/[^\p{L}]/gu, '');
    const upper = trimmed.replace(/[^\p{Lu}]/gu, '').length;
    if (HEADERISH.test(key) || (letters.length >= 8 && upper / letters.length >= 0.6)) repeated.add(key);
  }
  return repeated;
}

const LIST_MARKER = /^\s*(?:\d{1,2}[.)]\s|\(\d{1,2}\)\s|[a-h][.)]\s|[-–—•·▪*]\s)/;
const PARAGRAPH_LINE = /^\s*(?:\p{Lu}{2,6}\s+)?§\s*\d+/u;
const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'till', 'som']);

/** Whether a line break inside a paragraph is only the PDF's wrapping. */
function wraps(current: string, next: string): boolean {
  const cur = current.trim();
  const nxt = next.trim();
  if (/\S\s{3,}\S/.test(cur)) return false;
  // A line that opens with "Kommunstyrelsen beslutar att ..." is a sentence and may wrap; a label may not.
  if (readHeading(foldedLine(cur))?.length || readHeading(foldedLine(nxt))) return false;
  if (PARAGRAPH_LINE.test(cur) || PARAGRAPH_LINE.test(nxt) || LIST_MARKER.test(next)) return false;
  if (/^\p{Ll}/u.test(nxt)) return true;
  return cur.replace(/\s+/g, ' ').length >= 45 && !/[.:!?]$/.test(cur);
}

function splitLines(input: MappedText): MappedText[] {
  const lines: MappedText[] = [];
  let start = 0;
  for (let i = 0; i <= input.text.length; i++) {
    if (i === input.text.length || input.text[i] === '\n') {
      lines.push(slice(input, start, i));
      start = i + 1;
    }
  }
  return lines;
}

function trimEnd(line: MappedText): MappedText {
  return slice(line, 0, line.text.trimEnd().length);
}

function trimStart(line: MappedText): MappedText {
  return slice(line, line.text.length - line.text.trimStart().length, line.text.length);
}

/** Join wrapped lines and hyphenated words; keep headings, list items and paragraphs apart. */
function joinLines(lines: MappedText[]): MappedText {
  const chars: string[] = [];
  const map: number[] = [];
  const append = (part: MappedText) => {
    for (let i = 0; i < part.text.length; i++) {
      chars.push(part.text[i] ?? '');
      map.push(part.map[i] ?? 0);
    }
  };
  const tail = () => chars.slice(-60).join('');
  lines.forEach((raw, i) => {
    const line = trimEnd(raw);
    const previous = lines[i - 1];
    if (!previous) return append(line);
    const before = tail();
    const breakAt = (map.at(-1) ?? 0) + 1;
    const hyphen = /(\p{L}+)-$/u.exec(before);
    const nextWord = /^\s*(\p{Ll}\p{L}*)/u.exec(line.text)?.[1];
    const bothText = previous.text.trim() !== '' && line.text.trim() !== '';
    if (bothText && hyphen && nextWord) {
      const fragment = hyphen[1] ?? '';
      if (CONJUNCTIONS.has(nextWord)) {
        chars.push(' ');
        map.push(breakAt);
      } else if (!(fragment.length <= 2 || fragment === fragment.toUpperCase())) {
        chars.pop();
        map.pop();
      }
      return append(trimStart(line));
    }
    if (bothText && wraps(previous.text, line.text)) {
      chars.push(' ');
      map.push(breakAt);
      return append(trimStart(line));
    }
    chars.push('\n');
    map.push(breakAt);
    append(line);
  });
  return { text: chars.join(''), map };
}

/** Repair PDF-pasted text for the rules, keeping the way back to the submitted characters. */
export function normalizeText(original: string): NormalizedText {
  const repaired = repairCharacters(identity(original));
  const lines = splitLines(repaired);
  const folded = lines.map((l) => foldedLine(l.text));
  const repeated = repeatedHeaders(lines.map((l) => l.text), folded);
  const furniture: string[] = [];
  const content = lines.filter((line, i) => {
    const key = folded[i] ?? '';
    const isFurniture = key !== '' && (PAGE_MARK.test(key) || SIGNATURE.test(key) || repeated.has(key.replace(/\d+/g, '#')));
    if (isFurniture) furniture.push(line.text.trim().replace(/\s+/g, ' '));
    return !isFurniture;
  });
  const joined = repairWords(joinLines(content));
  return { ...joined, folded: fold(joined.text), furniture };
}

/** Offsets in the submitted text of the repaired span [start, end). */
export function originalSpan(text: MappedText, start: number, end: number): { start: number; end: number } {
  const first = text.map[start] ?? 0;
  const last = text.map[Math.max(start, end - 1)] ?? first;
  return { start: first, end: last + 1 };
}
