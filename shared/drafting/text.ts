/**
 * Text pasted from a PDF, repaired for reading: line breaks inside paragraphs, hyphenation at line
 * ends, page headers and footers, broken characters. Every repaired character keeps the offset of
 * the submitted character it came from, so a draft can point into what the clerk pasted.
 */
import { fold } from './fold';
import { readHeading } from './headings';
import { LINE_UNITS, runSteps, Work, type Steps } from './work';

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
function rewrite(input: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string, work: Work): MappedText {
  work.charge(input.text.length);
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

const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const MOJIBAKE: Record<string, string> = { 'Ã¥': 'å', 'Ã¤': 'ä', 'Ã¶': 'ö', 'Ã…': 'Å', 'Ã„': 'Ä', 'Ã–': 'Ö', 'Ã©': 'é' };
/** A diaeresis or ring set after its letter, as a mark of its own or a combining one, sometimes after a space ("kommundirekto ̈ren"). */
const SPACING_MARK = /([aoAO]) ?[¨\u0308]|([aA]) ?[˚\u030a]/g;
const LIGATURES: Record<string, string> = { 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬀ': 'ff', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };

/** Character-level damage: encodings, ligatures, decomposed letters, odd spaces; a step after each pass. */
function* repairingCharacters(input: MappedText, work: Work): Steps<MappedText> {
  const passes: [RegExp, (match: RegExpExecArray) => string][] = [
    [/\r\n?|[\f\v\u0085\u2028\u2029]/g, () => '\n'],
    // A web page's markup pasted with its text: a line break tag is a line break, a paragraph's end too, and the
    // entities a page escapes are their characters ("Bygglov för kv Gladan 2&amp;8<br>Yttrande till …").
    // Starts on the tag, never on white space (a pattern opening with a space run is tried again at every space of a
    // run); the spaces left before it go with the line's end below.
    [/<(?:br|\/p|\/li|\/h[1-6]|\/div|\/tr)\s*\/?>[ \t]*/gi, () => '\n'],
    [/&(?:amp|nbsp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES[m[0]] ?? m[0]],
    [/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g, () => ' '],
    // PDF text can hold runs of thousands of spaces; three keep a column gap visible (see `wraps`)
    // and bound every white-space run the rules' patterns meet.
    [/ {4,}/g, () => '   '],
    // Likewise blank lines: one keeps paragraphs apart as well as a thousand.
    [/ +(?=\n)/g, () => ''],
    [/\n{3,}/g, () => '\n\n'],
    [/\u00ad/g, () => ''],
    [/Ã[¥¤¶…„–©]/g, (m) => MOJIBAKE[m[0]] ?? m[0]],
    [SPACING_MARK, (m) => (m[1] ? `${m[1]}\u0308` : `${m[2] ?? ''}\u030a`).normalize('NFC')],
    [/[ﬁﬂﬀﬃﬄ]/g, (m) => LIGATURES[m[0]] ?? m[0]],
    [/\p{L}\p{M}+/gu, (m) => m[0].normalize('NFC')],
  ];
  let t = input;
  for (const [pattern, replace] of passes) {
    t = rewrite(t, pattern, replace, work);
    yield;
  }
  return t;
}

/** Loanwords where é is right; elsewhere inside a word PDF fonts put é for ö ("férebyggande"). */
const REAL_E_ACUTE = ['idé', 'entré', 'armé', 'kafé', 'café', 'allé', 'filé', 'kupé', 'resumé', 'bidé', 'ekipé', 'attaché', 'varieté', 'rené', 'andré', 'josé', 'désirée'];

/** Word-level damage: é for ö, doubled syllables; a step after each pass. */
function* repairingWords(input: MappedText, work: Work): Steps<MappedText> {
  // The word pattern is costly to try at every letter; most texts have no é at all.
  const t = !/[éÉ]/.test(input.text) ? input : rewrite(input, /(?<!\p{L})\p{L}*?[éÉ]\p{L}+/gu, (m) => {
    const lower = m[0].toLowerCase();
    // A surname's "-én" ("Rosén", "Lindéns") is written so; a damaged word ends in "-ön" far more rarely.
    if (REAL_E_ACUTE.some((word) => lower.startsWith(word)) || /^\p{Lu}\p{Ll}+éns?$/u.test(m[0])) return m[0];
    return m[0].replace(/é(?=\p{L})/gu, 'ö').replace(/É(?=\p{L})/gu, 'Ö');
  }, work);
  yield;
  // "ateraterrapportera": a syllable doubled by the extraction.
  const undoubled = rewrite(t, /([AaÅå]ter)(?:[aå]ter)+(?=rapport)/g, (m) => m[1] ?? m[0], work);
  yield;
  // "i upp- drag": a word hyphenated at a line end that the PDF ran into one line. The pattern starts at
  // the hyphen, and the fragment is read back from it, so a long word is not re-read at every letter.
  if (!/\p{L}- \p{Ll}/u.test(undoubled.text)) return undoubled;
  const words = wordsOf(undoubled.text);
  return rewrite(undoubled, /- (\p{Ll}+)(?![\p{L}-])/gu, (m) => {
    const fragment = /\p{L}{1,40}$/u.exec(m.input.slice(Math.max(0, m.index - 40), m.index))?.[0];
    const next = m[1] ?? '';
    const reading = fragment && brokenInLine(fragment, next, words) ? brokenWord(fragment, next) : 'twoWords';
    return reading === 'join' ? next : reading === 'keepHyphen' ? `-${next}` : m[0];
  }, work);
}

/** The words of a text, folded: what it writes whole elsewhere. */
function wordsOf(text: string): Set<string> {
  return new Set(fold(text).match(/\p{L}+/gu) ?? []);
}

/** Words a decision is read by: their halves run into one line are one word even where the text writes them whole nowhere else. */
const DECISION_WORD = /^(?:uppdrag|aterrapport|redovis|rapporter|aterkomm|kommunstyrelse|kommunfullmaktige|regionstyrelse|regionfullmaktige|forvaltning|namnd|sammantrade|handlingsplan|yttrande|remiss|senast|tillhanda)/;

/** Roles and bodies a decision names: "regiondi- rektören", "sty- relsens". */
const ROLE_WORD = /(?:direktor|chef|styrelse|namnd|forvaltning|kontor|utskott)[a-z]{0,4}$/;

/**
 * Whether "X- y" inside a line is a word broken at a line end and run together ("upp- drag", "handlings- plan"),
 * not a dash between two words of a title ("reboot- omstart", "medborgarförslag- kommuninnevånarnas"): the
 * whole word is written elsewhere in the text or is one a decision is read by, or the fragment ends in a
 * compound's joining "s".
 */
function brokenInLine(fragment: string, next: string, words: Set<string>): boolean {
  const whole = fold(fragment + next);
  return words.has(whole) || DECISION_WORD.test(whole) || ROLE_WORD.test(whole) || /s$/.test(fragment);
}

/**
 * How a word broken by a hyphen reads on: "upp-" + "drag" is "uppdrag" (`join`); "EU-" + "medel" is
 * "EU-medel" (`keepHyphen`: a short or capital fragment is a word of its own); "barn-" + "och" is the
 * first half of "barn- och utbildningsnämnden" (`twoWords`).
 */
function brokenWord(fragment: string, next: string): 'join' | 'keepHyphen' | 'twoWords' {
  if (CONJUNCTIONS.has(next)) return 'twoWords';
  return fragment.length <= 2 || fragment === fragment.toUpperCase() ? 'keepHyphen' : 'join';
}

const PAGE_MARK = /\b(?:sida|sid\.?|page)\s*\d+\s*(?:av|\/|\(|of)\s*\d+\)?|^\d+\s*\(\s*\d+\s*\)$|\s\d+\s?\(\d+\)$|^-?\s*\d{1,3}\s*-?$|^\d+\s*\/\s*\d+$/;
const SIGNATURE = /^(?:justerandes?\s+sign|justerare\b|ordforandes?\s+sign|sekreterarens?\s+sign|utdragsbestyrkande)/;
const HEADERISH = /protokoll|tjansteskrivelse|sammantrade|\bkommun\b|namnden|styrelsen|fullmaktige|\d{4}-\d{2}-\d{2}/;
/** Past this length a line holding a page mark is text run together with its page's header or footer. */
const FURNITURE_LINE_LENGTH = 100;
/**
 * A page's footer or page mark inside a line of text, as a PDF run together puts it ("… för trygghet
 * Justerandes sign Utdragsbestyrkande", "… 2027. Sida 3 av 12 Kommunstyrelsen beslutar …", "… skolskjutsarna.
 * 3 (12)"): cut out, the text on both sides kept.
 */
const INLINE_FURNITURE =
  /(?:\s*(?:\b(?:justerandes?|ordf[öo]randes?|sekreterarens?)\s+sign(?:atur\b|\.|\b)|\butdragsbestyrkande\b|\b(?:sida|sid\.?|page)\s*\d{1,3}\s*(?:av|\/|of)\s*\d{1,3}\b|(?<=\s)\d{1,3}\s?\(\d{1,3}\)\s*$))+\s*/giu;

const foldedLine = (line: string) => fold(line).trim().replace(/\s+/g, ' ');

/** A field of a register's entry (folded): "Status: …", "Beredningsväg: …", "Lämnad av: …", "Inkommen datum: …". */
const REGISTER_FIELD = /^(?:status|beredningsvag|bereds av|remitterad till|lamnad av|initierad av|inkommen datum|registreringsdatum|dokumentnummer)\s*:/;

/** Lines that repeat on every page: a header, not content. Decision text never qualifies. */
function* repeatedHeaders(lines: MappedText[], folded: string[], work: Work): Steps<Set<string>> {
  const keys = folded.map((line) => line.replace(/\d+/g, '#'));
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  const repeated = new Set<string>();
  for (const [i, { text: line }] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(LINE_UNITS);
    const trimmed = line.trim();
    const key = keys[i] ?? '';
    if ((count.get(key) ?? 0) < 2 || trimmed.length < 8 || trimmed.length > 90) continue;
    // A page header is no list entry and no sentence cut short: "1. Kommunfullmäktige ger kommunstyrelsen i uppdrag" on
    // four lines of a list opens four points.
    // Nor is an agenda item's sender ("Remiss från Länsstyrelsen" under each of its remisses), nor a register entry's field
    // that several entries share ("Status: Besvarad. Läs svaret i fullmäktiges protokoll …", "Beredningsväg: Nämnden för …").
    if (key.includes('§') || / att /.test(key) || /[.,;:]$/.test(key) || LIST_MARKER.test(key) || OPEN_END.test(key) || /^remiss fran /.test(key) || REGISTER_FIELD.test(key) || readHeading(folded[i] ?? '')) continue;
    const letters = trimmed.replace(/[^\p{L}]/gu, '');
    const upper = trimmed.replace(/[^\p{Lu}]/gu, '').length;
    if (HEADERISH.test(key) || (letters.length >= 8 && upper / letters.length >= 0.6)) repeated.add(key);
  }
  return repeated;
}

/** A list item's marker opening a line: "1.", "(2)", "a)", a dash or a bullet, and one space. */
export const LIST_MARKER = /^\s*(?:\d{1,2}[.)]\s|\(\d{1,2}\)\s|[a-h][.)]\s|[-–—•·▪*]\s)/;
const PARAGRAPH_LINE = /^\s*(?:\p{Lu}{2,6}\s+)?§\s*\d+/u;
/** Lines read between two steps (see Steps), each charged as it is read: a few milliseconds of work. */
const LINES_PER_STEP = 500;
const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'till', 'som']);
/** Two-letter words a compound is hyphenated after, written in lower case: "it-stöd", "ai-verktyg", "eu-medel", "ip-telefoni". */
const STANDALONE_STEMS = new Set(['it', 'ai', 'eu', 'ip', 'id', 'ok', 'uf']);
/** Blank lines looked past for the rest of a sentence: a page break's, once its header and footer are taken out. */
const BLANK_LINES_IN_SENTENCE = 3;

