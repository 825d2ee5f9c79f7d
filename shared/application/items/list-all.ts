import type { StoredItem } from '../../domain/items/item';
import type { ItemQuery, ItemRepository } from './ports';

/** Items a page of the repository holds while walking a whole list. */
const PAGE_SIZE = 100;

/** Every item a query names, page after page: for the jobs, reports and pages that show a whole list. */
export async function listAll(items: Pick<ItemRepository, 'list'>, query: Omit<ItemQuery, 'limit' | 'cursor'>): Promise<StoredItem[]> {
  const found: StoredItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await items.list({ ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}
