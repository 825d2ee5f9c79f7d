import { fileURLToPath } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { signLocalToken } from '../local/tokens';
import { addDays, stockholmDate } from '../shared/domain/dates';
import { runNode } from './node-process';
import { lookalikeKey, PK } from '../shared/adapters/dynamo/keys';
import type { StoredItem } from '../shared/domain/items/item';
import { sameWorkKey } from '../shared/domain/items/lookalike';
import { batchWrite, createSeeder } from './seed';
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
  /** The transaction a create sends: its writes and its ConditionChecks of the reference data. */
  transactWrite: Record<string, LoadFigures>;
  /** The same transaction without the ConditionChecks: the records a create writes, alone. */
  transactWriteWritesOnly: Record<string, LoadFigures>;
  /** The DynamoDB operations one `POST /uppdrag` makes, in order, once the process has read the reference data. */
  createOperations: string[];
  /** Those of the process's first `POST /uppdrag`, which reads the reference data first. */
  firstCreateOperations: string[];
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

/** A DynamoDB request as the SDK sends it (headers and body), for autocannon to replay with a fresh id per request (`[<id>]`). */
interface CapturedRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * Runs `act` and records every DynamoDB call this process's document client makes meanwhile (the
 * local server's handlers share it: `createDocumentClient` keeps one per endpoint): the
 * operations in order, and the first request of `operation` as sent. DynamoDB Local does not
 * check signatures, so the captured one serves every replay.
 */
async function capture(stack: BenchStack, operation: string, act: () => Promise<unknown>): Promise<{ request: CapturedRequest; operations: string[] }> {
  let captured: CapturedRequest | undefined;
  const operations: string[] = [];
  const client = stack.documentClient;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      const target = request.headers['x-amz-target']?.split('.').at(-1) ?? '?';
      operations.push(target);
      if (!captured && target === operation) {
        const body = request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : String(request.body);
        const { host: _host, 'content-length': _length, ...headers } = request.headers;
        captured = { headers, body };
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchCapture', override: true },
  );
  try {
    await act();
  } finally {
    client.middlewareStack.remove('benchCapture');
  }
  if (!captured) throw new Error(`no ${operation} request was captured (operations: ${operations.join(', ') || 'none'})`);
  return { request: captured, operations };
}

/** `body` with every occurrence of each marker replaced by autocannon's per-request id. */
const withIds = (request: CapturedRequest, markers: string[]): CapturedRequest => ({
  ...request,
  body: markers.reduce((body, marker) => body.replaceAll(marker, '[<id>]'), request.body),
});

/** A TransactWriteItems request body without its ConditionChecks. */
function withoutConditionChecks(body: string): string {
  const request = JSON.parse(body) as { TransactItems: Record<string, unknown>[] };
  return JSON.stringify({ ...request, TransactItems: request.TransactItems.filter((action) => !('ConditionCheck' in action)) });
}

/**
 * One `POST /uppdrag` through the local server, recording the DynamoDB operations it makes and
 * the transaction that stores the item, and the item it answered.
 */
async function captureCreate(stack: BenchStack, url: string, authorization: string, body: string) {
  let answer: Response | undefined;
  const captured = await capture(stack, 'TransactWriteItems', async () => {
    answer = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
  });
  if (answer?.status !== 201) throw new Error(`POST /uppdrag answered ${answer?.status}: ${await answer?.text()}`);
  return { ...captured, item: (await answer.json()) as StoredItem };
}

/**
 * `POST /uppdrag` and `GET /uppdrag?state=overdue` through the local server (the handlers
 * Lambda runs), and straight to DynamoDB Local, through the same endpoint the handlers use, the
 * records a create writes and checks: its transaction, the same without its ConditionChecks, and
 * the item alone as a PutItem. Each at every concurrency for `seconds` after a short warm-up.
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
    title: 'Ta fram riktlinjer för skolskjuts [<id>]',
    caseNumber: 'BUN 2026/44',
    decision: { body: 'BUN', date: addDays(today, -30), paragraph: '§ 44' },
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
    unit: 'Utbildningsförvaltningen',
    due: { date: addDays(today, 200) },
  });
  // The first POST /uppdrag of the process reads the reference data (closed days, the unit) it
  // then keeps; the records the next one writes and checks are captured as it sends them, then
  // replayed under a fresh id each time: the item alone as a PutItem, and the whole transaction
  // (the item, its history event, its look-alike guard, the ConditionChecks of the reference
  // data) as a TransactWriteItems, with and without those checks, all through the same endpoint.
  const url = `${stack.stack.apiUrl}/uppdrag`;
  const { operations: firstCreateOperations } = await captureCreate(stack, url, authorization, postBody.replace('[<id>]', 'bench0first'));
  const marker = 'bench0capture';
  const { request: transaction, operations, item } = await captureCreate(stack, url, authorization, postBody.replace('[<id>]', marker));
  // The SDK gives each transaction an idempotency token of its own: a replay needs a fresh one too.
  const { ClientRequestToken: requestToken } = JSON.parse(transaction.body) as { ClientRequestToken?: string };
  // Its look-alike guard is named by the work (title included), so a fresh one each time too.
  const guard = lookalikeKey(sameWorkKey(item))[PK];
  const transactWrite = withIds(transaction, [item.id, marker, guard, ...(requestToken ? [requestToken] : [])]);
  const writesOnly = { ...transactWrite, body: withoutConditionChecks(transactWrite.body) };
  const [itemRecord] = createSeeder(today, 'putitem').openRecords(1, 200, 200);
  const { request: putRequest } = await capture(stack, 'PutItem', () => stack.documentClient.send(new PutCommand({ TableName: tableName, Item: itemRecord! })));
  const put = withIds(putRequest, [String(itemRecord!.id)]);

  const figures: ApiFigures = { durationSeconds: seconds, createOperations: operations, firstCreateOperations, post: {}, overdue: {}, putItem: {}, transactWrite: {}, transactWriteWritesOnly: {} };
  for (const connections of concurrencies) {
    const common = { connections, duration: seconds, warmup: { connections, duration: 2 } };
    const dynamo = { ...common, url: `${stack.stack.dynamoEndpoint}/`, method: 'POST', idReplacement: true };
    figures.putItem[connections] = await load({ ...dynamo, headers: put.headers, body: put.body });
    figures.transactWrite[connections] = await load({ ...dynamo, headers: transactWrite.headers, body: transactWrite.body });
    figures.transactWriteWritesOnly[connections] = await load({ ...dynamo, headers: writesOnly.headers, body: writesOnly.body });
    figures.post[connections] = await load({ ...common, url, method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: postBody, idReplacement: true });
    figures.overdue[connections] = await load({ ...common, url: `${stack.stack.apiUrl}/uppdrag?state=overdue`, method: 'GET', headers: { authorization } });
  }
  for (const [name, byConcurrency] of Object.entries({
    post: figures.post,
    overdue: figures.overdue,
    putItem: figures.putItem,
    transactWrite: figures.transactWrite,
    transactWriteWritesOnly: figures.transactWriteWritesOnly,
  })) {
    for (const [connections, run] of Object.entries(byConcurrency)) {
      const ok = Object.entries(run.statusCodes).every(([code]) => code.startsWith('2'));
      if (!ok || run.errors || run.requests === 0) throw new Error(`${name} at concurrency ${connections} answered ${JSON.stringify(run.statusCodes)} with ${run.errors} errors`);
    }
  }
  return figures;
}
