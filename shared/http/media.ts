import { SPREADSHEET_TYPES, XLSX_TYPE } from '../views/spreadsheets/table';

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

/** A protokoll sent as a file (`POST /uppdrag/drafts`). */
export const PDF_TYPE = 'application/pdf';

/**
 * The largest PDF the deployed path takes, in bytes: 4,694,016 (about 4.5 MB).
 *
 * API Gateway's HTTP API takes a body of at most 10 MB, but it hands a binary body to Lambda
 * base64-encoded, 4 bytes for every 3, inside the event, and a synchronous Lambda invocation
 * takes at most 6 MB (6 × 1,024 × 1,024 = 6,291,456 bytes) of event. The rest of the event is
 * bounded by API Gateway's 10,240 bytes of request line and headers, which the event carries
 * once as headers and once more as the bearer token's claims, plus the request context: 32 KiB
 * (32,768 bytes) covers it. So the body's base64 has at most 6,291,456 − 32,768 = 6,258,688
 * bytes, and the PDF 6,258,688 / 4 × 3 = 4,694,016. Lambda's limit, not API Gateway's, binds.
 * (AWS: "Quotas for configuring and running an HTTP API"; Lambda quotas, "Invocation payload".)
 */
export const PDF_MAX_BYTES = ((6 * 1024 * 1024 - 32 * 1024) / 4) * 3;

/**
 * The largest backlog file `POST /imports` takes, in bytes: 1 MiB, far more than its 250 rows
 * need as CSV or XLSX (about 60 kB), and well within what reaches Lambda.
 */
export const IMPORT_MAX_BYTES = 1024 * 1024;

/** The files `POST /imports` reads: the item export's own forms. */
export const IMPORT_TYPES = ['text/csv', XLSX_TYPE] as const;
