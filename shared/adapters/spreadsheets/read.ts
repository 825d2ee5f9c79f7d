import type { CellValue } from 'exceljs';
import { DomainError } from '../../domain/errors';
import type { SheetRow, SheetTable } from '../../application/imports/ports';

/** The two forms a spreadsheet is uploaded in: an Excel workbook, or CSV. */
export type SpreadsheetFormat = 'xlsx' | 'csv';

const unreadable = (format: SpreadsheetFormat, cause: unknown) =>
  new DomainError(
    'invalid',
    'spreadsheet_unreadable',
    format === 'xlsx'
      ? 'Filen går inte att läsa som en Excel-arbetsbok (.xlsx). Spara den i Excel som Excel-arbetsbok eller som CSV och ladda upp den igen.'
      : 'CSV-filen går inte att läsa. Spara den i Excel som CSV (semikolonavgränsad) och ladda upp den igen.',
    { cause },
  );

/** A calendar date written as a date cell: exceljs gives it as the UTC midnight of that date. */
const cellDate = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** A workbook cell as text: a formula by its result, a link or rich text by what it shows, an error as Excel writes it (#N/A). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return cellDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // A typed address becomes a mailto link in Excel; its text may itself be rich text.
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  return cellText(value.result);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetTable> {
  // Loaded when a workbook is uploaded, as for exports (shared/views/spreadsheets/xlsx.ts).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('xlsx', error);
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { rows: [] };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1));
    const merged = cells.flatMap((cell, i) => (cell.isMerged ? [i] : []));
    rows.push({ row: number, cells: cells.map((cell) => cellText(cell.value)), ...(merged.length ? { merged } : {}) });
  });
  return {
    rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')),
    sheets: { read: sheet.name, others: book.worksheets.slice(1).map((other) => other.name) },
  };
}

/**
 * CSV text: UTF-8 with or without a byte-order mark; what is not UTF-8 is read as Windows-1252,
 * which Swedish Excel's "CSV (semikolonavgränsad)" writes. The separator is `;` (Swedish Excel) or `,`,
 * whichever a line among the first 10 has the most of.
 */
async function readCsv(bytes: Uint8Array): Promise<SheetTable> {
  // An Excel workbook is a ZIP file: sent as CSV, say so rather than find no column names in it.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new DomainError('invalid', 'spreadsheet_is_xlsx', 'Filen är en Excel-arbetsbok (.xlsx), inte CSV. Skicka den som Excel-arbetsbok, eller spara den som CSV.');
  }
  // Loaded when a file is uploaded, as exceljs is, not at every cold start of the items function.
  const { CsvError, parse } = await import('csv-parse/sync');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  // Replacement characters: letters lost before the file reached us (a Windows-1252 file sent as text through API
  // Gateway, which passes text bodies on as UTF-8). Refused, so that no "Ã¥" or "�" is registered as a title.
  if (text.includes('\uFFFD')) {
    throw new DomainError(
      'invalid',
      'csv_not_utf8',
      'Filen har tecken som gått förlorade på vägen (å, ä och ö), eftersom den inte är sparad som UTF-8. Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och skicka den igen, eller ladda upp den under Importera i arbetsytan.',
    );
  }
  // A title line may stand above the column names: the separator is the one the first lines use most of.
  const firstLines = text.split(/\r?\n/, 10);
  const most = (separator: string) => Math.max(...firstLines.map((line) => line.split(separator).length - 1));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: most(';') >= most(',') && most(';') > 0 ? ';' : ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    // No line named: for a quote never closed, the parser only knows where the file ended.
    if (error instanceof CsvError) throw unreadable('csv', error);
    throw error;
  }
  return {
    // Excel shows each record as one row, an empty line too: record i is row i + 1.
    rows: records.map((cells, i) => ({ row: i + 1, cells })).filter((row) => row.cells.some((cell) => cell.trim() !== '')),
  };
}

/**
 * The first worksheet of an XLSX workbook (exceljs), or a CSV file (csv-parse), as a table of
 * text cells (see `SheetTable`): every row with a value, numbered as the spreadsheet numbers it,
 * each cell of a merged range marked (`merged`). Date cells become YYYY-MM-DD; numbers their
 * digits; formulas their results; text cells stay text as they are. Throws `DomainError` `invalid` `spreadsheet_unreadable` when the file is not a
 * workbook, or not CSV, as `format` says.
 */
export async function readSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormat): Promise<SheetTable> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