/** An agenda's item opening a line, its number with no stop: "8 Yttrande över remiss …", "12 Bygglov för …". */
const AGENDA_NUMBERED = /^\d{1,3}\s+\p{Lu}\p{Ll}/u;
/** A councillor and party opening a line: "Per Ek (M)", "Anna-Lena Holm (KD)". */
const COUNCILLOR = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}\s+\([A-ZÅÄÖ]{1,3}\)/u;

/** A line of a decision's att-list: "att ge kommundirektören i uppdrag att …". */
const ATT_LINE = /^\s*att\s/;
/** A line ending where an att-list's points are joined: a comma, a semicolon, "och" or "samt". */
const LIST_JOINT = /(?:[,;]|\b(?:och|samt))\s*$/;
/** Words no heading or sentence ends on: a line ending on one goes on with the next. */
const OPEN_WORDS = 'att|och|samt|eller|i uppdrag|for|om|med|till|av|pa|i|en|ett|den|det|som|utan|genom|efter|innan|fore|under|senast';
/**
 * A line ending on a word no heading or sentence ends on ("Motion av Per Ek (SD) med flera om", "… i uppdrag att",
 * "… tillhanda senast" before "2026-05-29."): the next line goes on with it, capital or digit or not.
 */
const OPEN_WORD_END = new RegExp(`\\b(?:${OPEN_WORDS})\\s*$`);
/**
 * A line that cannot end a decision point: it ends on an open word, on one that wants its complement ("fram", "i uppgift",
 * "möjligt", "syfte"), or on a comma or a dash. Bounded to the line's last 30 characters.
 */
