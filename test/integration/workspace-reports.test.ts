import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import { XLSX_TYPE } from '../../shared/views/spreadsheets/table';
import { registrar, tokenFor, type Who } from '../support/api';
import { routeServer } from '../support/route-server';
import { localSessionSettings, open, pageText, sessionFor, type Browserish } from '../support/workspace';

/**
 * Rapporter: the council reports by the session cookie. A registrar opens each report from the
 * workspace and gets the very page and rows the API (`GET /reports/*`, a bearer token) gives, as
 * a page, CSV or XLSX; officials and managers get a Swedish 403 page; a wrong parameter is shown on
 * Rapporter beside its field. On a table of their own, at 3 May 2027.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
let clerk: Browserish;
const clerkCaller = { who: registrar.email, roles: new Set(['registrar'] as const) };
const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
const official: Who = { email: 'ali.nur@kommun.example.se' };
const manager: Who = { email: 'chef.socialforvaltningen@kommun.example.se', roles: ['manager'], unit: 'Socialförvaltningen' };

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2026-12-01T08:00:00+01:00');
  await server.deps.plans.saveMeetingPlan({ body: 'KF', year: 2026, leadWorkingDays: 20, dates: ['2026-02-23', '2026-04-20', '2026-06-15', '2026-09-21', '2026-10-19', '2026-11-23', '2026-12-14'] }, 'admin@kommun.example.se', '2026-01-01T08:00:00.000Z');
  await server.deps.plans.saveMeetingPlan({ body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-04-19', '2027-06-14', '2027-09-20', '2027-10-18', '2027-11-22', '2027-12-13'] }, 'admin@kommun.example.se', '2026-01-01T08:00:00.000Z');
  const motion = (title: string, raised: string, paragraph: string) =>
    createItem(server.deps, clerkCaller, { kind: 'motion', title, caseNumber: `KS ${raised.slice(0, 4)}/${paragraph}`, decision: { body: 'KF', date: raised, paragraph: `§ ${paragraph}` }, responsible: kim, unit: 'Barn- och utbildningsförvaltningen', due: { raised } });
  const commission = (title: string, dueDate: string, paragraph: string) =>
    createItem(server.deps, clerkCaller, { kind: 'uppdrag', title, caseNumber: `KS 2027/${paragraph}`, decision: { body: 'KS', date: '2027-02-08', paragraph: `§ ${paragraph}` }, responsible: kim, unit: 'Socialförvaltningen', due: { date: dueDate } });
  await motion('Motion om fri simskola för vuxna', '2026-04-20', '41');
  await motion('Motion om solceller på kommunens tak', '2026-09-21', '88');
  server.deps.at('2027-02-10T10:00:00+01:00');
  await commission('Utreda hemtjänstens nattpatrull', '2027-06-30', '12');
  await commission('Ta fram en plan för trygghetsboenden', '2027-09-30', '13');
  server.deps.at('2027-05-03T09:00:00+02:00');
  clerk = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);
}, 60_000);
afterAll(async () => server?.stop());

/** The API's answer to a registrar's bearer token, as bytes. */
async function fromApi(path: string, accept: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${await tokenFor(registrar)}`, accept } });
  expect(response.status).toBe(200);
  return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The workspace's answer to the registrar's session cookie, as bytes. */
async function fromWorkspace(path: string, as: Browserish = clerk) {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: as.cookie } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** Every row of a workbook's first sheet, as values. */
async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const REPORTS = [
  ['balanslista', '/rapporter/balanslista?asOf=2027-05-15', '/reports/balanslista?asOf=2027-05-15', 'balanslista-2027-05-15', ['Motion om fri simskola för vuxna', 'Motion om solceller på kommunens tak']],
  ['verkställighet', '/rapporter/verkstallighet?body=KS&asOf=2027-05-15', '/reports/verkstallighet?body=KS&asOf=2027-05-15', 'verkstallighet-KS-2027-05-15', ['Utreda hemtjänstens nattpatrull', 'Ta fram en plan för trygghetsboenden']],
  ['statistik', '/rapporter/statistik?from=2027-01-01&to=2027-12-31', '/reports/statistik?from=2027-01-01&to=2027-12-31', 'statistik-2027-01-01-2027-12-31', ['Utreda hemtjänstens nattpatrull', 'Ta fram en plan för trygghetsboenden']],
] as const;

describe('Rapporter: the page of forms', () => {
  it('offers a registrar the three reports, today and this calendar year filled in, each form downloading what is typed in it as CSV or Excel', async () => {
    const page = await open(server.url, '/rapporter', clerk);

    expect(page.status).toBe(200);
    const text = pageText(page.text);
    expect(text).toContain('Obesvarade motioner (balanslista)');
    expect(text).toContain('Uppföljning av ett organs beslut (verkställighet)');
    expect(text).toContain('Statistik över verkställighet');
    expect(page.text).toContain('<a href="/rapporter" aria-current="page">Rapporter</a>');
    expect(page.text).toMatch(/id="balanslista-asOf" name="asOf" type="date" value="2027-05-03"/);
    expect(page.text).toMatch(/id="statistik-from" name="from" type="date" value="2027-01-01"/);
    expect(page.text).toMatch(/id="statistik-to" name="to" type="date" value="2027-12-31"/);
    // The downloads are the forms' own buttons: a link fixed to today's values would ignore what is typed (and Organ has none).
    for (const name of ['balanslista', 'verkstallighet', 'statistik']) {
      const form = page.text.match(new RegExp(`<form method="get" action="/rapporter/${name}"[\\s\\S]*?</form>`))?.[0] ?? '';
      expect(form).toContain('<button type="submit" name="format" value="csv" class="ds-button" data-variant="secondary">Ladda ner som CSV</button>');
      expect(form).toContain('<button type="submit" name="format" value="xlsx" class="ds-button" data-variant="secondary">Ladda ner som Excel (XLSX)</button>');
    }
    expect(page.text).not.toContain('format=csv');
    expect(page.text).toContain('<option value="KF"></option>');
  });

  it('is in the navigation of registrars and admins only', async () => {
    const officialSession = await sessionFor(localSessionSettings(server.url), server.deps.clock, official);
    expect((await open(server.url, '/arenden', clerk)).text).toContain('href="/rapporter"');
    expect((await open(server.url, '/arenden', officialSession)).text).not.toContain('href="/rapporter"');
  });
});

describe.each(REPORTS)('the %s by the session', (_, workspacePath, apiPath, basename, titles) => {
  it('is the very page the API prints, with the report’s items, and links to itself as CSV and Excel for the same parameters', async () => {
    const [ours, api] = await Promise.all([fromWorkspace(workspacePath), fromApi(apiPath, 'text/html')]);

    expect(ours.status).toBe(200);
    expect(ours.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ours.headers.get('content-security-policy')).toBe(api.headers.get('content-security-policy'));
    const downloads = /<ul class="no-print" aria-label="Ladda ner rapporten">.*?<\/ul>/s;
    const links = ours.body.toString('utf8').match(downloads)?.[0] ?? '';
    const same = workspacePath.replaceAll('&', '&amp;');
    expect(links).toContain(`<a href="${same}&amp;format=csv">Ladda ner som CSV</a>`);
    expect(links).toContain(`<a href="${same}&amp;format=xlsx">Ladda ner som Excel (XLSX)</a>`);
    // The page has no menu: the way back to Rapporter is beside the downloads.
    expect(links).toContain('<a href="/rapporter">Tillbaka till Rapporter</a>');
    expect(api.body.toString('utf8')).not.toContain('Ladda ner');
    expect(ours.body.toString('utf8').replace(downloads, '')).toBe(api.body.toString('utf8'));
    for (const title of titles) expect(pageText(ours.body.toString('utf8'))).toContain(title);
  });

  it('downloads as CSV with the API’s rows', async () => {
    const [ours, api] = await Promise.all([fromWorkspace(`${workspacePath}&format=csv`), fromApi(apiPath, 'text/csv')]);

    expect(ours.status).toBe(200);
    expect(ours.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ours.headers.get('content-disposition')).toBe(`attachment; filename="${basename}.csv"`);
    expect(ours.body.toString('utf8')).toBe(api.body.toString('utf8'));
  });

  it('downloads as Excel (XLSX) with the API’s rows', async () => {
    const [ours, api] = await Promise.all([fromWorkspace(`${workspacePath}&format=xlsx`), fromApi(apiPath, XLSX_TYPE)]);

    expect(ours.status).toBe(200);
    expect(ours.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(ours.headers.get('content-disposition')).toBe(`attachment; filename="${basename}.xlsx"`);
    const rows = await sheetRows(ours.body);
    expect(rows).toEqual(await sheetRows(api.body));
    expect(rows.length).toBeGreaterThan(1);
  });

  it.each([
    ['an official', official],
    ['a manager', manager],
  ])('is refused to %s with a Swedish page', async (__, who) => {
    const as = await sessionFor(localSessionSettings(server.url), server.deps.clock, who);

    const answer = await open(server.url, workspacePath, as);

    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageText(answer.text)).toContain('Du har inte behörighet till sidan');
    for (const title of titles) expect(answer.text).not.toContain(title);
  });
});

describe('a wrong parameter is said on Rapporter, beside its field', () => {
  it.each([
    ['a date that does not exist', '/rapporter/balanslista?asOf=2027-02-30', 'balanslista-asOf', '2027-02-30', 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.'],
    ['no body to follow up', '/rapporter/verkstallighet?body=&asOf=2027-05-03', 'verkstallighet-body', '', 'Skriv organets förkortning, t.ex. KS.'],
    ['a body in lower case', '/rapporter/verkstallighet?body=ks', 'verkstallighet-body', 'ks', 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.'],
    ['"till" before "från"', '/rapporter/statistik?from=2027-06-01&to=2027-05-31', 'statistik-to', '2027-05-31', 'Ska vara samma dag som från eller senare.'],
    ['a "till" that does not exist', '/rapporter/statistik?from=2027-01-01&to=2027-04-31', 'statistik-to', '2027-04-31', 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.'],
  ])('%s', async (_, path, id, typed, message) => {
    const answer = await open(server.url, path, clerk);

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain(`<p class="ds-validation-message" data-field="validation" id="${id}-fel">${message}</p>`);
    // What was typed stays in the field (an empty value renders as a bare `value`), marked invalid.
    expect(answer.text).toMatch(new RegExp(`id="${id}" name="[a-zA-Z]+" type="(text|date)" ${typed ? `value="${typed}"` : 'value'} [^>]*aria-invalid="true"`));
    expect(answer.text).toContain(`<a href="#${id}">`);
    // The other reports' forms keep their defaults, and no download is offered for what is wrong.
    expect(answer.text).toMatch(/id="balanslista-asOf" name="asOf" type="date" value="2027-0[25]-[0-9]{2}"/);
    expect(answer.text).not.toContain(`${path.split('?')[0]}?${new URL(path, 'http://x').searchParams}&amp;format=csv`);
  });

  it('a body the municipality does not have (no meeting plan, no item): 422, said beside the field, no "Uppföljning av XYZ:s beslut"', async () => {
    const message = 'Kommunen har inget organ som heter XYZ: det har ingen sammanträdesplan och inget ärende. Kontrollera förkortningen, t.ex. KS.';

    const page = await open(server.url, '/rapporter/verkstallighet?body=XYZ&asOf=2027-05-03', clerk);
    const api = await fetch(`${server.url}/reports/verkstallighet?body=XYZ`, { headers: { authorization: `Bearer ${await tokenFor(registrar)}` } });

    expect(page.status).toBe(422);
    expect(page.text).toContain(`<p class="ds-validation-message" data-field="validation" id="verkstallighet-body-fel">${message}</p>`);
    expect(page.text).not.toContain('Uppföljning av XYZ:s beslut');
    expect(api.status).toBe(422);
    expect(await api.json()).toMatchObject({ code: 'unknown_body', message, issues: [{ path: 'body', message }] });
  });
});
