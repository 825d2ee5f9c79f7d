import { readConfig } from '../../shared/platform/config';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoClaims } from '../../shared/adapters/dynamo/claims';
import { createDynamoSuppressions } from '../../shared/adapters/dynamo/suppressions';
import { createDynamoUnitDirectory } from '../../shared/adapters/dynamo/units';
import { sesMailerFrom } from '../../shared/adapters/ses/mailer';
import { linkKeysFrom } from '../../shared/adapters/secrets/link-keys';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { createLinkSigner } from '../../shared/application/links/signed-link';
import { pageUrl } from '../../shared/application/links/fresh-link';
import { emailChannel } from '../../shared/application/delivery/email';
import type { DigestEmail } from '../../shared/application/digest/job';
import { renderDigestWithList } from '../../shared/views/email/digest';

/**
 * The weekly overview's composition root: configuration read once, the DynamoDB and SES clients
 * built once per cold start, and only the adapters the job uses. Tests and the job CLI build the
 * same with their own environment and clock.
 */
export function createDigestDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
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
    units: createDynamoUnitDirectory(documentClient, config.TABLE_NAME),
    channel: emailChannel(sesMailerFrom(config)),
    maxSendRate: config.MAX_SEND_RATE,
    unitLink: async (email: string, unit: string) => pageUrl(config.PUBLIC_BASE_URL, await links.sign({ kind: 'unit', email, unit })),
    renderDigest: (email: DigestEmail) => renderDigestWithList(email, config.LINK_TTL_DAYS),
  };
}

export type DigestDependencies = ReturnType<typeof createDigestDependencies>;

let instance: DigestDependencies | undefined;

/** Built lazily, so that importing the handler (tests, the local scheduler) does not read the environment early. */
export const digestDependencies = () => (instance ??= createDigestDependencies());