const OPEN_END = new RegExp(`(?:\\b(?:${OPEN_WORDS}|fram|i uppgift|uppdraget|mojligt|mojligheten|lampligt|syfte|syftet|de|sa)|[,:;–-])\\s*$`);
/**
 * Whether a line break inside a paragraph is only the PDF's wrapping; an att-line ended before the next ("att …\natt …",
 * no full stop) is a point of its own. `width`: the text's column width in characters (see columnWidth).
 */
function wraps(current: string, next: string, currentFolded: string, nextFolded: string, width: number): boolean {
  const cur = current.trim();
  const nxt = next.trim();
  if (/\S\s{3,}\S/.test(cur)) return false;
  // A line that opens with "Kommunstyrelsen beslutar att ..." is a sentence and may wrap, and so may the text after a
  // label on its line ("Beslut: Kommunstyrelsen beslutar att … i"); a label alone may not. A line that starts in
  // lower case continues a sentence even where it reads as a label ("behandlades följande ärenden:").
  const label = readHeading(currentFolded)?.length ?? 0;
  if ((label > 0 && label >= currentFolded.length) || (readHeading(nextFolded) && !/^\p{Ll}/u.test(nxt))) return false;
  if (PARAGRAPH_LINE.test(cur) || PARAGRAPH_LINE.test(nxt) || LIST_MARKER.test(next)) return false;
  // "Motion om …", a councillor and party ("Per Ek (M): Motion om …"), a case number ("Dnr KS 2027/14 Motion om …"), an
  // agenda item's sender or recipient ("Remiss från kommunstyrelsen", "Yttrande till stadsrevisionen") or an agenda's
  // number before its title ("8 Yttrande över remiss …") opens an entry of a list, as a list marker does, unless the line
  // before breaks off ("Per Ek (SD) har lämnat in en" / "motion om …").
  const opensEntry = /^(?:motion\s+(?:\([a-z]{1,4}\)\s+)?(?:om|fran|av|angaende)\b|dnr\b|remiss\s+fran\b|yttrande\s+till\b)/.test(nextFolded) || COUNCILLOR.test(nxt) || AGENDA_NUMBERED.test(nxt);
  if (opensEntry && !OPEN_WORD_END.test(currentFolded)) return false;
  if (ATT_LINE.test(currentFolded) && ATT_LINE.test(nextFolded) && !OPEN_END.test(currentFolded)) return false;
  // A comma goes on too: "• Ann Berg och Johan Rask," / "Socialdemokraterna, om förstärkt beredskap".
  if (/^\p{Ll}/u.test(nxt) || OPEN_WORD_END.test(currentFolded) || /,\s*$/.test(cur)) return true;
  // A wrapped line is full: one that ends well short of the next (a web page's title line) stands alone, and so does
  // one the next line's first word would have fitted on (a heading above a sentence of the same length).
  const length = cur.replace(/\s+/g, ' ').length;
  const firstWord = /^\S+/.exec(nxt)?.[0].length ?? 0;
  return length >= 45 && length + 20 >= nxt.replace(/\s+/g, ' ').length && length + 1 + firstWord >= FULL_LINE * width && !/[.:!?\]]$/.test(cur);
}

