import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_HEADERS, STYLESHEET } from '../../shared/views/assets/stylesheet';
import { WORKSPACE_PAGE_HEADERS } from '../../shared/views/render';
import { closedDaysPage, planPage, plansPage, publicBodiesPage, rolesPage, unitsPage } from '../../shared/views/workspace/admin';
import { errorPage, signedOutPage } from '../../shared/views/workspace/errors';
import { itemFormName, itemFormValues, parseItemForm, parseListQuery, parsePreviewForm, parseRegisterForm, type ListCommand, type PreviewCommand } from '../../shared/views/workspace/forms';
import { itemPage } from '../../shared/views/workspace/item';
import { itemListPage } from '../../shared/views/workspace/items';
import { sortItems } from '../../shared/application/items/service';
import { DEFAULT_SORT } from '../../shared/application/items/query';
import type { FieldErrors, ItemPageModel, RegisterField, RegisterModel } from '../../shared/views/workspace/models';
import { overviewPage } from '../../shared/views/workspace/overview';
import { registerPage } from '../../shared/views/workspace/register';
import { reportsPage, type ReportsModel } from '../../shared/views/workspace/reports';
import { signInPage } from '../../shared/views/workspace/sign-in';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser';
import { admin, changedMeanwhile, context, eTjanst, eTjanstHistory, ITEMS, klimat, manager, motion, NOTHING_KEPT, official, remiss, sn } from '../unit/workspace-fixtures';

/**
 * Every workspace page rendered from realistic view models (Monday 3 May 2027), served with its
 * headers and its stylesheet as the routes will serve them, in headless Chromium: at 1280 px, at
 * 390 px and printed, with axe-core, and without JavaScript. A stand-in for the wiring answers
 * the forms with the real parsers, so the no-JavaScript checks post real forms.
 */

