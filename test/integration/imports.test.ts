/**
 * Importing the existing backlog from a spreadsheet (issue 20): the use case against DynamoDB
 * Local on a table of its own, the file read by the spreadsheet adapter as an upload would be.
 * A clerk's own workbook of 200 rows, 7 of them wrong in 7 ways; the dry run, the import, the
 * same file again, the product's own export read back, and a CSV from Swedish Excel.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, importBacklog, type BacklogImport } from '../../shared/application/imports/backlog';
import type { SheetTable } from '../../shared/application/imports/ports';
import { readSpreadsheet } from '../../shared/adapters/spreadsheets/read';
import { listAll } from '../../shared/application/items/list-all';
import { toView } from '../../shared/domain/items/view';
import { DomainError } from '../../shared/domain/errors';
import { ITEMS_SHEET } from '../../shared/views/spreadsheets/items';
import { sheetCsv } from '../../shared/views/spreadsheets/csv';
import { sheetXlsx } from '../../shared/views/spreadsheets/xlsx';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { isolatedDependencies } from '../support/isolated';
import { tableCounts } from '../support/table-snapshot';

type Deps = Awaited<ReturnType<typeof isolatedDependencies>>;

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const otherClerk = { who: 'registrator2@kommun.example.se', roles: new Set(['registrar'] as const) };
/** Monday 3 May 2027, a working day, in the morning. */
const IMPORT_DAY = '2027-05-03T09:00:00+02:00';

