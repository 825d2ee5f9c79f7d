import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createWorkingCalendar, type WorkingCalendar } from '../shared/domain/calendar/working-days';
import { addDays, type CalendarDate } from '../shared/domain/dates';
import { resolveDue } from '../shared/domain/deadlines/resolve';
import { eventKey, itemIndexKeys, itemKey } from '../shared/adapters/dynamo/keys';
import type { HistoryEvent } from '../shared/domain/items/history';
import { DEFAULT_REMINDERS, KINDS } from '../shared/domain/items/vocabulary';
import { type StoredItem } from '../shared/domain/items/item';
import { nextReminderDate, reminderDates } from '../shared/domain/schedule/reminders';

/**
 * Stored records in exactly the shape the item adapter writes them (shared/adapters/dynamo/items.ts:
 * the item with its index keys, and one history event per version), built without the API so
 * that 100,000 of them can be batch-written in a minute or two. Seeding is not measured. Their
 * look-alike guards are not written: no run registers the same work as a seeded item.
 */

export type DynamoRecord = Record<string, unknown>;

const CLERK = 'registrator@kommun.example.se';
const UNITS = [
  'Kommunledningskontoret', 'Utbildningsförvaltningen', 'Socialförvaltningen', 'Tekniska förvaltningen',
  'Kultur- och fritidsförvaltningen', 'Miljö- och byggförvaltningen', 'Räddningstjänsten', 'Vård- och omsorgsförvaltningen',
];
const BODIES = ['KF', 'KS', 'BUN', 'SN', 'TN', 'KFN', 'MBN'];
const TITLES = [
  'Ta fram riktlinjer för skolskjuts', 'Utreda hemtjänstens nattbemanning', 'Redovisa arbetet med e-tjänstplattformen',
  'Yttrande över detaljplan för kv. Lärkan', 'Motion om fler laddstolpar', 'Åtgärda gatubelysningen i centrum',
  'Återrapportera budgetuppföljningen', 'Se över taxan för bygglov',
];

/** A deterministic pseudo-random sequence, so every run seeds the same data. */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface Seeder {
  today: CalendarDate;
  calendar: WorkingCalendar;
  /** The due-today items and their creation events: `count` items over `officials` officials. */
  dueFamilies(count: number, officials: number): { items: StoredItem[]; records: DynamoRecord[] };
  /** `count` open items due `dueFrom` to `dueTo` days from today, with their creation events. */
  openRecords(count: number, dueFrom: number, dueTo: number): DynamoRecord[];
  /** `count` records of items not due today (open later, done, cancelled) with their history. */
  backgroundRecords(count: number, offset: number): DynamoRecord[];
}

