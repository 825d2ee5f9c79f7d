import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions, FUNCTION_NODE_OPTIONS } from '../infra/bundling';
import { runNode } from './node-process';
import { PROJECT_ROOT } from './paths';

export interface FunctionColdStart {
  /** index.mjs as CDK would upload it, minified (the source map beside it not counted). */
  bytes: number;
  /** Median time of `await import(bundle)` in a fresh Node process. */
  importMs: number;
  /** Median wall time of that whole process: Node's own start, the import, exit. */
  processMs: number;
  runsMs: number[];
  /** The largest contributors to the bundle, bytes by package (esbuild metafile). */
  largest: Record<string, number>;
}

export interface ColdStartFigures {
  functions: Record<string, FunctionColdStart>;
  /** Median wall time of a bare `node -e ''`: Node's own start, for scale. */
  bareNodeMs: number;
  runs: number;
}

/** Bundles go under node_modules, so the bundle's externals (if any) resolve as they would beside the runtime's. */
const OUT_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'bevakning-bench');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function largestPackages(inputs: Record<string, { bytesInOutput: number }>, top = 6): Record<string, number> {
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1]! : '(our code)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  return Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top));
}

/**
 * Each `functions/<name>/handler.ts` bundled with the options CDK bundles it with
 * (infra/bundling.ts), then imported `runs` times, each in a fresh Node process with the
 * functions' NODE_OPTIONS and a Lambda-like environment, interleaving the functions so that
 * the machine's noise spreads over all of them.
 */
export async function runColdStart(runs: number): Promise<ColdStartFigures> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const names = readdirSync(join(PROJECT_ROOT, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        return statSync(join(PROJECT_ROOT, 'functions', name, 'handler.ts')).isFile();
      } catch {
        return false;
      }
    })
    .sort();

  const bundles = new Map<string, { file: string; bytes: number; largest: Record<string, number> }>();
  for (const name of names) {
    const file = join(OUT_DIR, name, 'index.mjs');
    const result = await build({
      ...esbuildOptions(join(PROJECT_ROOT, 'functions', name, 'handler.ts'), file),
      absWorkingDir: PROJECT_ROOT,
      metafile: true,
      logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
    bundles.set(name, { file, bytes: statSync(file).size, largest: largestPackages(output?.inputs ?? {}) });
  }

  // What Lambda sets, and what every function is deployed with (infra/constructs/function.ts).
  const env = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-north-1', AWS_LAMBDA_FUNCTION_NAME: 'bench', STAGE: 'aws', TABLE_NAME: 'bench', TZ: 'UTC' };
  const nodeOptions = FUNCTION_NODE_OPTIONS.split(/\s+/).filter(Boolean);
  const times = new Map<string, { importMs: number[]; processMs: number[] }>(names.map((n) => [n, { importMs: [], processMs: [] }]));
  const bare: number[] = [];
  for (let run = 0; run < runs; run++) {
    bare.push((await runNode(['-e', ''], { env, cwd: OUT_DIR })).wallMs);
    for (const name of names) {
      const url = pathToFileURL(bundles.get(name)!.file).href;
      const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t)); process.exit(0);`;
      const { out, wallMs } = await runNode([...nodeOptions, '--input-type=module', '-e', script], { env, cwd: OUT_DIR });
      times.get(name)!.importMs.push(Number(out));
      times.get(name)!.processMs.push(wallMs);
    }
  }

  const functions: Record<string, FunctionColdStart> = {};
  for (const name of names) {
    const { bytes, largest } = bundles.get(name)!;
    const { importMs, processMs } = times.get(name)!;
    functions[name] = { bytes, importMs: median(importMs), processMs: median(processMs), runsMs: importMs.map((ms) => Math.round(ms * 10) / 10), largest };
  }
  return { functions, bareNodeMs: median(bare), runs };
}
