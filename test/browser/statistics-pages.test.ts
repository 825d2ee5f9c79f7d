import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { browserWorld, screenshot, SCREENSHOTS, seriousViolations } from '../support/browser';
import { statisticsHistory, storeHistory } from '../support/statistics-history';

/**
 * The statistics page and the public page as the reports function sends them (its own headers,
 * its strict CSP), read through the routes from items stored in DynamoDB Local, in headless
 * Chromium: the charts, their text alternatives and data tables, axe-core, a 390 px phone, and
 * A4 print. Screenshots and PDFs go to test-output/screenshots/.
 */

const today = '2027-11-16';
const world = browserWorld();

beforeAll(async () => {
  world.api.deps.at(`${today}T10:00:00+01:00`);
  const items = statisticsHistory({ seed: 21, count: 2400, today }).map((item, n) =>
    n % 3 === 0 ? { ...item, statusReport: { note: 'Underlaget är klart; förslaget går till nämnden i december.', by: 'handlaggare@kommun.example.se', at: '2027-11-02T09:00:00Z' } } : item,
  );
  await storeHistory(world.api.deps.items, items);
}, 240_000);

/** A page that records every refusal the browser reports under the page's CSP. */
async function openPage(width: number, headers: Record<string, string> = {}): Promise<{ page: Page; refused: string[] }> {
  const page = await world.newPage({ viewport: { width, height: 900 }, extraHTTPHeaders: headers });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return { page, refused };
}

const scrollWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

/** A4 with the page's margins (12 mm a side leaves 186 mm, about 703 CSS pixels). */
const A4_CONTENT_WIDTH = 703;

async function printsOnA4(page: Page, name: string): Promise<{ totalPages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
  expect(await scrollWidth(page)).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  await screenshot(page, `${name}-a4`);
  const pdf = await page.pdf({ path: join(SCREENSHOTS, `${name}-a4.pdf`), preferCSSPageSize: true, printBackground: true });
  const document = await getDocumentProxy(new Uint8Array(pdf));
  // No page of the PDF is wider than A4 (210 mm = 595.3 pt): nothing was laid out past the sheet.
  for (let n = 1; n <= document.numPages; n++) expect((await document.getPage(n)).view[2]).toBeLessThanOrEqual(596);
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { totalPages, text };
}

