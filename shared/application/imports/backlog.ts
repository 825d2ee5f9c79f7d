import { createHash } from 'node:crypto';
import { requireRegistrar, type Caller } from '../../domain/caller';
import { DomainError, invalid, type ErrorIssue } from '../../domain/errors';
import { stockholmDate, type CalendarDate } from '../../domain/dates';
import { KIND_LABELS, KINDS } from '../../domain/items/vocabulary';
import { createItemBody, type CreateItemBody } from '../items/commands';
import { listOr, toIssues } from '../../domain/validation';
import { createItem, type ItemDeps } from '../items/service';
import { deadlineFor } from '../items/registration';
import type { SheetRow, SheetTable } from './ports';

/**
 * The most rows one file may hold: 250, so that an import finishes well within API Gateway's
 * 29 seconds (its 30-second integration timeout less the function's start). Rows are registered
 * one after another, each through `createItem` (one transaction, after the row's own look-ups;
 * the first also reads the closed days, plans and units it needs); on a table from before the
 * look-alike guards, until `npm run guards` has run, each also looks through the official's
 * open items, which grows with every row of that official. Measured that way, on DynamoDB Local
 * on a shared 2-core machine: 250 rows take 9–10 s, naming 60 officials or one (one official, the
 * worst case for the look-up: 300 rows 12 s, 500 rows 25 s); the integration test checks the pace. A larger backlog goes in several files.
 */
export const IMPORT_MAX_ROWS = 250;

/**
 * The columns the import reads, named as the item export names them
 * (shared/views/spreadsheets/items.ts), so an exported file imports back. Every other column is
 * ignored, among them what the product computes or keeps in history (Sammanträde, Dagar kvar,
 * Ändringar av tidsfristen, Senaste skäl, Senaste lägesrapport, Begärd förlängning).
 */
const COLUMN = {
  id: 'Id',
  kind: 'Typ',
  title: 'Rubrik',
  caseNumber: 'Diarienummer',
  body: 'Organ',
  decisionDate: 'Beslutsdatum',
  paragraph: 'Paragraf',
  name: 'Ansvarig',
  email: 'E-post',
  unit: 'Enhet',
  due: 'Tidsfrist',
  state: 'Läge',
  remissReceived: 'Remiss inkom',
  remissReference: 'Remissens referens',
} as const;
type Column = (typeof COLUMN)[keyof typeof COLUMN];

/** Every column the import reads, in the export's order. */
export const IMPORT_COLUMNS: readonly Column[] = Object.values(COLUMN);

/** What every row needs: a file without one of these columns imports nothing. */
const REQUIRED: readonly Column[] = [COLUMN.kind, COLUMN.title, COLUMN.name, COLUMN.email, COLUMN.unit, COLUMN.due];

/** `Läge` of a closed item (the export's words): such a row is not registered as open work. */
const CLOSED_STATES = ['klart', 'avbrutet'];

/** The columns behind each field of a create body, for saying which column a refusal is about. */
const COLUMNS_OF_FIELD: Record<string, readonly Column[]> = {
  kind: [COLUMN.kind],
  title: [COLUMN.title],
  caseNumber: [COLUMN.caseNumber],
  decision: [COLUMN.body, COLUMN.decisionDate],
  'decision.body': [COLUMN.body],
  'decision.date': [COLUMN.decisionDate],
  'decision.paragraph': [COLUMN.paragraph],
  'responsible.name': [COLUMN.name],
  'responsible.email': [COLUMN.email],
  unit: [COLUMN.unit],
  'due.date': [COLUMN.due],
  remiss: [COLUMN.remissReceived, COLUMN.remissReference],
  'remiss.received': [COLUMN.remissReceived],
  'remiss.reference': [COLUMN.remissReference],
};

/** Messages in the spreadsheet's words where the API's would name its fields. */
const FIELD_MESSAGES: Record<string, string> = {
  kind: `ska vara ${listOr(KINDS.map((kind) => KIND_LABELS[kind]))}.`,
  decision: 'saknar värde; bara ett yttrande kan importeras utan beslut.',
  remiss: 'gäller bara yttranden (Typ Yttrande).',
};

