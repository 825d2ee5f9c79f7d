import { Cron } from 'croner';
import { JOBS } from '../shared/platform/jobs';

/**
 * The local stand-in for EventBridge Scheduler: the same job table, fired at Stockholm wall-clock
 * time by croner, calling the very handlers Lambda runs.
 */
export function startLocalScheduler(): { stop(): void } {
  const crons = JOBS.map(
    (job) =>
      new Cron(job.localCron, { timezone: job.timeZone, protect: true, name: job.name }, async () => {
        const { handler } = (await import(`../functions/${job.name}/handler.ts`)) as {
          handler: (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<unknown>;
        };
        try {
          await handler({ source: 'local-scheduler', job: job.name }, { getRemainingTimeInMillis: () => 15 * 60_000 });
        } catch (error) {
          console.error(`scheduled job ${job.name} failed`, error);
        }
      }),
  );
  return { stop: () => crons.forEach((c) => c.stop()) };
}
