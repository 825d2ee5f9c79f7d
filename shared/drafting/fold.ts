/**
 * Diacritic-insensitive matching: PDF extraction often loses å/ä/ö ("mans vald" for "mäns våld"),
 * so every rule matches on a folded copy of the same length, where offsets stay valid.
 */
const FOLD: Record<string, string> = {
  å: 'a', ä: 'a', à: 'a', á: 'a', â: 'a',
  ö: 'o', ø: 'o', ô: 'o', ó: 'o', ò: 'o',
  é: 'e', è: 'e', ê: 'e', ë: 'e',
  ü: 'u', ú: 'u',
};

const DIACRITIC = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Lower case without diacritics, one character for one character. */
export function fold(text: string): string {
  // Fast path: no character changes length in lower case (only a few, such as "İ", do).
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(DIACRITIC, (ch) => FOLD[ch] ?? ch);
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const single = lower.length === ch.length ? lower : ch;
    out += FOLD[single] ?? single;
  }
  return out;
}
