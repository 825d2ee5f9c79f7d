import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoFeedStore } from '../../shared/adapters/dynamo/feeds';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { linkKeysFrom } from '../../shared/adapters/secrets/link-keys';
import { createLinkSigner } from '../../shared/application/links/signed-link';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The feeds function's side effects: feed records, reading items, signing the page links in the events. */
export function createFeedsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    config,
    clock,
    feeds: createDynamoFeedStore(documentClient, config.TABLE_NAME),
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    links: createLinkSigner({ keys: linkKeysFrom(config), clock, ttlDays: config.LINK_TTL_DAYS }),
  };
}

export type FeedsDependencies = ReturnType<typeof createFeedsDependencies>;

let instance: FeedsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const feedsDependencies = () => (instance ??= createFeedsDependencies());
