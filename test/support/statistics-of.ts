import { countedItem, type ReportItem } from '../../shared/domain/reports/counted';
import { computeStatistics, describeOldestOpen, type Statistics } from '../../shared/domain/reports/statistics';

/**
 * The statistics of whole items as the product computes them: each item's counted facts
 * (countedItem, what the store keeps with the item), counted by computeStatistics, then the
 * oldest open items described from the items themselves (what the route reads back by id).
 */
export function statisticsOf(items: readonly ReportItem[], options: Parameters<typeof computeStatistics>[1]): Statistics {
  return describeOldestOpen(computeStatistics(items.map(countedItem), options), items);
}