/** Builds records around a fixed "today" (which must be a working day for items to be due on it). */
export function createSeeder(today: CalendarDate, prefix: string): Seeder {
  const calendar = createWorkingCalendar();
  const createdAt = (date: CalendarDate) => `${date}T08:30:00.000Z`;

  const base = (id: string, n: number, dueDate: CalendarDate, createdOn: CalendarDate, official: { name: string; email: string }, unit: string): StoredItem => {
    const kind = KINDS[n % 2 === 0 ? 0 : 1]!;
    const body = BODIES[n % BODIES.length]!;
    const due = { date: dueDate };
    const resolved = resolveDue({ kind, due }, { calendar, plans: [], delegationLeadWorkingDays: 3, council: 'KF' });
    const unitIndex = UNITS.indexOf(unit);
    return {
      kind,
      title: `${TITLES[n % TITLES.length]} (${n})`,
      caseNumber: `${body} ${createdOn.slice(0, 4)}/${(n % 900) + 1}`,
      decision: { body, date: addDays(createdOn, -3), paragraph: `§ ${(n % 200) + 1}` },
      responsible: official,
      unit,
      manager: { name: `Chef ${unitIndex + 1}`, email: `chef.${unitIndex + 1}.${prefix}@kommun.example.se` },
      due,
      reminders: DEFAULT_REMINDERS,
      ...resolved,
      id,
      status: 'open',
      createdBy: CLERK,
      createdAt: createdAt(createdOn),
      updatedAt: createdAt(createdOn),
      version: 1,
    };
  };

  const record = (item: StoredItem): DynamoRecord => ({ ...itemKey(item.id), ...itemIndexKeys(item), ...item });
  const event = (item: StoredItem, version: number, action: HistoryEvent['action'], at: string, changes: HistoryEvent['changes'] = {}): DynamoRecord => ({
    ...eventKey(item.id, version),
    at,
    by: CLERK,
    action,
    changes,
    ...(action === 'done' ? { note: 'Återrapporterad i nämnden' } : {}),
    ...(action === 'cancelled' ? { reason: 'Uppdraget återkallat av nämnden' } : {}),
  });

  /** The schedule as the job left it: reminded on every date before today, next one computed. */
  const scheduled = (item: StoredItem): StoredItem => {
    const createdOn = item.createdAt.slice(0, 10);
    const input = { dueDate: item.dueDate, reminders: item.reminders, createdOn };
    const past = reminderDates(input, calendar, addDays(today, -1)).filter((r) => r.date >= createdOn);
    const lastRemindedOn = past.at(-1)?.date;
    const next = nextReminderDate(input, calendar, lastRemindedOn, today);
    return { ...item, nextReminderDate: next, ...(lastRemindedOn ? { lastRemindedOn } : {}) };
  };

  // Due dates whose next reminder falls exactly on today: 14, 7 and 1 day before, the day itself, overdue.
  const dueOffsets = () => {
    if (!calendar.isWorkingDay(today)) throw new Error(`${today} is not a working day: nothing is due on it`);
    const offsets: number[] = [];
    for (let offset = -70; offset <= 20; offset++) {
      const probe = scheduled(base('probe', 0, addDays(today, offset), addDays(today, -90), { name: 'x', email: 'x@x.se' }, UNITS[0]!));
      if (probe.nextReminderDate === today) offsets.push(offset);
    }
    return offsets;
  };

  return {
    today,
    calendar,

    dueFamilies(count, officials) {
      const offsets = dueOffsets();
      const items: StoredItem[] = [];
      const records: DynamoRecord[] = [];
      for (let n = 0; n < count; n++) {
        const o = n % officials;
        const official = { name: `Handläggare ${o + 1}`, email: `handlaggare.${pad(o + 1, 4)}.${prefix}@kommun.example.se` };
        const offset = offsets[n % offsets.length]!;
        const item = scheduled(base(`${prefix}-due-${pad(n, 6)}`, n, addDays(today, offset), addDays(today, -90 - (n % 60)), official, UNITS[o % UNITS.length]!));
        if (item.nextReminderDate !== today) throw new Error(`seeded item ${item.id} is not due on ${today}`);
        items.push(item);
        records.push(record(item), event(item, 1, 'created', item.createdAt));
      }
      return { items, records };
    },

    openRecords(count, dueFrom, dueTo) {
      const random = sequence(count + dueFrom * 31 + dueTo);
      const records: DynamoRecord[] = [];
      for (let n = 0; n < count; n++) {
        const o = Math.floor(random() * 200);
        const official = { name: `Handläggare ${o + 1}`, email: `handlaggare.${pad(o + 1, 4)}.${prefix}@kommun.example.se` };
        const dueDate = addDays(today, dueFrom + Math.floor(random() * (dueTo - dueFrom + 1)));
        const createdOn = [addDays(today, -30), dueDate].sort()[0]!;
        const item = scheduled(base(`${prefix}-open-${pad(n, 6)}`, n, dueDate, createdOn, official, UNITS[o % UNITS.length]!));
        records.push(record(item), event(item, 1, 'created', item.createdAt));
      }
      return records;
    },

    backgroundRecords(count, offset) {
      const random = sequence(offset + 1);
      const records: DynamoRecord[] = [];
      for (let n = offset; records.length < count; n++) {
        const o = Math.floor(random() * 2000);
        const official = { name: `Handläggare ${o + 1}`, email: `handlaggare.${pad(o + 1, 4)}.${prefix}@kommun.example.se` };
        const unit = UNITS[o % UNITS.length]!;
        const roll = random();
        const id = `${prefix}-bg-${pad(n, 7)}`;
        if (roll < 0.2) {
          // Open, next reminder after today: registered recently, due in weeks or months.
          const createdOn = addDays(today, -Math.floor(random() * 60));
          const item = scheduled(base(id, n, addDays(today, 16 + Math.floor(random() * 300)), createdOn, official, unit));
          if (item.nextReminderDate! <= today) continue;
          records.push(record(item), event(item, 1, 'created', item.createdAt));
          if (random() < 0.3) {
            const changed = { ...item, version: 2, updatedAt: createdAt(addDays(createdOn, 1)) };
            records[records.length - 2] = record(changed);
            records.push(event(changed, 2, 'updated', changed.updatedAt, { title: { from: 'Utkast', to: item.title } }));
          }
        } else {
          // Closed over the past years: done (most) or cancelled, with two to four history events.
          const createdOn = addDays(today, -30 - Math.floor(random() * 2500));
          const dueDate = addDays(createdOn, 30 + Math.floor(random() * 300));
          const opened = base(id, n, dueDate, createdOn, official, unit);
          const status = roll < 0.9 ? 'done' : 'cancelled';
          const versions = 2 + Math.floor(random() * 3);
          // Closed around its deadline, never after yesterday nor before it was registered.
          const around = addDays(dueDate, Math.floor(random() * 40) - 20);
          const closedOn = [around, addDays(today, -1)].sort()[0]! < createdOn ? createdOn : [around, addDays(today, -1)].sort()[0]!;
          const closedAt = createdAt(closedOn);
          const closed: StoredItem = { ...opened, status, version: versions, updatedAt: closedAt, closedAt };
          records.push(record(closed), event(opened, 1, 'created', opened.createdAt));
          for (let v = 2; v < versions; v++) {
            records.push({ ...event(opened, v, 'status_report', createdAt(addDays(createdOn, v))), note: 'Arbetet pågår enligt plan.' });
          }
          records.push(event(closed, versions, status, closedAt, { status: { from: 'open', to: status } }));
        }
      }
      return records.slice(0, count);
    },
  };
}

