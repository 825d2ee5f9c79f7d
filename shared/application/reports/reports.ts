import type { Clock } from '../../platform/clock';
import { daysBetween, stockholmDate, swedishDateTime, swedishDayMonthYear, type CalendarDate } from '../../domain/dates';
import { oneYearLater } from '../../domain/deadlines/resolve';
import { decisionReference } from '../../domain/items/reference';
import { oneLine } from '../../domain/text';
import type { Kind, Person } from '../../domain/items/vocabulary';
import type { StatusReport, StoredItem } from '../../domain/items/item';
import type { ItemQuery, ItemRepository } from '../items/ports';
import type { PlanStore } from '../plans/ports';
import { refused } from '../../domain/errors';
import { MOTION_WARNING_DAYS } from './queries';
import { listAll } from '../items/list-all';

/**
 * The council reports: the balanslista of unanswered motions and the follow-up of a body's
 * decisions (verkställighetsuppföljning). Plain functions over the item repository; the handler
 * only chooses JSON, CSV (./csv.ts) or the printable page (./pages.ts).
 *
 * `asOf` is the day the days left are counted from and the date in the heading. The repository
 * holds items as they are now, not as they were, so a report lists the items that are open now
 * and were registered (createdAt, as a Stockholm date) on or before `asOf`: an item registered
 * later is left out, but one closed after `asOf` is not brought back. For today's date (the
 * default) and later dates the list is exact.
 */
export interface ReportDeps {
  items: ItemRepository;
  clock: Clock;
}

/** "15 maj 2027": the date form of a heading (no weekday). */
export function dayMonthYear(date: CalendarDate): string {
  return swedishDayMonthYear(date);
}

/** "15 maj 2027 kl. 09:05": when a report was taken out, Stockholm time. */
export function takenOutAt(instant: string): string {
  return swedishDateTime(new Date(instant));
}

/** The open items a query names, registered on or before `asOf`. */
async function openItems(items: ItemRepository, query: Omit<ItemQuery, 'statuses' | 'limit' | 'cursor'>, asOf: CalendarDate): Promise<StoredItem[]> {
  const open = await listAll(items, { ...query, statuses: ['open'] });
  return open.filter((item) => stockholmDate(new Date(item.createdAt)) <= asOf);
}

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id);

// ---------------------------------------------------------------------------------------------
// Balanslista: "Redovisning av obesvarade motioner per …"

/** `over`: past its statutory limit; `soon`: the limit is at most MOTION_WARNING_DAYS away (the day itself included). */
export type MotionMark = 'over' | 'soon';

export interface BalanslistaRow {
  id: string;
  title: string;
  caseNumber?: string;
  /** The day the motion was raised (väckt) in the council; absent when it was registered with another deadline form. */
  raised?: CalendarDate;
  /** One year after `raised` (kommunallagen 5 kap. 35 §). */
  statutoryLimit?: CalendarDate;
  /** The official's deadline: the document date of the council meeting that answers it. */
  dueDate: CalendarDate;
  meetingDate?: CalendarDate;
  /** The body of the item's decision (the council for a motion raised there). */
  body?: string;
  /** "KF 2026-06-15 § 88, KS 2026/318" */
  decision: string;
  /** The unit (förvaltning) preparing the answer. */
  unit: string;
  responsible: Person;
  /** Days from `asOf` to the statutory limit (to `dueDate` when there is none): 0 on the day, negative past it. */
  daysLeft: number;
  mark: MotionMark | null;
  /** The latest lägesrapport: what has come of the preparation, which the law wants reported with the list. */
  statusReport?: StatusReport;
}

export interface Balanslista {
  title: string;
  asOf: CalendarDate;
  /** When the report was taken out (ISO instant). */
  generatedAt: string;
  warningDays: number;
  summary: { total: number; over: number; soon: number };
  rows: BalanslistaRow[];
}

export const balanslistaTitle = (asOf: CalendarDate) => `Redovisning av obesvarade motioner per ${dayMonthYear(asOf)}`;

export function markOf(daysLeft: number): MotionMark | null {
  if (daysLeft < 0) return 'over';
  return daysLeft <= MOTION_WARNING_DAYS ? 'soon' : null;
}

export function motionRow(item: StoredItem, asOf: CalendarDate): BalanslistaRow {
  const raised = 'raised' in item.due ? item.due.raised : undefined;
  const statutoryLimit = item.statutoryLimit ?? (raised ? oneYearLater(raised) : undefined);
  const daysLeft = daysBetween(asOf, statutoryLimit ?? item.dueDate);
  return {
    id: item.id,
    title: item.title,
    ...(item.caseNumber ? { caseNumber: item.caseNumber } : {}),
    ...(raised ? { raised } : {}),
    ...(statutoryLimit ? { statutoryLimit } : {}),
    dueDate: item.dueDate,
    ...(item.meetingDate ? { meetingDate: item.meetingDate } : {}),
    ...(item.decision ? { body: item.decision.body } : {}),
    decision: oneLine(decisionReference(item) ?? '', 400),
    unit: item.unit,
    responsible: item.responsible,
    daysLeft,
    mark: markOf(daysLeft),
    ...(item.statusReport ? { statusReport: item.statusReport } : {}),
  };
}

