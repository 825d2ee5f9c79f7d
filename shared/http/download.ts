import { sheetCsv, XLSX_TYPE, type Sheet, type SpreadsheetType } from '../views/spreadsheets/table';
import { sheetXlsx } from '../views/spreadsheets/xlsx';
import type { ApiResult } from './api';

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
