import { SPREADSHEET_TYPES } from '../views/spreadsheets/table';

/**
 * What routes that export say in their contracts: the spreadsheet forms they answer besides JSON
 * and the refusal of an answer too large for Lambda. Apart from the writer (./download.ts), so a
 * contract does not bring the XLSX writer into every bundle.
 */
export const SPREADSHEET_ANSWERS = {
  types: SPREADSHEET_TYPES,
  tooLarge: {
    description:
      'The answer would be over the 6 MB Lambda can return (`response_too_large`): the message says whether asking for it compressed (`Accept-Encoding: gzip`) would do, or the selection must be narrowed',
  },
} as const;

/** How the CSV and XLSX forms of an export are written, for the contracts' descriptions. */
export const EXPORTS_DESCRIPTION =
  '`Accept: text/csv` gives a file for Swedish Excel (`;`, UTF-8 with BOM, CRLF), `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` an XLSX workbook with the same Swedish headers (identifiers as text cells, dates as date cells). With `Accept-Encoding: gzip`, answers of 1 KiB or more come gzip-compressed: a large export fits through Lambda only so.';
