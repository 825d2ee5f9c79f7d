import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, FUNCTION_NODE_OPTIONS, loadedAtStart } from '../infra/bundling';
import { grantsOf } from '../infra/functions';
import { runNode } from './node-process';
import { PROJECT_ROOT } from './paths';
import { median } from './report';

/** A bundle as a cold start meets it. */
export interface BundleFigures {
  /** The entry file and every chunk it imports statically: what a cold start reads and compiles (minified, source maps not counted). */
  bytes: number;
  /** Median time of `await import(bundle)` in a fresh Node process. */
  importMs: number;
}

export interface FunctionColdStart extends BundleFigures {
  /** Every chunk of the asset, those loaded only by `import()` included (what is deployed, source maps not counted). */
  assetBytes: number;
  /** Median wall time of that whole process: Node's own start, the import, exit. */
  processMs: number;
  runsMs: number[];
  /** The largest contributors to `bytes`, by package (esbuild metafile). */
  largest: Record<string, number>;
  /** The same figures for a bare module that only constructs the AWS SDK clients this function may use and one zod schema (`floorClients`). */
  floor: BundleFigures & { clients: string[] };
  /** The same for the SDK clients alone. */
  sdkFloor: BundleFigures & { clients: string[] };
}

export interface ColdStartFigures {
  functions: Record<string, FunctionColdStart>;
  /** Median wall time of a bare `node -e ''`: Node's own start, for scale. */
  bareNodeMs: number;
  runs: number;
}


/** How each AWS SDK client is constructed, as the adapters construct it. */
const CLIENTS = {
  dynamodb: {
    imports: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    construct: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  },
  ses: { imports: "import { SESClient } from '@aws-sdk/client-ses';", construct: 'new SESClient({})' },
  'secrets-manager': { imports: "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';", construct: 'new SecretsManagerClient({})' },
  // The language every function's contract and configuration is written in, imported as they import it.
  zod: { imports: "import * as z from 'zod';", construct: "z.strictObject({ email: z.email(), url: z.url().optional(), count: z.coerce.number().int().min(1) })" },
} as const;
type Client = keyof typeof CLIENTS;

/**
 * What a function's floor constructs: the SDK clients it may use, from what it is granted
 * (infra/functions.ts; every function reads the table, `sendMail` is SES, `linkSecret` and
 * `workspace` (the workspace's own secret) Secrets Manager), and, with `zod`, one schema of the
 * validation library every function parses its configuration and requests with.
 */
export function floorClients(name: string, options: { zod: boolean }): Client[] {
  const { grants } = grantsOf(name);
  return [
    'dynamodb',
    ...(grants.sendMail ? ['ses' as const] : []),
    ...(grants.linkSecret || grants.workspace ? ['secrets-manager' as const] : []),
    ...(options.zod ? ['zod' as const] : []),
  ];
}

function floorSource(clients: Client[]): string {
  const imports = clients.map((c) => CLIENTS[c].imports).join('\n');
  const constructs = clients.map((c, i) => `export const client${i} = ${CLIENTS[c].construct};`).join('\n');
  return `// The floor of a function using ${clients.join(', ')}, and nothing else.\n${imports}\n${constructs}\n`;
}

