import { readConfig } from '../../shared/platform/config';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoSuppressions } from '../../shared/adapters/dynamo/suppressions';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';

/**
 * The bounce and complaint handler's composition root: configuration read once, the DynamoDB
 * client built once per cold start, and only the adapters it uses.
 */
export function createSesEventDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    clock,
    documentClient,
    suppressions: createDynamoSuppressions(documentClient, config.TABLE_NAME),
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
  };
}

export type SesEventDependencies = ReturnType<typeof createSesEventDependencies>;

let instance: SesEventDependencies | undefined;

/** Built lazily, so that importing the handler (tests) does not read the environment early. */
export const sesEventDependencies = () => (instance ??= createSesEventDependencies());
