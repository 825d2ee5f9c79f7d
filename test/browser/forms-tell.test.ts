import { beforeAll, describe, expect, it } from 'vitest';
import { NO_RECIPIENT_FLAG } from '../../shared/drafting/extract';
import { browserWorld } from '../support/browser';
import { workspaceBrowser } from '../support/workspace-browser';

/**
 * What Registrera and the admin forms tell the clerk, in Chromium without JavaScript, on Monday
 * 22 March 2027: Visa tidsfrist says the warnings registering would give; Sammanträdesplaner keeps
 * every field typed whichever button was pressed; Granska beslut drops the missing recipient's flag
 * once a recipient is given. Each page photographed at 1280 px, 390 px and printed, and checked with axe.
 */

const world = browserWorld();
const TIMEOUT_MS = 120_000;
const BUN_2027 = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'SUMMARY:BUN sammanträde', 'DTSTART:20270915T070000Z', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b', 'SUMMARY:BUN sammanträde', 'DTSTART:20271020T070000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

beforeAll(() => world.api.deps.at('2027-03-22T09:00:00+01:00'));

describe('what the forms tell the clerk', () => {
  it('Sammanträdesplaner keeps the lead time, dates and word typed when the calendar is read or the plan is refused', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, 'admin@kommun.example.se', 'Administratör');
    await page.goto(`${url}/admin/sammantradesplaner/BUN/2027`);
    const typed = async () => [await page.locator('#leadWorkingDays').inputValue(), await page.locator('#dates').inputValue(), await page.locator('#mentions').inputValue()];

    await page.locator('#leadWorkingDays').fill('12');
    await page.locator('#dates').fill('2027-09-15');
    await page.locator('#mentions').fill('BUN');
    await page.getByRole('button', { name: 'Läs in datumen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#ics-fel').innerText()).toBe('Välj kalenderfilen (.ics) att läsa in.');
    expect(await typed()).toEqual(['12', '2027-09-15', 'BUN']);

    await page.getByLabel('Kalenderfil (.ics)').setInputFiles({ name: 'bun-2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(BUN_2027) });
    await page.getByRole('button', { name: 'Läs in datumen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#inlast').innerText()).toBe('2 sammanträden 2027 hittades i filen bun-2027.ics');
    expect(await typed()).toEqual(['12', '2027-09-15\n2027-10-20', 'BUN']);
    await capture('sammantradesplan-inlast');

    await page.locator('#mentions').fill('Barn- och utbildningsnämnden');
    await page.locator('#dates').fill('2027-09-15\n2027-10-32');
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#dates-fel, .ds-error-summary').count()).toBeGreaterThan(0);
    expect(await typed()).toEqual(['12', '2027-09-15\n2027-10-32', 'Barn- och utbildningsnämnden']);
    await capture('sammantradesplan-fel');
    await close();
  }, TIMEOUT_MS);

  it('Visa tidsfrist on Registrera says the warnings registering would give, before anything is registered', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, 'registrator@kommun.example.se', 'Registrator');
    await page.goto(`${url}/registrera`);
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Yttrande' });
    await page.getByLabel('Rubrik', { exact: true }).fill('Yttrande över länsplan för transportinfrastruktur');
    await page.getByLabel('Remissen inkom').fill('2027-02-15');
    await page.getByLabel('Ansvarig (namn)').fill('Ali Nur');
    await page.getByLabel('Ansvarig (e-post)').fill('ali.nur@kommun.example.se');
    await page.locator('#unit').fill('Fritidsgården Norrby');
    await page.getByLabel('Remissvar', { exact: true }).check();
    // The recipient's last day was Friday 19 March.
    await page.locator('#externalDeadline').fill('2027-03-19');
    await page.locator('#recipient').fill('Region Skåne');

    await page.getByRole('button', { name: 'Visa tidsfrist' }).click();
    await page.waitForLoadState();

    // The answer opens at the deadline worked out, not at the top of the long form.
    expect(new URL(page.url()).hash).toBe('#tidsfrist-resultat');
    await expect.poll(() => page.locator('#tidsfrist-resultat').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    const shown = (await page.locator('#tidsfrist-resultat').innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain('Om ärendet registreras nu: Varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat.');
    expect(shown).toContain('Sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start.');
    await capture('registrera-varningar');
    await close();
  }, TIMEOUT_MS);

  it('Granska beslut drops the flag on a yttrande’s missing recipient once the clerk gives one', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, 'registrator@kommun.example.se', 'Registrator');
    await page.goto(`${url}/granska`);
    await page
      .getByLabel('Eller klistra in protokollets text')
      .fill('Kommunstyrelsen 2027-03-15\n§ 36 Remiss om regional cykelplan\nBeslut\nKommunstyrelsen ger tekniska förvaltningen i uppdrag att ta fram ett yttrande över remissen. Yttrandet ska ha kommit in senast den 28 april 2027.');
    await page.getByRole('button', { name: 'Läs protokollet' }).click();
    await page.waitForLoadState();
    expect(await page.getByText(NO_RECIPIENT_FLAG).count()).toBe(1);

    await page.locator('#p0-recipient').fill('Region Skåne');
    await page.getByRole('button', { name: 'Visa tidsfrister' }).click();
    await page.waitForLoadState();

    expect(await page.getByText(NO_RECIPIENT_FLAG).count()).toBe(0);
    expect(await page.locator('#p0-recipient').inputValue()).toBe('Region Skåne');
    await capture('granska-mottagare');
    await close();
  }, TIMEOUT_MS);
});