/** Every open motion on `asOf` (default today, Stockholm), the nearest statutory limit first. */
export async function balanslista(deps: ReportDeps, asOf?: CalendarDate): Promise<Balanslista> {
  const generatedAt = deps.clock().toISOString();
  const day = asOf ?? stockholmDate(new Date(generatedAt));
  const rows = (await openItems(deps.items, { kind: 'motion' }, day))
    .map((item) => motionRow(item, day))
    .sort((a, b) => (a.statutoryLimit ?? a.dueDate).localeCompare(b.statutoryLimit ?? b.dueDate) || byTitle(a, b));
  return {
    title: balanslistaTitle(day),
    asOf: day,
    generatedAt,
    warningDays: MOTION_WARNING_DAYS,
    summary: { total: rows.length, over: rows.filter((r) => r.mark === 'over').length, soon: rows.filter((r) => r.mark === 'soon').length },
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Verkställighet: the follow-up of one body's decisions

export interface VerkstallighetRow {
  id: string;
  kind: Kind;
  title: string;
  caseNumber?: string;
  /** "KF 2027-02-22 § 14, KS 2027/12" */
  decision: string;
  decisionDate?: CalendarDate;
  unit: string;
  responsible: Person;
  dueDate: CalendarDate;
  meetingDate?: CalendarDate;
  /** Days from `asOf` to `dueDate`: 0 on the day, negative when overdue. */
  daysLeft: number;
  /** How often the deadline was moved after registration, and the latest reason given. */
  deadlineChanges: number;
  lastDeadlineReason?: string;
  statusReport?: StatusReport;
}

export interface Verkstallighet {
  title: string;
  body: string;
  asOf: CalendarDate;
  generatedAt: string;
  summary: { total: number; overdue: number; deadlineChanged: number };
  rows: VerkstallighetRow[];
}

export const verkstallighetTitle = (body: string, asOf: CalendarDate) => `Uppföljning av ${body}:s beslut per ${dayMonthYear(asOf)}`;

export function followUpRow(item: StoredItem, asOf: CalendarDate): VerkstallighetRow {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    ...(item.caseNumber ? { caseNumber: item.caseNumber } : {}),
    decision: oneLine(decisionReference(item) ?? '', 400),
    ...(item.decision ? { decisionDate: item.decision.date } : {}),
    unit: item.unit,
    responsible: item.responsible,
    dueDate: item.dueDate,
    ...(item.meetingDate ? { meetingDate: item.meetingDate } : {}),
    daysLeft: daysBetween(asOf, item.dueDate),
    deadlineChanges: item.deadlineChanges ?? 0,
    ...(item.lastDeadlineReason ? { lastDeadlineReason: item.lastDeadlineReason } : {}),
    ...(item.statusReport ? { statusReport: item.statusReport } : {}),
  };
}

/** Before any date an item can carry: "closed since then" is every closed item. */
const EVER = '1900-01-01';

/**
 * Whether the municipality has `body`: a meeting plan of it, or an item it decided, open or closed.
 * A typo ("XYZ") would otherwise get an empty report titled as if the body existed.
 */
async function isKnownBody(deps: { items: Pick<ItemRepository, 'ofDecisionBody'>; plans: Pick<PlanStore, 'meetingPlanList'> }, body: string): Promise<boolean> {
  if ((await deps.plans.meetingPlanList()).some((plan) => plan.body === body)) return true;
  return (await deps.items.ofDecisionBody(body, EVER)).length > 0;
}

/**
 * Every open item decided by `body` on `asOf` (default today, Stockholm), the earliest deadline
 * first. Throws `refused` `unknown_body` (422, the issue at `body`) for a body with no meeting plan
 * and no item ever.
 */
export async function verkstallighet(deps: ReportDeps & { plans: Pick<PlanStore, 'meetingPlanList'> }, body: string, asOf?: CalendarDate): Promise<Verkstallighet> {
  const generatedAt = deps.clock().toISOString();
  const day = asOf ?? stockholmDate(new Date(generatedAt));
  const rows = (await openItems(deps.items, { decisionBody: body }, day))
    .map((item) => followUpRow(item, day))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byTitle(a, b));
  if (rows.length === 0 && !(await isKnownBody(deps, body))) {
    const message = `Kommunen har inget organ som heter ${body}: det har ingen sammanträdesplan och inget ärende. Kontrollera förkortningen, t.ex. KS.`;
    throw refused('unknown_body', message, [{ path: 'body', message }]);
  }
  return {
    title: verkstallighetTitle(body, day),
    body,
    asOf: day,
    generatedAt,
    summary: { total: rows.length, overdue: rows.filter((r) => r.daysLeft < 0).length, deadlineChanged: rows.filter((r) => r.deadlineChanges > 0).length },
    rows,
  };
}
