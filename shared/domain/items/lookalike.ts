import type { StoredItem } from './item';

/** The fields that make two items the same work. */
export type WorkFields = Pick<StoredItem, 'kind' | 'decision' | 'responsible' | 'title'>;

/**
 * What makes two items the same work, as one string: kind, decision (body, date, §), official
 * and title, case and spacing ignored (and the § sign, so "§ 44" and "44" agree). Two open items
 * with the same key are look-alikes: registering the second is the 409 `possible_duplicate`.
 */
export function sameWorkKey(item: WorkFields): string {
  const squeeze = (text: string | undefined) => text?.normalize('NFC').toLocaleLowerCase('sv').replace(/[\s§]+/g, '') ?? null;
  const { decision } = item;
  return JSON.stringify([item.kind, decision?.body ?? null, decision?.date ?? null, squeeze(decision?.paragraph), item.responsible.email, squeeze(item.title)]);
}
