import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsCharts } from '../../shared/views/reports/charts';
import { publicBodyView } from '../../shared/domain/reports/public';
import { PublicBodyContent } from '../../shared/views/reports/public-page';
import { computeStatistics } from '../../shared/domain/reports/statistics';
import { StatisticsContent } from '../../shared/views/reports/statistics-page';
import { launchBrowser, screenshot, SCREENSHOTS, seriousViolations } from '../support/browser';
import { statisticsHistory } from '../support/statistics-history';

/**
 * The statistics and public contents in a minimal page: the content CSS (report-content.css) with a
 * few base rules standing in for the page shell, sent with a CSP as strict as the product's (no
 * script, no image, only this stylesheet by its hash), so a chart that needed anything else would
 * show it here.
 */
const CSS = `body { margin: 0; font: 1rem/1.5 system-ui, Arial, sans-serif; color: #1b1b1b; background: #fff; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; } .lead { color: #4a4a4a; margin: 0 0 1rem; }
${readFileSync(join(import.meta.dirname, '../../shared/views/reports/report-content.css'), 'utf8')}`;
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; img-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
const ORIGIN = 'https://bevakning.kommun.example.se';

const documentOf = (title: string, content: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${CSS}</style></head><body><main>${content}</main></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `html` as if the product had sent it, recording every CSP refusal the browser reports. */
async function open(html: string, width: number): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: html }));
  await page.goto(`${ORIGIN}/sida`);
  return { page, refused };
}

const scrollWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

const today = '2027-11-16';

describe('the statistics page in a real browser', () => {
  it('shows the charts under a strict CSP, passes axe-core, fits a phone and prints on A4', async () => {
    const stats = computeStatistics(statisticsHistory({ seed: 21, count: 2400, today }), { from: '2025-01-01', to: '2027-12-31', today });
    const html = documentOf('Statistik', render(h(StatisticsContent, { stats, charts: await statisticsCharts(stats) })));

    const { page, refused } = await open(html, 1280);
    expect(await page.locator('h1').textContent()).toBe('Verkställighet av beslut: statistik');
    expect(await page.locator('figure svg[role=img]').count()).toBe(3);
    for (const svg of await page.locator('figure svg').all()) expect((await svg.boundingBox())!.height).toBeGreaterThan(100);
    expect(await page.getByRole('img', { name: 'Utfall per organ' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistik-desktop');

    // A 390 px phone: the page never scrolls sideways; the wide tables scroll inside their own regions.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    for (const svg of await page.locator('figure svg').all()) expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(390 - 32);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistik-phone');

    // A4 with the page's margins (12 mm a side leaves 186 mm, about 703 CSS pixels): as wide as the sheet.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(703);
    expect(await page.locator('thead').first().isVisible()).toBe(true);
    await screenshot(page, 'statistik-a4');
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'statistik-a4.pdf'), preferCSSPageSize: true, printBackground: true });
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(3);
    expect(totalPages).toBeLessThanOrEqual(8);
    for (const heading of ['Verkställighet av beslut: statistik', 'Utfall per organ', 'Äldsta pågående ärenden', 'Så räknas siffrorna']) expect(text).toContain(heading);
    expect(refused).toEqual([]);
  });
});

describe('the public page in a real browser', () => {
  it('passes axe-core on a desktop and a phone and prints, with nothing refused by the CSP', async () => {
    const items = statisticsHistory({ seed: 5, count: 400, today }).map((item, n) =>
      n % 3 === 0 ? { ...item, statusReport: { note: 'Underlaget är klart; förslaget går till nämnden i december.', by: 'handlaggare@kommun.example.se', at: '2027-11-02T09:00:00Z' } } : item,
    );
    const view = publicBodyView('KS', items, { public: true }, today)!;
    expect(view.open.length).toBeGreaterThan(3);
    expect(view.recentlyClosed.length).toBeGreaterThan(0);
    const html = documentOf('Uppföljning av KS:s beslut', render(h(PublicBodyContent, { view })));

    const { page, refused } = await open(html, 1280);
    expect(await page.locator('h1').textContent()).toBe('Uppföljning av KS:s beslut');
    expect(await page.locator('h2').allTextContents()).toEqual([`Pågående (${view.open.length})`, `Avslutade de senaste 90 dagarna (${view.recentlyClosed.length})`]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'offentlig-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'offentlig-phone');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(703);
    await screenshot(page, 'offentlig-a4');
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'offentlig-a4.pdf'), preferCSSPageSize: true });
    expect((await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text).toContain('Uppföljning av KS:s beslut');
    expect(refused).toEqual([]);
  });
});
