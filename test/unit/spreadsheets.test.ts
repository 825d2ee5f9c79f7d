import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ITEMS_SHEET } from '../../shared/views/spreadsheets/items';
import type { ItemView } from '../../shared/domain/items/item';
import { sheetCsv } from '../../shared/views/spreadsheets/csv';
import { sheetXlsx } from '../../shared/views/spreadsheets/xlsx';

/** A backlog item with a digit-only case number, as an imported register has them. */
const item: ItemView = {
  id: '0042',
  kind: 'aterrapportering',
  title: '=HYPERLINK("http://evil.example")',
  caseNumber: '0123',
  decision: { body: 'KS', date: '2027-04-12', paragraph: '58' },
  responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
  unit: 'Kommunledningskontoret',
  due: { meeting: { body: 'KS', month: '2027-09' } },
  dueDate: '2027-08-30',
  meetingDate: '2027-09-13',
  dueExplanation: 'Återrapporteras till KS.',
  reminders: { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 },
  status: 'open',
  state: 'open',
  daysLeft: 12,
  createdBy: 'registrator@kommun.example.se',
  createdAt: '2027-04-14T08:00:00.000Z',
  updatedAt: '2027-04-14T08:00:00.000Z',
  version: 1,
};

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1);
  return { sheet, headers, cell };
}

describe('the XLSX form of an export', () => {
  it('keeps a digit-only case number as the text "0123", formatted as text', async () => {
    const { cell } = await readBack(await sheetXlsx(ITEMS_SHEET, [item]));

    expect(cell('Diarienummer').value).toBe('0123');
    expect(cell('Diarienummer').numFmt).toBe('@');
    expect(cell('Id').value).toBe('0042');
    expect(cell('Paragraf').value).toBe('58');
  });

  it('writes dates as date cells: the calendar date at UTC midnight, shown as YYYY-MM-DD', async () => {
    const { cell } = await readBack(await sheetXlsx(ITEMS_SHEET, [item]));

    expect(cell('Tidsfrist').value).toEqual(new Date('2027-08-30T00:00:00Z'));
    expect(cell('Beslutsdatum').value).toEqual(new Date('2027-04-12T00:00:00Z'));
    expect(cell('Tidsfrist').numFmt).toBe('yyyy-mm-dd');
    expect(cell('Dagar kvar').value).toBe(12);
  });

  it('has the CSV’s Swedish headers, in the CSV’s order, on a sheet named for the export', async () => {
    const { sheet, headers } = await readBack(await sheetXlsx(ITEMS_SHEET, [item]));
    const [csvHeaders] = parse(sheetCsv(ITEMS_SHEET, [item]).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];

    expect(sheet.name).toBe('Ärenden');
    expect(headers).toEqual(csvHeaders);
    expect(headers.slice(0, 4)).toEqual(['Id', 'Typ', 'Rubrik', 'Diarienummer']);
  });

  it('keeps a title that looks like a formula as text, not a formula', async () => {
    const { cell } = await readBack(await sheetXlsx(ITEMS_SHEET, [item]));

    expect(cell('Rubrik').value).toBe('=HYPERLINK("http://evil.example")');
    expect(cell('Rubrik').formula).toBeUndefined();
  });

  it('leaves a cell empty where nothing is known: no "undefined"', async () => {
    const { cell } = await readBack(await sheetXlsx(ITEMS_SHEET, [{ ...item, caseNumber: undefined, decision: { body: 'KS', date: '2027-04-12' } }]));
    const csv = sheetCsv(ITEMS_SHEET, [{ ...item, caseNumber: undefined, decision: { body: 'KS', date: '2027-04-12' } }]);

    expect(cell('Diarienummer').value).toBeNull();
    expect(cell('Paragraf').value).toBeNull();
    expect(csv).not.toContain('undefined');
  });
});
