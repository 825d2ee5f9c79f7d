import { stringify } from 'csv-stringify/sync';

/**
 * CSV that Swedish Excel opens as it is: `;` separators, UTF-8 with a byte-order mark, CRLF,
 * every text field quoted. A text cell that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) is neutralized with a leading apostrophe.
 */
export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_string: true,
    quoted_match: /[\r\n]/,
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  });
}
