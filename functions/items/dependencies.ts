import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';
import { readSpreadsheet } from '../../shared/adapters/spreadsheets/read';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The items function's side effects: the table's item, plan, unit and notice records (a unit's manager is read with a registration's one batched read); no mail, no secrets. */
export function createItemsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const plans = createDynamoPlanStore(documentClient, config.TABLE_NAME);
  return {
    config,
    clock,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    rules: createDeadlineRules(plans, deadlineSettings(config)),
    // Outcomes of officials' requests wait for their next email.
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
    readSpreadsheet,
  };
}

export type ItemsDependencies = ReturnType<typeof createItemsDependencies>;

let instance: ItemsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const itemsDependencies = () => (instance ??= createItemsDependencies());
