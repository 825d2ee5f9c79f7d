import type { HistoryItem } from './statistics-history';

/**
 * The statistics computed independently of the product, for the unit test (against
 * computeStatistics) and the integration test (against the route, through the index). Nothing
 * here imports the product's computation or date helpers: Stockholm dates come from Intl, day
 * counts from Date.UTC, and the figures from plain loops over the items.
 */

const STOCKHOLM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
export const stockholmDateOf = (iso: string) => STOCKHOLM.format(new Date(iso));
export const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
export const decisionDay = (item: HistoryItem) => (item.decision ? item.decision.date : stockholmDateOf(item.createdAt));

export interface ExpectedFilters {
  body?: string;
  unit?: string;
  kind?: HistoryItem['kind'];
}

/** The items a period and its filters choose: decided (registered, without a decision) from `from` to `to`. */
export function inPeriod(items: HistoryItem[], from: string, to: string, filters: ExpectedFilters = {}): HistoryItem[] {
  return items.filter((item) => {
    const day = decisionDay(item);
    if (day < from || day > to) return false;
    if (filters.body && item.decision?.body !== filters.body) return false;
    if (filters.unit && item.unit !== filters.unit) return false;
    return !filters.kind || item.kind === filters.kind;
  });
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

export function expectedFigures(items: HistoryItem[], today: string) {
  const figures = { decided: 0, doneOnTime: 0, doneLate: 0, cancelled: 0, openOnTime: 0, openOverdue: 0, extended: 0 };
  const days: number[] = [];
  for (const item of items) {
    figures.decided += 1;
    if ((item.deadlineChanges ?? 0) >= 1) figures.extended += 1;
    if (item.status === 'cancelled') figures.cancelled += 1;
    if (item.status === 'open' && item.dueDate >= today) figures.openOnTime += 1;
    if (item.status === 'open' && item.dueDate < today) figures.openOverdue += 1;
    if (item.status === 'done') {
      const closed = stockholmDateOf(item.closedAt ?? item.updatedAt);
      if (closed <= item.dueDate) figures.doneOnTime += 1;
      else figures.doneLate += 1;
      days.push(dayNumber(closed) - dayNumber(decisionDay(item)));
    }
  }
  return { ...figures, medianDaysToDone: percentile(days, 0.5), p90DaysToDone: percentile(days, 0.9) };
}

const KEYS = {
  body: (item: HistoryItem) => item.decision?.body ?? null,
  unit: (item: HistoryItem) => item.unit,
  kind: (item: HistoryItem) => item.kind,
  year: (item: HistoryItem) => decisionDay(item).slice(0, 4),
};

/** Each grouping's figures by the group's key (`"null"` for items without a decision). */
export function expectedGroups(items: HistoryItem[], today: string) {
  const result: Record<string, Record<string, ReturnType<typeof expectedFigures>>> = {};
  for (const [dimension, keyOf] of Object.entries(KEYS)) {
    result[dimension] = {};
    const keys = new Set(items.map(keyOf));
    for (const key of keys) result[dimension][String(key)] = expectedFigures(items.filter((item) => keyOf(item) === key), today);
  }
  return result;
}

/** The 20 open items decided longest ago, ties by id: `[id, decided on, overdue, days open]`. */
export function expectedOldestOpen(items: HistoryItem[], today: string): [string, string, boolean, number][] {
  return items
    .filter((item) => item.status === 'open')
    .sort((a, b) => (decisionDay(a) < decisionDay(b) ? -1 : decisionDay(a) > decisionDay(b) ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, 20)
    .map((item) => [item.id, decisionDay(item), item.dueDate < today, dayNumber(today) - dayNumber(decisionDay(item))]);
}

/** An answer's groups in the shape of expectedGroups: figures by key, labels left out. */
export function groupsByKey(groups: Record<string, { key: string | null; label: string }[]>) {
  return Object.fromEntries(Object.entries(groups).map(([dimension, list]) => [dimension, Object.fromEntries(list.map(({ key, label: _, ...figures }) => [String(key), figures]))]));
}
