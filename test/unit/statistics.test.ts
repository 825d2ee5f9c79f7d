import { describe, expect, it } from 'vitest';
import { countedItem, type ReportItem } from '../../shared/domain/reports/counted';
import { computeStatistics, decisionReference, describeOldestOpen, nearestRank, statisticsQuery } from '../../shared/domain/reports/statistics';
import { statisticsOf } from '../support/statistics-of';
import { toIssues } from '../../shared/domain/validation';
import { statisticsHistory, type HistoryItem } from '../support/statistics-history';
import { dayNumber, decisionDay, expectedFigures, expectedGroups, expectedOldestOpen, groupsByKey, inPeriod, stockholmDateOf } from '../support/statistics-expected';

/** A KS uppdrag decided Wednesday 11 March 2026, due Tuesday 30 June 2026, still open. */
const base: ReportItem = {
  id: 'ks-58',
  kind: 'uppdrag',
  title: 'Ta fram riktlinjer för skolskjuts',
  caseNumber: 'KS 2026/141',
  decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
  unit: 'Utbildningsförvaltningen',
  dueDate: '2026-06-30',
  status: 'open',
  createdAt: '2026-03-12T08:00:00.000Z',
  updatedAt: '2026-03-12T08:00:00.000Z',
};
const done = (closedAt: string, extra: Partial<ReportItem> = {}): ReportItem => ({ ...base, status: 'done', closedAt, updatedAt: closedAt, ...extra });
const year2026 = { from: '2026-01-01', to: '2026-12-31' };
const totals = (items: ReportItem[], today = '2026-11-16') => statisticsOf(items, { ...year2026, today }).totals;

