import { stringify } from 'csv-stringify/sync';
import { cleanText } from '../../domain/text';
import type { Sheet } from './table';

/**
 * A cell a spreadsheet would run as a formula: one starting with =, +, -, @, a tab, CR or LF, also
 * after leading spaces (OWASP, "CSV Injection"). Checked once invisible characters are gone, so a
 * zero-width space or a direction mark in front of "=" does not hide it.
 */
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@])/;

/** A text cell: invisible formatting and control characters removed (as in emails), a formula neutralized. */
function cell(value: string): string {
  const text = cleanText(value);
  return FORMULA.test(text) ? `'${text}` : text;
}

/**
 * CSV that Swedish Excel opens as it is: `;` separators, UTF-8 with a byte-order mark, CRLF,
 * every text field quoted. A text cell that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) is neutralized with a leading apostrophe; bidi overrides and zero-width
 * characters are removed, as they are from emails.
 */
export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_string: true,
    quoted_match: /[\r\n]/,
    cast: { string: cell },
  });
}

/** The sheet as CSV for Swedish Excel (`toCsv`: `;`, UTF-8 with BOM, formulas neutralized). */
export function sheetCsv<Row>(sheet: Sheet<Row>, rows: readonly Row[]): string {
  return toCsv(
    sheet.columns.map((c) => c.header),
    rows.map((row) => sheet.columns.map((c) => c.value(row))),
  );
}
