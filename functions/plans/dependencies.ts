import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The plans function's side effects: plans and closed days, and the items that follow them. */
export function createPlansDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const plans = createDynamoPlanStore(documentClient, config.TABLE_NAME);
  return {
    config,
    clock,
    plans,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    rules: createDeadlineRules(plans, deadlineSettings(config)),
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
  };
}

export type PlansDependencies = ReturnType<typeof createPlansDependencies>;

let instance: PlansDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const plansDependencies = () => (instance ??= createPlansDependencies());
