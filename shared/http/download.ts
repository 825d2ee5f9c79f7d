import { PAGE_HEADERS } from '../views/pages/layout';
import { SPREADSHEET_TYPES, XLSX_TYPE, type Sheet, type SpreadsheetType } from '../views/spreadsheets/table';
import { sheetXlsx } from '../views/spreadsheets/xlsx';
import type { ApiResult } from './contract';
import { negotiate } from './negotiation';
import { json } from './problems';

// Apart from api.ts, so that only the functions that export bundle the XLSX writer.

/**
 * An export as a file to download: CSV for Swedish Excel (`<basename>.csv`) or an XLSX workbook
 * (`<basename>.xlsx`, base64 as Lambda returns binary), the same sheet either way.
 */
export async function spreadsheet<Row>(type: SpreadsheetType, sheet: Sheet<Row>, rows: readonly Row[], basename: string): Promise<ApiResult> {
  const xlsx = type === XLSX_TYPE;
  const headers = {
    'content-type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${basename}.${xlsx ? 'xlsx' : 'csv'}"`,
    'cache-control': 'no-store',
  };
  if (xlsx) return { statusCode: 200, headers, body: (await sheetXlsx(sheet, rows)).toString('base64'), isBase64Encoded: true };
  // The CSV writer (csv-stringify) is a chunk of its own, as the XLSX writer's workbook library is: only exports load it.
  const { sheetCsv } = await import('../views/spreadsheets/csv');
  return { statusCode: 200, headers, body: sheetCsv(sheet, rows) };
}

/** How a report is answered as a file or a page: its sheet and rows, its printable page (and that page's headers), its file name. */
export interface ReportShapes<Row, T> {
  sheet: Sheet<Row>;
  rows: (report: T) => readonly Row[];
  /** May be asynchronous, so that a page's heavy parts (the statistics' charts) load only when asked for. */
  page: (report: T) => string | Promise<string>;
  /** The page's headers; the signed pages' own (PAGE_HEADERS) by default. */
  pageHeaders?: Readonly<Record<string, string>>;
  /** The file name without its extension: `balanslista-2027-05-15`. */
  basename: (report: T) => string;
}

/** The media a report is answered in: JSON, a spreadsheet of its rows (CSV or XLSX), or its printable page. */
export type ReportMedia = 'application/json' | SpreadsheetType | 'text/html';

/** A report in the medium chosen: its JSON, its rows as a file to download, or its printable page. */
export async function reportAs<Row, T>(type: ReportMedia, report: T, as: ReportShapes<Row, T>): Promise<ApiResult> {
  if (type === 'text/html') return { statusCode: 200, headers: { ...(as.pageHeaders ?? PAGE_HEADERS) }, body: await as.page(report) };
  if (type === 'application/json') return json(200, report);
  return spreadsheet(type, as.sheet, as.rows(report), as.basename(report));
}

/** A report as the caller's Accept asks (the API, `GET /reports/*`): JSON, CSV, XLSX or the printable page. */
export const reportAnswer = <Row, T>(accept: string | undefined, report: T, as: ReportShapes<Row, T>): Promise<ApiResult> =>
  reportAs(negotiate(accept, ['application/json', ...SPREADSHEET_TYPES, 'text/html'] as const), report, as);

/** A name in a file name: ASCII only (KSAU, BUN, MBN-AU; Å, Ä, Ö lose their marks). */
export const fileSafe = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');