const OFFICIALS = [
  { name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' },
  { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se', unit: 'Socialförvaltningen' },
  { name: 'Ali Nur', email: 'ali.nur@kommun.example.se', unit: 'Samhällsbyggnadsförvaltningen' },
  { name: 'Åsa Öberg', email: 'asa.oberg@kommun.example.se', unit: 'Barn- och utbildningsförvaltningen' },
];
const KINDS = ['Uppdrag', 'Återrapportering', 'Yttrande', 'Motion'];
const BODIES = ['KS', 'KF', 'BUN', 'SN'];

/** The clerk's own columns, in their own order, with one the import does not read. */
const HEADERS = ['Rubrik', 'Typ', 'Diarienummer', 'Organ', 'Beslutsdatum', 'Paragraf', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist', 'Remiss inkom', 'Läge', 'Kommentar'];

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Row `n` (2–201) of the backlog: kinds in turn, decided January–March 2027, due from April 2027
 * (some already overdue on the import day) into 2028. Dates are date cells, but every tenth
 * deadline was typed as text; a § typed as a number; a yttrande in every eighth row arrived as a
 * remiss before any body decided.
 */
function backlogRow(n: number): ExcelJS.CellValue[] {
  const official = OFFICIALS[n % OFFICIALS.length]!;
  const kind = KINDS[n % KINDS.length]!;
  const decided = `2027-${pad(1 + (n % 3))}-${pad(1 + (n % 27))}`;
  const due = `${2027 + Math.floor(n / 120)}-${pad(4 + (n % 9))}-${pad(1 + (n % 28))}`;
  const remissOnArrival = kind === 'Yttrande' && n % 8 === 2;
  return [
    `${kind === 'Motion' ? 'Besvara motion' : 'Följa upp ärende'} nummer ${n} om ${official.unit.toLowerCase()}`,
    kind,
    `KS 2027/${100 + n}`,
    remissOnArrival ? null : BODIES[n % BODIES.length]!,
    remissOnArrival ? null : utc(decided),
    remissOnArrival ? null : n % 5 === 0 ? n : `§ ${n}`,
    official.name,
    official.email,
    official.unit,
    n % 10 === 0 ? due : utc(due),
    remissOnArrival ? utc('2027-01-05') : null,
    n % 3 === 0 ? 'Pågående' : null,
    n % 7 === 0 ? 'Inväntar tjänsteskrivelse' : null,
  ];
}

/** The seven wrong rows: the spreadsheet row, what is wrong in it, and the columns the import must name. */
const BAD: { row: number; spoil: (cells: ExcelJS.CellValue[]) => void; columns: string[] }[] = [
  { row: 12, spoil: (c) => (c[0] = null), columns: ['Rubrik'] },
  { row: 40, spoil: (c) => (c[9] = '30 juni'), columns: ['Tidsfrist'] },
  { row: 77, spoil: (c) => (c[1] = 'Interpellation'), columns: ['Typ'] },
  { row: 101, spoil: (c) => (c[7] = 'kim.berg@'), columns: ['E-post'] },
  { row: 150, spoil: (c) => (c[3] = 'Kommunstyrelsen'), columns: ['Organ'] },
  { row: 171, spoil: (c) => ((c[4] = utc('2027-04-20')), (c[9] = utc('2027-04-02'))), columns: ['Tidsfrist', 'Beslutsdatum'] },
  { row: 199, spoil: (c) => (c[11] = 'Klart'), columns: ['Läge'] },
];

async function backlogWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Balanslista');
  sheet.addRow(HEADERS);
  for (let row = 2; row <= 201; row++) {
    const cells = backlogRow(row);
    BAD.find((bad) => bad.row === row)?.spoil(cells);
    sheet.addRow(cells);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const errorsOf = (result: BacklogImport) => result.rows.filter((r) => r.status === 'error').map((r) => ({ row: r.row, columns: r.issues!.map((i) => i.path) }));

let deps: Deps;
let backlog: SheetTable;

beforeAll(async () => {
  deps = await isolatedDependencies();
  deps.at(IMPORT_DAY);
  backlog = await readSpreadsheet(await backlogWorkbook(), 'xlsx');
});

describe('a clerk’s backlog of 200 rows, 7 of them wrong', () => {
  let dryRun: BacklogImport;
  let imported: BacklogImport;

  it('the dry run names exactly the 7 wrong rows, by row and column, in Swedish, and stores nothing', async () => {
    const before = await tableCounts(deps.documentClient, deps.tableName);
    dryRun = await importBacklog(deps, clerk, backlog, { dryRun: true });
    expect(dryRun.counts).toEqual({ would_create: 193, created: 0, exists: 0, error: 7 });
    expect(errorsOf(dryRun)).toEqual(BAD.map(({ row, columns }) => ({ row, columns })));
    expect(Object.fromEntries(dryRun.rows.filter((r) => r.status === 'error').map((r) => [r.row, r.issues!.map((i) => i.message)]))).toEqual({
      12: ['Kolumnen Rubrik: saknar värde.'],
      40: ['Kolumnen Tidsfrist: ska vara ett verkligt datum, skrivet ÅÅÅÅ-MM-DD, d/m-åååå, d.m.åååå eller d månad åååå (t.ex. 2027-03-15, 15/3-2027, 15.3.2027 eller 15 mars 2027).'],
      77: ['Kolumnen Typ: ska vara Uppdrag, Återrapportering, Yttrande eller Motion.'],
      101: ['Kolumnen E-post: ska vara en e-postadress.'],
      150: ['Kolumnen Organ: ska vara organets förkortning med versaler, t.ex. KS eller BUN.'],
      171: [
        'Kolumnen Tidsfrist: ger tidsfristen fredag 2 april 2027, före beslutet SN tisdag 20 april 2027.',
        'Kolumnen Beslutsdatum: beslutet SN tisdag 20 april 2027 ligger efter tidsfristen fredag 2 april 2027.',
      ],
      199: ['Kolumnen Läge: ärendet är Klart; bara pågående ärenden importeras.'],
    });
    expect(dryRun.rows.map((r) => r.row)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    expect((await tableCounts(deps.documentClient, deps.tableName)).fingerprint).toBe(before.fingerprint);
  });

  it('the import stores the 193 good rows, each as the dry run foretold, and refuses the same 7', async () => {
    const started = performance.now();
    imported = await importBacklog(deps, clerk, backlog, { dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    expect(imported.counts).toEqual({ would_create: 0, created: 193, exists: 0, error: 7 });
    expect(errorsOf(imported)).toEqual(errorsOf(dryRun));
    expect(imported.rows.filter((r) => r.status === 'created').map((r) => r.row)).toEqual(dryRun.rows.filter((r) => r.status === 'would_create').map((r) => r.row));
    const counts = await tableCounts(deps.documentClient, deps.tableName);
    expect(counts.items).toBe(193);
    expect(counts.history).toBe(193);
    // IMPORT_MAX_ROWS is chosen from this pace (30–40 ms a row here): a file of that many rows must finish within API Gateway's 29 s.
    expect((seconds / 193) * IMPORT_MAX_ROWS).toBeLessThan(29);
  });

  it('each row is stored as the clerk wrote it: kind from Typ in Swedish, the decision, the official, the date in Tidsfrist', async () => {
    const row = (n: number) => deps.items.get(imported.rows.find((r) => r.row === n)!.id!);
    // Row 5: Återrapportering from KF 2027-03-06, its § typed as the number 5, due 2027-09-06 (a date cell).
    expect(await row(5)).toMatchObject({
      kind: 'aterrapportering',
      title: 'Följa upp ärende nummer 5 om socialförvaltningen',
      caseNumber: 'KS 2027/105',
      decision: { body: 'KF', date: '2027-03-06', paragraph: '5' },
      responsible: { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se' },
      unit: 'Socialförvaltningen',
      due: { date: '2027-09-06' },
      dueDate: '2027-09-06',
      status: 'open',
      createdBy: clerk.who,
    });
    // Row 20: the deadline typed as text reads as the date cells do.
    expect(await row(20)).toMatchObject({ kind: 'uppdrag', due: { date: '2027-06-21' }, decision: { body: 'KS', date: '2027-03-21', paragraph: '20' } });
    // Row 34: a yttrande registered when the remiss arrived, before any body decided.
    const remiss = await row(34);
    expect(remiss).toMatchObject({ kind: 'yttrande', remiss: { received: '2027-01-05' }, due: { date: '2027-11-07' } });
    expect(remiss?.decision).toBeUndefined();
  });

  it('a row already overdue is reminded from the import day on, as any item registered overdue', async () => {
    // Row 9: due Saturday 10 April 2027, three weeks before the import on Monday 3 May 2027.
    const overdue = await deps.items.get(imported.rows.find((r) => r.row === 9)!.id!);
    expect(overdue).toMatchObject({ dueDate: '2027-04-10', nextReminderDate: '2027-05-03' });
  });

  it('the same file again stores nothing: the 193 rows are "exists" with their items’ ids', async () => {
    const before = await tableCounts(deps.documentClient, deps.tableName);
    const again = await importBacklog(deps, clerk, backlog, { dryRun: false });
    expect(again.counts).toEqual({ would_create: 0, created: 0, exists: 193, error: 7 });
    expect(again.rows.filter((r) => r.status === 'exists').map((r) => [r.row, r.id])).toEqual(
      imported.rows.filter((r) => r.status === 'created').map((r) => [r.row, r.id]),
    );
    expect((await tableCounts(deps.documentClient, deps.tableName)).fingerprint).toBe(before.fingerprint);
  });

  it('another registrar importing the same file stores nothing either: a row is known by its content, not by who sent it', async () => {
    const again = await importBacklog(deps, otherClerk, backlog, { dryRun: false });
    expect(again.counts).toEqual({ would_create: 0, created: 0, exists: 193, error: 7 });
    expect((await tableCounts(deps.documentClient, deps.tableName)).items).toBe(193);
  });

  it('the product’s own export of those items, as XLSX and as CSV, imports back as 193 "exists", by their Id', async () => {
    const stored = await listAll(deps.items, { statuses: ['open'] });
    const views = stored.map((item) => toView(item, '2027-05-03'));
    const before = await tableCounts(deps.documentClient, deps.tableName);
    for (const exported of [await readSpreadsheet(await sheetXlsx(ITEMS_SHEET, views), 'xlsx'), await readSpreadsheet(Buffer.from(sheetCsv(ITEMS_SHEET, views), 'utf8'), 'csv')]) {
      const back = await importBacklog(deps, clerk, exported, { dryRun: false });
      expect(back.counts).toEqual({ would_create: 0, created: 0, exists: 193, error: 0 });
      expect(back.rows.map((r) => r.id).sort()).toEqual(stored.map((item) => item.id).sort());
    }
    expect((await tableCounts(deps.documentClient, deps.tableName)).fingerprint).toBe(before.fingerprint);
  });

  it('an exported row of a done or cancelled item, its Id cleared, is refused by its Läge: closed work is not imported as open', async () => {
    const [first, second] = await listAll(deps.items, { statuses: ['open'] });
    const closed = [toView({ ...first!, status: 'done' }, '2027-05-03'), toView({ ...second!, status: 'cancelled' }, '2027-05-03')];
    const table = await readSpreadsheet(await sheetXlsx(ITEMS_SHEET, closed), 'xlsx');
    const idAt = table.rows[0]!.cells.indexOf('Id');
    const withoutId = { rows: table.rows.map((r) => (r.row === 1 ? r : { ...r, cells: r.cells.map((cell, i) => (i === idAt ? '' : cell)) })) };
    expect((await importBacklog(deps, clerk, withoutId, { dryRun: true })).rows).toEqual([
      { row: 2, status: 'error', issues: [{ path: 'Läge', message: 'Kolumnen Läge: ärendet är Klart; bara pågående ärenden importeras.' }] },
      { row: 3, status: 'error', issues: [{ path: 'Läge', message: 'Kolumnen Läge: ärendet är Avbrutet; bara pågående ärenden importeras.' }] },
    ]);
  });
});

describe('a CSV from Swedish Excel', () => {
  it('imports with semicolons, a byte-order mark, å/ä/ö and a § that lost nothing', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const csv = [
      'Typ;Rubrik;Diarienummer;Organ;Beslutsdatum;Paragraf;Ansvarig;E-post;Enhet;Tidsfrist;Remiss inkom;Remissens referens',
      'Återrapportering;Redovisa arbetet med e-tjänstplattformen;KS 2026/141;KS;2026-03-11;§ 58;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;2027-09-30;;',
      'Yttrande;"Yttrande över regional cykelstrategi; remissversion";;;;;Åsa Öberg;Asa.Oberg@kommun.example.se;Stadsbyggnadskontoret;2027-06-30;2027-04-19;Dnr 2027-1234',
      'motion;Motion om fler bänkar i centrum;0456;KF;2027-04-19;44;Ali Nur;ali.nur@kommun.example.se;Tekniska förvaltningen;2028-03-31;;',
    ].join('\r\n');
    const table = await readSpreadsheet(Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'), 'csv');
    const result = await importBacklog(own, clerk, table, { dryRun: false });
    expect(result.counts).toEqual({ would_create: 0, created: 3, exists: 0, error: 0 });
    const [aterrapportering, yttrande, motion] = await Promise.all(result.rows.map((r) => own.items.get(r.id!)));
    expect(aterrapportering).toMatchObject({ kind: 'aterrapportering', decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' }, dueDate: '2027-09-30' });
    expect(yttrande).toMatchObject({
      kind: 'yttrande',
      title: 'Yttrande över regional cykelstrategi; remissversion',
      remiss: { received: '2027-04-19', reference: 'Dnr 2027-1234' },
      responsible: { name: 'Åsa Öberg', email: 'asa.oberg@kommun.example.se' },
    });
    expect(motion).toMatchObject({ kind: 'motion', caseNumber: '0456', decision: { body: 'KF', paragraph: '44' }, due: { date: '2028-03-31' } });
  });

  it('reads "CSV (semikolonavgränsad)", which Swedish Excel writes in Windows-1252, with its å, ä and ö', async () => {
    const latin1 = Buffer.from('Typ;Rubrik;Ansvarig\r\nÅterrapportering;Utreda äldreomsorgens nattbemanning;Åsa Öberg\r\n', 'latin1');
    expect((await readSpreadsheet(latin1, 'csv')).rows.map((r) => r.cells)).toEqual([['Typ', 'Rubrik', 'Ansvarig'], ['Återrapportering', 'Utreda äldreomsorgens nattbemanning', 'Åsa Öberg']]);
  });

  it('refuses a CSV whose letters were lost on the way (a Windows-1252 file passed on as UTF-8 text), saying how to save it', async () => {
    const mangled = Buffer.from('Typ;Rubrik\r\n\uFFFDterrapportering;Utreda \uFFFDldreomsorgen\r\n', 'utf8');
    await expect(readSpreadsheet(mangled, 'csv')).rejects.toMatchObject({ code: 'csv_not_utf8', message: expect.stringContaining('"CSV UTF-8 (kommaavgränsad)"') });
  });

  it('refuses an Excel workbook sent as CSV, naming what it is', async () => {
    const workbook = await sheetXlsx(ITEMS_SHEET, []);
    await expect(readSpreadsheet(workbook, 'csv')).rejects.toMatchObject({ code: 'spreadsheet_is_xlsx', message: expect.stringContaining('Excel-arbetsbok') });
  });
});

describe('what the import refuses before any row', () => {
  const table = (headers: string[], rows: number): SheetTable => ({
    rows: [{ row: 1, cells: headers }, ...Array.from({ length: rows }, (_, i) => ({ row: i + 2, cells: headers.map(() => 'x') }))],
  });
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
    return { code: error.code, message: error.message, issues: error.issues };
  };

  it(`a file of more than ${IMPORT_MAX_ROWS} rows is refused whole, and nothing is looked up or stored`, async () => {
    const own = await isolatedDependencies();
    const before = await tableCounts(own.documentClient, own.tableName);
    const items = { ...own.items, get: () => Promise.reject(new Error('no row may be looked up')) };
    expect(await refusal(importBacklog({ ...own, items }, clerk, table([...IMPORT_COLUMNS], IMPORT_MAX_ROWS + 1), { dryRun: false }))).toEqual({
      code: 'import_too_many_rows',
      message: `Filen har ${IMPORT_MAX_ROWS + 1} rader med ärenden, och högst ${IMPORT_MAX_ROWS} kan importeras på en gång. Dela upp den i flera filer.`,
      issues: [],
    });
    expect((await tableCounts(own.documentClient, own.tableName)).fingerprint).toBe(before.fingerprint);
  });

  it('a header row without the columns every item needs names the missing ones', async () => {
    expect(await refusal(importBacklog(deps, clerk, table(['Typ', 'rubrik ', 'Ansvarig', 'E-post', 'Enhet'], 1), { dryRun: true }))).toEqual({
      code: 'import_columns_missing',
      message:
        'Filen saknar kolumnen Tidsfrist (eller Klart senast, Senast, Slutdatum, Deadline eller Återrapporteras senast). Första raden ska ha kolumnnamnen som i exporten av ärenden: ' +
        'Id, Typ, Rubrik, Diarienummer, Organ, Beslutsdatum, Paragraf, Ansvarig, E-post, Enhet, Tidsfrist, Läge, Remiss inkom, Remissens referens.',
      issues: [{ path: 'Tidsfrist', message: 'Kolumnen Tidsfrist saknas.' }],
    });
  });

  it('only a registrar may import', async () => {
    const official = { who: 'kim.berg@kommun.example.se', roles: new Set<never>() };
    await expect(importBacklog(deps, official, table([...IMPORT_COLUMNS], 1), { dryRun: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('rows that repeat', () => {
  const row = ['Uppdrag', 'Inventera kommunens konstsamling', 'KF', '2027-02-22', 'Kim Berg', 'kim.berg@kommun.example.se', 'Kommunledningskontoret', '2027-10-29'];
  const headers = { row: 1, cells: ['Typ', 'Rubrik', 'Organ', 'Beslutsdatum', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist'] };
  const file: SheetTable = {
    rows: [
      headers,
      { row: 2, cells: row },
      // The same row pasted twice, once with other spacing.
      { row: 3, cells: row.map((cell) => ` ${cell} `) },
    ],
  };

  it('a row that repeats an earlier one of the file is one item: the dry run and the import both say "exists"', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const dry = await importBacklog(own, clerk, file, { dryRun: true });
    expect(dry.rows.map((r) => r.status)).toEqual(['would_create', 'exists']);
    const real = await importBacklog(own, clerk, file, { dryRun: false });
    expect(real.rows.map((r) => r.status)).toEqual(['created', 'exists']);
    expect(real.rows[1]!.id).toBe(real.rows[0]!.id);
    expect((await tableCounts(own.documentClient, own.tableName)).items).toBe(1);
  });

  it('a row of work registered by hand before, with its deadline, exists: the item is named, no error, nothing stored', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    // Registered by hand as the row says (a file of another row, so not this row's own identity).
    const [byHand] = (await importBacklog(own, clerk, { rows: [{ row: 1, cells: [...headers.cells, 'Diarienummer'] }, { row: 2, cells: [...row, 'KS 2027/3'] }] }, { dryRun: false })).rows;
    const before = await tableCounts(own.documentClient, own.tableName);
    for (const dryRun of [true, false]) {
      expect((await importBacklog(own, clerk, { rows: [headers, { row: 2, cells: row }] }, { dryRun })).rows).toEqual([{ row: 2, status: 'exists', id: byHand!.id }]);
    }
    expect((await tableCounts(own.documentClient, own.tableName)).fingerprint).toBe(before.fingerprint);
  });

  it('a row like an open item stored before, but not that row imported before, is an error naming the item, in the dry run as in the import', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    await importBacklog(own, clerk, { rows: [headers, { row: 2, cells: row }] }, { dryRun: false });
    // The same work with the deadline since moved in the clerk's file: another row, not the one imported.
    const moved = { rows: [headers, { row: 2, cells: [...row.slice(0, 7), '2027-11-30'] }] };
    const message =
      'Liknar ett öppet ärende ("Inventera kommunens konstsamling" (KF 2027-02-22), tidsfrist fredag 29 oktober 2027): ' +
      'samma typ, beslut, ansvarig och rubrik. Ändra rubriken om det är ett annat ärende.';
    const before = await tableCounts(own.documentClient, own.tableName);
    for (const dryRun of [true, false]) {
      expect((await importBacklog(own, clerk, moved, { dryRun })).rows).toEqual([{ row: 2, status: 'error', issues: [{ path: '', message }] }]);
    }
    expect((await tableCounts(own.documentClient, own.tableName)).fingerprint).toBe(before.fingerprint);
  });
});

describe('rows that only look alike are never dropped', () => {
  const headers = { row: 1, cells: ['Typ', 'Rubrik', 'Diarienummer', 'Organ', 'Beslutsdatum', 'Paragraf', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist'] };
  const work = ['Återrapportering', 'Redovisa arbetet med e-tjänstplattformen'];
  const decisionAndOfficial = ['KS', '2026-03-11', '§ 58', 'Kim Berg', 'kim.berg@kommun.example.se', 'Kommunledningskontoret'];
  const file: SheetTable = {
    rows: [
      headers,
      { row: 2, cells: [...work, 'KS 2026/141', ...decisionAndOfficial, '2027-09-30'] },
      { row: 3, cells: [...work, 'KS 2026/199', ...decisionAndOfficial, '2027-12-15'] },
    ],
  };
  const refused = {
    row: 3,
    status: 'error',
    issues: [{ path: '', message: 'Liknar ett ärende längre upp i filen (rad 2): samma typ, beslut, ansvarig och rubrik. Ändra rubriken om det är ett annat ärende.' }],
  };

  it('a row like an earlier row of the file (other case number and deadline) is an error naming that row, and the dry run says what the import does', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const dry = await importBacklog(own, clerk, file, { dryRun: true });
    expect(dry.rows).toEqual([{ row: 2, status: 'would_create' }, refused]);
    expect(dry.counts).toEqual({ would_create: 1, created: 0, exists: 0, error: 1 });
    const real = await importBacklog(own, clerk, file, { dryRun: false });
    expect(real.rows).toEqual([{ row: 2, status: 'created', id: expect.any(String) }, refused]);
    // Sent again: the row imported is "exists", the look-alike still refused, naming the same row.
    expect((await importBacklog(own, clerk, file, { dryRun: false })).rows).toEqual([{ row: 2, status: 'exists', id: real.rows[0]!.id }, refused]);
    expect((await tableCounts(own.documentClient, own.tableName)).items).toBe(1);
  });

  it('with another title, the second row is other work and both are imported', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const retitled = { rows: [file.rows[0]!, file.rows[1]!, { row: 3, cells: file.rows[2]!.cells.map((cell, i) => (i === 1 ? `${cell}, etapp 2` : cell)) }] };
    expect((await importBacklog(own, clerk, retitled, { dryRun: true })).counts).toEqual({ would_create: 2, created: 0, exists: 0, error: 0 });
    expect((await importBacklog(own, clerk, retitled, { dryRun: false })).counts).toEqual({ would_create: 0, created: 2, exists: 0, error: 0 });
  });
});

describe('a workbook as clerks keep it', () => {
  const HEAD = ['Typ', 'Rubrik', 'Organ', 'Beslutsdatum', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist'];
  const line = (title: string, due: ExcelJS.CellValue, body = 'KS', decided: ExcelJS.CellValue = utc('2027-02-22')) => [
    'Uppdrag',
    title,
    body,
    decided,
    'Kim Berg',
    'kim.berg@kommun.example.se',
    'Kommunledningskontoret',
    due,
  ];
  const workbook = async (fill: (sheet: ExcelJS.Worksheet) => void) => {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('Bevakning'));
    return readSpreadsheet(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
  };

  it('a workbook of several sheets says which one was read and which were not', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('Pågående');
    first.addRow(HEAD);
    first.addRow(line('Inventera konstsamlingen', utc('2027-10-29')));
    book.addWorksheet('Avslutade').addRow(HEAD);
    book.addWorksheet('BUN').addRow(HEAD);
    const table = await readSpreadsheet(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    expect((await importBacklog(own, clerk, table, { dryRun: true })).sheets).toEqual({ read: 'Pågående', others: ['Avslutade', 'BUN'] });
    // One sheet: nothing to say.
    expect((await importBacklog(own, clerk, await workbook((sheet) => sheet.addRows([HEAD, line('Inventera konstsamlingen', utc('2027-10-29'))])), { dryRun: true })).sheets).toBeUndefined();
  });

  it('a title row and a blank row above the column names are skipped, and rows keep the numbers the spreadsheet shows', async () => {
    const table = await workbook((sheet) => {
      sheet.addRow(['Bevakningslista KS – uppdaterad 2026-10-01']);
      sheet.mergeCells('A1:H1');
      sheet.addRow([]);
      sheet.addRow(HEAD);
      sheet.addRow(line('Inventera kommunens konstsamling', utc('2027-10-29')));
      sheet.addRow(line('Utreda taxan för bygglov', utc('2027-11-30')));
    });
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    expect((await importBacklog(own, clerk, table, { dryRun: true })).rows).toEqual([
      { row: 4, status: 'would_create' },
      { row: 5, status: 'would_create' },
    ]);
  });

  it('a row with a merged cell in a column read is an error, not a copy of another row’s value', async () => {
    const table = await workbook((sheet) => {
      sheet.addRow(HEAD);
      sheet.addRow(line('Inventera kommunens konstsamling', utc('2027-10-29')));
      sheet.addRow(line('', utc('2027-11-30')));
      sheet.addRow(line('Utreda taxan för bygglov', utc('2027-12-15')));
      // Rubrik of rows 2 and 3 merged: row 3 reads row 2's title.
      sheet.mergeCells('B2:B3');
    });
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const merged = { path: 'Rubrik', message: 'Kolumnen Rubrik: sammanfogade celler går inte att läsa; dela upp dem i Excel.' };
    expect((await importBacklog(own, clerk, table, { dryRun: false })).rows).toEqual([
      { row: 2, status: 'error', issues: [merged] },
      { row: 3, status: 'error', issues: [merged] },
      { row: 4, status: 'created', id: expect.any(String) },
    ]);
  });

  it('a CSV with a title line above the column names imports from the row after them', async () => {
    const csv = ['Bevakningslista KS – uppdaterad 2026-10-01', '', HEAD.join(';'), line('Inventera kommunens konstsamling', '2027-10-29', 'KS', '2027-02-22').join(';')].join('\r\n');
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    expect((await importBacklog(own, clerk, await readSpreadsheet(Buffer.from(csv, 'utf8'), 'csv'), { dryRun: true })).rows).toEqual([{ row: 4, status: 'would_create' }]);
  });

  it('a file with no row naming the columns among its first 10 says so', async () => {
    const table = await workbook((sheet) => {
      sheet.addRow(['Bevakningslista KS – uppdaterad 2026-10-01']);
      sheet.addRow(line('Inventera kommunens konstsamling', utc('2027-10-29')));
    });
    await expect(importBacklog(deps, clerk, table, { dryRun: true })).rejects.toMatchObject({
      code: 'import_columns_missing',
      message:
        'Hittar ingen rad med kolumnnamnen (Typ, Rubrik, Ansvarig, E-post, Enhet och Tidsfrist) bland de första 10 raderna. ' +
        'Kolumnnamnen ska stå som i exporten av ärenden: Id, Typ, Rubrik, Diarienummer, Organ, Beslutsdatum, Paragraf, Ansvarig, E-post, Enhet, Tidsfrist, Läge, Remiss inkom, Remissens referens.',
    });
  });

  it('a date column in none of the forms read is refused naming every form the import reads, in Swedish', async () => {
    const table = await workbook((sheet) => {
      sheet.addRow(HEAD);
      sheet.addRow(line('Inventera kommunens konstsamling', '15 mars', 'KS', '2026/04/13'));
    });
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const result = await importBacklog(own, clerk, table, { dryRun: true });
    expect(result.rows).toEqual([
      {
        row: 2,
        status: 'error',
        issues: [
          { path: 'Beslutsdatum', message: 'Kolumnen Beslutsdatum: ska vara ett verkligt datum, skrivet ÅÅÅÅ-MM-DD, d/m-åååå, d.m.åååå eller d månad åååå (t.ex. 2027-03-15, 15/3-2027, 15.3.2027 eller 15 mars 2027).' },
          { path: 'Tidsfrist', message: 'Kolumnen Tidsfrist: ska vara ett verkligt datum, skrivet ÅÅÅÅ-MM-DD, d/m-åååå, d.m.åååå eller d månad åååå (t.ex. 2027-03-15, 15/3-2027, 15.3.2027 eller 15 mars 2027).' },
        ],
      },
    ]);
  });

  it('an organ in lower case is read in capitals, and dates written d/m-åååå, d.m.åååå and "d månad åååå" are read; an impossible date is still refused', async () => {
    const table = await workbook((sheet) => {
      sheet.addRow(HEAD);
      sheet.addRow(line('Inventera kommunens konstsamling', '15/3-2028', 'ks', '13.4.2026'));
      sheet.addRow(line('Utreda taxan för bygglov', '31 mars 2027', 'bun', '1 februari 2027'));
      sheet.addRow(line('Se över lokalförsörjningen', '30/2-2027'));
    });
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const result = await importBacklog(own, clerk, table, { dryRun: false });
    expect(result.rows.slice(2)).toEqual([{ row: 4, status: 'error', issues: [{ path: 'Tidsfrist', message: 'Kolumnen Tidsfrist: ska vara ett verkligt datum, skrivet ÅÅÅÅ-MM-DD, d/m-åååå, d.m.åååå eller d månad åååå (t.ex. 2027-03-15, 15/3-2027, 15.3.2027 eller 15 mars 2027).' }] }]);
    expect(await own.items.get(result.rows[0]!.id!)).toMatchObject({ decision: { body: 'KS', date: '2026-04-13' }, dueDate: '2028-03-15' });
    expect(await own.items.get(result.rows[1]!.id!)).toMatchObject({ decision: { body: 'BUN', date: '2027-02-01' }, dueDate: '2027-03-31' });
  });
});

describe('the columns', () => {
  it('every column the import reads is a column of the item export, spelled the same', () => {
    const exported = ITEMS_SHEET.columns.map((c) => c.header);
    expect(IMPORT_COLUMNS.filter((column) => !exported.includes(column))).toEqual([]);
  });

  it('reads a municipality\'s own names for them under a title: Dnr, Ärende, §, Handläggare, Förvaltning, Klart senast', async () => {
    const own = await isolatedDependencies();
    own.at(IMPORT_DAY);
    const file: SheetTable = {
      rows: [
        { row: 1, cells: ['Uppdragslista kommunstyrelsen 2027'] },
        { row: 3, cells: ['Dnr', 'Ärende', 'Beslutsdatum', '§', 'Handläggare', 'E-post', 'Förvaltning', 'Klart senast', 'Typ', 'Organ'] },
        { row: 4, cells: ['KS 2027/14', 'Utreda taxan för bygglov', '2027-02-22', '§ 12', 'Kim Berg', 'kim.berg@kommun.example.se', 'Kommunledningskontoret', '15/9 2027', 'Uppdrag', 'KS'] },
      ],
    };
    const { rows } = await importBacklog(own, clerk, file, { dryRun: false });
    expect(rows).toMatchObject([{ row: 4, status: 'created' }]);
    const item = await own.items.get(rows[0]!.id!);
    expect(item).toMatchObject({ title: 'Utreda taxan för bygglov', caseNumber: 'KS 2027/14', decision: { body: 'KS', date: '2027-02-22', paragraph: '§ 12' }, unit: 'Kommunledningskontoret', dueDate: '2027-09-15' });
  });

  it('a bad cell is named by the column as the file heads it ("Kolumnen Klart senast", "Kolumnen Handläggare"), its path the export\'s name', async () => {
    const file: SheetTable = {
      rows: [
        { row: 1, cells: ['Dnr', 'Ärende', 'Beslutsdatum', 'Handläggare', 'E-post', 'Förvaltning', 'Klart senast', 'Typ', 'Organ'] },
        { row: 2, cells: ['KS 2027/15', 'Utreda taxan för strandskydd', '2027-02-22', '', 'kim.berg@kommun.example.se', 'Kommunledningskontoret', '31/2 2027', 'Uppdrag', 'KS'] },
      ],
    };
    const { rows } = await importBacklog(deps, clerk, file, { dryRun: true });
    expect(rows[0]!.issues).toEqual([
      { path: 'Ansvarig', message: 'Kolumnen Handläggare: saknar värde.' },
      { path: 'Tidsfrist', message: expect.stringMatching(/^Kolumnen Klart senast: /) },
    ]);
  });

  it('a file missing a column names the other names it is read by', async () => {
    const file: SheetTable = { rows: [{ row: 1, cells: ['Typ', 'Ärende', 'Organ', 'Beslutsdatum', 'Handläggare', 'E-post', 'Enhet'] }, { row: 2, cells: ['Uppdrag'] }] };
    await expect(importBacklog(deps, clerk, file, { dryRun: true })).rejects.toMatchObject({
      message: expect.stringContaining('Filen saknar kolumnen Tidsfrist (eller Klart senast, Senast, Slutdatum, Deadline eller Återrapporteras senast).'),
    });
  });
});

describe('an old municipal list: a title row, motions among the rows, a total and a footnote at the bottom', () => {
  const admin = { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) };
  const HEAD = ['Typ', 'Rubrik', 'Diarienummer', 'Organ', 'Beslutsdatum', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist', 'Väckt', 'Kommentar'];
  const kim = ['Kim Berg', 'kim.berg@kommun.example.se', 'Kommunledningskontoret'];
  /** Rows 3–11 as the spreadsheet numbers them, below the title (1) and the column names (2). */
  const oldList = () =>
    workbookOf([
      ['Bevakningslista kommunfullmäktige, uppdaterad 2027-04-30'],
      HEAD,
      ['Uppdrag', 'Inventera kommunens konstsamling', 'KS 2026/88', 'KF', utc('2026-11-23'), ...kim, utc('2027-04-09'), null, null],
      ['Uppdrag', 'Utreda taxan för bygglov', 'KS 2026/91', 'KF', utc('2026-11-23'), ...kim, utc('2027-04-30'), null, null],
      ['Motion', 'Motion om fler laddstolpar vid kommunhuset', 'KS 2027/12', 'KF', utc('2027-02-22'), ...kim, null, utc('2027-02-22'), null],
      ['Motion', 'Motion om gratis simskola', 'KS 2027/13', 'KF', utc('2027-02-22'), ...kim, null, null, null],
      ['Uppdrag', 'Se över lokalförsörjningen', 'KS 2026/95', 'KF', utc('2026-11-23'), null, null, 'Kommunledningskontoret', utc('2027-09-30'), null, null],
      ['Summa: 5 ärenden'],
      ['Totalt', null, null, null, null, null, null, null, 5],
      ['* Uppgifterna är hämtade ur diariet.'],
      [null, null, null, null, null, null, null, null, null, null, 'Se även listan för KS'],
    ]);
  const workbookOf = async (rows: ExcelJS.CellValue[][]) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Bevakning');
    for (const row of rows) sheet.addRow(row);
    return readSpreadsheet(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
  };
  const world = async (at: string) => {
    const own = await isolatedDependencies();
    own.at('2027-01-10T10:00:00+01:00');
    await saveMeetingPlan(own, admin, { body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-06-14', '2027-11-22'] });
    await saveMeetingPlan(own, admin, { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-06-12'] });
    own.at(at);
    return own;
  };

  it('a motion with no Tidsfrist is imported from its Väckt date, its deadline counted as for one registered by hand', async () => {
    const own = await world(IMPORT_DAY);
    const result = await importBacklog(own, clerk, await oldList(), { dryRun: false });
    const motion = await own.items.get(result.rows.find((r) => r.row === 5)!.id!);
    // Raised 22 February 2027: answered at the council's last meeting within a year, 21 February 2028.
    expect(motion).toMatchObject({ kind: 'motion', due: { raised: '2027-02-22' }, meetingDate: '2028-02-21' });
  });

  it('a motion with neither Tidsfrist nor Väckt is refused in Swedish naming Väckt, never with the API’s sentence', async () => {
    const own = await world(IMPORT_DAY);
    const result = await importBacklog(own, clerk, await oldList(), { dryRun: true });
    expect(result.rows.find((r) => r.row === 6)).toEqual({ row: 6, status: 'error', issues: [{ path: 'Väckt', message: 'Motion: fyll i Väckt (datum då motionen väcktes).' }] });
  });

  it('a motion in a file with no Väckt column is told to fill in Tidsfrist or add the column', async () => {
    const own = await world(IMPORT_DAY);
    const table = await workbookOf([HEAD.slice(0, 9), ['Motion', 'Motion om gratis simskola', 'KS 2027/13', 'KF', utc('2027-02-22'), ...kim, null]]);
    expect((await importBacklog(own, clerk, table, { dryRun: true })).rows).toEqual([
      { row: 2, status: 'error', issues: [{ path: 'Tidsfrist', message: 'Motion: fyll i Tidsfrist, eller lägg till kolumnen Väckt med datum då motionen väcktes.' }] },
    ]);
  });

  it('the accepted names of the raised date are read as Väckt', async () => {
    const own = await world(IMPORT_DAY);
    for (const name of ['Väckt datum', 'Inkom', 'anmäld', 'Väckt i RF']) {
      const table = await workbookOf([[...HEAD.slice(0, 9), name], ['Motion', `Motion om bänkar (${name})`, 'KS 2027/14', 'KF', utc('2027-02-22'), ...kim, null, '2027-02-22']]);
      expect((await importBacklog(own, clerk, table, { dryRun: true })).rows, name).toEqual([{ row: 2, status: 'would_create' }]);
    }
  });

  it('a total row, a footnote and a row with nothing in the columns read are skipped and counted, not errors; a real item with fields missing stays an error', async () => {
    const own = await world(IMPORT_DAY);
    const result = await importBacklog(own, clerk, await oldList(), { dryRun: true });
    expect(result.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(result.skipped).toEqual([
      { row: 8, reason: 'total' },
      { row: 9, reason: 'total' },
      { row: 10, reason: 'lone_text' },
      { row: 11, reason: 'unread_columns' },
    ]);
    expect(result.rows.find((r) => r.row === 7)).toEqual({
      row: 7,
      status: 'error',
      issues: [
        { path: 'Ansvarig', message: 'Kolumnen Ansvarig: saknar värde.' },
        { path: 'E-post', message: 'Kolumnen E-post: saknar värde.' },
      ],
    });
  });

  /** The world, with a manager for Kommunledningskontoret, whose rows' escalations then reach someone. */
  const managed = async (at: string) => {
    const own = await world(at);
    await own.units.put({ unit: 'Kommunledningskontoret', manager: { name: 'Ola Berg', email: 'ola.berg@kommun.example.se' }, updatedBy: admin.who, updatedAt: '2027-01-10T09:00:00.000Z' });
    return own;
  };

  it('the dry run says how many new rows are overdue at the next morning’s reminder run, and for how many the manager is copied', async () => {
    // Monday 3 May 2027 at 09:00: the 07:00 run is over, the next is Tuesday 4 May. Row 3 is 25 days overdue then, row 4 four days.
    const own = await managed(IMPORT_DAY);
    expect((await importBacklog(own, clerk, await oldList(), { dryRun: true })).overdue).toEqual({ rows: 2, escalating: 1, noManager: 0, firstRun: '2027-05-04' });
  });

  it('promises no manager a unit does not have: an escalation with no one to reach is counted apart, in the dry run as in the import', async () => {
    const own = await world(IMPORT_DAY);
    for (const dryRun of [true, false]) {
      expect((await importBacklog(own, clerk, await oldList(), { dryRun })).overdue).toEqual({ rows: 2, escalating: 0, noManager: 1, firstRun: '2027-05-04' });
    }
  });

  it('the first reminder run is that morning’s before 07:00, and skips a holiday (Kristi himmelsfärdsdag, Thursday 6 May 2027)', async () => {
    const early = await managed('2027-05-03T06:30:00+02:00');
    expect((await importBacklog(early, clerk, await oldList(), { dryRun: true })).overdue).toEqual({ rows: 2, escalating: 1, noManager: 0, firstRun: '2027-05-03' });
    const wednesday = await managed('2027-05-05T09:00:00+02:00');
    expect((await importBacklog(wednesday, clerk, await oldList(), { dryRun: true })).overdue).toEqual({ rows: 2, escalating: 2, noManager: 0, firstRun: '2027-05-07' });
  });
});
