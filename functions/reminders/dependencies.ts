import { readConfig } from '../../shared/platform/config';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoClaims } from '../../shared/adapters/dynamo/claims';
import { createDynamoSuppressions } from '../../shared/adapters/dynamo/suppressions';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';
import { createDynamoUnitDirectory } from '../../shared/adapters/dynamo/units';
import { sesMailerFrom } from '../../shared/adapters/ses/mailer';
import { linkKeysFrom } from '../../shared/adapters/secrets/link-keys';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { createLinkSigner } from '../../shared/application/links/signed-link';
import { pageUrl } from '../../shared/application/links/fresh-link';
import { emailChannel } from '../../shared/application/delivery/email';
import type { Recipient } from '../../shared/application/delivery/ports';
import type { ReminderEmail } from '../../shared/application/reminders/job';
import { renderReminderEnvelope } from '../../shared/views/email/reminder-envelope';

/**
 * The daily reminder job's composition root: configuration read once, the DynamoDB and SES clients
 * built once per cold start, and only the adapters the job uses. Tests, the job CLI and the local
 * scheduler build the same with their own environment and clock.
 */
export function createReminderDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const links = createLinkSigner({ keys: linkKeysFrom(config), clock, ttlDays: config.LINK_TTL_DAYS });
  return {
    config,
    clock,
    documentClient,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    calendar: createDeadlineRules(createDynamoPlanStore(documentClient, config.TABLE_NAME), deadlineSettings(config)).calendar,
    claims: createDynamoClaims(documentClient, config.TABLE_NAME),
    suppressions: createDynamoSuppressions(documentClient, config.TABLE_NAME),
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
    units: createDynamoUnitDirectory(documentClient, config.TABLE_NAME),
    channel: emailChannel(sesMailerFrom(config)),
    maxSendRate: config.MAX_SEND_RATE,
    /** An official's "Mina ärenden"; a manager's page of one unit. */
    pageLink: async (recipient: Recipient, unit?: string) =>
      pageUrl(
        config.PUBLIC_BASE_URL,
        await links.sign(recipient.role === 'manager' && unit ? { kind: 'unit', email: recipient.email, unit } : { kind: 'official', email: recipient.email }),
      ),
    renderReminder: (email: ReminderEmail) => renderReminderEnvelope(email, config.PUBLIC_BASE_URL, config.LINK_TTL_DAYS),
  };
}

export type ReminderDependencies = ReturnType<typeof createReminderDependencies>;

let instance: ReminderDependencies | undefined;

/** Built lazily, so that importing the handler (tests, the local scheduler) does not read the environment early. */
export const reminderDependencies = () => (instance ??= createReminderDependencies());
