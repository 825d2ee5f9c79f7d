import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoFreshLinkLimiter } from '../../shared/adapters/dynamo/link-requests';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';
import { createDynamoPublicBodies } from '../../shared/adapters/dynamo/public-bodies';
import { createDynamoSuppressions } from '../../shared/adapters/dynamo/suppressions';
import { linkKeysFrom } from '../../shared/adapters/secrets/link-keys';
import { sesMailerFrom } from '../../shared/adapters/ses/mailer';
import { createLinkSigner } from '../../shared/application/links/signed-link';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';
import { renderFreshLinkEmail } from '../../shared/views/email/fresh-link';

/**
 * The signed pages' side effects: officials' actions on their items, which bodies' pages are
 * public, the link key, and one kind of
 * email (a fresh link, rate-limited per address).
 */
export function createPagesDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const suppressions = createDynamoSuppressions(documentClient, config.TABLE_NAME);
  return {
    config,
    clock,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    rules: createDeadlineRules(createDynamoPlanStore(documentClient, config.TABLE_NAME), deadlineSettings(config)),
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
    publicBodies: createDynamoPublicBodies(documentClient, config.TABLE_NAME),
    links: createLinkSigner({ keys: linkKeysFrom(config), clock, ttlDays: config.LINK_TTL_DAYS }),
    limiter: createDynamoFreshLinkLimiter(documentClient, config.TABLE_NAME),
    mailer: sesMailerFrom(config),
    suppressed: (emails: string[]) => suppressions.suppressed(emails),
    compose: renderFreshLinkEmail,
    origin: config.PUBLIC_BASE_URL,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    linkTtlDays: config.LINK_TTL_DAYS,
    ttlDays: config.LINK_TTL_DAYS,
  };
}

export type PagesDependencies = ReturnType<typeof createPagesDependencies>;

let instance: PagesDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const pagesDependencies = () => (instance ??= createPagesDependencies());
