/**
 * What a function's cold start loads (issue 17): each function bundled with the deployed options
 * (infra/bundling.ts), and the code its entry imports statically read from esbuild's metafile.
 * What only some requests need stays in chunks of its own, loaded by the first request that does.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions, loadedAtStart } from '../../infra/bundling';

const ROOT = join(import.meta.dirname, '..', '..');
const FUNCTIONS = readdirSync(join(ROOT, 'functions'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

let outDir: string;
/** Per function: the source files (and packages' files) its cold start loads, and all it bundles. */
const bundles = new Map<string, { atStart: string[]; all: string[] }>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'bundles-'));
  for (const name of FUNCTIONS) {
    const { metafile } = await build({ ...esbuildOptions(join(ROOT, 'functions', name, 'handler.ts'), join(outDir, name, 'index.mjs')), absWorkingDir: ROOT, metafile: true });
    const entry = Object.keys(metafile.outputs).find((path) => path.endsWith(`${name}/index.mjs`))!;
    const inputs = (files: string[]) => files.flatMap((file) => Object.keys((metafile as Metafile).outputs[file]!.inputs));
    bundles.set(name, { atStart: inputs(loadedAtStart(metafile, entry)), all: inputs(Object.keys(metafile.outputs)) });
  }
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Libraries (and files) that only some requests need, as esbuild names their inputs. */
const LAZY = {
  'exceljs (workbook exports and imports)': /node_modules\/exceljs\//,
  'csv-parse (CSV imports)': /node_modules\/csv-parse\//,
  'unpdf (decisions sent as PDF)': /node_modules\/unpdf\//,
  'nodemailer (a message to send)': /node_modules\/nodemailer\//,
  'the OpenAPI document (GET /openapi.json)': /^openapi\.json$/,
  'ical.js (a meeting plan read from a calendar)': /node_modules\/ical\.js\//,
  'vega and vega-lite (the statistics page\'s charts)': /node_modules\/vega(-lite)?\//,
};

describe('a function’s cold start', () => {
  it.each(Object.entries(LAZY))('does not load %s, which only some requests need', (_, path) => {
    const loading = [...bundles].filter(([, b]) => b.atStart.some((input) => path.test(input))).map(([name]) => name);
    expect(loading).toEqual([]);
  });

  it('still bundles them where a request needs them, to be loaded then', () => {
    const bundling = (path: RegExp) => [...bundles].filter(([, b]) => b.all.some((input) => path.test(input))).map(([name]) => name).sort();
    expect(bundling(LAZY['exceljs (workbook exports and imports)'])).toEqual(['items', 'reports', 'units', 'workspace']);
    expect(bundling(LAZY['unpdf (decisions sent as PDF)'])).toEqual(['drafts', 'workspace']);
    expect(bundling(LAZY['nodemailer (a message to send)'])).toEqual(['digest', 'pages', 'reminders']);
    expect(bundling(LAZY['the OpenAPI document (GET /openapi.json)'])).toEqual(['health']);
    expect(bundling(LAZY['ical.js (a meeting plan read from a calendar)'])).toEqual(['workspace']);
    expect(bundling(LAZY['vega and vega-lite (the statistics page\'s charts)'])).toEqual(['reports', 'workspace']);
  });

  it('loads no date library: Stockholm dates come from Intl (shared/domain/dates.ts)', () => {
    const loading = [...bundles].filter(([, b]) => b.atStart.some((input) => /node_modules\/date-fns(-tz)?\//.test(input))).map(([name]) => name);
    expect(loading).toEqual([]);
  });
});
