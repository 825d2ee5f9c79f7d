import { createHash, randomUUID } from 'node:crypto';
import { stockholmDate } from '../../domain/dates';
import type { StoredItem } from '../../domain/items/item';
import { closedDate, countedDate, countedItem, type CountedItem } from '../../domain/reports/counted';
import { keyAttributeNames, TABLE, type IndexDefinition } from '../../platform/table';

/**
 * The single-table layout of docs/data-model.md, as small pure functions: every record's key and
 * every index attribute an item carries. The attribute names come from the table definition
 * (shared/platform/table.ts); the prefixes that tell the records apart are written here and
 * nowhere else.
 */

/** The table's key attributes, by name. */
export const PK = TABLE.partitionKey;
export const SK = TABLE.sortKey;
export type TableKey = { [PK]: string; [SK]: string };
const tableKey = (pk: string, sk: string): TableKey => ({ [PK]: pk, [SK]: sk });

const { byUnit, byResponsible, byStatus, byNextReminder, byMeetingPlan, byExtensionRequest, byClosure, byAttention, byDecision, byDecisionBody } = TABLE.indexes;

/** A key no record ever has: GET /health reads it to prove the table answers. */
export const HEALTH_PROBE_KEY = tableKey('HEALTH', 'HEALTH');

// Items and what belongs to them.
const ITEM_PREFIX = 'ITEM#';
export const itemKey = (id: string) => tableKey(`${ITEM_PREFIX}${id}`, 'ITEM');
/** The id of the item a partition key names (`ITEM#<id>`), or undefined when it names none. */
export const itemIdOf = (pk: string | undefined): string | undefined => (pk?.startsWith(ITEM_PREFIX) ? pk.slice(ITEM_PREFIX.length) : undefined);
/** History events sort by the version they produced: one per change, in order, never two alike. */
export const eventKey = (id: string, version: number) => tableKey(`${ITEM_PREFIX}${id}`, `${EVENT_PREFIX}${String(version).padStart(8, '0')}`);
export const EVENT_PREFIX = 'EVENT#';
export const idempotencyKey = (caller: string, clientKey: string) => tableKey(`IDEMPOTENCY#${caller}#${clientKey}`, 'IDEMPOTENCY');

/**
 * The look-alike guard of a piece of work: one record per normalized (kind, decision, §,
 * responsible, title), named by its SHA-256 so that a 200-character title and a 254-character
 * address always fit a key, holding the ids of the open items registered for it.
 */
export const lookalikeKey = (workKey: string) => tableKey(`LOOKALIKE#${createHash('sha256').update(workKey).digest('hex')}`, 'LOOKALIKE');
/** Written once every open item stored before the guards existed has its guard (docs/data-model.md). */
export const LOOKALIKE_GUARDS_COMPLETE = tableKey('LOOKALIKE_GUARDS', 'COMPLETE');

// Reference data an admin keeps.
export const meetingPlanKey = (body: string, year: number) => tableKey(`MEETINGS#${body}`, String(year));
/** One record per saved plan, so the plans can be listed with one Query. */
export const MEETING_PLAN_LIST_PARTITION = 'MEETING_PLANS';
export const listedPlanKey = (body: string, year: number) => tableKey(MEETING_PLAN_LIST_PARTITION, `${body}#${year}`);
/** Each year's extra closed days: one small partition, every year read in one Query. */
export const CLOSED_DAYS_PARTITION = 'CLOSED_DAYS';
export const closedDaysKey = (year: number) => tableKey(CLOSED_DAYS_PARTITION, String(year));
/** The unit directory is one small partition (a municipality has tens of units): read whole for the weekly overview. */
export const UNITS_PARTITION = 'UNITS';
export const unitKey = (unit: string) => tableKey(UNITS_PARTITION, unit);
/**
 * The attribute every write of a meeting plan, a year's closed days or a unit gives a new value:
 * a registration caches those records and its transaction checks that each still has the
 * revision it read (docs/data-model.md, "Writes").
 */
export const REVISION = 'revision';
export const newRevision = () => ({ [REVISION]: randomUUID() });
/** The role directory is one small partition: read whole for each draft request. */
export const ROLES_PARTITION = 'ROLES';
export const roleKey = (role: string) => tableKey(ROLES_PARTITION, role);
/** Which bodies' follow-up is public: one small partition, a record a body, read whole for the admin's Offentliga sidor. */
export const PUBLIC_BODIES_PARTITION = 'PUBLIC_BODIES';
export const publicBodyKey = (body: string) => tableKey(PUBLIC_BODIES_PARTITION, body);

// Delivery.
/** One claim per key and recipient: `SENT#<day>` or `SENT#DIGEST#<monday>#<unit>`, `<role>#<email>`. */
export const claimPartition = (claim: string) => `SENT#${claim}`;
export const claimKey = (claim: string, role: string, email: string) => tableKey(claimPartition(claim), `${role}#${email}`);
/** The role and address a claim's sort key names. */
export function claimRecipientOf(sk: string): { role: string; email: string } {
  const [role, ...email] = sk.split('#');
  return { role: role ?? '', email: email.join('#') };
}
const SUPPRESSED_PREFIX = 'SUPPRESSED#';
export const suppressionKey = (address: string) => tableKey(`${SUPPRESSED_PREFIX}${address}`, 'SUPPRESSED');
export const suppressedAddressOf = (pk: string) => pk.slice(SUPPRESSED_PREFIX.length);
/** Pending notices for people's next emails: a handful at a time, read in one Query by the daily job. */
export const NOTICE_PARTITION = 'NOTICE';
export const noticeKey = (recipient: string, at: string, unique: string) => tableKey(NOTICE_PARTITION, `${recipient}#${at}#${unique}`);
/** Fresh links emailed to an address on a Stockholm day. */
export const linkRequestKey = (email: string, day: string) => tableKey(`LINKREQUEST#${email}`, `DAY#${day}`);

