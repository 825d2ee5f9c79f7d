import type { Context } from 'aws-lambda';
import { runDigest, type DigestReport } from '../../shared/application/digest/job';
import { logger, summary } from '../../shared/platform/logger';
import { pageUrl } from '../../shared/application/links/fresh-link';
import { dependencies, type Dependencies } from '../dependencies';

/** Builds the weekly overview's dependencies from the composition root; the job CLI passes its own clock. */
export function digestJobDeps(deps: Dependencies, remainingMs?: () => number) {
  return {
    items: deps.items,
    units: deps.units,
    store: deps.reminderStore,
    mailer: deps.mailer,
    calendar: deps.rules.calendar,
    clock: deps.clock,
    maxSendRate: deps.config.MAX_SEND_RATE,
    unitLink: async (email: string, unit: string) => pageUrl(deps.config.PUBLIC_BASE_URL, await deps.links.sign({ kind: 'unit', email, unit })),
    linkTtlDays: deps.config.LINK_TTL_DAYS,
    ...(remainingMs ? { remainingMs } : {}),
  };
}

/** Fired at 07:00 Europe/Stockholm on weekdays; only the first working day of the week sends. */
export async function handler(_event: unknown, context: Context): Promise<DigestReport> {
  logger.addContext(context);
  const report = await runDigest(digestJobDeps(dependencies(), () => context.getRemainingTimeInMillis()));
  logger.info('digest run', summary(report));
  return report;
}
