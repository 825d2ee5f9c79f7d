import { createHash } from 'node:crypto';
import { requireRegistrar, type Caller } from '../../domain/caller';
import { DomainError, invalid, type ErrorIssue } from '../../domain/errors';
import { isCalendarDate, MONTH_NAMES, stockholmDate, stockholmMidnight, swedishDate, type CalendarDate } from '../../domain/dates';
import { itemReference } from '../../domain/items/reference';
import type { StoredItem } from '../../domain/items/item';
import { DEFAULT_REMINDERS, KIND_LABELS, KINDS } from '../../domain/items/vocabulary';
import { isEscalation } from '../../domain/schedule/reminders';
import { JOBS } from '../../platform/jobs';
import { createItemBody, type CreateItemBody } from '../items/commands';
import { listOr, toIssues } from '../../domain/validation';
import { createItem, findOpenLookalike, type ItemDeps } from '../items/service';
import { sameWorkKey } from '../../domain/items/lookalike';
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
  raised: 'Väckt',
} as const;
type Column = (typeof COLUMN)[keyof typeof COLUMN];

/**
 * The names read as Väckt, the date a motion was raised (väcktes) in the council, as old motion
 * lists head it: "Väckt" (also "Väckt datum", "Datum väckt", "Motionen väckt", "Väckt i KF" or, a region's,
 * "Väckt i RF"), "Anmäld" (anmäld i fullmäktige, also "Anmäld i KF", "Anmäld i RF") and "Inkom" / "Inkommen" (the day the
 * motion came in). The item export has no such column: an exported motion carries its Tidsfrist.
 */
export const IMPORT_RAISED_NAMES = ['Väckt', 'Väckt datum', 'Datum väckt', 'Motionen väckt', 'Väckt i KF', 'Väckt i RF', 'Anmäld', 'Anmäld i KF', 'Anmäld i RF', 'Inkom', 'Inkommen'] as const;

/** Every column of the item export the import reads, in the export's order (Väckt, which it lacks, besides: `IMPORT_RAISED_NAMES`). */
export const IMPORT_COLUMNS: readonly Column[] = Object.values(COLUMN).filter((column) => column !== COLUMN.raised);

/**
 * Other names a municipality's own backlog gives the same columns ("Ärende" for Rubrik, "Handläggare" for Ansvarig,
 * "Förvaltning" for Enhet, "Klart senast" for Tidsfrist, "Dnr", "§"): read as the export's names are, case and
 * surrounding space aside.
 */
export const IMPORT_COLUMN_ALIASES: Readonly<Partial<Record<Column, readonly string[]>>> = {
  [COLUMN.kind]: ['Ärendetyp', 'Typ av ärende'],
  [COLUMN.title]: ['Ärende', 'Ärendemening', 'Ärenderubrik'],
  [COLUMN.caseNumber]: ['Dnr', 'Diarienr', 'Diarienummer (Dnr)'],
  [COLUMN.body]: ['Beslutande organ', 'Nämnd', 'Instans'],
  [COLUMN.decisionDate]: ['Beslutad', 'Beslutsdag', 'Datum för beslut'],
  [COLUMN.paragraph]: ['§', 'Par', 'Paragrafnummer'],
  [COLUMN.name]: ['Handläggare', 'Ansvarig handläggare', 'Ansvarig tjänsteperson'],
  [COLUMN.email]: ['E-postadress', 'Epost', 'Mejl', 'Mejladress'],
  [COLUMN.unit]: ['Förvaltning', 'Avdelning', 'Ansvarig förvaltning', 'Ansvarig enhet'],
  [COLUMN.due]: ['Klart senast', 'Senast', 'Slutdatum', 'Deadline', 'Återrapporteras senast'],
  [COLUMN.state]: ['Status'],
  [COLUMN.remissReceived]: ['Remissen inkom'],
};

/** "Rubrik (eller Ärende, Ärendemening, Ärenderubrik)": a column and the other names read as it. */
const withAliases = (column: Column) => {
  const aliases = IMPORT_COLUMN_ALIASES[column];
  return aliases?.length ? `${column} (eller ${listOr([...aliases])})` : column;
};

/** What every row needs: a file without one of these columns imports nothing. */
const REQUIRED: readonly Column[] = [COLUMN.kind, COLUMN.title, COLUMN.name, COLUMN.email, COLUMN.unit, COLUMN.due];

/** The rows looked through for the one naming the columns: a title and a blank row may stand above it. */
const HEADER_SEARCH_ROWS = 10;