export const IMPORT_STATUSES = ['would_create', 'created', 'exists', 'error'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What became of one row: `id` the item created or found; `issues` why not, each naming its column. */
export interface ImportedRow {
  row: number;
  status: ImportStatus;
  id?: string;
  issues?: ErrorIssue[];
}

export interface BacklogImport {
  rows: ImportedRow[];
  counts: Record<ImportStatus, number>;
}

type Cell = (column: Column) => string;

/** "a, b och c". */
const listAnd = (values: readonly string[]) => (values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} och ${values.at(-1)}`);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('sv') + text.slice(1);
const columnIssue = (column: Column, message: string): ErrorIssue => ({ path: column, message: `Kolumnen ${column}: ${message}` });

/**
 * Refusals about body fields (`due.date`) as refusals about columns (`Tidsfrist`), each once: a
 * field whose columns are empty "saknar värde", else the refusal's own message.
 */
function columnIssues(issues: readonly ErrorIssue[], cell: Cell): ErrorIssue[] {
  const seen = new Map<string, ErrorIssue>();
  for (const issue of issues) {
    const columns = COLUMNS_OF_FIELD[issue.path];
    if (!columns) {
      seen.set(issue.message, { path: '', message: issue.message });
      continue;
    }
    const empty = columns.every((column) => cell(column) === '');
    for (const column of columns.filter((c) => (cell(c) === '') === empty)) {
      const message = FIELD_MESSAGES[issue.path] ?? (empty ? 'saknar värde.' : lowerFirst(issue.message));
      seen.set(`${column}\n${message}`, columnIssue(column, message));
    }
  }
  return [...seen.values()];
}

/** Where each column is in the header row (names compared without case and surrounding space); throws when a required one is missing. */
function columnPositions(headers: readonly string[]): Map<Column, number> {
  const normal = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('sv');
  const positions = new Map<Column, number>();
  for (const column of IMPORT_COLUMNS) {
    const at = headers.findIndex((header) => normal(header) === normal(column));
    if (at >= 0) positions.set(column, at);
  }
  const missing = REQUIRED.filter((column) => !positions.has(column));
  if (missing.length) {
    throw invalid(
      'import_columns_missing',
      `Filen saknar ${missing.length === 1 ? 'kolumnen' : 'kolumnerna'} ${listAnd(missing)}. ` +
        `Första raden ska ha kolumnnamnen som i exporten av ärenden: ${IMPORT_COLUMNS.join(', ')}.`,
      missing.map((column) => ({ path: column, message: `Kolumnen ${column} saknas.` })),
    );
  }
  return positions;
}

/** The create body a row describes: its due is the plain date in Tidsfrist; or what is wrong with it, by column. */
function rowBody(cell: Cell): { body: CreateItemBody } | { issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const state = cell(COLUMN.state);
  if (CLOSED_STATES.includes(state.toLocaleLowerCase('sv'))) {
    issues.push(columnIssue(COLUMN.state, `ärendet är ${state}; bara pågående ärenden importeras.`));
  }
  const value = (column: Column) => cell(column) || undefined;
  const some = (...columns: Column[]) => columns.some((column) => cell(column) !== '');
  const candidate = {
    kind: value(COLUMN.kind),
    title: value(COLUMN.title),
    caseNumber: value(COLUMN.caseNumber),
    ...(some(COLUMN.body, COLUMN.decisionDate, COLUMN.paragraph)
      ? { decision: { body: value(COLUMN.body), date: value(COLUMN.decisionDate), paragraph: value(COLUMN.paragraph) } }
      : {}),
    ...(some(COLUMN.remissReceived, COLUMN.remissReference)
      ? { remiss: { received: value(COLUMN.remissReceived), reference: value(COLUMN.remissReference) } }
      : {}),
    responsible: { name: value(COLUMN.name), email: value(COLUMN.email) },
    unit: value(COLUMN.unit),
    due: { date: value(COLUMN.due) },
  };
  const parsed = createItemBody.safeParse(candidate);
  if (!parsed.success) issues.push(...columnIssues(toIssues(parsed.error, candidate), cell));
  return parsed.success && issues.length === 0 ? { body: parsed.data } : { issues };
}

/**
 * A row's identity, the same every time the file is imported: from its `Id` when it has one,
 * else from its content (the create body, so a date cell and the same date typed as text are
 * alike). The item id it is created under (a UUID of the SHA-256, version 8) and its
 * Idempotency-Key both come from it, so a row imported before is found by id for good, not only
 * while the 24-hour idempotency record lasts, and whoever imports it.
 */
function rowIdentity(source: string): { itemId: string; key: string } {
  const hex = createHash('sha256').update(`bevakning-import\n${source}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  const itemId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { itemId, key: `import-${hex}` };
}

/**
 * A registration's refusal for this row: a DomainError other than `unavailable`. Anything else (storage unavailable, a bug) stops the import, to be sent
 * again: the rows already stored then answer `exists`.
 */
function refusalOf(error: unknown): { code: string; issues: ErrorIssue[]; message: string; existingId?: string } | undefined {
  const existing = (details: Record<string, unknown>) => (typeof details.existingId === 'string' ? { existingId: details.existingId } : {});
  if (error instanceof DomainError && error.kind !== 'unavailable') return { code: error.code, issues: error.issues, message: error.message, ...existing(error.details) };
  return undefined;
}

interface Context {
  deps: ItemDeps;
  caller: Caller;
  dryRun: boolean;
  today: CalendarDate;
  /** The item ids a dry run has answered `would_create` for: a later row with the same identity will find that item. */
  foretold: Set<string>;
}

