import { createReminderDependencies } from '../functions/reminders/dependencies';
import { fixedClock } from '../shared/platform/clock';
import { runReminders } from '../shared/application/reminders/job';
import type { Channel } from '../shared/application/delivery/ports';
import type { EmailMessage } from '../shared/application/delivery/email';
import { JOB_INSTANT } from './job';
import { batchWrite, createSeeder } from './seed';
import type { BenchStack } from './stack';

export interface SendRun {
  /** The configured maximum send rate, emails per second. */
  maxRate: number;
  emails: number;
  /** Emails per second between the first and the last send (n − 1 intervals). */
  achievedRate: number;
  rateUtilization: number;
  /** The most sends started within any one second. */
  peakPerSecond: number;
  /** The shortest time in which maxRate + 1 sends started (1,000 ms or more: never above the rate). */
  shortestBurstMs: number;
  wallMs: number;
}

/**
 * The daily job sending about `seconds` × `maxRate` emails (one item for each of as many officials, and an escalation to some managers)
 * through the real SES adapter to the local SES server, at a configured maximum send rate. Each
 * call to SES is timed as it starts: that is what the rate limiter paces.
 */
export async function runSend(stack: BenchStack, maxRate: number, seconds: number): Promise<SendRun> {
  const tableName = `bench-send-${maxRate}`;
  await stack.createTable(tableName);
  const count = Math.round(maxRate * seconds);
  const seeder = createSeeder(JOB_INSTANT.slice(0, 10), tableName);
  await batchWrite(stack.documentClient, tableName, seeder.dueFamilies(count, count).records, 16);

  const deps = createReminderDependencies({ ...stack.jobEnv, TABLE_NAME: tableName, MAX_SEND_RATE: String(maxRate) }, fixedClock(JOB_INSTANT));
  const starts: number[] = [];
  const channel: Channel<EmailMessage> = {
    ...deps.channel,
    send(address, message) {
      starts.push(performance.now());
      return deps.channel.send(address, message);
    },
  };
  const started = performance.now();
  const report = await runReminders({ ...deps, channel });
  const wallMs = performance.now() - started;
  // One email to each official, and one to each unit's manager for the items overdue long enough.
  const officials = report.sent.filter((e) => e.role === 'responsible').length;
  if (officials !== count || report.failed.length || starts.length !== report.sent.length) {
    throw new Error(`the send run at ${maxRate}/s mailed ${officials} of ${count} officials (${report.failed.length} failed)`);
  }
  deps.documentClient.destroy();

  starts.sort((a, b) => a - b);
  const span = (starts.at(-1)! - starts[0]!) / 1000;
  const achievedRate = (starts.length - 1) / span;
  let peakPerSecond = 0;
  for (let first = 0, last = 0; first < starts.length; first++) {
    while (last < starts.length && starts[last]! < starts[first]! + 1000) last++;
    peakPerSecond = Math.max(peakPerSecond, last - first);
  }
  // The shortest time any maxRate + 1 consecutive sends took: under 1,000 ms is a second above the rate.
  const burst = Math.ceil(maxRate);
  let shortestBurstMs = Number.POSITIVE_INFINITY;
  for (let k = 0; k + burst < starts.length; k++) shortestBurstMs = Math.min(shortestBurstMs, starts[k + burst]! - starts[k]!);
  return { maxRate, emails: starts.length, achievedRate, rateUtilization: achievedRate / maxRate, peakPerSecond, shortestBurstMs: Math.round(shortestBurstMs * 10) / 10, wallMs };
}
