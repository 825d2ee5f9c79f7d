import { STATUSES } from '../../domain/items/vocabulary';
import type { ItemRepository } from './ports';

/** Items a page of the walk holds, and how many are rewritten at once. */
const PAGE_SIZE = 100;
const PARALLEL = 10;

export interface ReindexReport {
  /** Items whose index keys were written. */
  reindexed: number;
  /** Items changed while the walk ran: their own write carried the keys. */
  changedMeanwhile: number;
}

/**
 * Writes every item's index keys as they are defined now, so that items stored before an index
 * existed (`byDecision` and `byDecisionBody`, added with the statistics) join it. Walks the items
 * through the `byStatus` index, one status after another, page by page: Queries, never a Scan.
 * Safe to run while the product runs, and again: an item is rewritten only as it was read (same
 * version, same reminder day), and nothing but its index attributes changes.
 */
export async function reindexItems(items: Pick<ItemRepository, 'list' | 'reindex'>, progress?: (report: ReindexReport) => void): Promise<ReindexReport> {
  const report: ReindexReport = { reindexed: 0, changedMeanwhile: 0 };
  for (const status of STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await items.list({ statuses: [status], limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      for (let at = 0; at < page.items.length; at += PARALLEL) {
        const written = await Promise.all(page.items.slice(at, at + PARALLEL).map((item) => items.reindex(item)));
        for (const ok of written) report[ok ? 'reindexed' : 'changedMeanwhile']++;
      }
      progress?.(report);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return report;
}