describe('GET /reports/statistik as a page, in a real browser', () => {
  it('shows the three charts with text alternatives and data tables under its CSP, passes axe-core, fits a phone and prints on A4', async () => {
    const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, inject('jwtSecret'));
    const { page, refused } = await openPage(1280, { authorization: `Bearer ${token}` });
    const response = await page.goto(`${world.api.url}/reports/statistik?from=2025-01-01&to=2027-12-31`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(await page.locator('h1').textContent()).toBe('Verkställighet av beslut: statistik');
    for (const name of ['Utfall per organ', 'Utfall per beslutsår', 'Dagar från beslut till klart']) {
      const chart = page.locator('figure', { has: page.getByRole('img', { name }) });
      expect(await chart.getByRole('img', { name }).isVisible()).toBe(true);
      expect((await chart.getByRole('img', { name }).boundingBox())!.height).toBeGreaterThan(100);
      // The text alternative names what the chart shows, with its figures.
      expect(await chart.locator('figcaption').textContent()).toMatch(new RegExp(`^${name}\\. Liggande staplar .*\\d`));
    }
    // The data of each chart as a table after it; the totals and the oldest open items.
    for (const caption of ['Alla beslut i perioden', 'Ärenden per organ', 'Ärenden per beslutsår', 'Ärenden per typ av ärende', 'Ärenden per ansvarig enhet', 'De 20 äldsta pågående ärendena, äldsta beslutet först']) {
      expect(await page.getByRole('table', { name: caption }).isVisible(), caption).toBe(true);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistik-desktop');

    // A 390 px phone: the page never scrolls sideways; the wide tables scroll inside their own regions.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    for (const svg of await page.locator('figure svg').all()) expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(390 - 32);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistik-phone');

    const { totalPages, text } = await printsOnA4(page, 'statistik');
    expect(totalPages).toBeGreaterThanOrEqual(3);
    expect(totalPages).toBeLessThanOrEqual(8);
    for (const heading of ['Verkställighet av beslut: statistik', 'Utfall per organ', 'Dagar från beslut till klart', 'Äldsta pågående ärenden', 'Så räknas siffrorna']) expect(text).toContain(heading);
    expect(refused).toEqual([]);
  });
});

describe("the statistics page's wide tables on a 390 px phone and in print", () => {
  it('a table cut at the right edge says so above it and shows a shadow at the cut; on a desktop and on paper no such line, and in print every column is on the sheet', async () => {
    const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, inject('jwtSecret'));
    const { page } = await openPage(390, { authorization: `Bearer ${token}` });
    await page.goto(`${world.api.url}/reports/statistik?from=2025-01-01&to=2027-12-31`);
    /** Each scrolling table: whether it is cut, whether the line before it shows, and whether a background (the shadow) is drawn. */
    const regions = () =>
      page.locator('.table-scroll').evaluateAll((nodes) =>
        nodes.map((n) => ({
          cut: n.scrollWidth > n.clientWidth + 1,
          said: !!n.previousElementSibling?.matches('.scroll-hint') && getComputedStyle(n.previousElementSibling).display !== 'none',
          shadow: getComputedStyle(n).backgroundImage.includes('radial-gradient'),
          beyond: [...n.querySelectorAll('thead th')].filter((th) => th.getBoundingClientRect().right > n.getBoundingClientRect().right + 1).length,
        })),
      );

    const phone = await regions();
    const first = page.locator('.table-scroll').first();
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'statistik-phone-table.png'), clip: { ...(await first.boundingBox())!, y: (await first.boundingBox())!.y - 40, height: 300 } });
    await page.setViewportSize({ width: 1280, height: 900 });
    const desktop = await regions();
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const paper = await regions();

    expect(phone.some((r) => r.cut)).toBe(true);
    expect(phone.filter((r) => r.cut)).toEqual(phone.filter((r) => r.cut).map((r) => ({ ...r, said: true, shadow: true })));
    expect(desktop.every((r) => !r.said)).toBe(true);
    expect(paper).toEqual(paper.map(() => ({ cut: false, said: false, shadow: false, beyond: 0 })));
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('GET /offentlig/{body}, in a real browser', () => {
  it('passes axe-core on a desktop and a phone and prints, with nothing refused by the CSP; a closed body is a Swedish page', async () => {
    const admin = await signLocalToken({ email: 'admin@kommun.example.se', roles: ['admin'] }, inject('jwtSecret'));
    const opened = await fetch(`${world.api.url}/public-bodies/KS`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{"public":true}' });
    expect(opened.status).toBe(200);
    const { page, refused } = await openPage(1280);
    const response = await page.goto(`${world.api.url}/offentlig/KS`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('public, max-age=300');
    expect(await page.locator('h1').textContent()).toBe('Uppföljning av KS:s beslut');
    expect(await page.locator('h2').allTextContents()).toEqual([expect.stringMatching(/^Pågående \(\d+\)$/), expect.stringMatching(/^Avslutade de senaste 90 dagarna \(\d+\)$/)]);
    expect(await page.locator('.public-item').count()).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'offentlig-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'offentlig-phone', { fullPage: false });

    const { text } = await printsOnA4(page, 'offentlig');
    expect(text).toContain('Uppföljning av KS:s beslut');
    expect(refused).toEqual([]);

    const missing = await openPage(390);
    expect((await missing.page.goto(`${world.api.url}/offentlig/BUN`))?.status()).toBe(404);
    expect(await missing.page.locator('h1').textContent()).toBe('Sidan finns inte');
    expect(await seriousViolations(missing.page)).toEqual([]);
    await screenshot(missing.page, 'offentlig-saknas-phone');
    expect(missing.refused).toEqual([]);
  });
});
