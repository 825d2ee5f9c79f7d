/** Text people typed, made safe to show: no invisible or control characters, one line where one is wanted. */
/**
 * Bidi marks, overrides and isolates, zero-width characters, word joiners and the BOM: invisible,
 * and able to make text read differently from what it says (a title ending "\u202Egnp.exe").
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Every way to break a line: CR, LF, NEL, the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Control characters other than the line feed and the tab that `cleanText` keeps. */
const OTHER_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** User text for a body: invisible formatting and control characters removed, line breaks kept as `\n`. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').replace(LINE_BREAK, '\n').replace(OTHER_CONTROL, '');
}

/** At most `max` characters, the last one "…" when cut. Cut by code point, so no emoji is split in half. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : value;
}

/** User text for a header or a one-line field: no line break survives, and at most `max` characters. */
export function oneLine(value: string, max: number): string {
  return truncate(cleanText(value).replace(/\s+/g, ' ').trim(), max);
}

/** Longest subject line: long enough for the count and the next deadline, short enough for a phone's inbox. */
export const MAX_SUBJECT_LENGTH = 150;

let swedishCollator: Intl.Collator | undefined;
/**
 * Swedish alphabetical order: å, ä, ö last, "KS 9" before "KS 10", case and accents ignored
 * (`Intl.Collator('sv')`). The collator is made at the first comparison: making it loads ICU's
 * Swedish rules, about 5 ms that a cold start serving no sorted list need not pay.
 */
export const swedishOrder = {
  compare: (a: string, b: string): number => (swedishCollator ??= new Intl.Collator('sv', { sensitivity: 'base', numeric: true })).compare(a, b),
};
