import './quiet';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { readConfig } from '../shared/platform/config';
import { runApi } from './api';
import { runColdStart } from './cold-start';
import { runDrafts } from './drafts';
import { runJob, seedJobTable, type JobTable } from './job';
import { PROJECT_ROOT } from './paths';
import { apiResults, goals, jobResults, table, type JobSize, type Results } from './report';
import { runSend } from './send';
import { runStatistics } from './statistics';
import { startBenchStack, type BenchStack } from './stack';

/**
 * `npm run bench`: the daily job's reads and scaling against a naive baseline, the send rate,
 * the API's latency against a bare PutItem, each function's bundle size and import time, and the
 * drafting extractor on adversarial texts (CPU, and GET /health while it runs), and the statistics
 * over 50,000 items (the route's time and what it reads).
 * Prints a Markdown table and writes bench/results.json. For a quicker look, `BENCH_ONLY=job,send,api,cold,drafts,statistics`
 * runs some parts and `BENCH_SIZES=2000,20000` other table sizes; such a run writes its results
 * under node_modules/.cache/bevakning-bench/ instead.
 */
const only = new Set((process.env.BENCH_ONLY ?? 'cold,api,send,job,drafts,statistics').split(',').map((p) => p.trim()));
/** Only a full run replaces bench/results.json; a partial one goes beside the bundles. */
const RESULTS_FILE = process.env.BENCH_ONLY || process.env.BENCH_SIZES
  ? join(PROJECT_ROOT, 'node_modules', '.cache', 'bevakning-bench', 'results.partial.json')
  : join(PROJECT_ROOT, 'bench', 'results.json');

/** Stored records at each size; the same 1,000 items are due in both. */
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const DUE = 1_000;
/** 1,000 due items over 200 officials: five items in each official's email. */
const OFFICIALS = 200;
/** Measured runs of the indexed job at each size, taking turns; the baseline runs once at each. */
const JOB_RUNS = 3;
/** Fresh processes per bundle and floor, interleaved: the median of 21 moves by about a millisecond between runs, that of 9 by three. */
const IMPORT_RUNS = 21;
const API_SECONDS = 6;
const API_CONCURRENCY = [1, 16];
/** Measured answers of GET /reports/statistik after its warm-up; the median is kept. */
const STATISTICS_RUNS = 5;
/** Runs of extractDrafts on each adversarial text; the median is kept. */
const DRAFTS_RUNS = 3;
/** The configured maximum send rate: the product's default (and the deployed cdk.json value). */
const SEND_RATE = readConfig({}).MAX_SEND_RATE;

const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
const started = performance.now();

async function main(): Promise<void> {
  const results: Results = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
    wallSeconds: 0,
  };

  if (only.has('cold')) {
    log(`cold start: bundling every function and importing each ${IMPORT_RUNS} times`);
    const cold = await runColdStart(IMPORT_RUNS);
    results.coldStart = cold.functions;
    results.coldStartBaseline = { bareNodeMs: Math.round(cold.bareNodeMs), runs: cold.runs };
  }

  if (only.has('api') || only.has('send') || only.has('job') || only.has('drafts') || only.has('statistics')) {
    log('starting DynamoDB Local (in memory), the local SES server and the HTTP API');
    let stack: BenchStack | undefined;
    const stop = async () => {
      const running = stack;
      stack = undefined;
      await running?.stop();
    };
    // Ctrl-C still stops DynamoDB Local and the servers.
    const interrupted = () => void stop().finally(() => process.exit(130));
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      stack = await startBenchStack();

      if (only.has('api')) {
        log(`API: ${API_CONCURRENCY.length * 5} loads of ${API_SECONDS} s`);
        results.api = apiResults(await runApi(stack, API_CONCURRENCY, API_SECONDS));
      }

      if (only.has('drafts')) {
        log(`drafting: adversarial texts of 400,000 characters, ${DRAFTS_RUNS} runs each, then GET /health during the worst`);
        results.drafts = await runDrafts(stack, DRAFTS_RUNS);
      }

      if (only.has('statistics')) {
        log(`statistics: storing 50,000 items, then GET /reports/statistik ${STATISTICS_RUNS + 1} times and its page twice`);
        results.statistics = await runStatistics(stack, STATISTICS_RUNS);
      }

      if (only.has('send')) {
        log(`sending at ${SEND_RATE}/s, then at 100/s`);
        // At the configured rate, and at a larger account's 100/s to see where the job's own pace lies.
        const runs = [await runSend(stack, SEND_RATE, 10), await runSend(stack, 100, 4)];
        results.send = { ...runs[0]!, runs };
      }

      if (only.has('job')) {
        const tables: JobTable[] = [];
        for (const stored of SIZES) {
          const seeding = performance.now();
          tables.push(await seedJobTable(stack, `bench-job-${stored}`, stored, DUE, OFFICIALS));
          log(`seeded ${stored.toLocaleString('en-US')} records in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
        }
        const sizes: JobSize[] = tables.map((t) => ({ stored: t.stored, indexed: [], naive: [] }));
        // The send runs have warmed the job's code up; without them, a run of its own does.
        if (!results.send) await runJob(stack, tables[0]!, 'indexed');
        log(`daily job: ${JOB_RUNS} runs at each size in turn`);
        for (let run = 0; run < JOB_RUNS; run++) {
          for (const [i, t] of tables.entries()) sizes[i]!.indexed.push(await runJob(stack, t, 'indexed'));
        }
        log('daily job: the Scan-and-filter baseline at each size');
        for (const [i, t] of tables.entries()) sizes[i]!.naive.push(await runJob(stack, t, 'naive'));
        results.job = jobResults(sizes, DUE);
      }
    } finally {
      await stop();
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  }

  results.goals = goals(results);
  results.wallSeconds = Math.round((performance.now() - started) / 1000);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${table(results)}\n\n`);
  for (const [name, goal] of Object.entries(results.goals)) {
    process.stdout.write(`${goal.met ? 'met    ' : 'NOT met'}  ${name}: ${goal.measured} (goal ${goal.goal})\n`);
  }
  process.stdout.write(`\n${RESULTS_FILE.slice(PROJECT_ROOT.length)} written; ${results.wallSeconds} s in all, Node ${results.node}, ${results.machine.cpus} CPUs.\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
