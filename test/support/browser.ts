import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
    /** A context of its own (cookies, JavaScript on or off). */
    newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
      if (!browser) throw new Error('browserWorld: the browser starts in beforeAll');
      return browser.newContext(options);
    },
  };
}

/** A screenshot of the whole page, or with `{ fullPage: false }` of what is in view. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  const take = () => page.screenshot({ path, fullPage: options.fullPage ?? true });
  try {
    await take();
  } catch (error) {
    // Chromium now and then fails a capture ("Unable to capture screenshot", seen on this 2-core
    // machine after a viewport change); the page is not at fault, so the capture is tried once more.
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await take();
  }
  return path;
}

/** A4 with 1 cm margins: 190 mm of printable width, about 718 CSS pixels. */
export const A4_PRINT_WIDTH = 718;

/** The page as it prints on A4 (print media at the printable width), as a screenshot. */
export async function printScreenshot(page: Page, name: string): Promise<string> {
  await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1016 });
  await page.emulateMedia({ media: 'print' });
  return screenshot(page, name);
}

/**
 * The occurrences of `words` that the page shows broken over two lines: a word whose letters lie
 * on more than one line box. (Chromium here has no Swedish hyphenation dictionary, so a word it
 * breaks is broken mid-word, with no hyphen.)
 */
export async function brokenWords(page: Page, words: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const doc = (globalThis as unknown as { document: any }).document;
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of wanted) {
        for (let at = node.data.indexOf(word); at >= 0; at = node.data.indexOf(word, at + word.length)) {
          const range = doc.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const lines = new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word);
        }
      }
    }
    return broken;
  }, words);
}

/** For each table data cell in view: the label its stacked layout shows above the value (`::before`), '' for none. */
export async function stackedLabels(page: Page, selector = 'tbody td'): Promise<string[]> {
  return page.locator(selector).evaluateAll((cells) =>
    cells.map((cell) => {
      const content = (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(cell, "::before").content;
      return content === 'none' || content === 'normal' ? '' : content.replace(/^"|"$/g, '');
    }),
  );
}

/** axe-core's serious and critical violations on the page (evaluated through DevTools, past the page's CSP). */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
