import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/bundling';
import DESIGN_SYSTEM from '../../shared/views/assets/design-system.json';
import { designSystemFromPackages } from '../../shared/views/assets/design-system-source';
import { ASSET_HEADERS, STYLESHEET } from '../../shared/views/assets/stylesheet';
import { itemPage } from '../../shared/views/workspace/item';
import { context, eTjanst, eTjanstHistory } from './workspace-fixtures';

describe('the workspace stylesheet', () => {
  it('carries Designsystemet exactly as the installed packages publish it (regenerate after an upgrade)', () => {
    expect(DESIGN_SYSTEM).toEqual(designSystemFromPackages());
    expect(DESIGN_SYSTEM.source).toMatch(/^@digdir\/designsystemet-css 1\.22\.\d+, @digdir\/designsystemet-theme 1\.11\.\d+ \(MIT\)/);
  });

  it('is one asset named by a hash of its content, so it can be cached for a year', () => {
    const hash = createHash('sha256').update(STYLESHEET.body).digest('hex').slice(0, 16);
    expect(STYLESHEET.fileName).toBe(`arbetsyta.${hash}.css`);
    expect(STYLESHEET.contentType).toBe('text/css; charset=utf-8');
    expect(ASSET_HEADERS['cache-control']).toBe('public, max-age=31536000, immutable');
    // The design system's components, its theme's colours, and the project's own rules.
    expect(STYLESHEET.body).toContain('.ds-button{');
    expect(STYLESHEET.body).toContain('--ds-color-accent-base-default');
    expect(STYLESHEET.body).toContain('.stack-table [data-label]::before { content: attr(data-label);');
  });

  it('needs nothing the pages\' Content-Security-Policy forbids: no import, no font, no outside address', () => {
    expect(STYLESHEET.body).not.toMatch(/@import|@font-face|expression\(/);
    const urls = [...STYLESHEET.body.matchAll(/url\(\s*["']?([^"')]*)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    // The design system's icons are inline SVG masks: allowed by img-src data:.
    expect(urls.filter((url) => !url.startsWith('data:image/svg+xml'))).toEqual([]);
  });

  it('falls back from the theme\'s Inter to the fonts the machine has, since no font is fetched', () => {
    expect(STYLESHEET.body).toMatch(/--ds-font-family: Inter, system-ui, [^;]*sans-serif;/);
  });
});

describe('the pages in a function bundle', () => {
  it('bundle with the functions\' esbuild options (TSX, preact, the stylesheet JSON) and render the same page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbetsyta-'));
    try {
      const outfile = join(dir, 'item.mjs');
      await build({ ...esbuildOptions('shared/views/workspace/item.tsx', outfile), logLevel: 'silent' });
      const bundled = (await import(pathToFileURL(outfile).href)) as { itemPage: typeof itemPage };
      const model = { ...context(), item: eTjanst, history: eTjanstHistory };
      expect(bundled.itemPage(model)).toBe(itemPage(model));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
