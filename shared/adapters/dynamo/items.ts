import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { TABLE, type IndexDefinition } from '../../platform/table';
import type { CalendarDate } from '../../domain/dates';
import type { HistoryEvent } from '../../domain/items/history';
import type { StoredItem } from '../../domain/items/item';
import type { PublicSourceItem } from '../../domain/reports/public';
import { countedItem, type CountedItem, type ReportItem } from '../../domain/reports/counted';
import {
  IdempotencyKeyTaken,
  InvalidCursor,
  LookalikeTaken,
  ReferenceChanged,
  VersionConflict,
  type ItemAsRead,
  type ItemPage,
  type ItemQuery,
  type ItemRepository,
  type LookalikeWrite,
  type ReferenceAsRead,
} from '../../application/items/ports';
import { sameWorkKey } from '../../domain/items/lookalike';
import {
  EVENT_PREFIX,
  EXTENSION_PARTITION,
  PK,
  readCountedFacts,
  SK,
  LOOKALIKE_GUARDS_COMPLETE,
  attentionPartition,
  closedDaysKey,
  closurePartition,
  decidedPartition,
  decisionBodyPartition,
  eventKey,
  idempotencyKey,
  isStorableId,
  itemIdOf,
  itemIndexKeys,
  itemKey,
  lookalikeKey,
  meetingPlanKey,
  planPartition,
  REMINDER_PARTITION,
  reminderSortKey,
  responsiblePartition,
  REVISION,
  statusPartition,
  stripKeys,
  type TableKey,
  unitKey,
  unitPartition,
} from './keys';
import { batchGet, keyOfString, keyString } from './batch-get';
import { meetingPlanOf } from './plans';
import { queryAll } from './query-all';
import { unitOf } from './units';
import { unavailable } from '../../domain/errors';
import { matchesSearch } from '../../domain/items/search';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** DynamoDB can cancel a transaction for a conflicting one in flight; such a cancellation is retried. */
const CONFLICT_RETRIES = 3;
/** Items a search evaluates per Query: it filters them itself, and stops at the item that fills its page. */
const SEARCH_PAGE = 100;

const cursorSchema = z.lazy(() =>
  z.strictObject({
    /** Which of the query's partitions the list stopped in. */
    s: z.int().min(0).max(10),
    k: z.record(z.string(), z.string().max(1200)),
  }),
);

function encodeCursor(partitionIndex: number, key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ s: partitionIndex, k: key })).toString('base64url');
}

function decodeCursor(cursor: string): { s: number; k: Record<string, string> } {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidCursor();
  }
}

/** A cursor's start key names an item position: the item's own key, and the index's `<dueDate>#<id>` of the same id. */
function isItemPosition(key: Record<string, string>, skName: string): boolean {
  const id = itemIdOf(key[PK]) ?? '';
  const sort = key[skName] ?? '';
  return isStorableId(id) && key[SK] === itemKey(id)[SK] && /^\d{4}-\d{2}-\d{2}#/.test(sort) && sort.slice(11) === id;
}

function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).map((r) => r.Code);
  return undefined;
}

/** Reasons a transaction is cancelled that a later attempt can get past: another transaction in flight, a throttled item. */
const TRANSIENT = ['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded'];

