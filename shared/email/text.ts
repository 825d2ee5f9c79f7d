/** Bidi overrides and isolates, zero-width characters and the BOM: invisible, and able to disguise text. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Control characters and Unicode line and paragraph separators. */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** User text for a body: invisible formatting characters removed, line breaks kept. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** User text for a header or a one-line field: no line break can survive, length capped. */
export function oneLine(value: string, max = 150): string {
  const flat = cleanText(value).replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
