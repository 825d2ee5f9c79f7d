import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoUnitDirectory } from '../../shared/adapters/dynamo/units';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The units function's side effects: the unit directory, and reading a unit's items. */
export function createUnitsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    config,
    clock,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    units: createDynamoUnitDirectory(documentClient, config.TABLE_NAME),
  };
}

export type UnitsDependencies = ReturnType<typeof createUnitsDependencies>;

let instance: UnitsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const unitsDependencies = () => (instance ??= createUnitsDependencies());