/** How much of the column a wrapped line and the next line's first word fill at least: proportional fonts fit more narrow letters on a line. */
const FULL_LINE = 0.85;

/**
 * A text's column width in characters: the length most of its longer lines reach (the 90th percentile of the
 * lines of 30 characters or more), so one line of a table run together does not set it. A text of a few lines
 * has no column to speak of: 0, and only the other signs decide.
 */
function columnWidth(folded: string[]): number {
  // Counted by length, not sorted: one walk over the lines. Past COLUMN_CAP characters a line is a paragraph, not a column.
  const counts = new Array<number>(COLUMN_CAP + 1).fill(0);
  let total = 0;
  for (const line of folded) {
    if (line.length < 30) continue;
    const at = Math.min(line.length, COLUMN_CAP);
    counts[at] = (counts[at] ?? 0) + 1;
    total += 1;
  }
  if (total < 5) return 0;
  const rank = Math.floor(0.9 * (total - 1));
  let seen = 0;
  for (let length = 30; length <= COLUMN_CAP; length++) {
    seen += counts[length] ?? 0;
    if (seen > rank) return length;
  }
  return COLUMN_CAP;
}

/** Lines longer than this are paragraphs run into one line: they count as this long for the column width. */
const COLUMN_CAP = 400;

function* splittingLines(input: MappedText, work: Work): Steps<MappedText[]> {
  const lines: MappedText[] = [];
  let start = 0;
  for (let i = 0; i <= input.text.length; i++) {
    if (i === input.text.length || input.text[i] === '\n') {
      if (lines.length % LINES_PER_STEP === 0) yield;
      work.charge(i - start + LINE_UNITS);
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

/**
 * Join wrapped lines and hyphenated words; keep headings, list items and paragraphs apart.
 * `folded`: each line's foldedLine. A step every LINES_PER_STEP lines.
 */
function* joiningLines(lines: MappedText[], folded: string[], work: Work): Steps<MappedText> {
  const chars: string[] = [];
  const map: number[] = [];
  const append = (part: MappedText) => {
    for (let i = 0; i < part.text.length; i++) {
      chars.push(part.text[i] ?? '');
      map.push(part.map[i] ?? 0);
    }
  };
  const tail = () => chars.slice(-60).join('');
  const width = columnWidth(folded);
  let words: Set<string> | undefined;
  const knownWhole = (word: string) => {
    if (!words) {
      const all = lines.map((l) => l.text).join('\n');
      work.charge(all.length);
      words = wordsOf(all);
    }
    const whole = fold(word);
    return words.has(whole) || DECISION_WORD.test(whole);
  };
  // The line joined last: a blank line inside a sentence is passed over, so the next line joins the one before it.
  let last = -1;
  for (const [i, raw] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(raw.text.length + LINE_UNITS);
    if (joinLine(raw, i)) last = i;
  }
  return { text: chars.join(''), map };

  /** Appends line i; false when it is passed over. */
  function joinLine(raw: MappedText, i: number): boolean {
    const line = trimEnd(raw);
    const previous = lines[last];
    if (!previous) {
      append(line);
      return true;
    }
    // One blank line separates paragraphs as well as a thousand: keep one, so runs stay bounded.
    if (line.text === '' && previous.text.trim() === '') return false;
    if (line.text === '' && blankInsideSentence(last, i)) return false;
    joinAfter(previous, line, folded[last] ?? '', folded[i] ?? '');
    return true;
  }

  /**
   * A blank line the PDF put inside a sentence ("… i uppdrag att", blank, "ta fram en handlingsplan"): the
   * line before it cannot end a sentence (OPEN_END, a colon aside: "beslutar:" may end a label) and the next
   * text line, within BLANK_LINES_IN_SENTENCE, would wrap onto it. A blank line between the points of an
   * att-list ("att godkänna lägesrapporten,", blank, "att uppdra åt …") still parts them: each point is read,
   * and shown to the clerk, on its own.
   */
  function blankInsideSentence(before: number, blank: number): boolean {
    const cur = folded[before] ?? '';
    if (!OPEN_END.test(cur) || /:\s*$/.test(cur)) return false;
    for (let j = blank + 1; j <= blank + BLANK_LINES_IN_SENTENCE && j < lines.length; j++) {
      const next = lines[j]?.text ?? '';
      if (next.trim() === '') continue;
      if (ATT_LINE.test(folded[j] ?? '') && LIST_JOINT.test(cur)) return false;
      return /^\s*\p{Ll}/u.test(next) && wraps(lines[before]?.text ?? '', next, cur, folded[j] ?? '', width);
    }
    return false;
  }

  function joinAfter(previous: MappedText, line: MappedText, previousFolded: string, lineFolded: string): void {
    const breakAt = (map.at(-1) ?? 0) + 1;
    const hyphen = chars.at(-1) === '-' ? /(\p{L}+)-$/u.exec(tail()) : null;
    const nextWord = /^\s*(\p{Ll}\p{L}*)/u.exec(line.text)?.[1];
    const bothText = previous.text.trim() !== '' && line.text.trim() !== '';
    if (bothText && hyphen && nextWord) {
      const fragment = hyphen[1] ?? '';
      const read = brokenWord(fragment, nextWord);
      // Two lower-case letters before the break are a syllable ("se-" + "nast", "be-" + "redskap") when they hold a vowel
      // or the whole word is one the text writes elsewhere; a short word of its own ("it-stöd", "ai-verktyg") keeps its hyphen.
      const short = read === 'keepHyphen' && /^\p{Ll}{2}$/u.test(fragment);
      const syllable = short && ((/[aeiouyåäö]/.test(fragment) && !STANDALONE_STEMS.has(fragment)) || knownWhole(fragment + nextWord));
      const reading = syllable ? 'join' : read;
      if (reading === 'twoWords') {
        chars.push(' ');
        map.push(breakAt);
      } else if (reading === 'join') {
        chars.pop();
        map.pop();
      }
      return append(trimStart(line));
    }
    if (bothText && wraps(previous.text, line.text, previousFolded, lineFolded, width)) {
      chars.push(' ');
      map.push(breakAt);
      return append(trimStart(line));
    }
    chars.push('\n');
    map.push(breakAt);
    append(line);
  }
}

/** A margin label and the text beside it, a column gap apart: "Beslut   Kommunstyrelsen ger …". */
const LABEL_COLUMN = /^(\s*\S.{0,40}?)\s{3,}(?=\S)/;
/** A date alone: a letterhead's, beside its sender ("Länsstyrelsen i Ekby län   2027-04-01"). */
const LONE_DATE = /^\s*(?:\d{4}-\d{2}-\d{2}|(?:den )?\d{1,2} [a-z]+ \d{4})\s*$/;

/**
 * A line whose margin holds a section's label ("Beslut", "Ärendebeskrivning", "Förslag till beslut") beside its first
 * line of text, or (`inHeader`) a letter's sender beside its date, as a PDF read in its layout puts them: two lines, as
 * the page shows them. A table's row ("KS 2027/14   2027-01-24   Motion om …") stays one line.
 */
function labelColumn(line: MappedText, inHeader: boolean): MappedText[] {
  const m = LABEL_COLUMN.exec(line.text);
  const label = m?.[1];
  if (!m || !label) return [line];
  const rest = slice(line, m[0].length, line.text.length);
  const heading = readHeading(foldedLine(label));
  const labelled = heading && heading.length >= foldedLine(label).length;
  // A date beside its sender only in a letter's head, and only beside a sender: "Motion om laddstolpar      2027-01-24" is a
  // register's row.
  const sender = inHeader && SENDER.test(foldedLine(label)) && LONE_DATE.test(foldedLine(rest.text));
  if (!labelled && !sender) return [line];
  return [slice(line, 0, label.length), rest];
}

/** A letter's sender (folded): an authority, a municipality or region, or one of their bodies and offices. */
const SENDER = /^(?!motion)(?:.*\s)?\p{L}*(?:lansstyrelsen|kommun|region|landsting|forvaltning|namnd|styrelse|departement|verk|myndighet|kontor|inspektion)/u;
/** A letter's head: its first lines, where a sender stands beside the date. */
const LETTER_HEAD_LINES = 8;

/**
 * A point opening inside a line: a number after a sentence's end ("… 17 augusti: 1. Att …"), a bullet ("… jobb. • SD-gruppen …",
 * "… Nyhedsskolan • uppdateringar …"), or an entry after a bracketed remark closing the one before ("… [yttrande senast 12 mars
 * 2018] Neptuni åkrar …", as a länsstyrelse lists its kungörelser).
 */
const RUN_IN_POINT = /(?<=[.:!?])[ ]+(?=(?:[1-9]|1\d)\.[ ]+\p{Lu})|(?<=\S)[ ]+(?=[•▪][ ])|(?<=\[(?:yttrande|överklagas|synpunkter)[^\]\n]{1,40}\])[ ]+(?=\p{Lu})/gu;

/**
 * A list run into one line, as a page pasted run together has it ("Kommunstyrelsen beslutade bl a följande: 1. Att …
 * 2. Att …"): each point on a line of its own again, as the page showed it. Only a line with two points or more, so a
 * lone "3. Kap" after a full stop stays. Linear: the points, their lines and the rewrite are each one walk over the text.
 */
function listsApart(input: MappedText, work: Work): MappedText {
  work.charge(input.text.length);
  const points = [...input.text.matchAll(RUN_IN_POINT)].map((m) => m.index);
  if (points.length < 2) return input;
  // Each point's line, numbered in one walk over the text: the next line break is looked for only once a point passes it.
  const lineOfPoint: number[] = [];
  let line = 0;
  let nextBreak = input.text.indexOf('\n');
  for (const at of points) {
    while (nextBreak !== -1 && nextBreak < at) {
      line += 1;
      nextBreak = input.text.indexOf('\n', nextBreak + 1);
    }
    lineOfPoint.push(line);
  }
  const perLine = new Map<number, number>();
  for (const l of lineOfPoint) perLine.set(l, (perLine.get(l) ?? 0) + 1);
  const apart = new Set(points.filter((_, i) => (perLine.get(lineOfPoint[i] ?? -1) ?? 0) >= 2));
  return rewrite(input, RUN_IN_POINT, (m) => (apart.has(m.index) ? '\n' : m[0]), work);
}

/** A § opened inside a run-in line, its organ's letters before it where written: "… till handlingarna. KS § 12 Motion om …". */
const RUN_IN_PARAGRAPH = /(?<=[^\s\d§]) +(?=(?:\p{Lu}{2,6} +)?§ ?\d{1,4}\.? +\p{Lu}\p{Ll})/gu;
/** A numbered point inside a run-in line, after any word ("… Beslut: Enligt förslag 15. Yttrande över …"): group 1 its number. */
const RUN_IN_NUMBER = /(?<=\S) +(?=(\d{1,2})[.)] +\p{Lu})/gu;
/** A dash point after a sentence's end inside a run-in line: "… i kommunstyrelsen. - Kommunstyrelsen uppdrar …". */
const RUN_IN_DASH = /(?<=[.:;]) +(?=[-–] +\p{Lu})/gu;
/**
 * A capitalised label of up to six words inside a run-in line, then a colon or a capital or a numbered point: "… 2016
 * Beslutsunderlag Taxor …", "… Enligt förslag Beslut: Enligt förslag", "… (SOU 2008:90) Ärendet Den 5 juli …",
 * "… Socialnämndens förslag till beslut 1. Granskningen …". Group 1 the label, group 2 its colon; whether it is a
 * section's label is readHeading's to say.
 */
const RUN_IN_LABEL = /(?<=\S) +(?=(\p{Lu}[\p{Ll}-]+(?: [\p{Ll}-]+){0,5})(:?) +(?:\p{Lu}|\d{1,2}[.)] +\p{Lu}))/gu;
/**
 * A list of documents' label ("Beslutsunderlag", "Bilagor"): run in, where its list ends cannot be seen, and the decision
 * a PDF runs into it ("… 2015 KS teknik och service - Kommunstyrelsen uppdrar …") would be read as the list's; it stays run in.
 */