// Calendar feeds: by the SHA-256 of the token (what `GET /calendar/{token}.ics` reads) and by id (for revoking).
export const feedKey = (tokenHash: string) => tableKey(`FEED#${tokenHash}`, 'FEED');
export const feedIdKey = (id: string) => tableKey(`FEEDID#${id}`, 'FEEDID');

// The indexes on items.
export const unitPartition = (unit: string, status: string) => `UNIT#${unit}#${status}`;
export const responsiblePartition = (email: string, status: string) => `RESPONSIBLE#${email}#${status}`;
export const statusPartition = (status: string) => `STATUS#${status}`;
export const REMINDER_PARTITION = 'REMINDER';
export const reminderSortKey = (date: string, id: string) => `${date}#${id}`;
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
    Buffer.byteLength(itemKey(id)[PK], 'utf8') <= MAX_PARTITION_KEY_BYTES &&
    Buffer.byteLength(dueSortKey('9999-12-31', id), 'utf8') <= MAX_SORT_KEY_BYTES
  );
}

/** The index attributes an item carries; the reminder index is sparse: open items with a next date only. */
export function itemIndexKeys(item: StoredItem): Record<string, string> {
  const sort = dueSortKey(item.dueDate, item.id);
  const keys: Record<string, string> = {
    [byUnit.partitionKey]: unitPartition(item.unit, item.status),
    [byUnit.sortKey]: sort,
    [byResponsible.partitionKey]: responsiblePartition(item.responsible.email, item.status),
    [byResponsible.sortKey]: sort,
    [byStatus.partitionKey]: statusPartition(item.status),
    [byStatus.sortKey]: sort,
  };
  if (item.status === 'open' && item.nextReminderDate) {
    keys[byNextReminder.partitionKey] = REMINDER_PARTITION;
    keys[byNextReminder.sortKey] = reminderSortKey(item.nextReminderDate, item.id);
  }
  if (item.status === 'open' && item.meetingPlan) {
    keys[byMeetingPlan.partitionKey] = planPartition(item.meetingPlan.body, item.meetingPlan.year);
    keys[byMeetingPlan.sortKey] = item.id;
  }
  if (item.status !== 'open' && item.closedAt) {
    keys[byClosure.partitionKey] = closurePartition(item.unit, stockholmDate(new Date(item.closedAt)).slice(0, 4));
    keys[byClosure.sortKey] = `${item.closedAt}#${item.id}`;
  }
  if (item.status === 'open' && item.extensionRequest) {
    keys[byExtensionRequest.partitionKey] = EXTENSION_PARTITION;
    keys[byExtensionRequest.sortKey] = sort;
  }
  // Whatever sets `attention` (a registration, a change, a recomputed plan) writes the item through here.
  if (item.status === 'open' && item.attention) {
    keys[byAttention.partitionKey] = attentionPartition(item.attention);
    keys[byAttention.sortKey] = sort;
  }
  // Every item, by the date the statistics count it from (shared/domain/reports/counted.ts).
  const counted = countedDate(item);
  keys[byDecision.partitionKey] = decidedPartition(counted.slice(0, 7));
  keys[byDecision.sortKey] = `${counted}#${item.id}`;
  keys[byDecision.factsAttribute] = countedFacts(item);
  if (item.decision) {
    const open = item.status === 'open';
    keys[byDecisionBody.partitionKey] = decisionBodyPartition(item.decision.body, open ? 'open' : 'closed');
    keys[byDecisionBody.sortKey] = open ? sort : `${closedDate(item)}#${item.id}`;
  }
  return keys;
}

/**
 * The layout of the counted facts (byDecision's `factsAttribute`): a JSON array, its first value
 * this number. Facts in another layout are not read (readCountedFacts); the item is read whole.
 */
const FACTS_LAYOUT = 1;

/** An item's counted facts as stored: `[1, kind, unit, body|null, countedOn, status, closedOn|null, dueDate, deadlineChanges]`. */
export function countedFacts(item: StoredItem): string {
  const { kind, unit, body, countedOn, status, closedOn, dueDate, deadlineChanges } = countedItem(item);
  return JSON.stringify([FACTS_LAYOUT, kind, unit, body, countedOn, status, closedOn, dueDate, deadlineChanges]);
}

/** The counted facts of item `id` as countedFacts stored them; undefined when absent, unreadable or in another layout. */
export function readCountedFacts(id: string, stored: unknown): CountedItem | undefined {
  if (typeof stored !== 'string') return undefined;
  let facts: unknown;
  try {
    facts = JSON.parse(stored);
  } catch {
    // Not as countedFacts writes it: the item is read whole instead.
    return undefined;
  }
  if (!Array.isArray(facts) || facts[0] !== FACTS_LAYOUT || facts.length !== 9) return undefined;
  type Stored = [number, CountedItem['kind'], string, string | null, string, CountedItem['status'], string | null, string, number];
  const [, kind, unit, body, countedOn, status, closedOn, dueDate, deadlineChanges] = facts as Stored;
  return { id, kind, unit, body, countedOn, status, closedOn, dueDate, deadlineChanges };
}

const KEY_ATTRIBUTES = [
  ...keyAttributeNames(),
  TABLE.timeToLiveAttribute,
  ...Object.values(TABLE.indexes as Record<string, IndexDefinition>).flatMap((index) => (index.factsAttribute ? [index.factsAttribute] : [])),
];

/** The stored record without its key attributes. */
export function stripKeys<T>(record: Record<string, unknown>): T {
  const copy = { ...record };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}
