import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM } from './chromium';
import { isolatedApi, type IsolatedApi } from './isolated-api';

/** Where screenshots go (git-ignored): the test output. */
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** One test file's world: an isolated API and a headless Chromium, started side by side before its tests, closed after them. */
export function browserWorld() {
  let api: IsolatedApi | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [api, browser] = await Promise.all([isolatedApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  return {
    get api(): IsolatedApi {
      if (!api) throw new Error('browserWorld: the API starts in beforeAll');
      return api;
    },
    newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page> {
      if (!browser) throw new Error('browserWorld: the browser starts in beforeAll');
      return browser.newPage(options);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page (evaluated through DevTools, past the page's CSP). */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
