import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every function is bundled: the one definition `AppFunction` hands to CDK's NodejsFunction
 * and the benchmark (`npm run bench`, bench/cold-start.ts) bundles with, so the sizes and import
 * times it reports are those of what is deployed.
 */
export const FUNCTION_BUNDLING: Readonly<BundlingOptions> = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Our own pinned SDK, not whatever version the runtime happens to carry. Bundled, it also
  // imports faster than from node_modules file by file (README, "Performance").
  bundleAwsSDK: true,
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies require() Node built-ins; ESM has no require.
  banner: "import { createRequire as __bevakningCreateRequire } from 'node:module'; const require = __bevakningCreateRequire(import.meta.url);",
  forceDockerBundling: false,
};

/** Node's options on every function (the source maps above make stack traces readable). */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/** The options of FUNCTION_BUNDLING that `esbuildOptions` knows how to translate. */
const TRANSLATED = new Set(['format', 'target', 'minify', 'sourceMap', 'sourcesContent', 'bundleAwsSDK', 'externalModules', 'mainFields', 'banner', 'forceDockerBundling']);

/**
 * The esbuild API options equal to the command line NodejsFunction runs for `bundling`
 * (aws-cdk-lib/aws-lambda-nodejs, `Bundling.buildEsbuildArgs`): `--bundle --platform=node`,
 * the target, format, `--minify`, `--sourcemap`, `--sources-content=false`, the externals,
 * the banner and `--main-fields`. An option added to FUNCTION_BUNDLING that is not translated
 * here fails loudly instead of making the benchmark measure something else than CDK builds.
 */
export function esbuildOptions(entry: string, outfile: string, bundling: BundlingOptions = FUNCTION_BUNDLING): BuildOptions {
  const unknown = Object.keys(bundling).filter((key) => !TRANSLATED.has(key));
  if (unknown.length) throw new Error(`esbuildOptions does not translate bundling option(s) ${unknown.join(', ')}: add them in infra/bundling.ts`);
  // CDK's default: the runtime's SDK stays out of the bundle unless bundleAwsSDK is set.
  const external = bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*']);
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    outfile,
    ...(bundling.target ? { target: bundling.target } : {}),
    ...(bundling.format ? { format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs' } : {}),
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    sourcesContent: bundling.sourcesContent ?? true,
    external,
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
  };
}
