import { readConfig } from '../shared/platform/config';
import { systemClock } from '../shared/platform/clock';
import { createDocumentClient } from '../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../shared/adapters/dynamo/items';
import { createDynamoPlanStore } from '../shared/adapters/dynamo/plans';
import { createDeadlineRules } from '../shared/application/plans/deadline-rules';
import { createDynamoNotices } from '../shared/adapters/dynamo/notices';
import { createDynamoSuppressions } from '../shared/adapters/dynamo/suppressions';
import { sesMailerFrom } from '../shared/adapters/ses/mailer';
import type { ReminderStore } from '../shared/application/reminders/ports';
import type { Clock } from '../shared/platform/clock';
import { createDynamoRoleDirectory } from '../shared/adapters/dynamo/directory';
import { createDynamoFreshLinkLimiter } from '../shared/adapters/dynamo/link-requests';
import { linkKeysFrom } from '../shared/adapters/secrets/link-keys';
import { createLinkSigner } from '../shared/application/links/signed-link';
import { createDynamoUnitDirectory } from '../shared/adapters/dynamo/units';
import { createDynamoFeedStore } from '../shared/adapters/dynamo/feeds';

/**
 * The composition root of the HTTP functions: configuration, SDK clients and adapters built once
 * per cold start and handed to their handlers as default dependencies (the jobs and ses-events
 * have their own, `functions/<name>/dependencies.ts`). Tests and the local stack use the same
 * factory with their own environment.
 */
export function createDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const items = createDynamoItemRepository(documentClient, config.TABLE_NAME);
  const plans = createDynamoPlanStore(documentClient, config.TABLE_NAME);
  const rules = createDeadlineRules(plans, { delegationLeadWorkingDays: config.DELEGATION_LEAD_WORKING_DAYS });
  // Outcomes of officials' requests wait for their next email, as the daily job's notices.
  const notices = createDynamoNotices(documentClient, config.TABLE_NAME);
  // Recomputing items and the official's page reach the reminder index, notices and suppressions as one.
  const reminderStore: ReminderStore = { remindingBetween: items.remindingBetween, ...notices, ...createDynamoSuppressions(documentClient, config.TABLE_NAME) };
  const mailer = sesMailerFrom(config);
  const directory = createDynamoRoleDirectory(documentClient, config.TABLE_NAME);
  const links = createLinkSigner({ keys: linkKeysFrom(config), clock, ttlDays: config.LINK_TTL_DAYS });
  const freshLinkLimiter = createDynamoFreshLinkLimiter(documentClient, config.TABLE_NAME);
  const units = createDynamoUnitDirectory(documentClient, config.TABLE_NAME);
  const feeds = createDynamoFeedStore(documentClient, config.TABLE_NAME);
  return { config, documentClient, items, plans, clock, rules, reminderStore, notices, mailer, directory, links, freshLinkLimiter, units, feeds };
}

export type Dependencies = ReturnType<typeof createDependencies>;

let instance: Dependencies | undefined;

/** Built lazily so that importing a handler (tests, the local server) does not read the environment early. */
export function dependencies(): Dependencies {
  return (instance ??= createDependencies());
}