/** The columns holding a date: besides YYYY-MM-DD (and date cells), Swedish ways of writing one are read (`isoDate`). */
const DATE_COLUMNS: readonly Column[] = [COLUMN.decisionDate, COLUMN.due, COLUMN.remissReceived, COLUMN.raised];

/** What a date column holding no date is told: every way of writing one the import reads (`isoDate`). */
const NOT_A_DATE =
  'ska vara ett verkligt datum, skrivet ÅÅÅÅ-MM-DD, d/m-åååå, d.m.åååå eller d månad åååå (t.ex. 2027-03-15, 15/3-2027, 15.3.2027 eller 15 mars 2027).';


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
  due: [COLUMN.due],
  'due.date': [COLUMN.due],
  'due.raised': [COLUMN.raised],
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

/**
 * Why a row below the column names carries no item: `total` its first filled cell begins with
 * Summa, Totalt, Total, Delsumma or Antal and its other cells hold numbers only; `unread_columns`
 * nothing in a column read (a note beside the list); `lone_text` one filled cell only (a
 * footnote, a heading between groups).
 */
export type SkipReason = 'total' | 'unread_columns' | 'lone_text';

/**
 * The new rows (`would_create` or `created`) overdue at the first reminder run after the import:
 * `firstRun` that run's date (the reminders job's 07:00 on working days, `JOBS`), `rows` those
 * due before it, whose officials are then sent the overdue email, `escalating` those of them
 * whose managers are copied (overdue by `escalateAfterDays` of the default reminders, README
 * "The reminder schedule").
 */
export interface OverdueOnImport {
  rows: number;
  escalating: number;
  /** Rows overdue long enough to escalate whose item names no manager and whose unit has none: no one is copied. */
  noManager: number;
  firstRun: CalendarDate;
}

export interface BacklogImport {
  /** The workbook's sheets, when it has more than one: the one read and those that are not. */
  sheets?: { read: string; others: string[] };
  rows: ImportedRow[];
  counts: Record<ImportStatus, number>;
  /** Rows that carry no item, in file order: neither imported nor errors. */
  skipped: { row: number; reason: SkipReason }[];
  overdue: OverdueOnImport;
}

type Cell = (column: Column) => string;
/** A column's name as the file's header row writes it ("Klart senast" for Tidsfrist): what a clerk's messages call it. */
type Named = (column: Column) => string;

