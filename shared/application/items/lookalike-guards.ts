import type { Clock } from '../../platform/clock';
import type { ItemRepository } from './ports';

/**
 * Puts every open item in its look-alike guard, then records that all are there, after which a
 * registration looks for a look-alike in the guard alone (docs/data-model.md, "Look-alike
 * guards"). For a table holding items stored before the guards existed: run it once after
 * deploying the version that writes them (`npm run guards`). Running it again changes nothing.
 * Walks the open items a page at a time (`byStatus`); answers how many it guarded.
 */
export async function guardOpenItems(deps: { items: Pick<ItemRepository, 'list' | 'guard' | 'guardsCompleted'>; clock: Clock }): Promise<number> {
  let guarded = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.items.list({ statuses: ['open'], limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) await deps.items.guard(item);
    guarded += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  await deps.items.guardsCompleted(deps.clock().toISOString());
  return guarded;
}
