import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPublicBodies } from '../../shared/adapters/dynamo/public-bodies';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The reports function's side effects: reading items and the meeting plans (which bodies exist), and the record of which bodies are published. */
export function createReportsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    config,
    clock,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    publicBodies: createDynamoPublicBodies(documentClient, config.TABLE_NAME),
    plans: createDynamoPlanStore(documentClient, config.TABLE_NAME),
  };
}

export type ReportsDependencies = ReturnType<typeof createReportsDependencies>;

let instance: ReportsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const reportsDependencies = () => (instance ??= createReportsDependencies());
