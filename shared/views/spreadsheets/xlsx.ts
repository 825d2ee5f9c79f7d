import { PassThrough } from 'node:stream';
import { cleanText } from '../../domain/text';
import type { Sheet } from './table';

/** Excel's number formats: `@` keeps a cell text when someone edits it; dates as ISO dates. */
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';

const WIDTHS = { text: 30, identifier: 16, date: 12, integer: 10 } as const;

/**
 * The sheet as an XLSX workbook (exceljs), the same columns and Swedish headers as its CSV:
 * identifiers as text cells (format `@`, so "0123" stays "0123"), dates as date cells (UTC
 * midnight of the calendar date, format `yyyy-mm-dd`), integers as numbers, text cleaned of
 * invisible and control characters as in the CSV. A text cell starting with "=" stays text:
 * XLSX keeps values and formulas apart, so nothing needs neutralizing. The header row is frozen
 * and filterable. Written row by row (exceljs' streaming writer): 20,000 rows need tens of MB,
 * not the hundreds a workbook held in memory does.
 */
export async function sheetXlsx<Row>(sheet: Sheet<Row>, rows: readonly Row[]): Promise<Buffer> {
  // Loaded when a workbook is asked for, so functions answering JSON do not pay for it at start.
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({
    header: c.header,
    width: Math.max(WIDTHS[c.type], c.header.length + 2),
    ...(c.type === 'identifier' ? { style: { numFmt: TEXT_FORMAT } } : c.type === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    worksheet
      .addRow(
        sheet.columns.map((c) => {
          const value = c.value(row);
          if (value === undefined) return null;
          if (c.type === 'date') return new Date(`${value}T00:00:00Z`);
          return typeof value === 'number' ? value : cleanText(value);
        }),
      )
      .commit();
  }
  worksheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
