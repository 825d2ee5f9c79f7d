import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import { runDigest } from '../../shared/application/digest/job';
import { createDigestDependencies } from '../../functions/digest/dependencies';
import { createLinkSigner } from '../../shared/application/links/signed-link';
import { DEV_LINK_KEY } from '../../shared/platform/config';
import { fixedClock } from '../../shared/platform/clock';
import { mailTo } from '../support/isolated';
import { A4_PRINT_WIDTH, brokenWords, browserWorld, printScreenshot, screenshot, seriousViolations, stackedLabels } from '../support/browser';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const stamp = `${process.pid}.${Date.now()}`;
const chef = { name: 'Eva Chef', email: `eva.chef.${stamp}@kommun.example.se` };
const kim = { name: 'Kim Berg', email: `kim.berg.${stamp}@kommun.example.se` };
const ali = { name: 'Ali Nur', email: `ali.nur.${stamp}@kommun.example.se` };
const unit = `Socialförvaltningen ${stamp}`;
const otherUnit = `Tekniska förvaltningen ${stamp}`;

const world = browserWorld();

const register = (title: string, responsible: typeof kim, dueDate: string, kind = 'uppdrag', inUnit = unit) =>
  createItem(world.api.deps, clerk, {
    kind,
    title,
    caseNumber: 'SN 2027/7',
    decision: { body: 'SN', date: '2027-04-20', paragraph: '§ 7' },
    responsible,
    unit: inUnit,
    due: { date: dueDate },
    // The two tests register the same items in the same world on purpose.
    confirmDuplicate: true,
  } as never);

describe("a manager opens the unit page from the weekly overview in a real browser", () => {
  it('shows the rows, filters by kind and official, passes axe-core and prints', async () => {
    await world.api.deps.units.put({ unit, manager: chef, updatedBy: 'admin', updatedAt: '2027-05-01T00:00:00Z' });
    world.api.deps.at('2027-05-03T09:00:00+02:00');
    await register('Utreda nattbemanningen', kim, '2027-06-01');
    await register('Redovisa tillsynen av HVB-hem', ali, '2027-06-18', 'aterrapportering');
    await register('Svara på motionen om fritidskort', kim, '2027-06-22', 'motion');
    await register('Ett annat förvaltningsärende', kim, '2027-06-01', 'uppdrag', otherUnit);
    world.api.deps.at('2027-06-14T07:00:00+02:00');
    await runDigest({ ...createDigestDependencies(world.api.deps.env, world.api.deps.clock), backoffMs: 5 });
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec((await mailTo(chef.email)).at(-1)!.body.text!)![1]!;

    const page = await world.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(link);
    const titles = () => page.locator('tbody th').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent?.trim()));

    expect(await page.locator('h1').textContent()).toBe('Försenat och på väg');
    expect(await titles()).toEqual(['Utreda nattbemanningen', 'Redovisa tillsynen av HVB-hem', 'Svara på motionen om fritidskort']);
    expect(await seriousViolations(page)).toEqual([]);
    const shot = await screenshot(page, 'forsenat-och-pa-vag');

    await page.getByLabel('Typ').selectOption('aterrapportering');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/typ=aterrapportering/);
    expect(await titles()).toEqual(['Redovisa tillsynen av HVB-hem']);

    await page.getByLabel('Typ').selectOption('');
    await page.getByLabel('Ansvarig').selectOption(kim.email);
    await page.getByLabel('Sortera').selectOption('tidsfrist');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/ansvarig=/);
    expect(await titles()).toEqual(['Utreda nattbemanningen', 'Svara på motionen om fritidskort']);
    expect(await seriousViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(shot).toMatch(/forsenat-och-pa-vag\.png$/);
  });

  it('on a 390 px phone every value keeps its label, overdue items count days late, and neither the phone nor print breaks a word mid-word, nor an address but at its @ and dots', async () => {
    const long = `Socialförvaltningen ${stamp}-lång`;
    await world.api.deps.units.put({ unit: long, manager: chef, updatedBy: 'admin', updatedAt: '2027-05-01T00:00:00Z' });
    world.api.deps.at('2027-05-03T09:00:00+02:00');
    await register('Samordna Socialförvaltningens och Samhällsbyggnadsförvaltningens krisberedskapsplanering', kim, '2027-06-01', 'uppdrag', long);
    await register('Redovisa tillsynen av HVB-hem', ali, '2027-06-18', 'aterrapportering', long);
    world.api.deps.at('2027-06-14T07:00:00+02:00');
    const link = `${world.api.url}/p/${await world.api.deps.links.sign({ kind: 'unit', email: chef.email, unit: long })}`;
    // An address breaks only after its @ or before a dot: each part between them stays whole.
    const addressParts = [...new Set([kim.email, ali.email].flatMap((email) => email.split(/[.@]/)).filter((part) => part.length > 2))];
    const words = ['Socialförvaltningens', 'Samhällsbyggnadsförvaltningens', 'krisberedskapsplanering', ...addressParts];

    const page = await world.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);
    const labels = await stackedLabels(page);
    const overdue = await page.locator('tbody tr').first().locator('td').nth(2).textContent();

    expect(labels).toEqual(Array.from({ length: 2 }, () => ['Ansvarig', 'Beslut', 'Tidsfrist', 'Ändrad tidsfrist', 'Senaste lägesrapport']).flat());
    expect(overdue).toBe('tisdag 1 juni 202713 dagar försenat');
    expect(await page.content()).not.toMatch(/-\d+ dagar/);
    expect(await brokenWords(page, words)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'forsenat-och-pa-vag-phone');

    await printScreenshot(page, 'forsenat-och-pa-vag-print');
    expect(await stackedLabels(page)).toEqual(labels.map(() => ''));
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_PRINT_WIDTH);
    expect(await brokenWords(page, words)).toEqual([]);
  });

  it('an expired, an altered and another unit\'s link show none of this unit\'s rows', async () => {
    const sign = (instant: string, scope: Parameters<ReturnType<typeof createLinkSigner>['sign']>[0]) =>
      createLinkSigner({ keys: async () => ({ current: 'local', keys: { local: DEV_LINK_KEY } }), clock: fixedClock(instant), ttlDays: 14 }).sign(scope);
    world.api.deps.at('2027-06-14T07:00:00+02:00');
    const page = await world.newPage();

    const expired = await page.goto(`${world.api.url}/p/${await sign('2027-05-20T07:00:00+02:00', { kind: 'unit', email: chef.email, unit })}`);
    expect(expired?.status()).toBe(410);
    expect(await page.content()).not.toContain('Utreda nattbemanningen');

    const valid = await sign('2027-06-14T07:00:00+02:00', { kind: 'unit', email: chef.email, unit });
    const altered = await page.goto(`${world.api.url}/p/${valid.slice(0, -3)}xyz`);
    expect(altered?.status()).toBe(404);
    expect(await page.content()).not.toContain('Utreda nattbemanningen');

    await page.goto(`${world.api.url}/p/${await sign('2027-06-14T07:00:00+02:00', { kind: 'unit', email: chef.email, unit: otherUnit })}`);
    expect(await page.content()).toContain('Ett annat förvaltningsärende');
    expect(await page.content()).not.toContain('Utreda nattbemanningen');
  });
});
