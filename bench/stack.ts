import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '../local/stack';
import { ensureTable } from '../local/table';
import { DEFAULT_LOCAL_JWT_SECRET } from '../local/tokens';
import { createDocumentClient } from '../shared/adapters/dynamo/client';
import { freePort } from '../test/support/ports';

/** The local stack the benchmark runs against: DynamoDB Local in memory, the local SES server, the HTTP API. */
export interface BenchStack {
  stack: LocalStack;
  jwtSecret: string;
  /** For seeding and housekeeping; never the client a measured run uses. */
  documentClient: DynamoDBDocumentClient;
  /** The environment `createDependencies` needs to reach this stack (TABLE_NAME added per table). */
  jobEnv: Record<string, string>;
  createTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const stack = await startLocalStack({
    port: await freePort(),
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    jwtSecret: DEFAULT_LOCAL_JWT_SECRET,
    // The handlers' request logs would flood the report.
    env: { LOG_LEVEL: 'SILENT' },
  });
  const raw = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const documentClient = createDocumentClient({ STAGE: 'local', AWS_REGION: 'eu-north-1', DYNAMODB_ENDPOINT: stack.dynamoEndpoint });
  const jobEnv = {
    STAGE: 'local',
    AWS_REGION: 'eu-north-1',
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    SES_ENDPOINT: stack.sesEndpoint,
    PUBLIC_BASE_URL: stack.apiUrl,
  };
  return {
    stack,
    jwtSecret: DEFAULT_LOCAL_JWT_SECRET,
    documentClient,
    jobEnv,
    async createTable(name) {
      await ensureTable(raw, name);
    },
    async stop() {
      documentClient.destroy();
      raw.destroy();
      await stack.stop();
    },
  };
}
