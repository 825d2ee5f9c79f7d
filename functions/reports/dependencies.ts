import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The reports function's side effects: reading items, nothing else. */
export function createReportsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  return { config, clock, items: createDynamoItemRepository(createDocumentClient(config), config.TABLE_NAME) };
}

export type ReportsDependencies = ReturnType<typeof createReportsDependencies>;

let instance: ReportsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const reportsDependencies = () => (instance ??= createReportsDependencies());
