import type { Context } from 'aws-lambda';
import { runReminders, type RunReport } from '../../shared/application/reminders/job';
import { logger, summary } from '../../shared/platform/logger';
import { pageUrl } from '../../shared/application/links/fresh-link';
import type { Recipient } from '../../shared/application/reminders/ports';
import { dependencies, type Dependencies } from '../dependencies';

/** Builds the job's dependencies from the composition root; the job CLI passes its own clock. */
export function reminderJobDeps(deps: Dependencies, remainingMs?: () => number) {
  return {
    store: deps.reminderStore,
    mailer: deps.mailer,
    calendar: deps.rules.calendar,
    clock: deps.clock,
    publicBaseUrl: deps.config.PUBLIC_BASE_URL,
    units: deps.units,
    maxSendRate: deps.config.MAX_SEND_RATE,
    pageLink: async (recipient: Recipient, unit?: string) =>
      pageUrl(
        deps.config.PUBLIC_BASE_URL,
        await deps.links.sign(recipient.role === 'manager' && unit ? { kind: 'unit', email: recipient.email, unit } : { kind: 'official', email: recipient.email }),
      ),
    ...(remainingMs ? { remainingMs } : {}),
  };
}

/** Fired by EventBridge Scheduler at 07:00 Europe/Stockholm on weekdays; the job skips non-working days. */
export async function handler(_event: unknown, context: Context): Promise<RunReport> {
  logger.addContext(context);
  const report = await runReminders(reminderJobDeps(dependencies(), () => context.getRemainingTimeInMillis()));
  logger.info('reminder run', summary(report));
  // A run that could not send everything still succeeds: what is left is picked up tomorrow.
  return report;
}
