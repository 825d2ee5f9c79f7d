import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { browserWorld } from './browser';
import { printScreenshot, screenshot, seriousViolations } from './browser';

type World = ReturnType<typeof browserWorld>;

/**
 * The workspace in headless Chromium as a person uses it: a context without JavaScript (the pages
 * work without it), the Content-Security-Policy's refusals collected, and each page photographed at
 * 1280 px, at 390 px and printed, and checked with axe-core.
 */
export async function workspaceBrowser(world: World, viewport = { width: 1280, height: 900 }) {
  const context: BrowserContext = await world.newContext({ javaScriptEnabled: false, viewport, locale: 'sv-SE' });
  const page: Page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });

  /**
   * The page as it is now: no CSP refusal, one h1, nothing wider than a phone at 390 px; the three
   * screenshots `workspace-routes-<name>[-phone|-print].png`; and axe-core (a script, so in a context
   * with JavaScript and the same cookies, on this very HTML) finding no serious or critical violation.
   */
  async function capture(name: string): Promise<void> {
    expect(refused).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    for (const [suffix, size] of [['', { width: 1280, height: 900 }], ['-phone', { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}${suffix} fits`).toBeLessThanOrEqual(size.width);
      await screenshot(page, `workspace-routes-${name}${suffix}`);
    }
    await printScreenshot(page, `workspace-routes-${name}-print`);
    expect(await page.locator('.site-nav, form').evaluateAll((nodes) => nodes.filter((n) => getComputedStyle(n).display !== 'none').length), `${name} printed`).toBe(0);
    // Nor a field a form owns from outside it (Granska beslut's proposals): paper cannot be filled in.
    expect(await page.locator('input, select, textarea, button').evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length), `${name}'s fields printed`).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(viewport);

    const html = await page.content();
    const checker = await world.newContext({ viewport, locale: 'sv-SE' });
    await checker.addCookies(await context.cookies());
    const checked = await checker.newPage();
    await checked.goto(page.url());
    await checked.setContent(html, { waitUntil: 'load' });
    expect(await seriousViolations(checked), `axe on ${name}`).toEqual([]);
    await checker.close();
  }

  /** Signs in with the local form, as the role named on it (Registrator, Administratör, Chef, Handläggare). */
  async function signIn(url: string, email: string, role: string, unit?: string): Promise<void> {
    await page.goto(`${url}/logga-in`);
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Roll').selectOption({ label: role });
    if (unit) await page.getByLabel('Enhet').fill(unit);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForLoadState();
  }

  /** The flash message at the top of the page (role=status). */
  const flash = async () => ((await page.locator('.flash').textContent()) ?? '').trim();

  return { context, page, capture, signIn, flash, close: () => context.close() };
}
