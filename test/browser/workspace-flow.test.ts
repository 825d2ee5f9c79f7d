import { beforeAll, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { requestExtension } from '../../shared/application/items/link-actions';
import { createItem, getItem, listAllItems } from '../../shared/application/items/service';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { browserWorld } from '../support/browser';
import { workspaceBrowser } from '../support/workspace-browser';

/**
 * Issue 18's "Done when", in Chromium without JavaScript, through the workspace's real routes on
 * Monday 22 March 2027: a registrar signs in locally, registers an item of each kind (and with each
 * form of deadline) after seeing its deadline, finds one by search, moves its deadline with a reason,
 * grants an official's request for more time from Översikt and closes an item; an admin keeps the
 * plans and directories. Every page is photographed at 1280 px, at 390 px and printed, and checked
 * with axe-core.
 */

const world = browserWorld();
/** A whole day's work in a browser, each page photographed three times and checked with axe: minutes on a busy machine. */
const FLOW_TIMEOUT_MS = 180_000;
const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const admin = { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) };
const eva = { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se' };
let requested: string;

beforeAll(async () => {
  const { deps } = world.api;
  deps.at('2027-03-22T09:00:00+01:00');
  await saveMeetingPlan(deps, admin, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: ['2027-01-25', '2027-02-22', '2027-03-29', '2027-04-26', '2027-05-31', '2027-09-27', '2027-11-29'] });
  await saveMeetingPlan(deps, admin, { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-04-17', '2028-06-12'] });
  await saveMeetingPlan(deps, admin, { body: 'SN', year: 2027, leadWorkingDays: 10, dates: ['2027-06-16', '2027-12-15'] });
  // An official has asked for more time on an item of theirs.
  const { item } = await createItem(
    deps,
    clerk,
    createItemBody.parse({
      kind: 'uppdrag',
      title: 'Utreda formerna för en gemensam e-tjänstplattform för Miljö- och samhällsbyggnadsförvaltningen och Kommunledningskontoret',
      caseNumber: 'KS 2026/141',
      decision: { body: 'KS', date: '2026-09-14', paragraph: '§ 120' },
      responsible: eva,
      unit: 'Miljö- och samhällsbyggnadsförvaltningen',
      manager: { name: 'Ali Nur', email: 'ali.nur@kommun.example.se' },
      due: { date: '2027-04-30' },
    }),
  );
  requested = item.id;
  await requestExtension(deps, eva.email, item.id, { date: '2027-06-30', reason: 'Upphandlingen av plattformen är överklagad; förvaltningsrätten väntas avgöra målet i maj.' });
});

/** The items a registration should give: the form's fields, the deadline choice, and what "Visa tidsfrist" shows. */
const KINDS = [
  {
    kind: 'Uppdrag',
    title: 'Ta fram en plan för tillgängliga lekplatser',
    decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 31', caseNumber: 'KS 2027/45' },
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' },
    due: { choice: 'Tidsfrist (datum)', fields: { '#dueDate': '2027-09-30' } },
    shows: 'Tidsfrist: torsdag 30 september 2027',
  },
  {
    kind: 'Återrapportering',
    title: 'Redovisa utredningen av hemtjänstens nattbemanning',
    decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 32', caseNumber: 'KS 2027/52' },
    responsible: { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se', unit: 'Socialförvaltningen' },
    due: { choice: 'Till sammanträde', fields: { '#meetingBody': 'KS', '#meetingMonth': '2027-11' } },
    shows: 'Tidsfrist: måndag 8 november 2027 Sammanträde: måndag 29 november 2027',
  },
  {
    kind: 'Återrapportering',
    title: 'Återrapportera arbetet med barnkonventionen',
    decision: { body: 'SN', date: '2027-03-17', paragraph: '§ 22', caseNumber: 'SN 2027/8' },
    responsible: { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se', unit: 'Socialförvaltningen' },
    due: { choice: 'Sista sammanträdet senast', fields: { '#meetingByBody': 'SN', '#meetingByDate': '2027-12-31' } },
    shows: 'Tidsfrist: onsdag 1 december 2027 Sammanträde: onsdag 15 december 2027',
  },
  {
    kind: 'Yttrande',
    title: 'Yttrande över regional vattenförsörjningsplan',
    remiss: { received: '2027-03-02', reference: 'Dnr 537-2027' },
    responsible: { name: 'Ali Nur', email: 'ali.nur@kommun.example.se', unit: 'Samhällsbyggnadsförvaltningen' },
    due: { choice: 'Remissvar', fields: { '#externalDeadline': '2027-04-28', '#recipient': 'Länsstyrelsen i Skåne län', '#decidedBy': 'KS' } },
    shows: 'Tidsfrist: måndag 5 april 2027 Sammanträde: måndag 26 april 2027 Sista dag hos mottagaren: onsdag 28 april 2027',
  },
  {
    kind: 'Motion',
    title: 'Motion om solceller på kommunens tak',
    decision: { body: 'KF', date: '2027-02-22', paragraph: '§ 18', caseNumber: 'KS 2027/61' },
    responsible: { name: 'Jonas Kansli', email: 'jonas.kansli@kommun.example.se', unit: 'Kommunledningskontoret' },
    due: { choice: 'Motion väckt', fields: { '#raised': '2027-02-22' } },
    shows: 'Lagstadgad gräns: tisdag 22 februari 2028',
  },
] as const;

describe('the workspace in Chromium, without JavaScript', () => {
  it('a registrar signs in, registers an item of each kind after seeing its deadline, finds one, moves its deadline, grants a request and closes an item', async () => {
    const { url } = world.api;
    const { page, capture, signIn, flash, close } = await workspaceBrowser(world);

    // Without a session, the workspace asks for one.
    await page.goto(`${url}/`);
    expect(page.url()).toBe(`${url}/logga-in`);
    expect(await page.getByText('Endast för lokal utveckling').count()).toBe(1);
    await capture('logga-in');
    await signIn(url, 'registrator@kommun.example.se', 'Registrator');
    expect(page.url()).toBe(`${url}/`);
    await capture('oversikt');

    const registered: string[] = [];
    for (const [i, spec] of KINDS.entries()) {
      await page.goto(`${url}/registrera`);
      await page.getByLabel('Typ', { exact: true }).selectOption({ label: spec.kind });
      await page.getByLabel('Rubrik', { exact: true }).fill(spec.title);
      if ('decision' in spec) {
        await page.getByLabel('Diarienummer').fill(spec.decision.caseNumber);
        await page.locator('#decisionBody').fill(spec.decision.body);
        await page.getByLabel('Beslutsdatum').fill(spec.decision.date);
        await page.getByLabel('Paragraf').fill(spec.decision.paragraph);
      } else {
        await page.getByLabel('Remissen inkom').fill(spec.remiss.received);
        await page.getByLabel('Remissens referens').fill(spec.remiss.reference);
      }
      await page.getByLabel('Ansvarig (namn)').fill(spec.responsible.name);
      await page.getByLabel('Ansvarig (e-post)').fill(spec.responsible.email);
      await page.locator('#unit').fill(spec.responsible.unit);
      await page.getByLabel(spec.due.choice, { exact: true }).check();
      for (const [selector, value] of Object.entries(spec.due.fields)) await page.locator(selector).fill(value);

      await page.getByRole('button', { name: 'Visa tidsfrist' }).click();
      await page.waitForLoadState();
      expect((await page.locator('#tidsfrist-resultat').innerText()).replace(/\s+/g, ' ')).toContain(spec.shows);
      expect(await page.getByLabel(spec.due.choice, { exact: true }).isChecked()).toBe(true);
      if (i === 0) await capture('registrera');

      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      await page.waitForURL(/\/arenden\/[\w-]+\?m=registrerat/);
      expect(await flash()).toMatch(/^Ärendet är registrerat/);
      registered.push(new URL(page.url()).pathname.split('/')[2]!);
    }
    expect(new Set(registered).size).toBe(KINDS.length);
    const stored = await Promise.all(registered.map((id) => getItem(world.api.deps, clerk, id)));
    expect(stored.map((item) => [item.kind, item.title])).toEqual([
      ['uppdrag', KINDS[0].title],
      ['aterrapportering', KINDS[1].title],
      ['aterrapportering', KINDS[2].title],
      ['yttrande', KINDS[3].title],
      ['motion', KINDS[4].title],
    ]);
    expect(stored[3]).toMatchObject({ remiss: { received: '2027-03-02', reference: 'Dnr 537-2027' }, due: { externalDeadline: '2027-04-28', recipient: 'Länsstyrelsen i Skåne län', decidedBy: 'KS' } });
    expect(stored[3]!.decision).toBeUndefined();

    // Found by a word of its title.
    await page.goto(`${url}/arenden`);
    await page.getByLabel('Sök i rubrik och diarienummer').fill('lekplatser');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/q=lekplatser/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await capture('arenden');
    await page.getByRole('link', { name: 'Ta fram en plan för tillgängliga lekplatser' }).click();
    await page.waitForURL(`${url}/arenden/${registered[0]}`);
    await capture('arende');

    // Its deadline moved, with the reason the history keeps.
    await page.locator('#andra > summary').click();
    await page.locator('#andra-dueDate').fill('2027-12-15');
    await page.locator('#andra-reason').fill('Förlängt enligt KS 2027-04-26 § 50.');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForURL(/\?m=andrat$/);
    expect(await flash()).toBe('Ändringarna är sparade.');
    expect(await page.locator('.timeline').innerText()).toMatch(/Tidsfrist 2027-09-30 → 2027-12-15\s+Skäl: Förlängt enligt KS 2027-04-26 § 50\./);
    expect((await getItem(world.api.deps, clerk, registered[0]!)).dueDate).toBe('2027-12-15');

    // The official's request, granted from Översikt.
    await page.goto(`${url}/`);
    const card = page.locator('#forlangning ~ ul article').first();
    expect(await card.innerText()).toContain('Upphandlingen av plattformen är överklagad');
    await card.getByLabel('Skäl').first().fill('Beviljat av kommundirektören 2027-03-22.');
    await card.getByRole('button', { name: 'Bevilja förlängning' }).click();
    await page.waitForURL(`${url}/?m=beviljat`);
    expect(await flash()).toBe('Förlängningen är beviljad. Handläggaren får besked i nästa mejl.');
    expect(await getItem(world.api.deps, clerk, requested)).toMatchObject({ dueDate: '2027-06-30', lastDeadlineReason: 'Beviljat av kommundirektören 2027-03-22.' });
    expect(await page.locator('#forlangning').innerText()).toBe('Begäran om förlängning (0)');

    // An item closed with what was done.
    await page.goto(`${url}/arenden/${registered[1]}`);
    await page.locator('#klar > summary').click();
    await page.locator('#klar-note').fill('Återrapporterad KS 2027-03-22 § 60.');
    await page.getByRole('button', { name: 'Markera som klart' }).click();
    await page.waitForURL(/\?m=klart$/);
    expect(await flash()).toBe('Ärendet är markerat som klart.');
    expect((await getItem(world.api.deps, clerk, registered[1]!)).status).toBe('done');
    await close();
  }, FLOW_TIMEOUT_MS);

  it("an admin keeps the meeting plans (read from the body's calendar), the closed days, the units and the roles", async () => {
    const { url } = world.api;
    const { page, capture, signIn, flash, close } = await workspaceBrowser(world);
    await signIn(url, 'admin@kommun.example.se', 'Administratör');

    await page.goto(`${url}/admin/sammantradesplaner`);
    await capture('sammantradesplaner');
    await page.getByRole('link', { name: 'KS 2027' }).click();
    await page.waitForURL(`${url}/admin/sammantradesplaner/KS/2027`);
    await page.getByLabel('Kalenderfil (.ics)').setInputFiles({
      name: 'ks-2027.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'SUMMARY:KS sammanträde', 'DTSTART;TZID=Europe/Stockholm:20271018T090000', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b', 'SUMMARY:KS sammanträde', 'DTSTART:20271206T080000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
      ),
    });
    await page.getByRole('button', { name: 'Läs in datumen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#inlast').innerText()).toBe('2 sammanträden 2027 hittades i filen ks-2027.ics');
    expect(await page.getByLabel('Sammanträdesdatum').inputValue()).toBe('2027-10-18\n2027-12-06');
    await capture('sammantradesplan');

    await page.goto(`${url}/admin/stangda-dagar/2027`);
    await page.getByLabel('Stängda dagar').fill('2027-05-07');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/m=stangda-dagar-sparade/);
    await capture('stangda-dagar');

    await page.goto(`${url}/admin/enheter`);
    await page.getByLabel('Enhet', { exact: true }).fill('Miljö- och samhällsbyggnadsförvaltningen');
    await page.getByLabel('Chef (namn)').fill('Ali Nur');
    await page.getByLabel('Chef (e-post)').fill('ali.nur@kommun.example.se');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/m=enhet-sparad/);
    expect(await flash()).toBe('Enhetens chef är sparad.');
    await capture('enheter');

    await page.goto(`${url}/admin/roller`);
    await page.getByLabel('Roll', { exact: true }).fill('kommundirektören');
    await page.getByLabel('Namn').fill('Kim Berg');
    await page.getByLabel('E-post').fill('kim.berg@kommun.example.se');
    await page.getByLabel('Enhet').fill('Kommunledningskontoret');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/m=roll-sparad/);
    await capture('roller');
    await close();
  }, FLOW_TIMEOUT_MS);

  it('an official sees their own items, and is refused a registrar\'s page in Swedish; an unknown item is a 404 page', async () => {
    const { url } = world.api;
    const { page, capture, signIn, close } = await workspaceBrowser(world);
    await signIn(url, eva.email, 'Handläggare');
    expect(page.url()).toBe(`${url}/arenden`);
    const mine = await listAllItems(world.api.deps, { who: eva.email, roles: new Set() }, { limit: 100 }, 100);
    expect(await page.locator('tbody tr').count()).toBe(mine.length);
    await capture('arenden-handlaggare');

    await page.goto(`${url}/registrera`);
    expect(await page.locator('h1').innerText()).toBe('Du har inte behörighet till sidan');
    await capture('fel-403');
    await page.goto(`${url}/arenden/finns-inte`);
    expect(await page.locator('h1').innerText()).toBe('Sidan finns inte');
    await capture('fel-404');
    await close();
  }, FLOW_TIMEOUT_MS);
});
