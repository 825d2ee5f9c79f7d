import { stockholmDate } from '../../domain/dates';
import type { StoredItem } from '../../domain/items/item';
import { closedDate, countedDate } from '../../domain/reports/statistics';

/** Key builders: the single-table layout of docs/data-model.md, as small pure functions. */
export const itemKey = (id: string) => ({ PK: `ITEM#${id}`, SK: 'ITEM' });
/** History events sort by the version they produced: one per change, in order, never two alike. */
export const eventKey = (id: string, version: number) => ({ PK: `ITEM#${id}`, SK: `EVENT#${String(version).padStart(8, '0')}` });
export const EVENT_PREFIX = 'EVENT#';
export const idempotencyKey = (caller: string, key: string) => ({ PK: `IDEMPOTENCY#${caller}#${key}`, SK: 'IDEMPOTENCY' });

export const unitPartition = (unit: string, status: string) => `UNIT#${unit}#${status}`;
export const responsiblePartition = (email: string, status: string) => `RESPONSIBLE#${email}#${status}`;
export const statusPartition = (status: string) => `STATUS#${status}`;
export const REMINDER_PARTITION = 'REMINDER';
export const planPartition = (body: string, year: number) => `PLAN#${body}#${year}`;
export const closurePartition = (unit: string, year: string) => `CLOSED#${unit}#${year}`;
export const EXTENSION_PARTITION = 'EXTENSION_REQUESTED';
export const attentionPartition = (attention: string) => `ATTENTION#${attention}`;
export const dueSortKey = (dueDate: string, id: string) => `${dueDate}#${id}`;
/** The month of the date an item is counted from (its decision date, else its registration date): `DECIDED#2026-03`. */
export const decidedPartition = (month: string) => `DECIDED#${month}`;
/** A body's items with a decision: `open` by due date, `closed` (done or cancelled) by Stockholm closing date. */
export const decisionBodyPartition = (body: string, state: 'open' | 'closed') => `BODY#${body}#${state}`;

/** DynamoDB's largest partition key and sort key, in bytes, in the table and its indexes alike. */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

/**
 * Whether a string can be an item's id at all: its keys (`ITEM#<id>`, and `<dueDate>#<id>` in
 * the indexes) must fit DynamoDB's key sizes. A longer id names no item; asking for it is a 404,
 * not a request DynamoDB refuses.
 */
export function isStorableId(id: string): boolean {
  return (
    id.length > 0 &&
    Buffer.byteLength(itemKey(id).PK, 'utf8') <= MAX_PARTITION_KEY_BYTES &&
    Buffer.byteLength(dueSortKey('9999-12-31', id), 'utf8') <= MAX_SORT_KEY_BYTES
  );
}

/** The index attributes an item carries; the reminder index is sparse: open items with a next date only. */
export function itemIndexKeys(item: StoredItem): Record<string, string> {
  const sort = dueSortKey(item.dueDate, item.id);
  const keys: Record<string, string> = {
    GSI1PK: unitPartition(item.unit, item.status),
    GSI1SK: sort,
    GSI2PK: responsiblePartition(item.responsible.email, item.status),
    GSI2SK: sort,
    GSI3PK: statusPartition(item.status),
    GSI3SK: sort,
  };
  if (item.status === 'open' && item.nextReminderDate) {
    keys.GSI4PK = REMINDER_PARTITION;
    keys.GSI4SK = `${item.nextReminderDate}#${item.id}`;
  }
  if (item.status === 'open' && item.meetingPlan) {
    keys.GSI5PK = planPartition(item.meetingPlan.body, item.meetingPlan.year);
    keys.GSI5SK = item.id;
  }
  if (item.status !== 'open' && item.closedAt) {
    keys.GSI7PK = closurePartition(item.unit, stockholmDate(new Date(item.closedAt)).slice(0, 4));
    keys.GSI7SK = `${item.closedAt}#${item.id}`;
  }
  if (item.status === 'open' && item.extensionRequest) {
    keys.GSI6PK = EXTENSION_PARTITION;
    keys.GSI6SK = sort;
  }
  // Whatever sets `attention` (a registration, a change, a recomputed plan) writes the item through here.
  if (item.status === 'open' && item.attention) {
    keys.GSI8PK = attentionPartition(item.attention);
    keys.GSI8SK = sort;
  }
  // Every item, by the date the statistics count it from (shared/domain/reports/statistics.ts).
  const counted = countedDate(item);
  keys.GSI9PK = decidedPartition(counted.slice(0, 7));
  keys.GSI9SK = `${counted}#${item.id}`;
  if (item.decision) {
    const open = item.status === 'open';
    keys.GSI10PK = decisionBodyPartition(item.decision.body, open ? 'open' : 'closed');
    keys.GSI10SK = open ? sort : `${closedDate(item)}#${item.id}`;
  }
  return keys;
}

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', 'GSI5PK', 'GSI5SK', 'GSI6PK', 'GSI6SK', 'GSI7PK', 'GSI7SK', 'GSI8PK', 'GSI8SK', 'GSI9PK', 'GSI9SK', 'GSI10PK', 'GSI10SK', 'expiresAt'];

/** The stored record without its key attributes. */
export function stripKeys<T>(record: Record<string, unknown>): T {
  const copy = { ...record };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as T;
}
