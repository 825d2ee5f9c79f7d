import * as z from 'zod';
import { daysBetween, type CalendarDate } from '../dates';
import { bodyName, calendarDate, KIND_LABELS, KINDS, LIMITS, type Kind } from '../items/vocabulary';
import { type CountedItem, type ReportItem } from './counted';

/**
 * `GET /reports/statistik`: how the decisions of a period were carried out, the figures municipal
 * auditors review in a "granskning av verkställighet av beslut" (decided, done on time and late,
 * cancelled, still open, extended, days from decision to done, the oldest open items).
 */

/** The query of `GET /reports/statistik`: the period of decision dates (both days included) and the optional filters. */
export const statisticsQuery = z.lazy(() =>
  z
    .strictObject({
      from: calendarDate,
      to: calendarDate,
      body: bodyName.optional(),
      unit: z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.unit, `Högst ${LIMITS.unit} tecken.`).optional(),
      kind: z.enum(KINDS, 'Ska vara uppdrag, aterrapportering, yttrande eller motion.').optional(),
    })
    .refine((query) => query.from <= query.to, { path: ['to'], message: 'Ska vara samma dag som from eller senare.' }),
);
export type StatisticsQuery = z.infer<typeof statisticsQuery>;
export type StatisticsFilters = Omit<StatisticsQuery, 'from' | 'to'>;

/** The figures of the whole period and of each group; the five outcome counts add up to `decided`. */
export interface Figures {
  /** Items decided in the period (registered in it, for an item without a decision). */
  decided: number;
  /** Done, closed on or before the deadline in force (`dueDate`). */
  doneOnTime: number;
  /** Done, closed after the deadline in force. */
  doneLate: number;
  cancelled: number;
  /** Open, deadline today or later. */
  openOnTime: number;
  /** Open, deadline before today. */
  openOverdue: number;
  /** Items whose deadline was changed at least once, whatever their state (not an outcome: overlaps the others). */
  extended: number;
  /** Days from decision to done, nearest-rank median and 90th percentile of the done items; null when none is done. */
  medianDaysToDone: number | null;
  p90DaysToDone: number | null;
}

