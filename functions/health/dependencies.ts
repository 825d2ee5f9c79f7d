import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { readConfig } from '../../shared/platform/config';

/** The health function's side effects: one read of the table. */
export function createHealthDependencies(env: Record<string, string | undefined> = process.env) {
  const config = readConfig(env);
  return { config, documentClient: createDocumentClient(config) };
}

export type HealthDependencies = ReturnType<typeof createHealthDependencies>;

let instance: HealthDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const healthDependencies = () => (instance ??= createHealthDependencies());