async function importRow(context: Context, row: SheetRow, positions: Map<Column, number>): Promise<ImportedRow> {
  const { deps, caller, dryRun } = context;
  const cell: Cell = (column) => {
    const at = positions.get(column);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
  const answer = (status: ImportStatus, more: { id?: string; issues?: ErrorIssue[] } = {}): ImportedRow => ({ row: row.row, status, ...more });
  const id = cell(COLUMN.id);
  const listed = id ? await deps.items.get(id) : undefined;
  if (listed) return answer('exists', { id: listed.id });
  const parsed = rowBody(cell);
  if ('issues' in parsed) return answer('error', { issues: parsed.issues });
  const { itemId, key } = rowIdentity(id ? `Id\n${id}` : `Rad\n${JSON.stringify(parsed.body)}`);
  if (context.foretold.has(itemId)) return answer('exists');
  if (await deps.items.get(itemId)) return answer('exists', { id: itemId });
  try {
    if (dryRun) {
      await deadlineFor(deps.rules, parsed.body, context.today);
      context.foretold.add(itemId);
      return answer('would_create');
    }
    const { item, replayed } = await createItem({ ...deps, newId: () => itemId }, caller, parsed.body, key);
    return answer(replayed ? 'exists' : 'created', { id: item.id });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    // An open item of the same kind, decision, official and title: the row's work is registered already.
    if (refusal.existingId) return answer('exists', { id: refusal.existingId });
    // The same Id with other content, stored meanwhile by an import of the same file running at the same time.
    if (refusal.code === 'idempotency_key_reused') return answer('exists', { id: itemId });
    const issues = columnIssues(refusal.issues, cell);
    return answer('error', { issues: issues.length ? issues : [{ path: '', message: refusal.message }] });
  }
}

/**
 * `POST /imports`: registers the open work of a spreadsheet (`readSpreadsheet`), one item per
 * row, through `createItem`, as a clerk would one by one. Registrars only.
 *
 * Reads the columns `IMPORT_COLUMNS` (the item export's names, any case; others are ignored):
 * Typ (Uppdrag, Återrapportering, Yttrande, Motion), Rubrik, Diarienummer, Organ, Beslutsdatum,
 * Paragraf, Ansvarig, E-post, Enhet, Tidsfrist, Läge, Remiss inkom, Remissens referens. The
 * deadline is Tidsfrist as a date (`due: { date }`), as the file states it: no meeting plan is
 * consulted, so a plan changed later does not move it. A row whose Läge is Klart or Avbrutet is
 * refused. A row already overdue is registered and reminded as any item registered overdue
 * (README, "The reminder schedule"): from the first working day on or after the import.
 *
 * Each row answers `{ row, status, id?, issues? }`, `row` numbered as the spreadsheet numbers it:
 * - `exists`: its `Id` is an item's; or the row was imported before (its identity, see
 *   `rowIdentity`, from `Id` or content); or it repeats an earlier row of the file; or an open
 *   item of the same kind, decision, official and title exists (`createItem`'s look-alike, which a
 *   dry run does not look for);
 * - `would_create` (dry run) or `created`;
 * - `error`: `issues` in Swedish, each naming its column (`path` "Tidsfrist", message
 *   "Kolumnen Tidsfrist: …"), and nothing stored for the row.
 * Importing the same file again creates nothing. `counts` has every status.
 *
 * Throws `DomainError` `invalid` before any row is looked at: `import_columns_missing` when the
 * header lacks Typ, Rubrik, Ansvarig, E-post, Enhet or Tidsfrist (`issues` name them), and
 * `import_too_many_rows` over IMPORT_MAX_ROWS rows. Storage failing stops the import (the rows
 * stored so far stay, and answer `exists` when the file is sent again).
 */
export async function importBacklog(deps: ItemDeps, caller: Caller, table: SheetTable, options: { dryRun: boolean }): Promise<BacklogImport> {
  requireRegistrar(caller);
  const positions = columnPositions(table.headers);
  if (table.rows.length > IMPORT_MAX_ROWS) {
    throw invalid(
      'import_too_many_rows',
      `Filen har ${table.rows.length} rader med ärenden, och högst ${IMPORT_MAX_ROWS} kan importeras på en gång. Dela upp den i flera filer.`,
    );
  }
  const context: Context = { deps, caller, dryRun: options.dryRun, today: stockholmDate(deps.clock()), foretold: new Set() };
  const rows: ImportedRow[] = [];
  // One row at a time, in file order: a row repeating an earlier one, or like it, then answers as it would alone.
  for (const row of table.rows) rows.push(await importRow(context, row, positions));
  const counts = Object.fromEntries(IMPORT_STATUSES.map((status) => [status, rows.filter((r) => r.status === status).length])) as Record<ImportStatus, number>;
  return { rows, counts };
}
