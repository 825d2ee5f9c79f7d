import type { ApiFigures, LoadFigures } from './api';
import type { ColdStartFigures, FunctionColdStart } from './cold-start';
import type { DraftsFigures } from './drafts';
import type { JobRun } from './job';
import type { SendRun } from './send';
import type { StatisticsFigures } from './statistics';

/** The goals of issues 10 and 17, and of issue 21 (the statistics). */
export const GOALS = {
  readsPerReminder: 1.1,
  scaleRatio: 1.3,
  rateUtilization: 0.9,
  /** POST /uppdrag's p99 over that of a bare TransactWriteItems of the records it writes. */
  postP99OverTransactWrite: 1.5,
  /** A function's bundle over its floor's (the SDK clients it may use and zod, alone). */
  bundleOverFloorBytes: 250_000,
  /** A function's import time over its floor's. */
  importOverFloor: 1.25,
  draftsCpuMs: 1000,
  draftsHealthMs: 200,
  statisticsMs: 2000,
} as const;

export interface JobSize {
  stored: number;
  indexed: JobRun[];
  naive: JobRun[];
}

export interface Results {
  generatedAt: string;
  node: string;
  machine: { cpus: number; loadAverage: number[] };
  wallSeconds: number;
  job?: {
    due: number;
    readsPerReminder: number;
    scaleRatio: number;
    sizes: Record<string, { wallMs: number; readMs: number; advanceMs: number; readsPerReminder: number; clientReadsPerReminder: number; runsMs: number[] }>;
    baseline: {
      readsPerReminder: number;
      scaleRatio: number;
      sizes: Record<string, { wallMs: number; readMs: number; advanceMs: number; readsPerReminder: number; runsMs: number[] }>;
    };
  };
  send?: SendRun & { runs: SendRun[] };
  api?: {
    durationSeconds: number;
    /** The top-level figures are at the highest concurrency; every concurrency is under `byConcurrency`. */
    post: LoadFigures & { byConcurrency: Record<string, LoadFigures> };
    overdue: LoadFigures & { byConcurrency: Record<string, LoadFigures> };
    putItemBaseline: LoadFigures & { byConcurrency: Record<string, LoadFigures> };
    /** A bare TransactWriteItems of the records one create writes and checks, through the same endpoint. */
    transactWriteBaseline: LoadFigures & { byConcurrency: Record<string, LoadFigures> };
    /** The same without its ConditionChecks of the reference data: the records a create writes, alone. */
    transactWriteWritesOnlyBaseline: LoadFigures & { byConcurrency: Record<string, LoadFigures> };
    /** The DynamoDB operations one create makes, in order, once the process has read the reference data. */
    createOperations: string[];
    /** Those of a process's first create. */
    firstCreateOperations: string[];
  };
  drafts?: DraftsFigures;
  statistics?: StatisticsFigures;
  coldStart?: ColdStartFigures['functions'];
  coldStartBaseline?: { bareNodeMs: number; runs: number };
  goals?: Record<string, { met: boolean; measured: string; goal: string }>;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The job's figures: medians over the runs at each size, ratios between the sizes. */
export function jobResults(sizes: JobSize[], due: number): NonNullable<Results['job']> {
  const [small, large] = [sizes[0]!, sizes.at(-1)!];
  const summary = (runs: JobRun[]) => ({
    wallMs: round(median(runs.map((r) => r.wallMs)), 0),
    readMs: round(median(runs.map((r) => r.readMs)), 0),
    advanceMs: round(median(runs.map((r) => r.advanceMs)), 0),
    readsPerReminder: round(Math.max(...runs.map((r) => r.reads / r.reminded)), 3),
    clientReadsPerReminder: round(Math.max(...runs.map((r) => r.clientReads / r.reminded)), 3),
    runsMs: runs.map((r) => round(r.wallMs, 0)),
  });
  const indexed = Object.fromEntries(sizes.map((s) => [String(s.stored), summary(s.indexed)]));
  const naive = Object.fromEntries(sizes.map((s) => [String(s.stored), summary(s.naive)]));
  return {
    due,
    readsPerReminder: Math.max(...Object.values(indexed).map((s) => s.readsPerReminder)),
    scaleRatio: round(median(large.indexed.map((r) => r.wallMs)) / median(small.indexed.map((r) => r.wallMs)), 3),
    sizes: indexed,
    baseline: {
      readsPerReminder: Math.max(...Object.values(naive).map((s) => s.readsPerReminder)),
      scaleRatio: round(median(large.naive.map((r) => r.wallMs)) / median(small.naive.map((r) => r.wallMs)), 3),
      sizes: Object.fromEntries(Object.entries(naive).map(([k, { clientReadsPerReminder: _, ...v }]) => [k, v])),
    },
  };
}

export function apiResults(api: ApiFigures): NonNullable<Results['api']> {
  const top = String(Math.max(...Object.keys(api.post).map(Number)));
  const pick = (byConcurrency: Record<string, LoadFigures>) => ({ ...byConcurrency[top]!, byConcurrency });
  return {
    durationSeconds: api.durationSeconds,
    post: pick(api.post),
    overdue: pick(api.overdue),
    putItemBaseline: pick(api.putItem),
    transactWriteBaseline: pick(api.transactWrite),
    transactWriteWritesOnlyBaseline: pick(api.transactWriteWritesOnly),
    createOperations: api.createOperations,
    firstCreateOperations: api.firstCreateOperations,
  };
}

/** Which goals are met, with what was measured. */
export function goals(results: Results): NonNullable<Results['goals']> {
  const out: NonNullable<Results['goals']> = {};
  if (results.job) {
    const { job } = results;
    out.readAmplification = { met: job.readsPerReminder <= GOALS.readsPerReminder, measured: `${job.readsPerReminder} items read per item reminded (baseline ${job.baseline.readsPerReminder})`, goal: `≤ ${GOALS.readsPerReminder}` };
    const stored = Object.keys(job.sizes).map((n) => Number(n).toLocaleString('en-US'));
    out.scaling = { met: job.scaleRatio <= GOALS.scaleRatio, measured: `time at ${stored.at(-1)} stored / at ${stored[0]}: ${job.scaleRatio} (baseline ${job.baseline.scaleRatio})`, goal: `≤ ${GOALS.scaleRatio}` };
  }
  if (results.send) {
    const { send } = results;
    out.sendRate = {
      met: send.rateUtilization >= GOALS.rateUtilization && send.achievedRate <= send.maxRate && send.peakPerSecond <= send.maxRate,
      measured: `${round(send.achievedRate, 2)}/s of ${send.maxRate}/s (${round(send.rateUtilization * 100, 1)} %), at most ${send.peakPerSecond} in any second (${send.maxRate + 1} sends took at least ${send.shortestBurstMs} ms)`,
      goal: `≥ ${GOALS.rateUtilization * 100} % and never above`,
    };
  }
  if (results.api) {
    const { post, transactWriteBaseline, createOperations } = results.api;
    const ratios = Object.keys(post.byConcurrency).map((c) => [c, post.byConcurrency[c]!.p99Ms / Math.max(1, transactWriteBaseline.byConcurrency[c]!.p99Ms)] as const);
    out.apiLatency = {
      met: ratios.every(([, ratio]) => ratio <= GOALS.postP99OverTransactWrite),
      measured:
        ratios.map(([c, ratio]) => `c=${c}: POST p99 ${post.byConcurrency[c]!.p99Ms} ms = ${round(ratio, 2)}× TransactWriteItems' ${transactWriteBaseline.byConcurrency[c]!.p99Ms} ms`).join('; ') +
        `; a create makes ${createOperations.join(', ')} (a process's first: ${results.api.firstCreateOperations.join(', ')})`,
      goal: `≤ ${GOALS.postP99OverTransactWrite}× TransactWriteItems p99`,
    };
  }
  if (results.drafts) {
    const { worst, health } = results.drafts;
    out.draftsCpu = { met: worst.cpuMs <= GOALS.draftsCpuMs, measured: `worst ${worst.cpuMs} ms CPU (${worst.input})`, goal: `≤ ${GOALS.draftsCpuMs} ms per 400,000 characters` };
    out.draftsHealth = {
      met: health.maxMs <= GOALS.draftsHealthMs,
      measured: `GET /health at most ${health.maxMs} ms while POST /uppdrag/drafts (${health.input}) took ${health.requestMs} ms`,
      goal: `≤ ${GOALS.draftsHealthMs} ms`,
    };
  }
  if (results.statistics) {
    const { statistics } = results;
    out.statisticsRoute = {
      met: statistics.wallMs <= GOALS.statisticsMs && statistics.scans === 0,
      measured: `${statistics.wallMs} ms over ${statistics.stored.toLocaleString('en-US')} items, ${statistics.itemsRead.toLocaleString('en-US')} read in ${statistics.queryPages} Query pages, ${statistics.scans} Scans`,
      goal: `≤ ${GOALS.statisticsMs} ms, through the index`,
    };
  }
  if (results.coldStart) {
    const entries = Object.entries(results.coldStart);
    const overBytes = entries.filter(([, f]) => !bundleMet(f));
    const overImport = entries.filter(([, f]) => !importMet(f));
    const list = (fs: typeof entries, show: (f: FunctionColdStart) => string) => fs.map(([name, f]) => `${name} ${show(f)}`).join(', ');
    out.bundleSize = {
      met: overBytes.length === 0,
      measured: overBytes.length ? `over: ${list(overBytes, (f) => `+${kb(f.bytes - f.floor.bytes)}`)}` : `at most +${kb(Math.max(...entries.map(([, f]) => f.bytes - f.floor.bytes)))} over the floor`,
      goal: `≤ floor + ${kb(GOALS.bundleOverFloorBytes)} each`,
    };
    out.importTime = {
      met: overImport.length === 0,
      measured: overImport.length ? `over: ${list(overImport, (f) => `${round(f.importMs / f.floor.importMs, 2)}×`)}` : `at most ${round(Math.max(...entries.map(([, f]) => f.importMs / f.floor.importMs)), 2)}× the floor`,
      goal: `≤ ${GOALS.importOverFloor}× floor each`,
    };
  }
  return out;
}

const bundleMet = (f: FunctionColdStart) => f.bytes <= f.floor.bytes + GOALS.bundleOverFloorBytes;
const importMet = (f: FunctionColdStart) => f.importMs <= GOALS.importOverFloor * f.floor.importMs;

const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en-US')} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const yes = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : '**no**');

/** The Markdown table `npm run bench` prints (and the README's "Performance" section shows). */
export function table(results: Results): string {
  const rows: string[][] = [];
  const g = results.goals ?? {};
  if (results.job) {
    const { job } = results;
    for (const [stored, figures] of Object.entries(job.sizes)) {
      const naive = job.baseline.sizes[stored]!;
      rows.push([
        `Daily job, ${Number(stored).toLocaleString('en-US')} stored, ${job.due.toLocaleString('en-US')} due`,
        `${s(figures.wallMs)} (finding the due ${s(figures.readMs)}, moving them on ${s(figures.advanceMs)}); ${figures.readsPerReminder.toFixed(2)} read per reminded`,
        `${s(naive.wallMs)} (finding the due ${s(naive.readMs)}); ${naive.readsPerReminder.toFixed(2)}`,
        `≤ ${GOALS.readsPerReminder} read per reminded`,
        yes(g.readAmplification?.met),
      ]);
    }
    const stored = Object.keys(job.sizes).map((n) => Number(n).toLocaleString('en-US'));
    rows.push([`Daily job, time at ${stored.at(-1)} stored / at ${stored[0]}`, String(job.scaleRatio), String(job.baseline.scaleRatio), `≤ ${GOALS.scaleRatio}`, yes(g.scaling?.met)]);
  }
  if (results.send) {
    const { send } = results;
    rows.push([
      `Sending, ${send.emails} emails at most ${send.maxRate}/s`,
      `${send.achievedRate.toFixed(2)}/s = ${(send.rateUtilization * 100).toFixed(1)} %; at most ${send.peakPerSecond} in any 1 s (${send.maxRate + 1} took ≥ ${send.shortestBurstMs} ms)`,
      '',
      `≥ ${GOALS.rateUtilization * 100} %, never above`,
      yes(g.sendRate?.met),
    ]);
    for (const run of send.runs.filter((r) => r.maxRate !== send.maxRate)) {
      rows.push([`Sending, ${run.emails} emails at most ${run.maxRate}/s`, `${run.achievedRate.toFixed(2)}/s = ${(run.rateUtilization * 100).toFixed(1)} %, peak ${run.peakPerSecond} in 1 s`, '', '', '']);
    }
  }
  if (results.api) {
    const { api } = results;
    const load = (f: LoadFigures) => `${Math.round(f.perSecond)}/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`;
    for (const c of Object.keys(api.post.byConcurrency)) {
      const transact = api.transactWriteBaseline.byConcurrency[c]!;
      const writesOnly = api.transactWriteWritesOnlyBaseline.byConcurrency[c]!;
      const put = api.putItemBaseline.byConcurrency[c]!;
      rows.push([
        `POST /uppdrag, concurrency ${c}`,
        load(api.post.byConcurrency[c]!),
        `TransactWriteItems: ${load(transact)}; without its ConditionChecks: ${load(writesOnly)}; PutItem: ${load(put)}`,
        `p99 ≤ ${GOALS.postP99OverTransactWrite}× TransactWriteItems'`,
        yes(api.post.byConcurrency[c]!.p99Ms <= GOALS.postP99OverTransactWrite * Math.max(1, transact.p99Ms)),
      ]);
    }
    for (const c of Object.keys(api.overdue.byConcurrency)) {
      rows.push([`GET /uppdrag?state=overdue, concurrency ${c}`, load(api.overdue.byConcurrency[c]!), '', '', '']);
    }
  }
  if (results.drafts) {
    const { inputs, worst, health } = results.drafts;
    for (const [name, f] of Object.entries(inputs)) {
      rows.push([`Drafting, ${name} (${f.characters.toLocaleString('en-US')} chars)`, `${f.cpuMs} ms CPU${f.refused ? ', refused (text_too_complex)' : ''}`, '', '', '']);
    }
    rows.push([`Drafting, worst input`, `${worst.cpuMs} ms CPU (${worst.input})`, '', `≤ ${GOALS.draftsCpuMs} ms`, yes(g.draftsCpu?.met)]);
    rows.push([
      `GET /health during POST /uppdrag/drafts (${health.input}, ${health.characters.toLocaleString('en-US')} chars)`,
      `at most ${health.maxMs} ms, median ${health.medianMs} ms over ${health.polls} polls; the drafting request ${health.requestMs} ms (${health.status})`,
      '',
      `≤ ${GOALS.draftsHealthMs} ms`,
      yes(g.draftsHealth?.met),
    ]);
  }
  if (results.statistics) {
    const f = results.statistics;
    rows.push([
      `GET /reports/statistik, ${f.stored.toLocaleString('en-US')} items over three years (JSON)`,
      `${s(f.wallMs)}, ${s(f.cpuMs)} of it CPU in the function's process (the first answer ${s(f.firstMs)}); ${f.itemsRead.toLocaleString('en-US')} items read in ${f.queryPages} Query pages, ${f.consumedReadUnits.toLocaleString('en-US')} RCU, ${f.scans} Scans`,
      '',
      `≤ ${s(GOALS.statisticsMs)}`,
      yes(g.statisticsRoute?.met),
    ]);
    rows.push([`GET /reports/statistik as the page with its charts`, `first ${s(f.pageFirstMs)} (loads Vega), then ${s(f.pageMs)}`, '', '', '']);
  }
  if (results.coldStart) {
    for (const [name, f] of Object.entries(results.coldStart)) {
      rows.push([
        `Cold start, ${name}`,
        `${kb(f.bytes)} (asset ${kb(f.assetBytes)}), import ${Math.round(f.importMs)} ms (process ${Math.round(f.processMs)} ms)`,
        `floor (${f.floor.clients.join(', ')}): ${kb(f.floor.bytes)}, import ${Math.round(f.floor.importMs)} ms; the SDK alone ${kb(f.sdkFloor.bytes)}, ${Math.round(f.sdkFloor.importMs)} ms`,
        `≤ floor + ${kb(GOALS.bundleOverFloorBytes)}, ≤ ${GOALS.importOverFloor}× floor`,
        yes(bundleMet(f) && importMet(f)),
      ]);
    }
    if (results.coldStartBaseline) rows.push(["Bare `node -e ''`", `process ${Math.round(results.coldStartBaseline.bareNodeMs)} ms`, '', '', '']);
  }
  const header = ['Measure', 'Result', 'Baseline', 'Goal', 'Met'];
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
