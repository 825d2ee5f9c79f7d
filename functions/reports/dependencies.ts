import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPublicBodies } from '../../shared/adapters/dynamo/public-bodies';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The reports function's side effects: reading items, and the record of which bodies are published. */
export function createReportsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    config,
    clock,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    publicBodies: createDynamoPublicBodies(documentClient, config.TABLE_NAME),
  };
}

export type ReportsDependencies = ReturnType<typeof createReportsDependencies>;

let instance: ReportsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const reportsDependencies = () => (instance ??= createReportsDependencies());