export const GROUP_DIMENSIONS = ['body', 'unit', 'kind', 'year'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

export interface StatisticsGroup extends Figures {
  /** The body, unit, kind or year (`"2026"`); `null` in the body grouping for items without a decision. */
  key: string | null;
  /** The key as a clerk reads it: "KS", "Utbildningsförvaltningen", "Återrapportering", "2026", "Utan beslut". */
  label: string;
}

export interface OldestOpenItem {
  id: string;
  kind: Kind;
  title: string;
  /** "KS 2026-03-11 § 58, KS 2026/141" (see decisionReference). */
  decision: string;
  /** The decision date, or the Stockholm registration date when there is no decision. */
  decidedOn: CalendarDate;
  unit: string;
  dueDate: CalendarDate;
  overdue: boolean;
  /** Calendar days from `decidedOn` to the report's day. */
  daysOpen: number;
  deadlineChanges: number;
}

export interface Statistics {
  from: CalendarDate;
  to: CalendarDate;
  /** The day open items were judged on time or overdue (the report's "today"). */
  asOf: CalendarDate;
  filters: StatisticsFilters;
  totals: Figures;
  /** Bodies alphabetically (items without a decision last), units alphabetically, kinds in their usual order, years ascending. */
  groups: Record<GroupDimension, StatisticsGroup[]>;
  /** The open items decided longest ago, at most OLDEST_OPEN_COUNT; ties by id. */
  oldestOpen: OldestOpenItem[];
}

export const OLDEST_OPEN_COUNT = 20;
export const NO_DECISION_LABEL = 'Utan beslut';

/**
 * The reference a clerk cites: "KS 2026-03-11 § 58, KS 2026/141" (a paragraph written "58" reads
 * "§ 58"); missing parts are left out. Without a decision: "Remiss Fi2026/01234 inkom 2026-02-03,
 * KS 2026/12", or "Utan beslut" when nothing identifies it.
 */
export function decisionReference(item: Pick<ReportItem, 'decision' | 'remiss' | 'caseNumber'>): string {
  const parts: string[] = [];
  if (item.decision) {
    const { body, date, paragraph } = item.decision;
    parts.push([body, date, paragraph ? (/^\d/.test(paragraph) ? `§ ${paragraph}` : paragraph) : ''].filter(Boolean).join(' '));
  } else if (item.remiss) {
    const { reference, received } = item.remiss;
    parts.push(['Remiss', reference, received ? `inkom ${received}` : ''].filter(Boolean).join(' '));
  }
  if (item.caseNumber) parts.push(item.caseNumber);
  return parts.join(', ') || NO_DECISION_LABEL;
}

type Outcome = 'doneOnTime' | 'doneLate' | 'cancelled' | 'openOnTime' | 'openOverdue';

/** Counts of one group as the items pass; day counts as a histogram (day count → items) so percentiles need no sorting of items. */
interface Tally {
  key: string | null;
  label: string;
  counts: Record<Outcome | 'decided' | 'extended', number>;
  daysToDone: Map<number, number>;
}

const newTally = (key: string | null, label: string): Tally => ({
  key,
  label,
  counts: { decided: 0, doneOnTime: 0, doneLate: 0, cancelled: 0, openOnTime: 0, openOverdue: 0, extended: 0 },
  daysToDone: new Map(),
});

/**
 * Nearest-rank percentile of a histogram: the smallest value with at least `ceil(p × n)` of the
 * `n` values at or below it (p = 0.5 gives the lower middle of an even count). null when n = 0.
 */
export function nearestRank(histogram: ReadonlyMap<number, number>, p: number): number | null {
  let n = 0;
  for (const count of histogram.values()) n += count;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  // rank ≤ n, so some value is found.
  return [...histogram.keys()].sort((a, b) => a - b).find((value) => (seen += histogram.get(value)!) >= rank)!;
}

const figuresOf = (tally: Tally): Figures => ({
  ...tally.counts,
  medianDaysToDone: nearestRank(tally.daysToDone, 0.5),
  p90DaysToDone: nearestRank(tally.daysToDone, 0.9),
});

const swedishOrder = (a: Tally, b: Tally) => a.label.localeCompare(b.label, 'sv');
const SORTS: Record<GroupDimension, (a: Tally, b: Tally) => number> = {
  body: (a, b) => Number(a.key === null) - Number(b.key === null) || swedishOrder(a, b),
  unit: swedishOrder,
  kind: (a, b) => KINDS.indexOf(a.key as Kind) - KINDS.indexOf(b.key as Kind),
  year: (a, b) => Number(a.key) - Number(b.key),
};

/** Older first (decision or registration date, then id): the order of `oldestOpen`. */
const olderFirst = (a: CountedItem, b: CountedItem) => a.countedOn.localeCompare(b.countedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Keeps the `size` oldest open items by insertion into a short sorted array: linear in the items. */
function keepOldest(kept: CountedItem[], candidate: CountedItem, size: number): void {
  if (kept.length === size && olderFirst(candidate, kept[size - 1]!) >= 0) return;
  let at = kept.length;
  while (at > 0 && olderFirst(candidate, kept[at - 1]!) < 0) at--;
  kept.splice(at, 0, candidate);
  if (kept.length > size) kept.pop();
}

/** The statistics before the oldest open items are described: those items as counted, oldest first. */
export type CountedStatistics = Omit<Statistics, 'oldestOpen'> & { oldestOpen: CountedItem[] };

/**
 * The statistics of the items decided from `from` to `to` (both included), as they stand on
 * `today` (the Stockholm date of the clock, passed in), from each item's counted facts
 * (countedItem). Pure and linear: one pass over `items`. The oldest open items come back as
 * counted; describeOldestOpen adds their titles and decision references.
 *
 * Rules:
 * - An item belongs to the period by its decision date; an item without a decision (a yttrande
 *   registered from a remiss) by its registration date, the Stockholm date of `createdAt`. The
 *   same date gives its year group, and it forms the body group "Utan beslut" (key null), which
 *   a body filter never matches.
 * - Items are counted as they are now: a decision of the period closed after `to` counts as done.
 * - Done on time: status done and the Stockholm date of `closedAt` on or before `dueDate`, the
 *   deadline in force (after any extension); a day later is late, even when the UTC date of
 *   `closedAt` is still the deadline day (00:30 in Stockholm is 22:30 or 23:30 UTC the day before).
 * - Open overdue: status open and `dueDate` before `today` (so overdue from the day after the
 *   deadline, as shared/domain/schedule/state.ts); open on time otherwise.
 * - Extended: `deadlineChanges` ≥ 1, counted in every outcome.
 * - Days to done: Stockholm calendar days from the decision date (or registration date) to the
 *   Stockholm date of `closedAt`, done items only (not cancelled). Median and 90th percentile by
 *   the nearest-rank method (nearestRank); null when no item in the group is done.
 * - `oldestOpen`: the OLDEST_OPEN_COUNT open items (on time or overdue) with the earliest decision
 *   (or registration) date, ties by id.
 */
export function computeStatistics(
  items: Iterable<CountedItem>,
  options: { from: CalendarDate; to: CalendarDate; today: CalendarDate; filters?: StatisticsFilters },
): CountedStatistics {
  const { from, to, today, filters = {} } = options;
  const total = newTally(null, '');
  const groups = Object.fromEntries(GROUP_DIMENSIONS.map((d) => [d, new Map<string | null, Tally>()])) as Record<GroupDimension, Map<string | null, Tally>>;
  const oldest: CountedItem[] = [];
  // Day counts through one day number a date (shared/domain/dates daysBetween, once per distinct date).
  const dayNumbers = new Map<CalendarDate, number>();
  const dayNumber = (date: CalendarDate) => {
    let n = dayNumbers.get(date);
    if (n === undefined) dayNumbers.set(date, (n = daysBetween(from, date)));
    return n;
  };

  const tallyIn = (dimension: GroupDimension, key: string | null, label: string) => {
    const map = groups[dimension];
    let tally = map.get(key);
    if (!tally) map.set(key, (tally = newTally(key, label)));
    return tally;
  };

  for (const item of items) {
    if (filters.kind && item.kind !== filters.kind) continue;
    if (filters.unit && item.unit !== filters.unit) continue;
    if (filters.body && item.body !== filters.body) continue;
    const decidedOn = item.countedOn;
    if (decidedOn < from || decidedOn > to) continue;

    let outcome: Outcome;
    let daysToDone: number | undefined;
    if (item.status === 'done') {
      // A done item always has its closing date (countedItem).
      const closedOn = item.closedOn!;
      outcome = closedOn <= item.dueDate ? 'doneOnTime' : 'doneLate';
      daysToDone = dayNumber(closedOn) - dayNumber(decidedOn);
    } else if (item.status === 'cancelled') {
      outcome = 'cancelled';
    } else {
      outcome = item.dueDate < today ? 'openOverdue' : 'openOnTime';
      keepOldest(oldest, item, OLDEST_OPEN_COUNT);
    }
    const extended = item.deadlineChanges > 0;
    const year = decidedOn.slice(0, 4);
    const { body } = item;
    for (const tally of [
      total,
      tallyIn('body', body, body ?? NO_DECISION_LABEL),
      tallyIn('unit', item.unit, item.unit),
      tallyIn('kind', item.kind, KIND_LABELS[item.kind]),
      tallyIn('year', year, year),
    ]) {
      tally.counts.decided++;
      tally.counts[outcome]++;
      if (extended) tally.counts.extended++;
      if (daysToDone !== undefined) tally.daysToDone.set(daysToDone, (tally.daysToDone.get(daysToDone) ?? 0) + 1);
    }
  }

  const sortedGroups = (dimension: GroupDimension): StatisticsGroup[] =>
    [...groups[dimension].values()].sort(SORTS[dimension]).map((tally) => ({ key: tally.key, label: tally.label, ...figuresOf(tally) }));

  return {
    from,
    to,
    asOf: today,
    filters,
    totals: figuresOf(total),
    groups: { body: sortedGroups('body'), unit: sortedGroups('unit'), kind: sortedGroups('kind'), year: sortedGroups('year') },
    oldestOpen: oldest,
  };
}

/**
 * The statistics with their oldest open items described for a reader: title and decision
 * reference (decisionReference) from `details`, the items themselves as read; days open counted to
 * the report's day. An item missing from `details`, or closed since it was counted, is left out.
 */
export function describeOldestOpen(counted: CountedStatistics, details: Iterable<ReportItem>): Statistics {
  const byId = new Map<string, ReportItem>();
  for (const item of details) byId.set(item.id, item);
  const today = counted.asOf;
  return {
    ...counted,
    oldestOpen: counted.oldestOpen.flatMap((item) => {
      const described = byId.get(item.id);
      if (described?.status !== 'open') return [];
      return [
        {
          id: item.id,
          kind: item.kind,
          title: described.title,
          decision: decisionReference(described),
          decidedOn: item.countedOn,
          unit: item.unit,
          dueDate: item.dueDate,
          overdue: item.dueDate < today,
          daysOpen: daysBetween(item.countedOn, today),
          deadlineChanges: item.deadlineChanges,
        },
      ];
    }),
  };
}
