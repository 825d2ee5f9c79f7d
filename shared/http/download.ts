import { PAGE_HEADERS } from '../views/pages/layout';
import { sheetCsv, SPREADSHEET_TYPES, XLSX_TYPE, type Sheet, type SpreadsheetType } from '../views/spreadsheets/table';
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
  return { statusCode: 200, headers, body: sheetCsv(sheet, rows) };
}

/**
 * A report as the caller's Accept asks: JSON, a spreadsheet of its rows (CSV or XLSX), or its
 * printable page, sent with `pageHeaders` (the signed pages' own by default). `page` may be
 * asynchronous, so that a page's heavy parts (the statistics' charts) load only when asked for.
 */
export async function reportAnswer<Row, T>(
  accept: string | undefined,
  report: T,
  as: { sheet: Sheet<Row>; rows: (report: T) => readonly Row[]; page: (report: T) => string | Promise<string>; pageHeaders?: Readonly<Record<string, string>>; basename: string },
): Promise<ApiResult> {
  const type = negotiate(accept, ['application/json', ...SPREADSHEET_TYPES, 'text/html'] as const);
  if (type === 'text/html') return { statusCode: 200, headers: { ...(as.pageHeaders ?? PAGE_HEADERS) }, body: await as.page(report) };
  if (type === 'application/json') return json(200, report);
  return spreadsheet(type, as.sheet, as.rows(report), as.basename);
}

/** A name in a file name: ASCII only (KSAU, BUN, MBN-AU; Å, Ä, Ö lose their marks). */
export const fileSafe = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');
