import type { CalendarDate } from '../shared/domain/dates';
import { statisticsHistory, type HistoryItem } from '../test/support/statistics-history';

/** The day the benchmark's history ends on: its decisions run from 1 January 2025 to this day. */
export const STATISTICS_BENCH_TODAY: CalendarDate = '2027-11-30';

/**
 * The statistics benchmark's data: 50,000 items decided over three years (2025 to 30 November
 * 2027), from the statistics test's generator (test/support/statistics-history.ts), so the same
 * seed always gives the same items. To time `GET /reports/statistik` against DynamoDB Local, store
 * them (bench/seed.ts) and ask for `from=2025-01-01&to=2027-12-31`.
 */
export function statisticsBenchData(count = 50_000): { today: CalendarDate; items: HistoryItem[] } {
  return { today: STATISTICS_BENCH_TODAY, items: statisticsHistory({ seed: 2027, count, today: STATISTICS_BENCH_TODAY }) };
}
