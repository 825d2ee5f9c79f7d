import { basename, dirname, extname } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

/**
 * How every function is bundled: the one definition that `AppFunction` bundles each function's
 * asset with (infra/constructs/function.ts) and that the benchmark (`npm run bench`,
 * bench/cold-start.ts) measures, so the sizes and import times it reports are those of what is
 * deployed.
 *
 * Split into ESM chunks: what a module loads with `import()` is a file of its own, read when
 * first needed instead of parsed at every cold start. That takes the AWS SDK's credential
 * providers other than the environment's (SSO, STS, INI files: Lambda never needs them) out of
 * every cold start, and exceljs, unpdf, nodemailer and the OpenAPI document out of those that do
 * not need them (README, "Performance"). CDK's NodejsFunction bundles to one file (`--outfile`)
 * and cannot split, hence the asset's own local bundling.
 */
export const FUNCTION_BUILD: Readonly<BuildOptions> = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  // Our own pinned SDK, not whatever version the runtime happens to carry. Bundled, it also
  // imports faster than from node_modules file by file (README, "Performance").
  external: [],
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies require() Node built-ins; ESM has no require. Every chunk gets it.
  banner: { js: "import { createRequire as __bevakningCreateRequire } from 'node:module'; const require = __bevakningCreateRequire(import.meta.url);" },
  logLevel: 'error',
};

/** Node's options on every function (the source maps above make stack traces readable). */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/**
 * The esbuild options that bundle `entry` as a function is bundled: `outfile` names the entry
 * file (`<dir>/index.mjs` for a function, whose handler is then `index.handler`); the chunks it
 * loads and the source maps go beside it in the same directory.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return { ...FUNCTION_BUILD, entryPoints: [entry], outdir: dirname(outfile), entryNames: basename(outfile, extname(outfile)) };
}

/**
 * The outputs a cold start loads: the entry `entry` (an output path of `metafile`) and every chunk
 * it imports statically, transitively; the chunks only `import()` reaches are left out.
 */
export function loadedAtStart(metafile: Metafile, entry: string): string[] {
  const { outputs } = metafile;
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && outputs[imported.path]) pending.push(imported.path);
  }
  return [...seen];
}
