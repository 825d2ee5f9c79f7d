import { stockholmDate } from '../../domain/dates';
import { computeStatistics, describeOldestOpen, type Statistics, type StatisticsQuery } from '../../domain/reports/statistics';
import type { Clock } from '../../platform/clock';
import type { ItemRepository } from '../items/ports';

/**
 * `GET /reports/statistik`: the figures of the items counted from a date in the period (decision
 * date, or registration date without a decision), as they stand today (the Stockholm date of the
 * clock). The items' counted facts come from the `byDecision` index, one Query per month of the
 * period: the read is the items of the period, never every item (docs/data-model.md); then the
 * oldest open items themselves, for their titles and decisions (one BatchGetItem). The rules are
 * computeStatistics's (shared/domain/reports/statistics.ts).
 */
export async function statisticsReport(
  deps: { items: Pick<ItemRepository, 'decidedBetween' | 'reportItems'>; clock: Clock },
  query: StatisticsQuery,
): Promise<Statistics> {
  const { from, to, ...filters } = query;
  const today = stockholmDate(deps.clock());
  const counted = computeStatistics(await deps.items.decidedBetween(from, to, filters), { from, to, today, filters });
  const oldest = counted.oldestOpen.length ? await deps.items.reportItems(counted.oldestOpen.map((item) => item.id)) : [];
  return describeOldestOpen(counted, oldest);
}
