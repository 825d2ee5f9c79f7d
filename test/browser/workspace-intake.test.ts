import { beforeAll, describe, expect, it } from 'vitest';
import { setRoleHolder } from '../../shared/application/directory/roles';
import { listAllItems } from '../../shared/application/items/service';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { browserWorld } from '../support/browser';
import { DIRECTORY, protokoll } from '../support/protokoll';
import { workspaceBrowser } from '../support/workspace-browser';

/**
 * Issue 20's test, in Chromium without JavaScript: a registrar uploads Kommunstyrelsen's justerat
 * protokoll of 15 March 2027 (a PDF of five §§, written with pdfkit), registers three of its four
 * proposals, reloads the page (sending the form again) and submits again, and finds exactly three
 * items, each with the § it came from. Then the backlog: a spreadsheet dry-run and imported.
 */

const world = browserWorld();
/** A whole day's work in a browser, each page photographed three times and checked with axe: minutes on a busy machine. */
const FLOW_TIMEOUT_MS = 180_000;
const admin = { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) };
const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };

beforeAll(async () => {
  const { deps } = world.api;
  deps.at('2027-03-20T10:00:00+01:00');
  for (const [role, holder] of Object.entries(DIRECTORY)) await setRoleHolder(deps, admin, role, holder);
  await saveMeetingPlan(deps, admin, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: ['2027-03-29', '2027-04-26', '2027-11-29'] });
  await saveMeetingPlan(deps, admin, { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-06-12'] });
});

describe('Granska beslut in Chromium', () => {
  it('registers three of the four proposals of a protokoll once, even after a reload and a second submit, each with its §', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, clerk.who, 'Registrator');
    await page.goto(`${url}/granska`);
    await capture('granska');

    await page.getByLabel('Protokollet som PDF').setInputFiles({ name: 'KS 2027-03-15 protokoll.pdf', mimeType: 'application/pdf', buffer: await protokoll() });
    await page.getByRole('button', { name: 'Läs protokollet' }).click();
    await page.waitForLoadState();
    expect(await page.locator('article.proposal > h2').allInnerTexts()).toEqual([
      'Förslag 1: Ta fram en plan för tillgängliga lekplatser',
      'Förslag 2: Utreda hemtjänstens nattbemanning',
      'Förslag 3: Besvara motion från Centerpartiet om laddplatser vid kommunens förskolor',
      'Förslag 4: Ta fram ett förslag till yttrande',
    ]);
    // Each beside its sentence, highlighted within its §.
    expect((await page.locator('article.proposal').first().locator('mark').innerText()).replace(/\s+/g, ' ')).toBe(
      'Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för tillgängliga lekplatser senast den 30 september 2027.',
    );
    await capture('granska-forslag');
    // On paper, to hold against the protokoll: every proposal with its sentence and its facts, no field.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('article.proposal').evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length)).toBe(4);
    expect(await page.locator('article.proposal mark, article.proposal dl.facts').evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length)).toBe(8);
    // And the sentence of § 35 the rules did not read, to hold against the protokoll too.
    expect((await page.locator('section[aria-labelledby="att-lasa"] blockquote').innerText()).replace(/\s+/g, ' ')).toBe('En analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.');
    await page.emulateMedia({ media: 'screen' });

    // The motion waits: three of four are registered.
    await page.getByLabel('Registrera förslag 3').uncheck();
    await page.getByRole('button', { name: 'Registrera valda' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main > .ds-alert').first().innerText()).toBe('3 förslag är registrerade.');
    await capture('granska-registrerat');

    // A reload sends the same form again, and so does the button: nothing is registered twice.
    await page.reload();
    expect(await page.locator('main > .ds-alert').first().innerText()).toBe('3 förslag var redan registrerade sedan tidigare.');
    expect(await page.getByText(/^Redan registrerat:/).count()).toBe(3);
    await page.getByRole('button', { name: 'Registrera valda' }).click();
    await page.waitForLoadState();
    expect(await page.getByText(/^Redan registrerat:/).count()).toBe(3);

    const items = await listAllItems(world.api.deps, clerk, { limit: 100 }, 100);
    expect(items.map((item) => [item.title, item.decision?.paragraph, item.caseNumber]).sort()).toEqual([
      ['Ta fram en plan för tillgängliga lekplatser', '§ 31', 'KS 2027/45'],
      ['Ta fram ett förslag till yttrande', '§ 34', 'KS 2027/70'],
      ['Utreda hemtjänstens nattbemanning', '§ 32', 'KS 2027/52'],
    ]);
    await close();
  }, FLOW_TIMEOUT_MS);
});

describe('Importera in Chromium', () => {
  it('dry-runs the backlog file naming the bad rows, then imports the good ones', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, clerk.who, 'Registrator');
    await page.goto(`${url}/importera`);
    await capture('importera');

    const rows = [
      'Typ;Rubrik;Diarienummer;Organ;Beslutsdatum;Paragraf;Ansvarig;E-post;Enhet;Tidsfrist',
      'Uppdrag;Inventera kommunens lekplatser;KS 2026/310;KS;2026-11-16;§ 201;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;2027-06-30',
      'Uppdrag;Ta fram en cykelplan för Miljö- och samhällsbyggnadsförvaltningens område;KS 2026/311;KS;2026-11-16;§ 202;Ali Nur;ali.nur@kommun.example.se;Miljö- och samhällsbyggnadsförvaltningen;2027-02-30',
      'Återrapportering;Redovisa simskoleplatserna;;BUN;2026-10-12;;Eva Lind;eva.lind@kommun.example.se;;2027-05-31',
      'Summa: 3 ärenden;;;;;;;;;',
    ];
    await page.getByLabel('Kalkylbladet (Excel eller CSV)').setInputFiles({ name: 'bevakningslista.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`) });
    await page.getByRole('button', { name: 'Gör en provkörning' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#utfall + p').innerText()).toBe('1 rad kan importeras, 0 finns redan och 2 har fel. Inget är sparat ännu.');
    expect((await page.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^2 Kan importeras/),
      expect.stringMatching(/^3 Fel Kolumnen Tidsfrist: /),
      expect.stringMatching(/^4 Fel Kolumnen Enhet: saknar värde\.$/),
    ]);
    await capture('importera-provkorning');

    await page.getByRole('button', { name: 'Importera 1 ärende' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#utfall').innerText()).toBe('Importen är klar');
    await capture('importera-klart');
    await close();
  }, FLOW_TIMEOUT_MS);
});
