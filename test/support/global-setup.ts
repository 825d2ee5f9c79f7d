import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/stack';
import { DEFAULT_LOCAL_JWT_SECRET } from '../../local/tokens';
import { freePort } from './ports';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    dynamoEndpoint: string;
    sesEndpoint: string;
    jwtSecret: string;
  }
}

/** One local stack (in memory) for the integration tests: the same code `npm start` runs. */
export default async function setup(project: TestProject) {
  const stack = await startLocalStack({
    port: await freePort(),
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    jwtSecret: DEFAULT_LOCAL_JWT_SECRET,
    env: { LOG_LEVEL: 'SILENT' },
  });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('dynamoEndpoint', stack.dynamoEndpoint);
  project.provide('sesEndpoint', stack.sesEndpoint);
  project.provide('jwtSecret', DEFAULT_LOCAL_JWT_SECRET);
  return () => stack.stop();
}