describe('the statistics rules', () => {
  it('counts an item closed on its deadline day as done on time', () => {
    // 23:30 Stockholm summer time on 30 June is 21:30 UTC.
    expect(totals([done('2026-06-30T21:30:00.000Z')])).toMatchObject({ decided: 1, doneOnTime: 1, doneLate: 0 });
  });

  it('counts an item closed at 00:30 Stockholm time the day after its deadline as late, though UTC still says the deadline day', () => {
    // 1 July 00:30 CEST is 30 June 22:30 UTC; 19 December 00:30 CET is 18 December 23:30 UTC.
    expect(totals([done('2026-06-30T22:30:00.000Z'), done('2026-12-18T23:30:00.000Z', { dueDate: '2026-12-18' })])).toMatchObject({ doneOnTime: 0, doneLate: 2 });
  });

  it('judges a closing against the deadline in force after an extension, and counts the extension', () => {
    const extended = done('2026-09-15T10:00:00.000Z', { dueDate: '2026-09-30', deadlineChanges: 1 });
    expect(totals([extended, base])).toMatchObject({ doneOnTime: 1, extended: 1, openOnTime: 0, openOverdue: 1 });
  });

  it('counts an open item as on time on its deadline day and overdue from the day after', () => {
    expect(totals([base], '2026-06-30')).toMatchObject({ openOnTime: 1, openOverdue: 0 });
    expect(totals([base], '2026-07-01')).toMatchObject({ openOnTime: 0, openOverdue: 1 });
  });

  it('counts Stockholm calendar days from the decision date to the closing date', () => {
    // Decided 20 May 2026, closed Tuesday 15 September 2026 at 00:10 Stockholm time (14 September UTC): 118 days.
    const item = done('2026-09-14T22:10:00.000Z', { decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' }, dueDate: '2026-09-30' });
    expect(totals([item])).toMatchObject({ doneOnTime: 1, medianDaysToDone: 118, p90DaysToDone: 118 });
  });

  it('takes the median and 90th percentile by nearest rank: the lower middle of an even count', () => {
    const days = (...values: number[]) => new Map(values.map((v) => [v, 1]));
    expect(nearestRank(days(40, 10, 30, 20), 0.5)).toBe(20);
    expect(nearestRank(days(40, 10, 30, 20), 0.9)).toBe(40);
    expect(nearestRank(days(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).toBe(9);
    expect(nearestRank(new Map([[7, 3], [100, 1]]), 0.5)).toBe(7);
    expect(nearestRank(new Map(), 0.5)).toBeNull();
  });

  it('gives no median and no 90th percentile when no item is done, and leaves cancelled items out of the day counts', () => {
    const cancelled: ReportItem = { ...base, status: 'cancelled', closedAt: '2026-04-01T10:00:00.000Z' };
    expect(totals([base, cancelled])).toMatchObject({ decided: 2, cancelled: 1, openOverdue: 1, medianDaysToDone: null, p90DaysToDone: null });
  });

  it('counts a closed item from before closedAt was recorded by its last change', () => {
    const { closedAt: _, ...legacy } = done('2026-07-01T09:00:00.000Z');
    expect(totals([legacy])).toMatchObject({ doneLate: 1, medianDaysToDone: 112 });
  });

  it('takes decisions from the first to the last day of the period, both included', () => {
    const on = (date: string, id: string): ReportItem => ({ ...base, id, decision: { body: 'KS', date, paragraph: '1' } });
    const stats = statisticsOf([on('2025-12-31', 'a'), on('2026-01-01', 'b'), on('2026-12-31', 'c'), on('2027-01-01', 'd')], { ...year2026, today: '2027-02-01' });
    expect(stats.totals.decided).toBe(2);
    expect(stats.oldestOpen.map((row) => row.id)).toEqual(['b', 'c']);
  });

  it('counts a yttrande without a decision by its Stockholm registration date, in the body group "Utan beslut"', () => {
    // Registered 00:30 on New Year's Day 2026 in Stockholm, 23:30 UTC on New Year's Eve.
    const { decision: _, caseNumber: __, ...rest } = base;
    const remiss: ReportItem = { ...rest, id: 'remiss', kind: 'yttrande', remiss: { received: '2026-01-01' }, createdAt: '2025-12-31T23:30:00.000Z' };
    const stats = statisticsOf([remiss, base], { ...year2026, today: '2026-03-20' });
    expect(stats.totals.decided).toBe(2);
    expect(stats.groups.body.map((g) => [g.key, g.label, g.decided])).toEqual([['KS', 'KS', 1], [null, 'Utan beslut', 1]]);
    expect(stats.groups.year.map((g) => [g.key, g.decided])).toEqual([['2026', 2]]);
    expect(stats.oldestOpen[0]).toMatchObject({ id: 'remiss', decidedOn: '2026-01-01', decision: 'Remiss inkom 2026-01-01', daysOpen: 78 });
    expect(statisticsOf([remiss], { ...year2026, today: '2026-03-20', filters: { body: 'KS' } }).totals.decided).toBe(0);
  });

  it('filters by body, unit and kind together', () => {
    const items: ReportItem[] = [
      base,
      { ...base, id: 'bun', decision: { body: 'BUN', date: '2026-03-11', paragraph: '§ 9' } },
      { ...base, id: 'soc', unit: 'Socialförvaltningen' },
      { ...base, id: 'motion', kind: 'motion' },
    ];
    const stats = statisticsOf(items, { ...year2026, today: '2026-04-01', filters: { body: 'KS', unit: 'Utbildningsförvaltningen', kind: 'uppdrag' } });
    expect(stats.oldestOpen.map((row) => row.id)).toEqual(['ks-58']);
    expect(stats.filters).toEqual({ body: 'KS', unit: 'Utbildningsförvaltningen', kind: 'uppdrag' });
  });

  it('sorts bodies alphabetically, kinds in their usual order and years ascending', () => {
    const on = (body: string, date: string, kind: ReportItem['kind']): ReportItem => ({ ...base, id: `${body}${date}`, kind, decision: { body, date, paragraph: '1' } });
    const stats = statisticsOf([on('SN', '2026-05-01', 'motion'), on('KS', '2025-05-01', 'yttrande'), on('BUN', '2026-01-10', 'uppdrag'), on('KF', '2025-02-01', 'aterrapportering')], {
      from: '2025-01-01',
      to: '2026-12-31',
      today: '2026-06-01',
    });
    expect(stats.groups.body.map((g) => g.label)).toEqual(['BUN', 'KF', 'KS', 'SN']);
    expect(stats.groups.kind.map((g) => g.label)).toEqual(['Uppdrag', 'Återrapportering', 'Yttrande', 'Motion']);
    expect(stats.groups.year.map((g) => g.key)).toEqual(['2025', '2026']);
  });

  it('lists the 20 open items decided longest ago, ties by id, and no closed item', () => {
    const items: ReportItem[] = [];
    for (let n = 0; n < 30; n++) items.push({ ...base, id: `u${String(29 - n).padStart(2, '0')}`, decision: { body: 'KS', date: n < 10 ? '2026-02-02' : '2026-02-03', paragraph: '1' } });
    items.push(done('2026-03-01T10:00:00.000Z', { id: 'closed', decision: { body: 'KS', date: '2026-01-07', paragraph: '1' } }));
    const rows = statisticsOf(items, { ...year2026, today: '2026-08-03' }).oldestOpen;
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.id)).toEqual([
      ...['u20', 'u21', 'u22', 'u23', 'u24', 'u25', 'u26', 'u27', 'u28', 'u29'],
      ...['u00', 'u01', 'u02', 'u03', 'u04', 'u05', 'u06', 'u07', 'u08', 'u09'],
    ]);
    expect(rows[0]).toMatchObject({ decidedOn: '2026-02-02', overdue: true, daysOpen: 182, decision: 'KS 2026-02-02 § 1, KS 2026/141' });
  });

  it('leaves out of the oldest open items one closed (or removed) between the count and the reading of its title', () => {
    const items = [{ ...base, id: 'a' }, { ...base, id: 'b' }, { ...base, id: 'c' }];
    const counted = computeStatistics(items.map(countedItem), { ...year2026, today: '2026-08-03' });
    expect(counted.oldestOpen.map((item) => item.id)).toEqual(['a', 'b', 'c']);

    const read = [{ ...items[0]!, status: 'done' as const, closedAt: '2026-08-03T09:00:00.000Z' }, items[2]!];
    expect(describeOldestOpen(counted, read).oldestOpen.map((row) => row.id)).toEqual(['c']);
  });
});

describe('the decision reference', () => {
  it('reads as a clerk cites it and never says "undefined"', () => {
    expect(decisionReference(base)).toBe('KS 2026-03-11 § 58, KS 2026/141');
    expect(decisionReference({ decision: { body: 'KF', date: '2026-06-15', paragraph: '88' } })).toBe('KF 2026-06-15 § 88');
    expect(decisionReference({ decision: { body: 'KF', date: '2026-06-15' }, caseNumber: 'KS 2026/318' })).toBe('KF 2026-06-15, KS 2026/318');
    expect(decisionReference({ remiss: { reference: 'Fi2026/01234', received: '2026-02-03' }, caseNumber: 'KS 2026/12' })).toBe('Remiss Fi2026/01234 inkom 2026-02-03, KS 2026/12');
    expect(decisionReference({})).toBe('Utan beslut');
  });
});

describe('the statistics query', () => {
  it('refuses a period that ends before it starts, naming the field', () => {
    const input = { from: '2026-12-31', to: '2026-01-01' };
    const result = statisticsQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(toIssues(result.error!, input)).toEqual([{ path: 'to', message: 'Ska vara samma dag som from eller senare.' }]);
  });

  it('refuses an unknown kind and a date that does not exist, in Swedish', () => {
    const input = { from: '2026-02-30', to: '2026-12-31', kind: 'beslut' };
    const result = statisticsQuery.safeParse(input);
    expect(toIssues(result.error!, input)).toEqual([
      { path: 'from', message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' },
      { path: 'kind', message: 'Ska vara uppdrag, aterrapportering, yttrande eller motion.' },
    ]);
  });
});

describe('the statistics of three years of history, checked against an independent computation', () => {
  const today = '2027-11-16';
  const history = statisticsHistory({ seed: 21, count: 2400, today });

  it('the history holds every situation the rules speak of', () => {
    const closedNearMidnight = history.filter((i) => i.closedAt && /T2[123]:/.test(i.closedAt) && Math.abs(dayNumber(stockholmDateOf(i.closedAt)) - dayNumber(i.dueDate)) <= 1);
    const count = (predicate: (item: HistoryItem) => boolean) => history.filter(predicate).length;
    expect(count((i) => !i.decision)).toBeGreaterThan(50);
    expect(count((i) => !!i.deadlineChanges)).toBeGreaterThan(300);
    expect(count((i) => i.status === 'cancelled')).toBeGreaterThan(100);
    expect(count((i) => i.status === 'done' && !i.closedAt)).toBeGreaterThan(5);
    expect(count((i) => i.status === 'open' && i.dueDate < today)).toBeGreaterThan(50);
    expect(count((i) => i.status === 'open' && i.dueDate >= today)).toBeGreaterThan(200);
    // Closed within the hour around the deadline's midnight, where the UTC date differs from Stockholm's.
    expect(closedNearMidnight.filter((i) => stockholmDateOf(i.closedAt!) === i.dueDate).length).toBeGreaterThan(20);
    expect(closedNearMidnight.filter((i) => stockholmDateOf(i.closedAt!) > i.dueDate && i.closedAt!.slice(0, 10) === i.dueDate).length).toBeGreaterThan(20);
    expect(new Set(history.map((i) => decisionDay(i).slice(0, 4)))).toEqual(new Set(['2025', '2026', '2027']));
  });

  const cases: { name: string; from: string; to: string; filters?: { body?: string; unit?: string; kind?: HistoryItem['kind'] } }[] = [
    { name: 'all three years', from: '2025-01-01', to: '2027-12-31' },
    { name: 'one year', from: '2026-01-01', to: '2026-12-31' },
    { name: 'a quarter across a year end', from: '2025-11-15', to: '2026-02-14' },
    { name: "KS's uppdrag", from: '2025-01-01', to: '2027-12-31', filters: { body: 'KS', kind: 'uppdrag' } },
    { name: "one unit's yttranden", from: '2025-01-01', to: '2027-12-31', filters: { unit: 'Socialförvaltningen', kind: 'yttrande' } },
  ];

  for (const { name, from, to, filters } of cases) {
    it(`gives the same totals, groups and oldest open items for ${name}`, () => {
      const chosen = inPeriod(history, from, to, filters);
      const stats = statisticsOf(history, { from, to, today, ...(filters ? { filters } : {}) });

      expect(stats.totals).toEqual(expectedFigures(chosen, today));
      expect(groupsByKey(stats.groups)).toEqual(expectedGroups(chosen, today));
      expect(stats.oldestOpen.map((row) => [row.id, row.decidedOn, row.overdue, row.daysOpen])).toEqual(expectedOldestOpen(chosen, today));
    });
  }

  it('adds the five outcomes up to the decided items in the totals and in every group', () => {
    const stats = statisticsOf(history, { from: '2025-01-01', to: '2027-12-31', today });
    for (const figures of [stats.totals, ...Object.values(stats.groups).flat()]) {
      expect(figures.doneOnTime + figures.doneLate + figures.cancelled + figures.openOnTime + figures.openOverdue).toBe(figures.decided);
    }
    expect(stats.totals.decided).toBe(2400);
  });
});