const DOCUMENT_LIST = /^(?:beslutsunderlag|underlag|handlingar|bilagor|bilaga)$/;
/** The most a point's number may step over the one before it and still be the same list ("15. Yttrande …", then "19. Yttrande …"). */
const NUMBER_STEP = 4;

/**
 * The layout of a page run into one line (a PDF or a web page pasted without its line breaks: a line longer than
 * COLUMN_CAP) read back: a line break before each § opening, each section label ("Beslutsunderlag", "Beslut:") and after
 * a label with no colon, before each point of a numbered list (a number next to the one before or after it, or a few past a
 * point of the list, so "punkt 3. …" and "punkt 7. …" in sentences stay) and before a dash point after a sentence's end. Only
 * spaces become line breaks, so every offset maps back; shorter lines are kept as they are. Linear: each pattern is one
 * walk over the long lines, the rewrite one over the text.
 */
function runInApart(input: MappedText, work: Work): MappedText {
  work.charge(input.text.length);
  const breaks = new Set<number>();
  let lineStart = 0;
  for (let i = 0; i <= input.text.length; i++) {
    if (i < input.text.length && input.text[i] !== '\n') continue;
    if (i - lineStart > COLUMN_CAP) breaksIn(input.text.slice(lineStart, i), lineStart, breaks, work);
    lineStart = i + 1;
  }
  if (!breaks.size) return input;
  return rewrite(input, / /g, (m) => (breaks.has(m.index) ? '\n' : ' '), work);
}

