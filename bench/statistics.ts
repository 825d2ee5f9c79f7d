import { createReportsDependencies } from '../functions/reports/dependencies';
import { createHandler } from '../functions/reports/handler';
import { lambdaContext } from '../local/server';
import { createDocumentClient } from '../shared/adapters/dynamo/client';
import { itemIndexKeys, itemKey } from '../shared/adapters/dynamo/keys';
import type { StoredItem } from '../shared/domain/items/item';
import type { ApiResult } from '../shared/http/contract';
import { fixedClock } from '../shared/platform/clock';
import { apiGatewayEvent } from '../test/support/lambda-event';
import { median } from './report';
import { batchWrite } from './seed';
import type { BenchStack } from './stack';
import { statisticsBenchData } from './statistics-data';

export interface StatisticsFigures {
  /** Items stored (the whole table: three years of decisions). */
  stored: number;
  /** Items the answer counts as decided in the period asked for. */
  decided: number;
  /** Median time for the route to answer (JSON), of the measured runs after one warm-up. */
  wallMs: number;
  runsMs: number[];
  /**
   * Median CPU time this process spent on one answer (user and system): the function's own work,
   * unmarshalling and computing, apart from DynamoDB Local's and whatever else the machine runs.
   */
  cpuMs: number;
  /** The first answer of the process, before the warm-up. */
  firstMs: number;
  /** Items DynamoDB read for one answer (ScannedCount of its Queries), and its Query pages. */
  itemsRead: number;
  queryPages: number;
  /** Read capacity units one answer consumed, as DynamoDB reports them (ReturnConsumedCapacity). */
  consumedReadUnits: number;
  scans: number;
  responseBytes: number;
  /** The printable page with its three charts: the first (which loads Vega) and a later one. */
  pageFirstMs: number;
  pageMs: number;
}

/** The period asked for: the three years the data's decisions fall in. */
const QUERY = { from: '2025-01-01', to: '2027-12-31' };

/**
 * `GET /reports/statistik` over the 50,000 items of bench/statistics-data.ts, stored exactly as
 * the item adapter stores them (the item with its index keys; batch-written, not timed). The
 * reports function's handler is called as API Gateway calls it, with its own composition root on
 * this table, `runs` times after one warm-up; every DynamoDB call of an answer is counted.
 */
export async function runStatistics(stack: BenchStack, runs: number): Promise<StatisticsFigures> {
  const tableName = 'bench-statistics';
  await stack.createTable(tableName);
  const { today, items } = statisticsBenchData();
  const records = items.map((item) => ({ ...itemKey(item.id), ...itemIndexKeys(item as StoredItem), ...item }));
  await batchWrite(stack.documentClient, tableName, records, 32);

  const deps = createReportsDependencies({ ...stack.jobEnv, TABLE_NAME: tableName, LOG_LEVEL: 'SILENT' }, fixedClock(`${today}T10:00:00+01:00`));
  // `capacity`: ask DynamoDB for the read units consumed (the first answer only: the product never asks, and it is work of its own).
  const meter = { itemsRead: 0, queryPages: 0, units: 0, scans: 0, on: false, capacity: false };
  // The function's own client (one per process and endpoint): every DynamoDB call of an answer passes it.
  const client = createDocumentClient(deps.config);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!meter.on) return next(args);
      if (meter.capacity && context.commandName === 'QueryCommand') (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as { ScannedCount?: number; ConsumedCapacity?: { CapacityUnits?: number } };
      if (context.commandName === 'QueryCommand') {
        meter.itemsRead += output.ScannedCount ?? 0;
        meter.queryPages += 1;
        meter.units += output.ConsumedCapacity?.CapacityUnits ?? 0;
      }
      if (context.commandName === 'ScanCommand') meter.scans += 1;
      return result;
    },
    { step: 'initialize', name: 'benchStatisticsMeter', override: true },
  );

  const handler = createHandler(() => deps);
  const ask = async (accept: string): Promise<{ ms: number; cpuMs: number; result: ApiResult }> => {
    const event = apiGatewayEvent({ method: 'GET', path: '/reports/statistik', query: QUERY, headers: { accept }, claims: { email: 'registrator@kommun.example.se', roles: ['registrar'] } });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await handler(event, lambdaContext('reports'));
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (result.statusCode !== 200) throw new Error(`GET /reports/statistik answered ${result.statusCode}: ${String(result.body).slice(0, 300)}`);
    return { ms, cpuMs: (used.user + used.system) / 1000, result };
  };

  meter.on = true;
  meter.capacity = true;
  const first = await ask('application/json');
  meter.capacity = false;
  const once = { itemsRead: meter.itemsRead, queryPages: meter.queryPages, units: meter.units };
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { ms, cpuMs } = await ask('application/json');
    times.push(ms);
    cpu.push(cpuMs);
  }
  meter.on = false;
  const page = [await ask('text/html'), await ask('text/html')];

  const body = String(first.result.body);
  const decided = (JSON.parse(body) as { totals: { decided: number } }).totals.decided;
  if (decided !== items.length) throw new Error(`the statistics counted ${decided} of the ${items.length} items stored`);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    stored: items.length,
    decided,
    wallMs: round(median(times)),
    runsMs: times.map(round),
    cpuMs: round(median(cpu)),
    firstMs: round(first.ms),
    itemsRead: once.itemsRead,
    queryPages: once.queryPages,
    consumedReadUnits: Math.round(once.units * 10) / 10,
    scans: meter.scans,
    responseBytes: Buffer.byteLength(body),
    pageFirstMs: round(page[0]!.ms),
    pageMs: round(page[1]!.ms),
  };
}
