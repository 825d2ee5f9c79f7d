import { describe, expect, inject, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import { reportStatus } from '../../shared/application/items/link-actions';
import { signLocalToken } from '../../local/tokens';
import { brokenWords, browserWorld, screenshot, seriousViolations, stackedLabels } from '../support/browser';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const stamp = `${process.pid}.${Date.now()}`;
const kim = { name: 'Kim Berg', email: `kim.berg.${stamp}@kommun.example.se` };
const ali = { name: 'Ali Nur', email: `ali.nur.${stamp}@kommun.example.se` };

const world = browserWorld();

let seq = 0;
const motion = (title: string, raised: string, responsible: typeof kim, unit: string) =>
  createItem(world.api.deps, clerk, {
    kind: 'motion',
    title,
    caseNumber: `KS ${raised.slice(0, 4)}/${300 + ++seq}`,
    decision: { body: 'KF', date: raised, paragraph: `§ ${40 + seq}` },
    responsible,
    unit,
    due: { raised },
  }).then((r) => r.item);

describe('the balanslista as a registrar opens it in a real browser', () => {
  it('shows the motions in a table with the marks in words, passes axe-core and prints', async () => {
    const by = 'admin@kommun.example.se';
    await world.api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2026, leadWorkingDays: 20, dates: ['2026-02-23', '2026-04-20', '2026-06-15', '2026-09-21', '2026-11-23', '2026-12-14'] }, by, '2026-01-01T08:00:00Z');
    await world.api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-04-19', '2027-06-14', '2027-09-20', '2027-11-22', '2027-12-13'] }, by, '2026-01-01T08:00:00Z');
    world.api.deps.at('2027-05-03T09:00:00+02:00');
    const late = await motion('Motion om avgiftsfria simskolor för alla sjuåringar', '2026-04-20', kim, 'Kultur- och fritidsförvaltningen');
    await motion('Motion om <b>fler</b> laddstolpar vid kommunens förskolor', '2026-06-15', ali, 'Samhällsbyggnadsförvaltningen');
    await motion('Motion om solceller på kommunens tak', '2026-09-21', kim, 'Samhällsbyggnadsförvaltningen');
    await reportStatus(world.api.deps, kim.email, late.id, 'Förslag till svar i KS 2027-05-24; fullmäktige beslutar 14 juni.');
    world.api.deps.at('2027-05-15T08:30:00+02:00');

    const token = await signLocalToken({ email: clerk.who, roles: ['registrar'] }, inject('jwtSecret'));
    const page = await world.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const response = await page.goto(`${world.api.url}/reports/balanslista?asOf=2027-05-15`);

    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Redovisning av obesvarade motioner per 15 maj 2027');
    const marks = await page.locator('tbody tr td:nth-of-type(5)').allTextContents();
    expect(marks).toEqual(['Passerad', 'Inom 60 dagar', '–']);
    expect(await page.locator('tbody th').first().textContent()).toContain('Motion om avgiftsfria simskolor');
    expect(await page.getByText('Motion om <b>fler</b> laddstolpar', { exact: false }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const shot = await screenshot(page, 'balanslista');
    expect(shot).toMatch(/balanslista\.png$/);

    // Printed on A4 with 1 cm margins (190 mm, about 718 CSS pixels) it stays a table as wide as the sheet.
    await page.setViewportSize({ width: 718, height: 1016 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('thead').isVisible()).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
    await screenshot(page, 'balanslista-a4');
    expect(await brokenWords(page, ['fritidsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'sjuåringar'])).toEqual([]);

    // On a 390 px phone each motion is a card, and its two dates and its standing keep their labels.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await stackedLabels(page, 'tbody tr:first-child td')).toEqual(['Väckt', 'Ansvarig', 'Ettårsgräns', 'Läge', 'Markering', 'Senaste lägesrapport']);
    expect(await page.locator('tbody tr:first-child td').nth(3).textContent()).toBe('25 dagar över gränsen');
    expect(await brokenWords(page, ['fritidsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'sjuåringar'])).toEqual([]);
    await screenshot(page, 'balanslista-phone');
  });
});
