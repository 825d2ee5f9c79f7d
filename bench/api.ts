import { fileURLToPath } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { signLocalToken } from '../local/tokens';
import { addDays, stockholmDate } from '../shared/domain/dates';
import { runNode } from './node-process';
import { batchWrite, createSeeder, type DynamoRecord } from './seed';
import type { BenchStack } from './stack';

export interface LoadFigures {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  perSecond: number;
  requests: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export interface ApiFigures {
  durationSeconds: number;
  /** Keyed by concurrency: "1", "16". */
  post: Record<string, LoadFigures>;
  overdue: Record<string, LoadFigures>;
  putItem: Record<string, LoadFigures>;
}

const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** One autocannon run in a child process on this same Node (bench/load.ts). */
async function load(options: Record<string, unknown>): Promise<LoadFigures> {
  const { out } = await runNode([TSX, LOAD_SCRIPT, JSON.stringify(options)]);
  try {
    return JSON.parse(out) as LoadFigures;
  } catch {
    throw new Error(`autocannon printed no figures: ${out.slice(0, 200)}`);
  }
}

/**
 * A bare PutItem as the SDK sends it, captured once (headers and body), for autocannon to
 * replay against DynamoDB Local with a fresh key per request (`[<id>]`). DynamoDB Local does not
 * check signatures, so the captured one serves every request.
 */
async function capturePutItem(stack: BenchStack, tableName: string, record: DynamoRecord): Promise<{ headers: Record<string, string>; body: string }> {
  let captured: { headers: Record<string, string>; body: string } | undefined;
  const client = stack.documentClient;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      if (!captured && request.headers['x-amz-target']?.endsWith('.PutItem')) {
        const body = request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : String(request.body);
        captured = { headers: { ...request.headers }, body };
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchCapturePutItem', override: true },
  );
  await client.send(new PutCommand({ TableName: tableName, Item: record }));
  client.middlewareStack.remove('benchCapturePutItem');
  if (!captured) throw new Error('no PutItem request was captured');
  const { host: _host, 'content-length': _length, ...headers } = captured.headers;
  return { headers, body: captured.body.replaceAll(String(record.id), '[<id>]') };
}

/**
 * `POST /uppdrag` and `GET /uppdrag?state=overdue` through the local server (the handlers
 * Lambda runs), and a bare PutItem of the same item record straight to DynamoDB Local, each at
 * every concurrency for `seconds` after a short warm-up.
 */
export async function runApi(stack: BenchStack, concurrencies: number[], seconds: number): Promise<ApiFigures> {
  const tableName = stack.stack.env.TABLE_NAME!;
  const today = stockholmDate(new Date());
  const seeder = createSeeder(today, 'api');
  // 1,000 overdue and 1,000 upcoming open items among 3,000 records of closed ones.
  await batchWrite(stack.documentClient, tableName, [...seeder.openRecords(1000, -200, -1), ...seeder.openRecords(1000, 1, 300), ...seeder.backgroundRecords(3000, 0)], 16);

  const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, stack.jwtSecret);
  const authorization = `Bearer ${token}`;
  const postBody = JSON.stringify({
    kind: 'uppdrag',
    title: 'Ta fram riktlinjer för skolskjuts',
    caseNumber: 'BUN 2026/44',
    decision: { body: 'BUN', date: addDays(today, -30), paragraph: '§ 44' },
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
    unit: 'Utbildningsförvaltningen',
    due: { date: addDays(today, 200) },
  });
  // The record POST /uppdrag stores (an open item with its index keys), under a fresh id each time.
  const [itemRecord] = createSeeder(today, 'putitem').openRecords(1, 200, 200);
  const put = await capturePutItem(stack, tableName, itemRecord!);

  const figures: ApiFigures = { durationSeconds: seconds, post: {}, overdue: {}, putItem: {} };
  for (const connections of concurrencies) {
    const common = { connections, duration: seconds, warmup: { connections, duration: 2 } };
    figures.putItem[connections] = await load({ ...common, url: `${stack.stack.dynamoEndpoint}/`, method: 'POST', headers: put.headers, body: put.body, idReplacement: true });
    figures.post[connections] = await load({ ...common, url: `${stack.stack.apiUrl}/uppdrag`, method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: postBody });
    figures.overdue[connections] = await load({ ...common, url: `${stack.stack.apiUrl}/uppdrag?state=overdue`, method: 'GET', headers: { authorization } });
  }
  for (const [name, byConcurrency] of Object.entries({ post: figures.post, overdue: figures.overdue, putItem: figures.putItem })) {
    for (const [connections, run] of Object.entries(byConcurrency)) {
      const ok = Object.entries(run.statusCodes).every(([code]) => code.startsWith('2'));
      if (!ok || run.errors) throw new Error(`${name} at concurrency ${connections} answered ${JSON.stringify(run.statusCodes)} with ${run.errors} errors`);
    }
  }
  return figures;
}
