import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoRoleDirectory } from '../../shared/adapters/dynamo/directory';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { pdfText } from '../../shared/adapters/pdf/text';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { readConfig } from '../../shared/platform/config';

/** The drafts function's side effects: the role directory and the meeting plans, and reading PDFs; nothing is stored. */
export function createDraftsDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  return {
    config,
    clock,
    council: config.COUNCIL,
    directory: createDynamoRoleDirectory(documentClient, config.TABLE_NAME),
    rules: createDeadlineRules(createDynamoPlanStore(documentClient, config.TABLE_NAME), deadlineSettings(config)),
    pdfText,
  };
}

export type DraftsDependencies = ReturnType<typeof createDraftsDependencies>;

let instance: DraftsDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const draftsDependencies = () => (instance ??= createDraftsDependencies());
