import type { Context } from 'aws-lambda';
import { runReminders, type RunReport } from '../../shared/application/reminders/job';
import { scheduledInstant, type JobEvent } from '../../shared/platform/jobs';
import { logger, summary } from '../../shared/platform/logger';
import { reminderDependencies } from './dependencies';

/**
 * Fired by EventBridge Scheduler on weekday mornings (shared/platform/jobs.ts); the job skips
 * non-working days. A run is for the event's `scheduledTime`, so a retried run is still that
 * morning's. A run that could not send everything still succeeds: the next run sends the rest; a
 * store fault fails it after the others are sent, so Lambda retries it.
 */
export function createHandler(deps = reminderDependencies) {
  return async (event: JobEvent, context: Context): Promise<RunReport> => {
    logger.addContext(context);
    const report = await runReminders(deps(), { at: scheduledInstant(event), remainingMs: () => context.getRemainingTimeInMillis() });
    logger.info('reminder run', summary(report));
    return report;
  };
}

export const handler = createHandler();
