import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Designsystemet as published: the components' CSS (`@digdir/designsystemet-css`) and the default
 * theme (`@digdir/designsystemet-theme`), in that order, as their README imports them.
 */
const PACKAGES = [
  { name: '@digdir/designsystemet-css', file: '@digdir/designsystemet-css/index.css' },
  { name: '@digdir/designsystemet-theme', file: '@digdir/designsystemet-theme' },
] as const;

/** What `design-system.json` holds: which package versions, and their CSS joined. */
export interface DesignSystemCss {
  source: string;
  css: string;
}

/**
 * Reads the design system's CSS out of node_modules. Not used at run time: a function's bundle has
 * no node_modules to read from, so `design-system.json` carries the result and the stylesheet
 * imports that; `test/unit/workspace-stylesheet.test.ts` fails when the two differ (after an
 * upgrade). Regenerate with `npx tsx shared/views/assets/design-system-source.ts`.
 */
export function designSystemFromPackages(): DesignSystemCss {
  const require = createRequire(import.meta.url);
  // Neither package exports its package.json: find it where Node looks for the package.
  const version = (name: string) => {
    const file = (require.resolve.paths(name) ?? []).map((dir) => join(dir, name, 'package.json')).find((path) => existsSync(path));
    if (!file) throw new Error(`${name} is not installed`);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  };
  const versions = PACKAGES.map(({ name }) => `${name} ${version(name)}`);
  // One stylesheet has one @charset at most, and it is served as UTF-8 anyway.
  const css = PACKAGES.map(({ file }) => readFileSync(require.resolve(file), 'utf8').replace(/^@charset "UTF-8";\s*/, '').trim()).join('\n');
  return { source: `${versions.join(', ')} (MIT); npx tsx shared/views/assets/design-system-source.ts`, css };
}

if (import.meta.main) {
  const path = new URL('./design-system.json', import.meta.url);
  const result = designSystemFromPackages();
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${path.pathname}: ${result.css.length} characters from ${result.source}`);
}