/** "a, b och c". */
const listAnd = (values: readonly string[]) => (values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} och ${values.at(-1)}`);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('sv') + text.slice(1);
/** An issue about a column: its path the export's name, its message the file's ("Kolumnen Klart senast: …"). */
const columnIssue = (column: Column, named: Named, message: string): ErrorIssue => ({ path: column, message: `Kolumnen ${named(column)}: ${message}` });

/**
 * Refusals about body fields (`due.date`) as refusals about columns (`Tidsfrist`), each once: a
 * field whose columns are empty "saknar värde", else the refusal's own message.
 */
function columnIssues(issues: readonly ErrorIssue[], cell: Cell, named: Named): ErrorIssue[] {
  const seen = new Map<string, ErrorIssue>();
  for (const issue of issues) {
    const columns = COLUMNS_OF_FIELD[issue.path];
    if (!columns) {
      seen.set(issue.message, { path: '', message: issue.message });
      continue;
    }
    const empty = columns.every((column) => cell(column) === '');
    for (const column of columns.filter((c) => (cell(c) === '') === empty)) {
      // A date column's text read as no date is refused naming the forms read, not only the API's ÅÅÅÅ-MM-DD.
      const notADate = !empty && DATE_COLUMNS.includes(column) && !isCalendarDate(normalCell(column, cell(column)));
      const message = FIELD_MESSAGES[issue.path] ?? (empty ? 'saknar värde.' : notADate ? NOT_A_DATE : lowerFirst(issue.message));
      seen.set(`${column}\n${message}`, columnIssue(column, named, message));
    }
  }
  return [...seen.values()];
}

/**
 * The row naming the columns: the first of the first HEADER_SEARCH_ROWS rows that names every
 * REQUIRED column (names compared without case and surrounding space), and where each column
 * is in it. Throws `import_columns_missing` when none does: naming what the row closest to it
 * lacks, or, when no row names even one, saying so.
 */
function headerRow(rows: readonly SheetRow[]): { header: SheetRow; positions: Map<Column, number> } {
  const normal = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('sv');
  const positionsIn = (row: SheetRow) => {
    const positions = new Map<Column, number>();
    for (const column of IMPORT_COLUMNS) {
      const names = [column, ...(IMPORT_COLUMN_ALIASES[column] ?? [])].map(normal);
      // The export's own name first: a file with both "Rubrik" and "Ärende" reads Rubrik.
      const at = names.map((name) => row.cells.findIndex((cell) => normal(cell) === name)).find((index) => index >= 0);
      if (at !== undefined) positions.set(column, at);
    }
    const raisedAt = row.cells.findIndex((cell) => IMPORT_RAISED_NAMES.some((name) => normal(cell) === normal(name)));
    if (raisedAt >= 0) positions.set(COLUMN.raised, raisedAt);
    return positions;
  };
  const candidates = rows.filter((row) => row.row <= HEADER_SEARCH_ROWS).map((row) => ({ header: row, positions: positionsIn(row) }));
  const missingIn = (positions: Map<Column, number>) => REQUIRED.filter((column) => !positions.has(column));
  const found = candidates.find(({ positions }) => missingIn(positions).length === 0);
  if (found) return found;
  const closest = candidates.reduce<(typeof candidates)[number] | undefined>(
    (best, candidate) => (missingIn(candidate.positions).length < (best ? missingIn(best.positions).length : REQUIRED.length) ? candidate : best),
    undefined,
  );
  const missing = closest ? missingIn(closest.positions) : REQUIRED;
  const where = closest ? (closest.header === rows[0] ? 'Första raden' : `Rad ${closest.header.row}`) : undefined;
  throw invalid(
    'import_columns_missing',
    where
      ? `Filen saknar ${missing.length === 1 ? 'kolumnen' : 'kolumnerna'} ${listAnd(missing.map(withAliases))}. ` +
          `${where} ska ha kolumnnamnen som i exporten av ärenden: ${IMPORT_COLUMNS.join(', ')}.`
      : `Hittar ingen rad med kolumnnamnen (${listAnd(REQUIRED)}) bland de första ${HEADER_SEARCH_ROWS} raderna. ` +
          `Kolumnnamnen ska stå som i exporten av ärenden: ${IMPORT_COLUMNS.join(', ')}.`,
    missing.map((column) => ({ path: column, message: `Kolumnen ${column} saknas.` })),
  );
}

/**
 * A date as written in Swedish, as YYYY-MM-DD: "15/3-2027" or "15/3 2027" (d/m-åååå), "13.4.2026" (d.m.åååå)
 * and "31 mars 2027" (d månad åååå) are read; any other text is returned as it is, for the
 * create body's rule to judge. An impossible date ("30/2-2027") becomes one (2027-02-30) that
 * the rule refuses as no real date.
 */
function isoDate(text: string): string {
  const pad = (n: string) => n.padStart(2, '0');
  const numeric = /^(\d{1,2})(?:\/(\d{1,2})(?:-|\s+)|\.(\d{1,2})\.\s?)(\d{4})$/.exec(text);
  if (numeric) return `${numeric[4]}-${pad(numeric[2] ?? numeric[3]!)}-${pad(numeric[1]!)}`;
  const named = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(text);
  const month = named ? MONTH_NAMES.indexOf(named[2]!.toLocaleLowerCase('sv')) : -1;
  if (named && month >= 0) return `${named[3]}-${pad(String(month + 1))}-${pad(named[1]!)}`;
  return text;
}

/**
 * A cell as the create body wants it: an organ's short name written in lower case ("ks", "bun") in capitals, a
 * Swedish date (`isoDate`) as YYYY-MM-DD; anything else as written.
 */
function normalCell(column: Column, text: string): string {
  // An abbreviation ("ks", "bun") only: "kommunstyrelsen" is a name, not a body's short name, and stays refused.
  if (column === COLUMN.body && /^[a-zåäö][a-zåäö0-9-]{0,5}$/.test(text)) return text.toLocaleUpperCase('sv');
  return DATE_COLUMNS.includes(column) ? isoDate(text) : text;
}

/**
 * A motion with no Tidsfrist and no Väckt, told which column to fill in: Väckt when the file has
 * it, else Tidsfrist or a Väckt column.
 */
const motionDueIssue = (hasRaisedColumn: boolean): ErrorIssue =>
  hasRaisedColumn
    ? { path: COLUMN.raised, message: `Motion: fyll i ${COLUMN.raised} (datum då motionen väcktes).` }
    : { path: COLUMN.due, message: `Motion: fyll i ${COLUMN.due}, eller lägg till kolumnen ${COLUMN.raised} med datum då motionen väcktes.` };

/**
 * The create body a row describes: its due is the plain date in Tidsfrist; for a motion without
 * one, the date in Väckt (`due: { raised }`, the deadline counted as for a motion registered by
 * hand); or what is wrong with it, by column. Väckt is not read on other kinds' rows.
 */
function rowBody(cell: Cell, named: Named, hasRaisedColumn: boolean): { body: CreateItemBody } | { issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const state = cell(COLUMN.state);
  if (CLOSED_STATES.includes(state.toLocaleLowerCase('sv'))) {
    issues.push(columnIssue(COLUMN.state, named, `ärendet är ${state}; bara pågående ärenden importeras.`));
  }
  const value = (column: Column) => normalCell(column, cell(column)) || undefined;
  const some = (...columns: Column[]) => columns.some((column) => cell(column) !== '');
  const motion = cell(COLUMN.kind).normalize('NFC').toLocaleLowerCase('sv') === 'motion';
  const motionRaised = motion && cell(COLUMN.due) === '' && cell(COLUMN.raised) !== '';
  const motionUndated = motion && cell(COLUMN.due) === '' && cell(COLUMN.raised) === '';
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
    due: motionRaised ? { raised: value(COLUMN.raised) } : { date: value(COLUMN.due) },
  };
  if (motionUndated) issues.push(motionDueIssue(hasRaisedColumn));
  const parsed = createItemBody.safeParse(candidate);
  // The motion's missing date is said once, in its own words, not as the due field's refusal.
  const refused = parsed.success ? [] : toIssues(parsed.error, candidate).filter((issue) => !(motionUndated && issue.path.startsWith('due')));
  issues.push(...columnIssues(refused, cell, named));
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
  /** The work (`sameWorkKey`) of each row of the file that is or would be an item, and that row's number: a later row like it is refused naming it. */
  rowOfWork: Map<string, number>;
  /** The deadlines of the rows answered `would_create` or `created`, and whether a manager is there to escalate to, for `overdueOnImport`. */
  newDueDates: { dueDate: CalendarDate; managed: boolean }[];
  /** Whether each unit named has a manager in the unit directory, read once per unit (a dry run stores no item to tell). */
  unitManaged: Map<string, boolean>;
  /** Each column's name in the file's header row. */
  named: Named;
}

const LOOKALIKE_ADVICE = 'samma typ, beslut, ansvarig och rubrik. Ändra rubriken om det är ett annat ärende.';

/** A row refused as a look-alike of an earlier row of the file, or of a stored open item with another deadline. */
const lookalikeIssue = (like: { row: number } | StoredItem): ErrorIssue => ({
  path: '',
  message:
    'row' in like
      ? `Liknar ett ärende längre upp i filen (rad ${like.row}): ${LOOKALIKE_ADVICE}`
      : `Liknar ett öppet ärende (${itemReference(like)}, tidsfrist ${swedishDate(like.dueDate)}): ${LOOKALIKE_ADVICE}`,
});

/** A total's first cell: "Summa", "Summa: 8 ärenden", "Totalt", "Antal ärenden". */
const TOTAL_WORD = /^(summa|totalt?|delsumma|antal)(?![\p{L}])/iu;
/** A total's other cells: "8", "1 250", "8 ärenden". */
const COUNT = /^\d[\d\s.,]*(\s+\p{L}+)?$/u;

/** Why a row carries no item (`SkipReason`), or undefined when it is a row to import or refuse. */
function skipReason(row: SheetRow, positions: Map<Column, number>): SkipReason | undefined {
  const filled = row.cells.flatMap((cell, at) => (cell.trim() === '' ? [] : [{ text: cell.trim(), at }]));
  const [first, ...others] = filled;
  if (first && TOTAL_WORD.test(first.text) && others.every((cell) => COUNT.test(cell.text))) return 'total';
  const read = new Set(positions.values());
  if (!filled.some((cell) => read.has(cell.at))) return 'unread_columns';
  // One cell cannot be an item (it needs at least six), so a row of one is a footnote or a heading, never work left out.
  return filled.length === 1 ? 'lone_text' : undefined;
}

/**
 * The first reminder run after `now`: the reminders job's time (`JOBS`) today if that is still
 * ahead and today is a working day, else the next working day's (the job skips the others).
 */
async function firstReminderRun(deps: ItemDeps, now: Date): Promise<CalendarDate> {
  const { hour, minute } = JOBS.find((job) => job.name === 'reminders')!.schedule;
  const today = stockholmDate(now);
  const calendar = await deps.rules.calendar();
  // No clock change falls on a working day, so the run's wall-clock time is midnight plus its hours.
  const runToday = stockholmMidnight(today).getTime() + (hour * 60 + minute) * 60_000;
  return now.getTime() < runToday && calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, 1);
}

/** `OverdueOnImport` of the new rows' deadlines, reminded with the default reminders. */
async function overdueOnImport(deps: ItemDeps, rows: Context['newDueDates']): Promise<OverdueOnImport> {
  const firstRun = await firstReminderRun(deps, deps.clock());
  const escalating = rows.filter((row) => isEscalation(row.dueDate, DEFAULT_REMINDERS, firstRun));
  return {
    rows: rows.filter((row) => row.dueDate < firstRun).length,
    escalating: escalating.filter((row) => row.managed).length,
    noManager: escalating.filter((row) => !row.managed).length,
    firstRun,
  };
}

/** Whether a row's item would have a manager to escalate to: its own, or its unit's in the directory (read once per unit). */
async function managed(context: Context, body: CreateItemBody): Promise<boolean> {
  if (body.manager) return true;
  let known = context.unitManaged.get(body.unit);
  if (known === undefined) {
    known = !!(await context.deps.items.registrationData({ closedDayYears: [], plans: [], unit: body.unit })).unit?.manager;
    context.unitManaged.set(body.unit, known);
  }
  return known;
}

async function importRow(context: Context, row: SheetRow, positions: Map<Column, number>): Promise<ImportedRow> {
  const { deps, caller, dryRun } = context;
  const cell: Cell = (column) => {
    const at = positions.get(column);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
  const answer = (status: ImportStatus, more: { id?: string; issues?: ErrorIssue[] } = {}): ImportedRow => ({ row: row.row, status, ...more });
  // A merged cell reads as the range's first cell: another row's value, never this row's own.
  const merged = Object.values(COLUMN).filter((column) => row.merged?.includes(positions.get(column) ?? -1));
  if (merged.length) return answer('error', { issues: merged.map((column) => columnIssue(column, context.named, 'sammanfogade celler går inte att läsa; dela upp dem i Excel.')) });
  const id = cell(COLUMN.id);
  const listed = id ? await deps.items.get(id) : undefined;
  if (listed) return answer('exists', { id: listed.id });
  const parsed = rowBody(cell, context.named, positions.has(COLUMN.raised));
  if ('issues' in parsed) return answer('error', { issues: parsed.issues });
  const { itemId, key } = rowIdentity(id ? `Id\n${id}` : `Rad\n${JSON.stringify(parsed.body)}`);
  const work = sameWorkKey(parsed.body);
  const earlier = context.rowOfWork.get(work);
  if (context.foretold.has(itemId)) return answer('exists');
  const stored = await deps.items.get(itemId);
  if (stored) {
    if (earlier === undefined) context.rowOfWork.set(work, row.row);
    return answer('exists', { id: itemId });
  }
  if (earlier !== undefined) return answer('error', { issues: [lookalikeIssue({ row: earlier })] });
  // An open item of the same kind, decision, official and title: this row's work registered by hand when it has the
  // row's deadline ("finns redan"); with another, work that only looks the same, or the deadline moved since, to tell apart.
  const likeOpen = async (like: StoredItem) =>
    (await deadlineFor(deps.rules, parsed.body, context.today)).dueDate === like.dueDate ? answer('exists', { id: like.id }) : answer('error', { issues: [lookalikeIssue(like)] });
  try {
    if (dryRun) {
      const lookalike = await findOpenLookalike(deps, parsed.body);
      if (lookalike) return likeOpen(lookalike);
      const { dueDate } = await deadlineFor(deps.rules, parsed.body, context.today);
      context.newDueDates.push({ dueDate, managed: await managed(context, parsed.body) });
      context.foretold.add(itemId);
      context.rowOfWork.set(work, row.row);
      return answer('would_create');
    }
    const { item, replayed } = await createItem({ ...deps, newId: () => itemId }, caller, parsed.body, key);
    context.rowOfWork.set(work, row.row);
    if (!replayed) context.newDueDates.push({ dueDate: item.dueDate, managed: item.manager !== undefined });
    return answer(replayed ? 'exists' : 'created', { id: item.id });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    if (refusal.existingId) {
      const lookalike = await deps.items.get(refusal.existingId);
      return lookalike ? likeOpen(lookalike) : answer('error', { issues: [{ path: '', message: refusal.message }] });
    }
    // The same Id with other content, stored meanwhile by an import of the same file running at the same time.
    if (refusal.code === 'idempotency_key_reused') return answer('exists', { id: itemId });
    const issues = columnIssues(refusal.issues, cell, context.named);
    return answer('error', { issues: issues.length ? issues : [{ path: '', message: refusal.message }] });
  }
}

/**
 * `POST /imports`: registers the open work of a spreadsheet (`readSpreadsheet`), one item per
 * row, through `createItem`, as a clerk would one by one. Registrars only.
 *
 * Reads the columns `IMPORT_COLUMNS` (the item export's names, any case; others are ignored)
 * from the row naming them (`headerRow`: the first of the first 10 naming the required ones;
 * rows above it, a title, are skipped): Typ (Uppdrag, Återrapportering, Yttrande, Motion),
 * Rubrik, Diarienummer, Organ (in lower case read in capitals), Beslutsdatum, Paragraf,
 * Ansvarig, E-post, Enhet, Tidsfrist, Läge, Remiss inkom, Remissens referens; dates as date
 * cells, YYYY-MM-DD or as `isoDate` reads them. The deadline is Tidsfrist as a date (`due: { date }`), as the file states it: no meeting plan is
 * consulted, so a plan changed later does not move it. A row whose Läge is Klart or Avbrutet is
 * refused. A row already overdue is registered and reminded as any item registered overdue
 * (README, "The reminder schedule"): from the first working day on or after the import.
 *
 * Each row answers `{ row, status, id?, issues? }`, `row` numbered as the spreadsheet numbers it:
 * - `exists`: its `Id` is an item's; or the row was imported before (its identity, see
 *   `rowIdentity`, from `Id` or content); or it repeats an earlier row of the file;
 * - `would_create` (dry run) or `created`;
 * - `error`: `issues` in Swedish, each naming its column (`path` "Tidsfrist", message
 *   "Kolumnen Tidsfrist: …"), and nothing stored for the row. Among them a row of the same kind,
 *   decision, official and title as an open item or an earlier row of the file (`path` '',
 *   naming it): look-alikes are never taken for the same row, as the dry run checks too; and a
 *   row with a merged cell in a column read (its text is the range's first cell's).
 * Importing the same file again creates nothing. `counts` has every status.
 *
 * Throws `DomainError` `invalid` before any row is looked at: `import_columns_missing` when no
 * row of the first 10 names Typ, Rubrik, Ansvarig, E-post, Enhet and Tidsfrist (`issues` name
 * those the closest row lacks), and `import_too_many_rows` over IMPORT_MAX_ROWS rows. Storage failing stops the import (the rows
 * stored so far stay, and answer `exists` when the file is sent again).
 */
export async function importBacklog(deps: ItemDeps, caller: Caller, table: SheetTable, options: { dryRun: boolean }): Promise<BacklogImport> {
  requireRegistrar(caller);
  const { header, positions } = headerRow(table.rows);
  const below = table.rows.filter((row) => row.row > header.row);
  const skipped = below.flatMap((row) => {
    const reason = skipReason(row, positions);
    return reason ? [{ row: row.row, reason }] : [];
  });
  const skippedRows = new Set(skipped.map((skip) => skip.row));
  const itemRows = below.filter((row) => !skippedRows.has(row.row));
  if (itemRows.length > IMPORT_MAX_ROWS) {
    throw invalid(
      'import_too_many_rows',
      `Filen har ${itemRows.length} rader med ärenden, och högst ${IMPORT_MAX_ROWS} kan importeras på en gång. Dela upp den i flera filer.`,
    );
  }
  const named: Named = (column) => header.cells[positions.get(column) ?? -1]?.trim() || column;
  const context: Context = { deps, caller, dryRun: options.dryRun, today: stockholmDate(deps.clock()), foretold: new Set(), rowOfWork: new Map(), newDueDates: [], unitManaged: new Map(), named };
  const rows: ImportedRow[] = [];
  // One row at a time, in file order: a row repeating an earlier one, or like it, then answers as it would alone.
  for (const row of itemRows) rows.push(await importRow(context, row, positions));
  const counts = Object.fromEntries(IMPORT_STATUSES.map((status) => [status, rows.filter((r) => r.status === status).length])) as Record<ImportStatus, number>;
  return { ...(table.sheets?.others.length ? { sheets: table.sheets } : {}), rows, counts, skipped, overdue: await overdueOnImport(deps, context.newDueDates) };
}