const registerModel = (extra: Partial<RegisterModel> = {}): RegisterModel => ({
  ...context(),
  form: { values: { idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b' } },
  bodies: ['KF', 'KS', 'SN', 'BUN'],
  units: ['Kommunledningskontoret', 'Miljö- och samhällsbyggnadsförvaltningen'],
  ...extra,
});

const reportsModel = (forms: Partial<ReportsModel['forms']> = {}): ReportsModel => ({
  ...context(),
  forms: {
    balanslista: { values: { asOf: '2027-05-03' } },
    verkstallighet: { values: { asOf: '2027-05-03' } },
    statistik: { values: { from: '2027-01-01', to: '2027-12-31' } },
    ...forms,
  },
  bodies: ['KF', 'KS', 'SN', 'BUN'],
  units: ['Kommunledningskontoret', 'Miljö- och samhällsbyggnadsförvaltningen'],
});

const itemModel = (extra: Partial<ItemPageModel> = {}): ItemPageModel => ({ ...context(), item: eTjanst, history: eTjanstHistory, ...extra });

const listPage = (query: URLSearchParams, viewer = context()) => {
  const parsed = parseListQuery(query);
  const filters = { values: Object.fromEntries(query), ...(parsed.ok ? {} : { errors: parsed.errors }) };
  const sort = parsed.ok ? parsed.command.sort : DEFAULT_SORT;
  return itemListPage({ ...viewer, filters, sort, items: sortItems(ITEMS, sort), nextCursor: 'eyJwIjoib3BlbiJ9', paged: query.has('cursor'), units: ['Kommunledningskontoret', 'Miljö- och samhällsbyggnadsförvaltningen'] });
};

/** The pages, by the name their screenshots carry. */
const PAGES: Record<string, (query: URLSearchParams) => string> = {
  oversikt: () =>
    overviewPage({
      ...context(undefined, { flash: { kind: 'success', text: 'Förlängningen är beviljad. Handläggaren får besked i nästa mejl.' } }),
      extensionRequests: [eTjanst],
      reassignRequests: [klimat],
      attention: [remiss, { ...sn, attention: 'meeting_already_held' }],
      overdue: [klimat],
      noManager: [klimat],
      motionsNearLimit: [motion],
    }),
  arenden: (query) => listPage(query),
  'arenden-chef': (query) => listPage(query, context(manager)),
  arende: () => itemPage(itemModel()),
  'arende-andrat': () =>
    itemPage(
      itemModel({
        item: { ...klimat, version: 5, due: { date: '2027-06-14' }, dueDate: '2027-06-14', dueExplanation: 'Angiven sista dag: måndag 14 juni 2027.', state: 'open', daysLeft: 42 },
        history: [{ at: klimat.createdAt, by: klimat.createdBy, action: 'created', changes: {} }, ...changedMeanwhile],
        changedMeanwhile,
        // What the registrar typed, on the item as it was when the form was shown.
        form: { name: 'change', state: { values: { ...itemFormValues(klimat), dueDate: '2027-05-31', reason: 'Förlängt enligt MSN 2027-04-28 § 61' } } },
        yourChange: { due: { date: '2027-05-31' }, reason: 'Förlängt enligt MSN 2027-04-28 § 61' },
      }),
    ),
  // The item's official, signed in: the four actions of their email link page.
  'arende-handlaggare': () => itemPage(itemModel({ ...context(official), form: { name: 'extension', state: { values: { dueDate: '2027-09-01' }, errors: { reason: 'Skriv ett skäl.' } } } })),
  'arende-yttrande': () =>
    itemPage(
      itemModel({
        item: remiss,
        history: [
          { at: '2027-03-03T08:15:00.000Z', by: 'lena.holm@kommun.example.se', action: 'created', changes: {} },
          {
            at: '2027-04-27T11:02:00.000Z',
            by: 'admin@kommun.example.se',
            action: 'recomputed',
            changes: { attention: { from: null, to: 'no_meeting_in_time' } },
            reason: 'KS sammanträde 24 maj 2027 ställdes in.',
          },
        ],
      }),
    ),
  // Long Swedish compounds in the headings (the item's title is the page's h1, its body and unit in h2s).
  'arende-langa-ord': () =>
    itemPage(itemModel({ item: { ...eTjanst, title: 'Återrapporteringsuppdrag om samhällsbyggnadsförvaltningens dagvattenhanteringsplan', unit: 'Miljö- och samhällsbyggnadsförvaltningen' } })),
  registrera: () => registerPage(registerModel()),
  'registrera-fel': () =>
    registerPage(
      registerModel({
        form: {
          values: { idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b', kind: 'aterrapportering', title: '', dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2027-13' },
          errors: { title: 'Skriv en rubrik.', responsibleName: 'Skriv den ansvariges namn.', meetingMonth: 'Ska vara en månad, ÅÅÅÅ-MM.' },
        },
        preview: { ok: false, message: 'KS har inget sammanträde i december 2027. Närmaste: 13 september och 29 november 2027.' },
      }),
    ),
  rapporter: () => reportsPage(reportsModel()),
  'rapporter-fel': () =>
    reportsPage(
      reportsModel({
        verkstallighet: { values: { body: '', asOf: '2027-02-30' }, errors: { body: 'Skriv organets förkortning, t.ex. KS.', asOf: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' } },
        statistik: { values: { from: '2027-06-01', to: '2027-05-31', kind: 'motion' }, errors: { to: 'Ska vara samma dag som från eller senare.' } },
      }),
    ),
  sammantradesplaner: () => plansPage({ ...context(admin), plans: [{ body: 'KF', years: [2027] }, { body: 'KS', years: [2026, 2027, 2028] }, { body: 'MSN', years: [2027] }], closedDayYears: [2027] }),
  sammantradesplan: () =>
    planPage({
      ...context(admin),
      body: 'KS',
      year: 2027,
      stored: { leadWorkingDays: 15, dates: ['2027-01-25', '2027-03-01'] },
      form: { values: { mentions: 'KS' } },
      imported: {
        fileName: 'kommunstyrelsen-2027.ics',
        meetings: [
          { date: '2027-01-25', summary: 'Kommunstyrelsen (KS) sammanträde' },
          { date: '2027-03-01', summary: 'KS sammanträde' },
          { date: '2027-04-26', summary: 'KS sammanträde' },
          { date: '2027-06-07', summary: 'KS sammanträde' },
          { date: '2027-09-13', summary: 'KS sammanträde' },
          { date: '2027-11-29', summary: 'KS budgetsammanträde' },
        ],
      },
    }),
  'stangda-dagar': () => closedDaysPage({ ...context(admin), year: 2027, stored: ['2027-05-07', '2027-12-27'], form: { values: {} } }),
  enheter: () =>
    unitsPage({
      ...context(admin),
      units: [
        { unit: 'Miljö- och samhällsbyggnadsförvaltningen', manager: { name: 'Eva Lind', email: 'eva.lind@kommun.example.se' }, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-04-01T08:00:00.000Z' },
        { unit: 'Socialförvaltningen', manager: { name: 'Olle Ek', email: 'olle.ek@kommun.example.se' }, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-02-15T13:20:00.000Z' },
      ],
      form: { values: { unit: 'Kultur- och fritidsförvaltningen', managerName: 'Maja Öberg', managerEmail: 'maja' }, errors: { managerEmail: 'Ska vara en e-postadress.' } },
    }),
  roller: () =>
    rolesPage({
      ...context(admin),
      roles: [
        { role: 'kommundirektör', name: 'Anna Ek', email: 'anna.ek@kommun.example.se', unit: 'Kommunledningskontoret' },
        { role: 'socialchef', name: 'Olle Ek', email: 'olle.ek@kommun.example.se', unit: 'Socialförvaltningen' },
      ],
      form: { values: {} },
    }),
  offentliga: () =>
    publicBodiesPage({
      ...context(admin, { flash: { kind: 'success', text: 'Organets offentliga sida är öppen för alla.' } }),
      bodies: [
        { body: 'BUN', public: false, showNames: false, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-03-02T14:05:00.000Z' },
        { body: 'KS', public: true, showNames: true, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-05-03T07:12:00.000Z' },
        { body: 'SAMHÄLLSBYGGNADSNÄMND', public: true, showNames: false, updatedBy: 'administrator.med.langt.namn@kommun.example.se', updatedAt: '2027-04-20T09:30:00.000Z' },
      ],
      form: { values: { body: 'Social nämnden', public: 'ja' }, errors: { body: 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.' } },
    }),
  'logga-in': () => signInPage({ form: { values: { role: 'manager' }, errors: { unit: 'En chef loggar in för en enhet: skriv vilken.' } }, returnTo: '/arenden', reason: 'expired' }),
  'fel-403': () => errorPage({ status: 403, context: context(manager) }),
  'fel-404': () => errorPage({ status: 404, context: context() }),
  'fel-503': () => errorPage({ status: 503 }),
  utloggad: () => signedOutPage({ signIn: '/logga-in?returnTo=%2Farenden', hours: 8, form: NOTHING_KEPT }),
  'utloggad-formular-kvar': () =>
    signedOutPage({
      signIn: '/logga-in?returnTo=%2Fgranska',
      hours: 8,
      form: {
        action: '/granska',
        fields: [['text', '§ 31 Dnr KS 2027/45\nPlan för tillgängliga lekplatser\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för tillgängliga lekplatser senast den 30 september 2027.'], ['title', 'Ta fram en plan för tillgängliga lekplatser']],
        multipart: true,
        files: true,
        tooLarge: false,
        ticket: 'biljett',
      },
    }),
};

/** What the stand-in wiring received from the forms. */
const received: { preview?: PreviewCommand; register?: unknown; list?: ListCommand; item?: unknown } = {};

async function body(request: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return new URLSearchParams(text);
}

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const page = (html: string, status = 200) => {
        response.writeHead(status, WORKSPACE_PAGE_HEADERS as Record<string, string>);
        response.end(html);
      };
      if (url.pathname === `/assets/${STYLESHEET.fileName}`) {
        response.writeHead(200, { 'content-type': STYLESHEET.contentType, ...ASSET_HEADERS });
        return response.end(STYLESHEET.body);
      }
      if (request.method === 'POST' && url.pathname === '/registrera') {
        const form = await body(request);
        if (form.get('intent') === 'preview') {
          const parsed = parsePreviewForm(form);
          if (parsed.ok) received.preview = parsed.command;
          return page(
            registerPage(
              registerModel({
                form: { values: Object.fromEntries(form), ...(parsed.ok ? {} : { errors: parsed.errors }) },
                ...(parsed.ok ? { preview: { ok: true, dueDate: '2027-08-23', meetingDate: '2027-09-13', dueExplanation: eTjanst.dueExplanation } } : {}),
              }),
            ),
          );
        }
        const parsed = parseRegisterForm(form);
        if (parsed.ok) received.register = parsed.command;
        return page(registerPage(registerModel({ form: { values: Object.fromEntries(form), errors: parsed.ok ? ({} as FieldErrors<RegisterField>) : parsed.errors } })));
      }
      if (request.method === 'POST' && url.pathname === `/arenden/${eTjanst.id}`) {
        const form = await body(request);
        const name = itemFormName(form)!;
        const parsed = parseItemForm(name as Parameters<typeof parseItemForm>[0], form, eTjanst);
        if (!parsed.ok) return page(itemPage(itemModel({ form: { name, state: { values: Object.fromEntries(form), errors: parsed.errors } } })), 400);
        received.item = parsed.command;
        response.writeHead(303, { location: form.get('returnTo') ?? url.pathname });
        return response.end();
      }
      if (url.pathname === '/arenden') {
        const parsed = parseListQuery(url.searchParams);
        if (parsed.ok) received.list = parsed.command;
      }
      const render = PAGES[url.pathname.slice(1) || 'oversikt'];
      if (!render) return page(errorPage({ status: 404 }), 404);
      return page(render(url.searchParams));
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A context without JavaScript, as the pages are meant to work; CSP refusals are collected. */
async function noScript(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; refused: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport, locale: 'sv-SE' });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return { context, page, refused };
}

/** A4's width less the stylesheet's print margins (210 mm − 2 × 12 mm) in CSS pixels: the width a printed page lays out in. */
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/**
 * The h1 and h2 that would break a long Swedish compound badly: not hyphenated as Swedish
 * (`lang` sv and `hyphens: auto`, so "Återrapporteringsuppdrag" breaks at a syllable with a
 * hyphen where the browser has Swedish hyphenation), or wider than their box.
 */
const headingsBreakingBadly = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2')]
      .filter((h) => h.closest('[lang]')?.getAttribute('lang') !== 'sv' || getComputedStyle(h).hyphens !== 'auto' || h.scrollWidth > h.clientWidth)
      .map((h) => `${h.tagName} ${h.textContent!.trim()}: lang ${h.closest('[lang]')?.getAttribute('lang')}, hyphens ${getComputedStyle(h).hyphens}, ${h.scrollWidth}/${h.clientWidth} px`),
  );

const styled = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-color-accent-base-default').trim() !== '');

describe('the workspace pages in Chromium', () => {
  it.each(Object.keys(PAGES))('%s: at 1280 px and 390 px and printed, styled, without a CSP refusal, with no serious axe violation', async (name) => {
    const path = `/${name}`;
    const shots: string[] = [];
    for (const [suffix, viewport] of [['', { width: 1280, height: 900 }], ['-phone', { width: 390, height: 844 }]] as const) {
      const { context, page, refused } = await noScript(viewport);
      const response = await page.goto(`${base}${path}`);
      expect(response?.headers()['content-security-policy']).toBe(WORKSPACE_PAGE_HEADERS['content-security-policy']);
      expect(await styled(page)).toBe(true);
      // Nothing runs off the side of a phone: long titles and unit names wrap.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // Headings hyphenate as Swedish (where the browser can) and never stick out of their box.
      expect(await headingsBreakingBadly(page)).toEqual([]);
      expect(await page.locator('h1').count()).toBe(1);
      shots.push(await screenshot(page, `workspace-${name}${suffix}`));
      expect(refused).toEqual([]);
      await context.close();

      // axe-core runs in a context with JavaScript (it is a script); the page is the same.
      const checked = await browser.newPage({ viewport, locale: 'sv-SE' });
      await checked.goto(`${base}${path}`);
      expect(await seriousViolations(checked)).toEqual([]);
      await checked.close();
    }

    const { context, page, refused } = await noScript({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}${path}`);
    // On paper: no navigation, no forms, no skip link.
    expect(await page.locator('.site-nav, form, .ds-skip-link').evaluateAll((nodes) => nodes.filter((n) => getComputedStyle(n).display !== 'none').length)).toBe(0);
    shots.push(await screenshot(page, `workspace-${name}-print`));
    expect(refused).toEqual([]);
    await context.close();
    expect(shots.map((shot) => shot.replace(/.*\//, ''))).toEqual([`workspace-${name}.png`, `workspace-${name}-phone.png`, `workspace-${name}-print.png`]);
  });

  it('Ärenden printed on A4: every column, Status too, is within the page width, nothing cut off', async () => {
    const { context, page } = await noScript({ width: A4_PRINT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}/arenden`);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      const headers = [...document.querySelectorAll('thead th')];
      return {
        page: document.documentElement.scrollWidth,
        // A wrapper that scrolls would print only the part in view.
        hidden: wrap.scrollWidth - wrap.clientWidth,
        columns: headers.map((th) => th.textContent!.trim().replace(/ .*/, '')),
        beyond: headers.filter((th) => th.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 0.5).map((th) => th.textContent!.trim()),
      };
    });
    await screenshot(page, 'workspace-arenden-print-a4');
    await context.close();
    expect(fit.columns).toEqual(['Rubrik', 'Typ', 'Enhet', 'Ansvarig', 'Tidsfrist', 'Status']);
    expect(fit.beyond).toEqual([]);
    expect(fit.hidden).toBe(0);
    expect(fit.page).toBeLessThanOrEqual(A4_PRINT_WIDTH);
  });

  it('Översikt printed: "Utan chef att eskalera till" leaves out its Åtgärd column of links, which do nothing on paper', async () => {
    const { context, page } = await noScript({ width: A4_PRINT_WIDTH, height: 1000 });
    await page.goto(`${base}/oversikt`);
    const headers = () => page.locator('section[aria-labelledby="utan-chef"] thead th').evaluateAll((cells) => cells.filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.textContent!.trim()));
    const onScreen = await headers();
    await page.emulateMedia({ media: 'print' });
    const printed = await headers();
    const links = await page.locator('section[aria-labelledby="utan-chef"] tbody a').evaluateAll((nodes) => nodes.filter((n) => n.getClientRects().length > 0).map((n) => n.textContent!.trim()));
    await screenshot(page, 'workspace-oversikt-utan-chef-print');
    await context.close();

    expect(onScreen).toContain('Åtgärd');
    expect(printed).not.toContain('Åtgärd');
    expect(printed.length).toBe(onScreen.length - 1);
    expect(links).not.toContain('Ange chef');
  });

  it('a printed page is a PDF of the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/arenden`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

describe('the workspace without JavaScript', () => {
  it('Ärenden: the column links sort, the filter form filters, the stacked table keeps its labels on a phone', async () => {
    const { context, page } = await noScript({ width: 390, height: 844 });
    await page.goto(`${base}/arenden?state=open`);
    expect(await page.locator('td[data-label="Tidsfrist"]').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Tidsfrist"');
    await page.getByRole('link', { name: 'Rubrik', exact: true }).click();
    await page.waitForURL(/sort=title/);
    expect(received.list).toMatchObject({ state: 'open', sort: { key: 'title', direction: 'ascending' } });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Rubrik');

    await page.getByLabel('Sök i rubrik och diarienummer').fill('klimat');
    await page.getByLabel('Status').selectOption({ label: 'Försenade' });
    await page.getByLabel('Behöver åtgärd').check();
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/q=klimat/);
    expect(received.list).toEqual({ q: 'klimat', state: 'overdue', attention: 'any', sort: { key: 'title', direction: 'ascending' } });
    await page.getByRole('link', { name: 'Nästa sida' }).click();
    await page.waitForURL(/cursor=/);
    expect(received.list).toMatchObject({ q: 'klimat', cursor: 'eyJwIjoib3BlbiJ9' });
    expect(await page.getByRole('link', { name: 'Ladda ner som CSV' }).getAttribute('href')).toBe('/arenden?q=klimat&state=overdue&attention=any&sort=title&format=csv');
    await context.close();
  });

  it('Registrera: "Visa tidsfrist" posts the filled form and shows the deadline, keeping what was typed', async () => {
    const { context, page } = await noScript({ width: 1280, height: 900 });
    await page.goto(`${base}/registrera`);
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Återrapportering' });
    await page.getByLabel('Rubrik', { exact: true }).fill('Utreda formerna för en gemensam e-tjänstplattform');
    await page.getByLabel('Organ', { exact: true }).fill('KS');
    await page.getByLabel('Beslutsdatum').fill('2026-03-11');
    await page.getByLabel('Till sammanträde').check();
    await page.getByLabel('Sammanträdets organ').fill('KS');
    await page.getByLabel('Månad', { exact: true }).fill('2027-09');
    await page.getByRole('button', { name: 'Visa tidsfrist' }).click();
    await page.waitForLoadState();
    expect(received.preview).toEqual({ kind: 'aterrapportering', decision: { body: 'KS', date: '2026-03-11' }, due: { meeting: { body: 'KS', month: '2027-09' } } });
    expect(await page.locator('#tidsfrist-resultat').textContent()).toContain('Tidsfrist: måndag 23 augusti 2027');
    expect(await page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe('Utreda formerna för en gemensam e-tjänstplattform');
    expect(await page.getByLabel('Till sammanträde').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.waitForLoadState();
    // Not all filled in: the summary at the top links to the fields, each says what is missing.
    const summary = page.locator('.ds-error-summary');
    expect(await summary.locator('a').allTextContents()).toEqual(["Ansvarig (namn): Skriv den ansvariges namn.", "Ansvarig (e-post): Skriv den ansvariges e-postadress.", 'Enhet: Skriv vilken enhet (förvaltning) ärendet hör till.']);
    await summary.getByRole('link', { name: /^Enhet/ }).click();
    expect(page.url()).toMatch(/#unit$/);
    await page.getByLabel('Ansvarig (namn)').fill('Kim Berg');
    await page.getByLabel('Ansvarig (e-post)').fill('kim.berg@kommun.example.se');
    await page.getByLabel('Enhet', { exact: true }).fill('Kommunledningskontoret');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.waitForLoadState();
    expect(received.register).toEqual({
      idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b',
      body: {
        kind: 'aterrapportering',
        title: 'Utreda formerna för en gemensam e-tjänstplattform',
        decision: { body: 'KS', date: '2026-03-11' },
        responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
        unit: 'Kommunledningskontoret',
        due: { meeting: { body: 'KS', month: '2027-09' } },
      },
    });
    await context.close();
  });

  it('Ärende: the forms open without script and post the change with the version shown', async () => {
    const { context, page } = await noScript({ width: 1280, height: 900 });
    await page.goto(`${base}/arende`);
    await page.getByText('Avbryt ärendet', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Avbryt ärendet' }).click();
    await page.waitForLoadState();
    // Refused without a reason: the same form is open again with its error.
    expect(await page.locator('#avbryt[open] .ds-validation-message').textContent()).toBe('Skriv varför ärendet avbryts.');
    await page.locator('#avbryt-reason').fill('Beslutet upphävdes av KF 2027-04-26 § 40.');
    await page.getByRole('button', { name: 'Avbryt ärendet' }).click();
    await page.waitForURL(`${base}/arenden/${eTjanst.id}`);
    expect(received.item).toEqual({ version: 3, patch: { status: 'cancelled', reason: 'Beslutet upphävdes av KF 2027-04-26 § 40.' } });
    await context.close();
  });

  it('Översikt: granting a request is one form on the overview, and it comes back to the overview', async () => {
    const { context, page } = await noScript({ width: 390, height: 844 });
    await page.goto(`${base}/oversikt`);
    const card = page.locator('#forlangning ~ ul article').first();
    await card.getByLabel('Skäl').first().fill('Beviljad av KS ordförande 2027-05-03.');
    await card.getByRole('button', { name: 'Bevilja förlängning' }).click();
    await page.waitForURL(`${base}/`);
    expect(received.item).toEqual({ version: 3, patch: { due: { date: '2027-10-18' }, reason: 'Beviljad av KS ordförande 2027-05-03.' } });
    await context.close();
  });
});
