/**
 * Simulated layout damage, for measuring how well the drafting rules hold when a text reaches them laid out
 * otherwise than the corpus has it (`npm run eval:drafts -- --damage`). Each damage is one a pasted PDF or web page
 * really shows: long lines broken at a narrower column, words hyphenated at those breaks, a margin label set beside
 * its text, a page's footer and page mark every so many lines, § signs lost, and (the extreme) a page run into one line.
 * Deterministic: the same text always takes the same damage.
 */

/** Where a word may be hyphenated: before each consonant between two vowels ("återrapporte-rar", "organi-sationen"). */
function syllableBreaks(word: string): number[] {
  const vowel = (c: string | undefined) => !!c && /[aeiouyåäöé]/i.test(c);
  const breaks: number[] = [];
  for (let i = 2; i < word.length - 2; i++) if (vowel(word[i - 1]) && !vowel(word[i]) && vowel(word[i + 1])) breaks.push(i);
  return breaks;
}

/**
 * One line broken into lines of at most `width` characters at spaces; with `hyphenate`, a word of lower-case letters that
 * does not fit is split with a hyphen at its last syllable break that fits, as a word processor does. A line that fits is
 * kept as it is, its column gaps and indent too.
 */
function breakLine(line: string, width: number, hyphenate: boolean): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    if (!current || current.length + 1 + word.length <= width) {
      current = current ? `${current} ${word}` : word;
      continue;
    }
    const at = hyphenate && /^\p{Ll}+$/u.test(word) ? syllableBreaks(word).findLast((i) => current.length + 1 + i + 1 <= width) : undefined;
    if (at !== undefined) {
      out.push(`${current} ${word.slice(0, at)}-`);
      current = word.slice(at);
      continue;
    }
    out.push(current);
    current = word;
  }
  out.push(current);
  return out;
}

const breakLines = (width: number, hyphenate: boolean) => (text: string) =>
  text
    .split('\n')
    .flatMap((line) => (line.trim() ? breakLine(line, width, hyphenate) : [line]))
    .join('\n');

/** A short line without a full stop set beside the next line, as a layout's margin column puts a label beside its text. */
function marginLabels(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    const label = line.trim();
    if (next?.trim() && label && label.length <= 25 && !/[.:]$/.test(label) && !label.includes('§')) {
      out.push(`${label.padEnd(28)}${next.trim()}`);
      i++;
    } else out.push(line);
  }
  return out.join('\n');
}

/** Every 18th line, a page's signature footer and page mark, as a PDF of several pages has them between its lines. */
function pageFurniture(text: string): string {
  return text
    .split('\n')
    .flatMap((line, i) => (i > 0 && i % 18 === 0 ? ['', 'Justerandes sign        Utdragsbestyrkande', '', `Sida ${i / 18 + 1} av 9`, line] : [line]))
    .join('\n');
}

/** The damages, by the name `--damage` prints. */
export const DAMAGES: Record<string, (text: string) => string> = {
  'lines broken at 70 characters': breakLines(70, false),
  'lines broken at 50, words hyphenated': breakLines(50, true),
  'margin labels beside their text': marginLabels,
  'page footers and page marks': pageFurniture,
  '§ signs lost': (text) => text.replace(/§\s*/g, ''),
  'the page run into one line': (text) => text.replace(/\s+/g, ' '),
};