/** Batch-writes records, 25 a request, `parallel` requests at a time, retrying unprocessed items. */
export async function batchWrite(client: DynamoDBDocumentClient, tableName: string, records: DynamoRecord[], parallel = 8): Promise<void> {
  await batchRequests(client, tableName, records.map((Item) => ({ PutRequest: { Item } })), parallel);
}

/** Batch-deletes records by key. */
export async function batchDelete(client: DynamoDBDocumentClient, tableName: string, keys: DynamoRecord[], parallel = 8): Promise<void> {
  await batchRequests(client, tableName, keys.map((Key) => ({ DeleteRequest: { Key } })), parallel);
}

type WriteRequest = { PutRequest: { Item: DynamoRecord } } | { DeleteRequest: { Key: DynamoRecord } };

async function batchRequests(client: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[], parallel: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      let batch: WriteRequest[] | undefined = requests.slice(next, next + 25);
      next += 25;
      for (let attempt = 0; batch && batch.length; attempt++) {
        if (attempt > 10) throw new Error('BatchWriteItem left items unprocessed after 10 retries');
        if (attempt) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
        batch = result.UnprocessedItems?.[tableName] as WriteRequest[] | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Every key in a partition (bench housekeeping: the claims of a day). */
export async function keysOfPartition(client: DynamoDBDocumentClient, tableName: string, pk: string): Promise<DynamoRecord[]> {
  const keys: DynamoRecord[] = [];
  let start: DynamoRecord | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'PK, SK', ExclusiveStartKey: start }),
    );
    keys.push(...((page.Items ?? []) as DynamoRecord[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys;
}