async function withConflictRetry(write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      // A failed condition is an answer (the caller's to translate); only a transient cancellation is retried.
      if (!codes?.some((code) => code !== undefined && TRANSIENT.includes(code)) || codes.includes('ConditionalCheckFailed')) throw error;
      // Still cancelled after the retries: nothing was written; the caller may send it again.
      if (attempt >= CONFLICT_RETRIES) throw unavailable('Någon annan sparade samtidigt, så inget sparades. Försök igen om en stund.', 1, error);
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/**
 * Which index serves a query, and the partitions it walks in order: one per status, or, on the
 * sparse indexes (open items only), the one partition or one per reason for attention.
 */
function plan(query: ItemQuery): {
  index: IndexDefinition;
  partitions: string[];
  filterUnit: boolean;
  filterResponsible?: boolean;
} {
  const { byAttention, byExtensionRequest, byResponsible, byUnit, byStatus, byDecisionBody } = TABLE.indexes;
  const open = query.statuses.includes('open');
  if (query.attention) {
    // The few flagged items are filtered by who may see them, as the pending requests are.
    const partitions = open ? query.attention.map(attentionPartition) : [];
    return { index: byAttention, partitions, filterUnit: true, filterResponsible: true };
  }
  if (query.extensionRequested) {
    // Only open items carry the index's keys; the few pending requests are filtered by who may see them.
    return { index: byExtensionRequest, partitions: open ? [EXTENSION_PARTITION] : [], filterUnit: true, filterResponsible: true };
  }
  if (query.responsible) {
    const email = query.responsible;
    return { index: byResponsible, partitions: query.statuses.map((s) => responsiblePartition(email, s)), filterUnit: true };
  }
  if (query.unit) {
    const unit = query.unit;
    return { index: byUnit, partitions: query.statuses.map((s) => unitPartition(unit, s)), filterUnit: false };
  }
  if (query.decisionBody && query.statuses.every((s) => s === 'open')) {
    // A body's open items are one partition of byDecisionBody, by due date: not the whole open partition filtered.
    const partitions = open ? [decisionBodyPartition(query.decisionBody, 'open')] : [];
    return { index: byDecisionBody, partitions, filterUnit: false };
  }
  return { index: byStatus, partitions: query.statuses.map(statusPartition), filterUnit: false };
}

/** What the statistics read of an item (ReportItem), and what the public page reads (PublicSourceItem): never an address. */
const REPORT_FIELDS = ['id', 'kind', 'title', 'unit', 'dueDate', 'status', 'createdAt', 'updatedAt', 'closedAt', 'deadlineChanges', 'caseNumber', 'decision', 'remiss'];
const PUBLIC_FIELDS = [...REPORT_FIELDS, 'statusReport.note', 'statusReport.at', 'responsible.name', 'manager.name'];

/** A ProjectionExpression of attribute paths, every name through a placeholder (`status`, `name` are reserved words). */
function projection(paths: string[]): { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> } {
  const names: Record<string, string> = {};
  const placeholder = (name: string) => {
    const key = `#${name}`;
    names[key] = name;
    return key;
  };
  return { ProjectionExpression: paths.map((path) => path.split('.').map(placeholder).join('.')).join(', '), ExpressionAttributeNames: names };
}

/** The items of `ids` that exist, with only the fields a report reads (one BatchGetItem per 100). */
async function readReportItems(client: DynamoDBDocumentClient, tableName: string, ids: readonly string[]): Promise<ReportItem[]> {
  const found = await batchGet(client, tableName, ids.map(itemKey), { projection: projection([PK, SK, ...REPORT_FIELDS]) });
  return [...found.values()].map((record) => stripKeys<ReportItem>(record));
}

/** The months from `from` to `to` (`2026-11`, `2026-12`, `2027-01` …): the byDecision partitions a period spans. */
function monthsOf(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  const last = to.slice(0, 7);
  // Months counted from year 0, so that December rolls over into January.
  for (let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; ; n++) {
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
  }
}

/** Partitions of byDecision read at once: a year's months side by side, a long period in turns. */
const PARALLEL_PARTITIONS = 12;
/**
 * Items a page of byDecision holds. DynamoDB Local re-reads the rest of a partition for every page
 * it cuts, so 1 MB pages (about 800 items) make a month's read grow with its square; on DynamoDB
 * smaller pages only mean a few more requests for the same read capacity.
 */
const DECIDED_PAGE_ITEMS = 250;

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** The record of an Idempotency-Key, written in the same transaction as what it stands for, only if the key is new. */
function idempotencyPut(tableName: string, itemId: string, at: string, idempotency: { caller: string; key: string; bodyHash: string }): TransactItems[number] {
  return {
    Put: {
      TableName: tableName,
      Item: { ...idempotencyKey(idempotency.caller, idempotency.key), bodyHash: idempotency.bodyHash, itemId, expiresAt: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS },
      ConditionExpression: `attribute_not_exists(${PK})`,
    },
  };
}

/**
 * A new item joining its work's look-alike guard (a string set of item ids): on condition that
 * the guard holds exactly the ids read (it has none, or only items no longer like this one,
 * which the item replaces), or, a look-alike confirmed, beside them.
 */
function lookalikeJoin(tableName: string, itemId: string, lookalike: LookalikeWrite): TransactItems[number] {
  const update = { TableName: tableName, Key: lookalikeKey(lookalike.work) };
  if ('confirmed' in lookalike) return { Update: { ...update, UpdateExpression: 'ADD itemIds :id', ExpressionAttributeValues: { ':id': new Set([itemId]) } } };
  if (lookalike.asRead.length === 0) {
    return { Update: { ...update, UpdateExpression: 'ADD itemIds :id', ConditionExpression: 'attribute_not_exists(itemIds)', ExpressionAttributeValues: { ':id': new Set([itemId]) } } };
  }
  // The same set as read: as many ids, each of them there.
  const read = Object.fromEntries(lookalike.asRead.map((id, i) => [`:read${i}`, id]));
  return {
    Update: {
      ...update,
      UpdateExpression: 'SET itemIds = :id',
      ConditionExpression: ['size(itemIds) = :size', ...Object.keys(read).map((name) => `contains(itemIds, ${name})`)].join(' AND '),
      ExpressionAttributeValues: { ':id': new Set([itemId]), ':size': lookalike.asRead.length, ...read },
    },
  };
}

/** The guard an item is in: its work's, while it is open. */
const guardOf = (item: Pick<StoredItem, 'status' | 'kind' | 'decision' | 'responsible' | 'title'>) => (item.status === 'open' ? sameWorkKey(item) : undefined);

/** A change moving an item out of one look-alike guard and into another: closed, reopened, or its work fields changed. */
function lookalikeMoves(tableName: string, before: ItemAsRead, after: StoredItem): TransactItems {
  const [from, to] = [guardOf(before), guardOf(after)];
  if (from === to) return [];
  const ids = { ':id': new Set([after.id]) };
  return [
    ...(from !== undefined ? [{ Update: { TableName: tableName, Key: lookalikeKey(from), UpdateExpression: 'DELETE itemIds :id', ExpressionAttributeValues: ids } }] : []),
    ...(to !== undefined ? [{ Update: { TableName: tableName, Key: lookalikeKey(to), UpdateExpression: 'ADD itemIds :id', ExpressionAttributeValues: ids } }] : []),
  ];
}

/** A reference record as this process read it (`keyString` of its key; its stored attributes, undefined when absent). */
interface CachedReference {
  record: string;
  value: Record<string, unknown> | undefined;
  closedDaysOf?: number;
}

const asRead = ({ record, value, closedDaysOf }: CachedReference): ReferenceAsRead => {
  const revision = value?.[REVISION];
  const was = !value ? { absent: true as const } : typeof revision === 'string' ? { revision } : { updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '' };
  return { record, was, ...(closedDaysOf !== undefined ? { closedDaysOf } : {}) };
};

/**
 * A transaction's check that a reference record is still as read: still absent, still at its
 * revision, or, for a record written before revisions were kept (every writer wrote `updatedAt`;
 * one put by hand may lack it), still without one and with the same `updatedAt`.
 */
function unchanged(tableName: string, { record, was }: ReferenceAsRead): TransactItems[number] {
  const check = { TableName: tableName, Key: keyOfString(record) };
  if ('absent' in was) return { ConditionCheck: { ...check, ConditionExpression: `attribute_not_exists(${PK})` } };
  if ('revision' in was) {
    return { ConditionCheck: { ...check, ConditionExpression: '#revision = :revision', ExpressionAttributeNames: { '#revision': REVISION }, ExpressionAttributeValues: { ':revision': was.revision } } };
  }
  return {
    ConditionCheck: {
      ...check,
      ExpressionAttributeNames: { '#revision': REVISION },
      ...(was.updatedAt
        ? { ConditionExpression: 'attribute_not_exists(#revision) AND updatedAt = :updatedAt', ExpressionAttributeValues: { ':updatedAt': was.updatedAt } }
        : { ConditionExpression: 'attribute_not_exists(#revision) AND attribute_not_exists(updatedAt)' }),
    },
  };
}

export function createDynamoItemRepository(client: DynamoDBDocumentClient, tableName: string): ItemRepository {
  const { byClosure, byMeetingPlan, byNextReminder } = TABLE.indexes;
  // Once every open item is in its guard it stays so (the record is never removed): read it until seen.
  let guardsComplete = false;
  /**
   * The closed days, meeting plans and units registrations used, by `keyString`, as read: kept for
   * the life of the process, since every registration's transaction checks them
   * (`unchanged`), and forgotten when one finds a record changed.
   */
  const references = new Map<string, CachedReference>();
  return {
    async registrationData(reads) {
      const { idempotency, lookalike, unit, consistent = false } = reads;
      const keys = {
        closedDays: reads.closedDayYears.map((year) => ({ year, key: closedDaysKey(year) })),
        plans: reads.plans.map((plan) => ({ ...plan, key: meetingPlanKey(plan.body, plan.year) })),
        unit: unit !== undefined ? unitKey(unit) : undefined,
        idempotency: idempotency ? idempotencyKey(idempotency.caller, idempotency.key) : undefined,
        lookalike: lookalike !== undefined ? lookalikeKey(lookalike) : undefined,
      };
      const referenceKeys = [...keys.closedDays.map((c) => c.key), ...keys.plans.map((p) => p.key), ...(keys.unit ? [keys.unit] : [])];
      const yearOf = new Map(keys.closedDays.map(({ year, key }) => [keyString(key), year]));
      // This request's own copy: another request may forget or refill the cache meanwhile.
      const known = new Map<string, CachedReference>();
      for (const key of referenceKeys) {
        const cached = consistent ? undefined : references.get(keyString(key));
        if (cached) known.set(keyString(key), cached);
      }
      const missing = referenceKeys.filter((key) => !known.has(keyString(key)));
      const guardsUnknown = keys.lookalike !== undefined && !guardsComplete;
      let found = new Map<string, Record<string, unknown>>();
      if (consistent || missing.length > 0 || guardsUnknown) {
        // Something is read anyway: the idempotency record and the guard come along, so a replay or a look-alike is answered without a cancelled transaction.
        const wanted = [...missing, ...[keys.idempotency, keys.lookalike].filter((key) => key !== undefined), ...(guardsUnknown ? [LOOKALIKE_GUARDS_COMPLETE] : [])];
        found = await batchGet(client, tableName, wanted, { consistent: true });
        guardsComplete ||= found.has(keyString(LOOKALIKE_GUARDS_COMPLETE));
        for (const key of missing) {
          const year = yearOf.get(keyString(key));
          const read: CachedReference = { record: keyString(key), value: found.get(keyString(key)), ...(year !== undefined ? { closedDaysOf: year } : {}) };
          known.set(read.record, read);
          references.set(read.record, read);
        }
      }
      const reference = (key: TableKey) => known.get(keyString(key))?.value;
      const unitRecord = keys.unit ? reference(keys.unit) : undefined;
      const idempotencyRecord = keys.idempotency ? found.get(keyString(keys.idempotency)) : undefined;
      const guard = keys.lookalike ? (found.get(keyString(keys.lookalike))?.itemIds as Set<string> | undefined) : undefined;
      return {
        closedDays: new Map(keys.closedDays.map(({ year, key }) => [year, (reference(key)?.dates as string[] | undefined) ?? []])),
        plans: keys.plans.flatMap(({ body, year, key }) => {
          const record = reference(key);
          return record ? [meetingPlanOf(body, year, record)] : [];
        }),
        ...(unitRecord ? { unit: unitOf(unitRecord) } : {}),
        ...(idempotencyRecord ? { idempotency: { bodyHash: String(idempotencyRecord.bodyHash), itemId: String(idempotencyRecord.itemId) } } : {}),
        lookalikes: [...(guard ?? [])],
        guardsComplete: !keys.lookalike || guardsComplete,
        references: [...known.values()].map(asRead),
        readConsistently: missing.length === referenceKeys.length,
      };
    },

    async create(item, event, { idempotency, lookalike, references: used = [] }) {
      const writes: TransactItems = idempotency ? [idempotencyPut(tableName, item.id, event.at, idempotency)] : [];
      writes.push(
        { Put: { TableName: tableName, Item: { ...itemKey(item.id), ...itemIndexKeys(item), ...item }, ConditionExpression: `attribute_not_exists(${PK})` } },
        { Put: { TableName: tableName, Item: { ...eventKey(item.id, item.version), ...event } } },
        lookalikeJoin(tableName, item.id, lookalike),
      );
      const guardAt = writes.length - 1;
      writes.push(...used.map((reference) => unchanged(tableName, reference)));
      try {
        await withConflictRetry(() => client.send(new TransactWriteCommand({ TransactItems: writes })));
      } catch (error) {
        const failed = (cancellationCodes(error) ?? []).map((code) => code === 'ConditionalCheckFailed');
        if (idempotency && failed[0]) throw new IdempotencyKeyTaken();
        if (failed.slice(guardAt + 1).some(Boolean)) {
          // Some reference record changed since this process read it: forget all it read, so the next attempt reads them again.
          references.clear();
          throw new ReferenceChanged();
        }
        if (failed[guardAt]) throw new LookalikeTaken();
        throw error;
      }
    },

    async get(id) {
      if (!isStorableId(id)) return undefined;
      const result = await client.send(new GetCommand({ TableName: tableName, Key: itemKey(id), ConsistentRead: true }));
      return result.Item ? stripKeys<StoredItem>(result.Item) : undefined;
    },

    async update(item, event, read, idempotency) {
      try {
        await withConflictRetry(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                ...(idempotency ? [idempotencyPut(tableName, item.id, event.at, idempotency)] : []),
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...itemKey(item.id), ...itemIndexKeys(item), ...item },
                    ConditionExpression: `version = :expected AND ${read.lastRemindedOn ? 'lastRemindedOn = :reminded' : 'attribute_not_exists(lastRemindedOn)'}`,
                    ExpressionAttributeValues: { ':expected': read.version, ...(read.lastRemindedOn ? { ':reminded': read.lastRemindedOn } : {}) },
                  },
                },
                { Put: { TableName: tableName, Item: { ...eventKey(item.id, item.version), ...event }, ConditionExpression: `attribute_not_exists(${PK})` } },
                ...lookalikeMoves(tableName, read, item),
              ],
            }),
          ),
        );
      } catch (error) {
        const codes = cancellationCodes(error);
        if (idempotency && codes?.[0] === 'ConditionalCheckFailed') throw new IdempotencyKeyTaken();
        if (codes?.includes('ConditionalCheckFailed')) throw new VersionConflict();
        throw error;
      }
    },

    async history(id) {
      if (!isStorableId(id)) return [];
      const records = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: `${PK} = :pk AND begins_with(${SK}, :events)`,
        ExpressionAttributeValues: { ':pk': itemKey(id)[PK], ':events': EVENT_PREFIX },
        ConsistentRead: true,
      });
      return records.map((record) => stripKeys<HistoryEvent>(record));
    },

    async list(query): Promise<ItemPage> {
      const { index, ...scope } = plan(query);
      const { partitionKey: pkName, sortKey: skName } = index;
      let partitionIndex = 0;
      let start: Record<string, string> | undefined;
      if (query.cursor) {
        const cursor = decodeCursor(query.cursor);
        const partition = scope.partitions[cursor.s];
        // A cursor only continues the query it came from: its partition must be this query's.
        const fresh = Object.keys(cursor.k).length === 0;
        const expectedKeys = [PK, SK, pkName, skName].sort().join();
        const valid =
          partition !== undefined &&
          (fresh || (Object.keys(cursor.k).sort().join() === expectedKeys && cursor.k[pkName] === partition && isItemPosition(cursor.k, skName)));
        if (!valid) throw new InvalidCursor();
        partitionIndex = cursor.s;
        start = fresh ? undefined : cursor.k;
      }
      const records: Record<string, unknown>[] = [];
      const filters: string[] = [];
      const values: Record<string, unknown> = {};
      const names: Record<string, string> = {};
      if (query.kind) {
        filters.push('kind = :kind');
        values[':kind'] = query.kind;
      }
      if (query.decisionBody) {
        filters.push('decision.#body = :decisionBody');
        values[':decisionBody'] = query.decisionBody;
        names['#body'] = 'body';
      }
      if (scope.filterUnit && query.unit) {
        filters.push('#unit = :unit');
        values[':unit'] = query.unit;
        names['#unit'] = 'unit';
      }
      if (scope.filterResponsible && query.responsible) {
        filters.push('responsible.email = :responsible');
        values[':responsible'] = query.responsible;
      }
      const page = (): ItemPage => ({ items: records.map((r) => stripKeys<StoredItem>(r)) });

      while (partitionIndex < scope.partitions.length) {
        const partition = scope.partitions[partitionIndex]!;
        const fromCursor = start !== undefined;
        const command = new QueryCommand({
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
          ExpressionAttributeValues: {
            ...values,
            ':pk': partition,
            ':from': query.dueFrom ?? '0000-00-00',
            ':to': `${query.dueTo ?? '9999-12-31'}#\uffff`,
          },
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          Limit: query.search ? SEARCH_PAGE : query.limit - records.length,
          ExclusiveStartKey: start,
        });
        const result = await client.send(command).catch((error: unknown) => {
          // A start key DynamoDB will not start from came from a cursor this query did not make.
          if (fromCursor && (error as { name?: string }).name === 'ValidationException') throw new InvalidCursor();
          throw error;
        });
        if (query.search) {
          // Matched here rather than by a FilterExpression (case and spacing do not matter); the cursor is the item that filled the page.
          const found = result.Items ?? [];
          for (const [i, item] of found.entries()) {
            if (!matchesSearch(item, query.search)) continue;
            records.push(item);
            if (records.length < query.limit) continue;
            const more = i < found.length - 1 || result.LastEvaluatedKey !== undefined || partitionIndex < scope.partitions.length - 1;
            const position = Object.fromEntries([PK, SK, pkName, skName].map((name) => [name, String(item[name])]));
            return { ...page(), ...(more ? { nextCursor: encodeCursor(partitionIndex, position) } : {}) };
          }
        } else records.push(...(result.Items ?? []));
        start = result.LastEvaluatedKey as Record<string, string> | undefined;
        if (!start) partitionIndex++;
        if (records.length >= query.limit) {
          const more = start !== undefined || partitionIndex < scope.partitions.length;
          return { ...page(), ...(more ? { nextCursor: encodeCursor(partitionIndex, start ?? {}) } : {}) };
        }
      }
      return page();
    },

    async closed(unit, year, range) {
      const records = await queryAll(client, {
        TableName: tableName,
        IndexName: byClosure.indexName,
        KeyConditionExpression: `${byClosure.partitionKey} = :pk${range ? ` AND ${byClosure.sortKey} BETWEEN :from AND :to` : ''}`,
        ExpressionAttributeValues: { ':pk': closurePartition(unit, year), ...(range ? { ':from': range.from, ':to': range.to } : {}) },
      });
      // BETWEEN is inclusive; the range's end is not.
      return records.map((r) => stripKeys<StoredItem>(r)).filter((item) => !range || (item.closedAt ?? '') < range.to);
    },

    async dependingOnPlan(body, year) {
      const records = await queryAll(client, {
        TableName: tableName,
        IndexName: byMeetingPlan.indexName,
        KeyConditionExpression: `${byMeetingPlan.partitionKey} = :pk`,
        ExpressionAttributeValues: { ':pk': planPartition(body, year) },
      });
      return records.map((record) => stripKeys<StoredItem>(record));
    },

    async dueForReminder(today) {
      const records = await queryAll(client, {
        TableName: tableName,
        IndexName: byNextReminder.indexName,
        KeyConditionExpression: `${byNextReminder.partitionKey} = :pk AND ${byNextReminder.sortKey} <= :to`,
        ExpressionAttributeValues: { ':pk': REMINDER_PARTITION, ':to': `${today}#\uffff` },
      });
      return records.map((r) => stripKeys<StoredItem>(r));
    },

    async remindingBetween(from, to) {
      const records = await queryAll(client, {
        TableName: tableName,
        IndexName: byNextReminder.indexName,
        KeyConditionExpression: `${byNextReminder.partitionKey} = :pk AND ${byNextReminder.sortKey} BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': REMINDER_PARTITION, ':from': from, ':to': `${to}#\uffff` },
      });
      return records.map((r) => stripKeys<StoredItem>(r));
    },

    async advance(item, day, next) {
      const set = ['lastRemindedOn = :day'];
      const values: Record<string, unknown> = { ':day': day, ':version': item.version };
      let remove = '';
      if (next) {
        set.push('nextReminderDate = :next', `${byNextReminder.partitionKey} = :pk`, `${byNextReminder.sortKey} = :sk`);
        Object.assign(values, { ':next': next, ':pk': REMINDER_PARTITION, ':sk': reminderSortKey(next, item.id) });
      } else remove = ` REMOVE nextReminderDate, ${byNextReminder.partitionKey}, ${byNextReminder.sortKey}`;
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKey(item.id),
            UpdateExpression: `SET ${set.join(', ')}${remove}`,
            // The job does not bump the version: a clerk's ETag stays valid. A change in between
            // (new version) makes the caller re-read and recompute from the fresh item.
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async decidedBetween(from, to, filters = {}) {
      const { factsAttribute } = TABLE.indexes.byDecision;
      const conditions: string[] = [];
      const values: Record<string, string> = {};
      const names: Record<string, string> = { '#id': 'id' };
      if (filters.body) {
        conditions.push('#decision.#body = :body');
        values[':body'] = filters.body;
        Object.assign(names, { '#decision': 'decision', '#body': 'body' });
      }
      if (filters.unit) {
        conditions.push('#unit = :unit');
        values[':unit'] = filters.unit;
        names['#unit'] = 'unit';
      }
      if (filters.kind) {
        conditions.push('#kind = :kind');
        values[':kind'] = filters.kind;
        names['#kind'] = 'kind';
      }
      const query = (month: string) =>
        queryAll(client, {
          TableName: tableName,
          IndexName: TABLE.indexes.byDecision.indexName,
          KeyConditionExpression: `${TABLE.indexes.byDecision.partitionKey} = :pk AND ${TABLE.indexes.byDecision.sortKey} BETWEEN :from AND :to`,
          ExpressionAttributeValues: { ...values, ':pk': decidedPartition(month), ':from': from, ':to': `${to}#\uffff` },
          // The facts alone, not the item: about a third of the bytes to send and parse (160 against 450).
          ProjectionExpression: `#id, ${factsAttribute}`,
          ExpressionAttributeNames: names,
          ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
          Limit: DECIDED_PAGE_ITEMS,
        });
      // The months are independent partitions: read side by side, a dozen at a time.
      const months = monthsOf(from, to);
      const counted: CountedItem[] = [];
      const unread: string[] = [];
      for (let at = 0; at < months.length; at += PARALLEL_PARTITIONS) {
        for (const records of await Promise.all(months.slice(at, at + PARALLEL_PARTITIONS).map(query))) {
          for (const record of records) {
            const facts = readCountedFacts(String(record.id), record[factsAttribute]);
            if (facts) counted.push(facts);
            else unread.push(String(record.id));
          }
        }
      }
      // Items written before their facts were (until `npm run reindex` writes them): read whole.
      if (unread.length) counted.push(...(await readReportItems(client, tableName, unread)).map(countedItem));
      return counted;
    },

    reportItems: (ids) => readReportItems(client, tableName, ids),

    async ofDecisionBody(body, closedSince) {
      const fields = projection(PUBLIC_FIELDS);
      const [open, closed] = await Promise.all([
        queryAll(client, {
          TableName: tableName,
          IndexName: TABLE.indexes.byDecisionBody.indexName,
          KeyConditionExpression: `${TABLE.indexes.byDecisionBody.partitionKey} = :pk`,
          ExpressionAttributeValues: { ':pk': decisionBodyPartition(body, 'open') },
          ...fields,
        }),
        queryAll(client, {
          TableName: tableName,
          IndexName: TABLE.indexes.byDecisionBody.indexName,
          KeyConditionExpression: `${TABLE.indexes.byDecisionBody.partitionKey} = :pk AND ${TABLE.indexes.byDecisionBody.sortKey} >= :since`,
          ExpressionAttributeValues: { ':pk': decisionBodyPartition(body, 'closed'), ':since': closedSince },
          ...fields,
        }),
      ]);
      return [...open, ...closed] as unknown as PublicSourceItem[];
    },

    async reindex(item) {
      const keys = Object.entries(itemIndexKeys(item));
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKey(item.id),
            UpdateExpression: `SET ${keys.map(([name]) => `${name} = :${name}`).join(', ')}`,
            // As read: the same version, and not moved on by the daily job since (which keeps the version).
            ConditionExpression: `version = :version AND ${item.lastRemindedOn ? 'lastRemindedOn = :reminded' : 'attribute_not_exists(lastRemindedOn)'}`,
            ExpressionAttributeValues: {
              ...Object.fromEntries(keys.map(([name, value]) => [`:${name}`, value])),
              ':version': item.version,
              ...(item.lastRemindedOn ? { ':reminded': item.lastRemindedOn } : {}),
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async guard(item) {
      const work = guardOf(item);
      if (work === undefined) return;
      await client.send(new UpdateCommand({ TableName: tableName, Key: lookalikeKey(work), UpdateExpression: 'ADD itemIds :id', ExpressionAttributeValues: { ':id': new Set([item.id]) } }));
    },

    async guardsCompleted(at) {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...LOOKALIKE_GUARDS_COMPLETE, completedAt: at } }));
      guardsComplete = true;
    },

    async idempotency(caller, key) {
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: idempotencyKey(caller, key), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      return { bodyHash: String(result.Item.bodyHash), itemId: String(result.Item.itemId) };
    },
  };
}
