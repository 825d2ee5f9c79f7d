import { createServer, type Server } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE } from '../shared/platform/table';
import { startDynamoDbLocal } from './dynamo';
import { startLocalSes } from './ses';
import { ensureTable } from './table';
import { createLocalApi } from './server';
import { DEFAULT_LOCAL_JWT_SECRET } from './tokens';
import { startLocalScheduler } from './scheduler';

export class PortInUseError extends Error {}

/** Fails with a line naming the variable to change when a port is taken. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} is already in use: set ${variable} to a free port (e.g. ${variable}=${port + 100} npm start).`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export interface LocalStackOptions {
  port: number;
  dynamoPort: number;
  sesPort: number;
  /** Where DynamoDB Local keeps its data; undefined keeps it in memory (tests). */
  dataDir?: string;
  jwtSecret?: string;
  env?: Record<string, string>;
  /** Fire the jobs at their Stockholm times (npm start); tests run jobs themselves. */
  schedules?: boolean;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The whole product on one machine: DynamoDB Local, the local SES server and the HTTP API. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  await assertPortFree(options.port, 'PORT');
  await assertPortFree(options.dynamoPort, 'DYNAMODB_PORT');
  await assertPortFree(options.sesPort, 'SES_PORT');

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamoDbLocal(options.dynamoPort, options.dataDir);
    stops.push(dynamo.stop);
    const ses = await startLocalSes(options.sesPort);
    stops.push(ses.stop);

    const env: Record<string, string> = {
      STAGE: 'local',
      AWS_REGION: 'eu-north-1',
      TABLE_NAME: TABLE.defaultName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      PUBLIC_BASE_URL: `http://localhost:${options.port}`,
      ...options.env,
    };
    // The handlers read their configuration from the environment, as on Lambda.
    Object.assign(process.env, env);

    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: env.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(client, env.TABLE_NAME!);
    client.destroy();

    const api = createLocalApi({ jwtSecret: options.jwtSecret ?? DEFAULT_LOCAL_JWT_SECRET });
    await new Promise<void>((resolve, reject) => {
      api.once('error', reject);
      api.listen(options.port, '127.0.0.1', () => resolve());
    });
    stops.push(() => new Promise((resolve) => { api.closeAllConnections(); api.close(() => resolve()); }));

    if (options.schedules) {
      const scheduler = startLocalScheduler();
      stops.push(async () => scheduler.stop());
    }

    return { apiUrl: `http://localhost:${options.port}`, dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
