import type { Context } from 'aws-lambda';
import { runDigest, type DigestReport } from '../../shared/application/digest/job';
import { scheduledInstant, type JobEvent } from '../../shared/platform/jobs';
import { logger, summary } from '../../shared/platform/logger';
import { digestDependencies } from './dependencies';

/**
 * Fired with the reminders on weekday mornings (shared/platform/jobs.ts); only the first working
 * day of the week sends, a later one what did not go out. A run is for the event's `scheduledTime`.
 */
export function createHandler(deps = digestDependencies) {
  return async (event: JobEvent, context: Context): Promise<DigestReport> => {
    logger.addContext(context);
    const report = await runDigest(deps(), { at: scheduledInstant(event), remainingMs: () => context.getRemainingTimeInMillis() });
    logger.info('digest run', summary(report));
    return report;
  };
}

export const handler = createHandler();
