import { createReminderDependencies, type ReminderDependencies } from '../functions/reminders/dependencies';
import { fixedClock } from '../shared/platform/clock';
import { runReminders } from '../shared/application/reminders/job';
import type { ItemRepository } from '../shared/application/items/ports';
import { batchDelete, batchWrite, createSeeder, keysOfPartition, type DynamoRecord } from './seed';
import { meterClient, naiveItems, type ReadMeter } from './reads';
import type { BenchStack } from './stack';

/** Monday 15 March 2027, 07:00 in Stockholm: when the scheduled job runs. */
export const JOB_INSTANT = '2027-03-15T07:00:00+01:00';
const TODAY = JOB_INSTANT.slice(0, 10);
/**
 * The job's own send rate for these runs: high enough that SES pacing does not hide the reads
 * (the send rate is measured on its own, bench/send.ts).
 */
const JOB_SEND_RATE = 1000;

export interface JobRun {
  wallMs: number;
  /** The Query (or Scan) that finds the items due. */
  readMs: number;
  /** Moving the reminded items to their next reminder date (one conditional UpdateItem each, in turn). */
  advanceMs: number;
  /** What the job reads through its adapters (the definition): everything but the calendar. */
  reads: number;
  /** Everything read on the SDK client: the job's reads plus the closed days the calendar reads. */
  clientReads: number;
  reminded: number;
  emails: number;
}

export interface JobTable {
  stored: number;
  deps: ReminderDependencies & { tableName: string };
  clientMeter: ReadMeter;
  due: DynamoRecord[];
}

/** A table holding `stored` records, of which `due` items (over `officials` officials) are due today. */
export async function seedJobTable(stack: BenchStack, tableName: string, stored: number, due: number, officials: number): Promise<JobTable> {
  await stack.createTable(tableName);
  const seeder = createSeeder(TODAY, tableName);
  const families = seeder.dueFamilies(due, officials);
  const background = seeder.backgroundRecords(stored - families.records.length, 0);
  await batchWrite(stack.documentClient, tableName, [...families.records, ...background], 32);
  const deps = createReminderDependencies({ ...stack.jobEnv, TABLE_NAME: tableName, MAX_SEND_RATE: String(JOB_SEND_RATE) }, fixedClock(JOB_INSTANT));
  const clientMeter = meterClient(deps.documentClient);
  const dueItems = families.records.filter((r) => r.SK === 'ITEM');
  return { stored, deps: { ...deps, tableName }, clientMeter, due: dueItems };
}

/** Puts the due items back as they were before a run and forgets the day's claims, so the next run has the same work. */
export async function resetDue(stack: BenchStack, table: JobTable): Promise<void> {
  const { tableName } = table.deps;
  await batchWrite(stack.documentClient, tableName, table.due, 16);
  await batchDelete(stack.documentClient, tableName, await keysOfPartition(stack.documentClient, tableName, `SENT#${TODAY}`), 16);
}

/** One run of the daily job at JOB_INSTANT, with the indexed repository or the Scan-and-filter baseline. */
export async function runJob(stack: BenchStack, table: JobTable, kind: 'indexed' | 'naive'): Promise<JobRun> {
  await resetDue(stack, table);
  const { deps } = table;
  const chosen = kind === 'indexed' ? deps.items : naiveItems(deps.documentClient, deps.tableName, deps.items);
  let readMs = 0;
  let advanceMs = 0;
  const items: ItemRepository = {
    ...chosen,
    async dueForReminder(today) {
      const started = performance.now();
      const items = await chosen.dueForReminder(today);
      readMs += performance.now() - started;
      return items;
    },
    // The job moves the reminded items on one at a time, after the emails: timed as a phase.
    async advance(item, day, next) {
      const started = performance.now();
      const moved = await chosen.advance(item, day, next);
      advanceMs += performance.now() - started;
      return moved;
    },
  };

  // The closed days are read first and counted apart: the job's own reads are the rest.
  table.clientMeter.items = 0;
  const started = performance.now();
  const workingCalendar = await deps.calendar();
  const calendarReads = table.clientMeter.items;
  table.clientMeter.items = 0;
  const report = await runReminders({ ...deps, items, calendar: async () => workingCalendar, maxSendRate: JOB_SEND_RATE });
  const wallMs = performance.now() - started;

  const reminded = new Set(report.sent.filter((e) => e.role === 'responsible').flatMap((e) => e.itemIds)).size;
  if (report.skipped || report.failed.length || report.deferred || reminded !== table.due.length) {
    throw new Error(`the ${kind} job at ${table.stored} stored did not remind all ${table.due.length} due items: ${JSON.stringify({ skipped: report.skipped, reminded, failed: report.failed.slice(0, 3), deferred: report.deferred })}`);
  }
  return { wallMs, readMs, advanceMs, reads: table.clientMeter.items, clientReads: table.clientMeter.items + calendarReads, reminded, emails: report.sent.length };
}
