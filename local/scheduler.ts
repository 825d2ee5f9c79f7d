import { Cron } from 'croner';
import { TIME_ZONE } from '../shared/domain/dates';
import { JOBS, type JobEvent, type JobSchedule } from '../shared/platform/jobs';

/** A job's schedule as croner's five-field cron: minute, hour, day of month, month, day of week. */
export const cronPattern = (schedule: JobSchedule) => `${schedule.minute} ${schedule.hour} * * ${schedule.weekdays}`;

/**
 * The time a run fired for, as EventBridge Scheduler's `scheduledTime`: the last time the pattern
 * names up to the moment croner woke, which is a little after it (timers fire late).
 */
export const scheduledTimeOf = (cron: Cron, firedAt: Date): Date | undefined => cron.previousRuns(1, new Date(firedAt.getTime() + 1000))[0];

/**
 * The local stand-in for EventBridge Scheduler: the same job table, fired at Stockholm wall-clock
 * time by croner, calling the very handlers Lambda runs with the same event: the job's name and
 * the time it fired for as `scheduledTime`.
 */
export function startLocalScheduler(): { stop(): void } {
  const crons = JOBS.map(
    (job) =>
      new Cron(cronPattern(job.schedule), { timezone: TIME_ZONE, protect: true, name: job.name }, async (self) => {
        const scheduled = scheduledTimeOf(self, self.currentRun() ?? new Date());
        const { handler } = (await import(`../functions/${job.name}/handler.ts`)) as {
          handler: (event: JobEvent, context: { getRemainingTimeInMillis(): number }) => Promise<unknown>;
        };
        try {
          await handler({ job: job.name, ...(scheduled ? { scheduledTime: scheduled.toISOString() } : {}) }, { getRemainingTimeInMillis: () => 15 * 60_000 });
        } catch (error) {
          console.error(`scheduled job ${job.name} failed`, error);
        }
      }),
  );
  return { stop: () => crons.forEach((c) => c.stop()) };
}