/** The spaces of one run-in line (at `offset` in the text) that are line breaks; see runInApart. */
function breaksIn(line: string, offset: number, breaks: Set<number>, work: Work): void {
  work.charge(4 * line.length);
  for (const m of line.matchAll(RUN_IN_PARAGRAPH)) breaks.add(offset + m.index);
  for (const m of line.matchAll(RUN_IN_DASH)) breaks.add(offset + m.index);
  const numbers = [...line.matchAll(RUN_IN_NUMBER)].map((m) => ({ at: m.index, n: Number(m[1]) }));
  // A point is the list's when the number before it or after it is its neighbour; then one that steps a little past it
  // ("14. …", "15. …", "19. …", as a page listing only some items has it) goes on with the list.
  const listed = numbers.map((point, k) => numbers[k - 1]?.n === point.n - 1 || numbers[k + 1]?.n === point.n + 1);
  numbers.forEach((point, k) => {
    const step = point.n - (numbers[k - 1]?.n ?? Infinity);
    listed[k] ||= !!listed[k - 1] && step > 0 && step <= NUMBER_STEP;
    if (listed[k]) breaks.add(offset + point.at);
  });
  for (const m of line.matchAll(RUN_IN_LABEL)) {
    const label = m[1] ?? '';
    const heading = readHeading(foldedLine(m[2] ? `${label}:` : label));
    if (!heading || heading.length < foldedLine(label).length || DOCUMENT_LIST.test(foldedLine(label))) continue;
    breaks.add(offset + m.index);
    // A label without its colon stands on a line of its own, as the page showed it; one with a colon keeps its text.
    if (!m[2]) breaks.add(offset + m.index + m[0].length + label.length);
  }
}