function largestPackages(outputs: Metafile['outputs'], files: string[], top = 6): Record<string, number> {
  const byPackage = new Map<string, number>();
  for (const file of files) {
    for (const [path, input] of Object.entries(outputs[file]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = match ? match[1]! : '(our code)';
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top));
}

interface Bundle {
  file: string;
  bytes: number;
  assetBytes: number;
  largest: Record<string, number>;
}

/**
 * `entry` (a file, or a module's source resolved from the project root) bundled exactly as a
 * function is (infra/bundling.ts) into `<dir>/index.mjs` and its chunks.
 */
async function bundle(entry: string | { source: string }, dir: string): Promise<Bundle> {
  const file = join(dir, 'index.mjs');
  const { entryPoints, ...options } = esbuildOptions(typeof entry === 'string' ? entry : 'floor.ts', file);
  const input = typeof entry === 'string' ? { entryPoints } : { stdin: { contents: entry.source, resolveDir: PROJECT_ROOT, loader: 'ts' as const, sourcefile: 'floor.ts' } };
  const result = await build({ ...options, ...input, absWorkingDir: PROJECT_ROOT, metafile: true, logLevel: 'error' });
  const { outputs } = result.metafile;
  const entryOutput = Object.keys(outputs).find((path) => path.endsWith('/index.mjs'));
  if (!entryOutput) throw new Error(`no index.mjs among the outputs of ${entry}`);
  const loaded = loadedAtStart(result.metafile, entryOutput);
  const code = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
  const sum = (files: string[]) => files.reduce((total, path) => total + outputs[path]!.bytes, 0);
  return { file, bytes: sum(loaded), assetBytes: sum(code), largest: largestPackages(outputs, loaded) };
}

/**
 * Each `functions/<name>/handler.ts` bundled with the options CDK bundles it with
 * (infra/bundling.ts), and beside it its floor: a module constructing only the SDK clients the
 * function may use, bundled the same way. Each is imported `runs` times, each time in a fresh
 * Node process with the functions' NODE_OPTIONS and a Lambda-like environment, interleaving them
 * so that the machine's noise spreads over all of them.
 */
export async function runColdStart(runs: number): Promise<ColdStartFigures> {
  // A directory of this run's own: another worktree's bench may be bundling beside the shared node_modules.
  const outDir = mkdtempSync(join(tmpdir(), 'bevakning-bench-'));
  try {
    return await measure(outDir, runs);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function measure(outDir: string, runs: number): Promise<ColdStartFigures> {
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

  const bundles = new Map<string, Bundle>();
  for (const name of names) bundles.set(name, await bundle(join(PROJECT_ROOT, 'functions', name, 'handler.ts'), join(outDir, name)));
  const floorOf = new Map(names.map((name) => [name, floorClients(name, { zod: true }).join('+')]));
  const sdkFloorOf = new Map(names.map((name) => [name, floorClients(name, { zod: false }).join('+')]));
  for (const key of new Set([...floorOf.values(), ...sdkFloorOf.values()])) {
    bundles.set(`floor:${key}`, await bundle({ source: floorSource(key.split('+') as Client[]) }, join(outDir, 'floors', key)));
  }

  // What Lambda sets, and what every function is deployed with (infra/constructs/function.ts).
  const env = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-north-1', AWS_LAMBDA_FUNCTION_NAME: 'bench', STAGE: 'aws', TABLE_NAME: 'bench', TZ: 'UTC' };
  const nodeOptions = FUNCTION_NODE_OPTIONS.split(/\s+/).filter(Boolean);
  const times = new Map<string, { importMs: number[]; processMs: number[] }>([...bundles.keys()].map((n) => [n, { importMs: [], processMs: [] }]));
  const bare: number[] = [];
  for (let run = 0; run < runs; run++) {
    bare.push((await runNode(['-e', ''], { env, cwd: outDir })).wallMs);
    for (const [name, { file }] of bundles) {
      const url = pathToFileURL(file).href;
      const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t)); process.exit(0);`;
      const { out, wallMs } = await runNode([...nodeOptions, '--input-type=module', '-e', script], { env, cwd: outDir });
      times.get(name)!.importMs.push(Number(out));
      times.get(name)!.processMs.push(wallMs);
    }
  }

  const round = (ms: number) => Math.round(ms * 10) / 10;
  const functions: Record<string, FunctionColdStart> = {};
  for (const name of names) {
    const { bytes, assetBytes, largest } = bundles.get(name)!;
    const { importMs, processMs } = times.get(name)!;
    const floorFigures = (key: string) => ({ clients: key.split('+'), bytes: bundles.get(`floor:${key}`)!.bytes, importMs: round(median(times.get(`floor:${key}`)!.importMs)) });
    functions[name] = {
      bytes,
      assetBytes,
      importMs: round(median(importMs)),
      processMs: round(median(processMs)),
      runsMs: importMs.map(round),
      largest,
      floor: floorFigures(floorOf.get(name)!),
      sdkFloor: floorFigures(sdkFloorOf.get(name)!),
    };
  }
  return { functions, bareNodeMs: median(bare), runs };
}
