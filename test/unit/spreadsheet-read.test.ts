/**
 * Reading an uploaded spreadsheet (issue 20): an Excel workbook as Excel leaves it (date cells,
 * numbers where identifiers were typed, links, formulas) and CSV as Swedish Excel saves it, each
 * as rows of text numbered as the spreadsheet numbers them.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../shared/adapters/spreadsheets/read';
import { DomainError } from '../../shared/domain/errors';

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Uppdrag');
  rows.forEach((row, i) => {
    if (row.length) sheet.getRow(i + 1).values = row;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(read: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('an Excel workbook', () => {
  it('reads date cells as dates, typed numbers as their digits, links and rich text as what they show, formulas as their results', async () => {
    const bytes = await workbook([
      ['Typ', 'Rubrik', 'Diarienummer', 'Paragraf', 'E-post', 'Tidsfrist', 'Beslutsdatum'],
      [
        'Uppdrag',
        { richText: [{ text: 'Ta fram ' }, { text: 'riktlinjer', font: { bold: true } }] },
        123, // "0123" typed into a number cell: Excel keeps 123
        17,
        { text: 'kim.berg@kommun.example.se', hyperlink: 'mailto:kim.berg@kommun.example.se' },
        new Date('2027-06-30T00:00:00Z'),
        { formula: 'DATE(2027,3,15)', result: new Date('2027-03-15T00:00:00Z') },
      ],
    ]);
    expect(await readSpreadsheet(bytes, 'xlsx')).toEqual({
      sheets: { read: 'Uppdrag', others: [] },
      rows: [
        { row: 1, cells: ['Typ', 'Rubrik', 'Diarienummer', 'Paragraf', 'E-post', 'Tidsfrist', 'Beslutsdatum'] },
        { row: 2, cells: ['Uppdrag', 'Ta fram riktlinjer', '123', '17', 'kim.berg@kommun.example.se', '2027-06-30', '2027-03-15'] },
      ],
    });
  });

  it('numbers rows as Excel does, past empty rows, and leaves empty rows out', async () => {
    const bytes = await workbook([['Typ', 'Rubrik'], ['Uppdrag', 'Första'], [], [], ['Motion', 'Fjärde'], [null, '   ']]);
    expect((await readSpreadsheet(bytes, 'xlsx')).rows).toEqual([
      { row: 1, cells: ['Typ', 'Rubrik'] },
      { row: 2, cells: ['Uppdrag', 'Första'] },
      { row: 5, cells: ['Motion', 'Fjärde'] },
    ]);
  });

  it('text cells stay text: "0123" typed as text keeps its zero, a date typed as text is read as written', async () => {
    const bytes = await workbook([['Diarienummer', 'Tidsfrist'], ['0123', '2027-06-30']]);
    expect((await readSpreadsheet(bytes, 'xlsx')).rows[1]).toEqual({ row: 2, cells: ['0123', '2027-06-30'] });
  });

  it('a file that is not a workbook is spreadsheet_unreadable', async () => {
    expect(await refusal(readSpreadsheet(Buffer.from('Typ;Rubrik\r\nUppdrag;Text\r\n'), 'xlsx'))).toEqual({
      code: 'spreadsheet_unreadable',
      message: 'Filen går inte att läsa som en Excel-arbetsbok (.xlsx). Spara den i Excel som Excel-arbetsbok eller som CSV och ladda upp den igen.',
    });
  });
});

describe('merged cells in a workbook', () => {
  it('marks every cell of a merged range: the merged-over cell reads the first cell’s text, which is not its own', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Uppdrag');
    sheet.addRows([
      ['Typ', 'Rubrik'],
      ['Uppdrag', 'Inventera konstsamlingen'],
      ['Motion', null],
    ]);
    sheet.mergeCells('B2:B3');
    expect((await readSpreadsheet(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx')).rows.slice(1)).toEqual([
      { row: 2, cells: ['Uppdrag', 'Inventera konstsamlingen'], merged: [1] },
      { row: 3, cells: ['Motion', 'Inventera konstsamlingen'], merged: [1] },
    ]);
  });
});

describe('a CSV file', () => {
  it('from Swedish Excel ("CSV UTF-8": semicolons, byte-order mark, CRLF) reads with its å, ä and ö', async () => {
    const bytes = Buffer.from('\uFEFFTyp;Rubrik;Tidsfrist\r\nÅterrapportering;"Redovisa; med semikolon";2027-09-30\r\n', 'utf8');
    expect(await readSpreadsheet(bytes, 'csv')).toEqual({
      rows: [
        { row: 1, cells: ['Typ', 'Rubrik', 'Tidsfrist'] },
        { row: 2, cells: ['Återrapportering', 'Redovisa; med semikolon', '2027-09-30'] },
      ],
    });
  });

  it('with commas and no byte-order mark reads too', async () => {
    const bytes = Buffer.from('Typ,Rubrik,Tidsfrist\nUppdrag,"Ta fram riktlinjer, för skolskjuts",2027-06-30\n', 'utf8');
    expect((await readSpreadsheet(bytes, 'csv')).rows[1]).toEqual({ row: 2, cells: ['Uppdrag', 'Ta fram riktlinjer, för skolskjuts', '2027-06-30'] });
  });

  it('saved as Excel’s plain "CSV (semikolonavgränsad)", in Windows-1252, reads with its å, ä and ö', async () => {
    const bytes = Buffer.from('Typ;Rubrik;Enhet\r\nÅterrapportering;Utreda nattbemanningen;Socialförvaltningen\r\n', 'latin1');
    expect((await readSpreadsheet(bytes, 'csv')).rows[1]).toEqual({ row: 2, cells: ['Återrapportering', 'Utreda nattbemanningen', 'Socialförvaltningen'] });
  });

  it('numbers records as Excel shows them: a text with a line break is one row, an empty line is a row', async () => {
    const bytes = Buffer.from('Typ;Rubrik\r\nUppdrag;"Två\r\nrader"\r\n\r\nMotion;Fjärde\r\n;\r\n', 'utf8');
    expect((await readSpreadsheet(bytes, 'csv')).rows).toEqual([
      { row: 1, cells: ['Typ', 'Rubrik'] },
      { row: 2, cells: ['Uppdrag', 'Två\r\nrader'] },
      { row: 4, cells: ['Motion', 'Fjärde'] },
    ]);
  });

  it('each row has the cells it has: a short row is short (the import reads a missing cell as empty), a long one keeps its extra cells', async () => {
    const bytes = Buffer.from('Typ;Rubrik;Tidsfrist\r\nUppdrag;Kort\r\nMotion;Lång;2027-01-01;extra\r\n', 'utf8');
    expect((await readSpreadsheet(bytes, 'csv')).rows.slice(1)).toEqual([
      { row: 2, cells: ['Uppdrag', 'Kort'] },
      { row: 3, cells: ['Motion', 'Lång', '2027-01-01', 'extra'] },
    ]);
  });

  it('a title line above the column names does not decide the separator', async () => {
    const bytes = Buffer.from('Bevakningslista KS – uppdaterad 2026-10-01\r\n\r\nTyp;Rubrik\r\nUppdrag;Inventera, sortera och märka\r\n', 'utf8');
    expect((await readSpreadsheet(bytes, 'csv')).rows).toEqual([
      { row: 1, cells: ['Bevakningslista KS – uppdaterad 2026-10-01'] },
      { row: 3, cells: ['Typ', 'Rubrik'] },
      { row: 4, cells: ['Uppdrag', 'Inventera, sortera och märka'] },
    ]);
  });

  it('a quoted field never closed is spreadsheet_unreadable', async () => {
    const bytes = Buffer.from('Typ;Rubrik\r\nUppdrag;"Aldrig avslutad\r\nMotion;Text\r\n', 'utf8');
    expect(await refusal(readSpreadsheet(bytes, 'csv'))).toEqual({
      code: 'spreadsheet_unreadable',
      message: 'CSV-filen går inte att läsa. Spara den i Excel som CSV (semikolonavgränsad) och ladda upp den igen.',
    });
  });
});