/**
 * Repair PDF-pasted text for the rules, keeping the way back to the submitted characters; a step
 * (see Steps) after each pass over the text.
 */
export function* normalizing(original: string, work: Work): Steps<NormalizedText> {
  const repaired = listsApart(runInApart(yield* repairingCharacters(identity(original), work), work), work);
  yield;
  // Splitting, header detection, joining and folding: four passes over the text, each charged as it goes.
  const lines = yield* splittingLines(repaired, work);
  const folded: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(line.text.length + LINE_UNITS);
    folded.push(foldedLine(line.text));
  }
  const repeated = yield* repeatedHeaders(lines, folded, work);
  const furniture: string[] = [];
  const content: MappedText[] = [];
  const contentFolded: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    work.charge(LINE_UNITS);
    const key = folded[i] ?? '';
    const pageMark = PAGE_MARK.test(key) && key.length <= FURNITURE_LINE_LENGTH;
    const isFurniture = key !== '' && (pageMark || SIGNATURE.test(key) || repeated.has(key.replace(/\d+/g, '#')));
    if (isFurniture) furniture.push(line.text.trim().replace(/\s+/g, ' '));
    else {
      const text = rewrite(line, INLINE_FURNITURE, () => ' ', work);
      for (const part of labelColumn(text, content.length < LETTER_HEAD_LINES)) {
        content.push(part);
        contentFolded.push(part === line ? key : foldedLine(part.text));
      }
    }
  }
  yield;
  const joinedLines = yield* joiningLines(content, contentFolded, work);
  yield;
  const joined = yield* repairingWords(joinedLines, work);
  yield;
  work.charge(joined.text.length);
  return { ...joined, folded: fold(joined.text), furniture };
}

/** normalizing, all at once. */
export function normalizeText(original: string, work = new Work()): NormalizedText {
  return runSteps(normalizing(original, work));
}

/** Offsets in the submitted text of the repaired span [start, end). */
export function originalSpan(text: MappedText, start: number, end: number): { start: number; end: number } {
  const first = text.map[start] ?? 0;
  const last = text.map[Math.max(start, end - 1)] ?? first;
  return { start: first, end: last + 1 };
}
