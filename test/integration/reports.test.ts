import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createItem, patchItem } from '../../shared/application/items/service';
import { reportStatus } from '../../shared/application/items/link-actions';
import { signLocalToken } from '../../local/tokens';
import type { Role } from '../../shared/domain/caller';
import { isolatedApi } from '../support/isolated-api';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
let seq = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${process.pid}.${++seq}@kommun.example.se` });

const KF_2026 = ['2026-02-23', '2026-04-20', '2026-06-15', '2026-09-21', '2026-10-19', '2026-11-23', '2026-12-14'];
const KF_2027 = ['2027-02-22', '2027-04-19', '2027-06-14', '2027-09-20', '2027-10-18', '2027-11-22', '2027-12-13'];

const HOSTILE = '<script>alert(1)</script> Motion om <b>fri</b> "simskola"; även för vuxna & äldre';
const FORMULA = '=SUM(1)';
const NOTE = 'Remitterad till BUN; svar väntas i juni.\nSe "PM 3" från förvaltningen.';
const REASON = 'Väntar på ny lagstiftning; "LSS-utredningen" är försenad.';

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;
const kim = person('Kim Berg');
const ali = person('Ali Nur');
const ids: Record<string, string> = {};

const motion = (title: string, raised: string, responsible = kim, unit = 'Barn- och utbildningsförvaltningen') =>
  createItem(api.deps, clerk, {
    kind: 'motion',
    title,
    caseNumber: `KS ${raised.slice(0, 4)}/${++seq}`,
    decision: { body: 'KF', date: raised, paragraph: `§ ${seq}` },
    responsible,
    unit,
    due: { raised },
  }).then((r) => r.item);

const commission = (title: string, body: string, dueDate: string, responsible = ali) =>
  createItem(api.deps, clerk, {
    kind: 'uppdrag',
    title,
    caseNumber: `${body} 2027/${++seq}`,
    decision: { body, date: '2027-02-22', paragraph: `§ ${seq}` },
    responsible,
    unit: 'Socialförvaltningen',
    due: { date: dueDate },
  }).then((r) => r.item);

beforeAll(async () => {
  api = await isolatedApi();
  await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2026, leadWorkingDays: 20, dates: KF_2026 }, 'admin@kommun.example.se', '2026-01-01T08:00:00.000Z');
  await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2027, leadWorkingDays: 20, dates: KF_2027 }, 'admin@kommun.example.se', '2026-01-01T08:00:00.000Z');

  api.deps.at('2027-05-03T09:00:00+02:00');
  // Raised 2026-04-20: the limit 2027-04-20 has passed on 2027-05-15.
  ids.over = (await motion(FORMULA, '2026-04-20')).id;
  // Raised 2026-06-15: 31 days left on 2027-05-15.
  ids.soon = (await motion(HOSTILE, '2026-06-15', ali, 'Socialförvaltningen')).id;
  // Raised 2026-09-21: 129 days left.
  ids.later = (await motion('Motion om solceller på kommunens tak', '2026-09-21')).id;
  // Answered: not on the list.
  const done = await motion('Motion om fler parkbänkar', '2026-02-23');
  await patchItem(api.deps, clerk, done.id, done.version, { status: 'done', note: 'Besvarad KF 2027-02-22 § 12' });
  ids.done = done.id;
  // Decided by KF but not a motion; and one decided by KS.
  const delayed = await commission('Ta fram en handlingsplan mot ensamhet', 'KF', '2027-06-30');
  ids.delayed = delayed.id;
  ids.ks = (await commission('Utreda nattbemanningen', 'KS', '2027-06-01')).id;

  api.deps.at('2027-05-05T10:00:00+02:00');
  await patchItem(api.deps, clerk, delayed.id, delayed.version, { due: { date: '2027-09-30' }, reason: REASON });
  await reportStatus(api.deps, ali.email, delayed.id, 'Utkast klart; remiss till pensionärsrådet i augusti.');
  await reportStatus(api.deps, kim.email, ids.over, 'Första lägesrapporten.');
  api.deps.at('2027-05-06T10:00:00+02:00');
  await reportStatus(api.deps, kim.email, ids.over, NOTE);

  // Registered after 15 May: not on a list as of that day.
  api.deps.at('2027-05-20T09:00:00+02:00');
  ids.registeredLater = (await motion('Motion om cykelbanor', '2026-11-23')).id;
  api.deps.at('2027-05-21T08:00:00+02:00');
});
afterAll(() => api.stop());

const registrar = { email: clerk.who, roles: ['registrar'] as Role[] };

async function get(path: string, who: { email: string; roles?: Role[]; unit?: string } = registrar, accept?: string) {
  const token = await signLocalToken({ email: who.email, roles: who.roles ?? [], ...(who.unit ? { unit: who.unit } : {}) }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) } });
  // Buffer keeps a byte-order mark that response.text() would strip.
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { status: response.status, headers: response.headers, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

const csvRecords = (text: string) => parse(text, { bom: true, delimiter: ';', columns: true, relax_quotes: false }) as Record<string, string>[];

describe('GET /reports/balanslista: "Redovisning av obesvarade motioner"', () => {
  it('lists every open motion registered by asOf, nearest statutory limit first, marked past or within 60 days', async () => {
    const response = await get('/reports/balanslista?asOf=2027-05-15');

    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ title: 'Redovisning av obesvarade motioner per 15 maj 2027', asOf: '2027-05-15', summary: { total: 3, over: 1, soon: 1 } });
    const rows = response.json.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([ids.over, ids.soon, ids.later]);
    expect(rows.map((r) => [r.raised, r.statutoryLimit, r.daysLeft, r.mark])).toEqual([
      ['2026-04-20', '2027-04-20', -25, 'over'],
      ['2026-06-15', '2027-06-15', 31, 'soon'],
      ['2026-09-21', '2027-09-21', 129, null],
    ]);
    expect(rows[1]).toMatchObject({ title: HOSTILE, body: 'KF', unit: 'Socialförvaltningen', responsible: ali, meetingDate: '2027-06-14' });
    expect(rows[1]!.decision).toMatch(/^KF 2026-06-15 § \d+, KS 2026\/\d+$/);
    expect(rows[0]!.statusReport).toMatchObject({ note: NOTE, by: kim.email });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('defaults asOf to today in Stockholm; a motion registered later then appears', async () => {
    api.deps.at('2027-05-20T23:30:00Z'); // 01:30 on 21 May in Stockholm
    const response = await get('/reports/balanslista');

    expect(response.json.asOf).toBe('2027-05-21');
    expect(response.json.rows.map((r: { id: string }) => r.id)).toEqual([ids.over, ids.soon, ids.later, ids.registeredLater]);
    expect(response.json.rows.map((r: { id: string }) => r.id)).not.toContain(ids.done);
    api.deps.at('2027-05-21T08:00:00+02:00');
  });

  it('exports CSV that parses back: BOM, ";", quoted ";", quotes and line breaks, formulas neutralized', async () => {
    const response = await get('/reports/balanslista?asOf=2027-05-15', registrar, 'text/csv');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="balanslista-2027-05-15.csv"');
    expect(response.text.startsWith('\ufeff')).toBe(true);
    expect(response.text).toContain('\r\n');
    const records = csvRecords(response.text);
    expect(records.map((r) => r.Id)).toEqual([ids.over, ids.soon, ids.later]);
    expect(records[0]).toMatchObject({
      Motion: `'${FORMULA}`,
      Väckt: '2026-04-20',
      'Lagstadgad gräns': '2027-04-20',
      'Dagar kvar (negativt = passerad)': '-25',
      Markering: 'Passerad',
      Organ: 'KF',
      Ansvarig: kim.name,
      'E-post': kim.email,
      'Senaste lägesrapport': NOTE,
      'Lägesrapportens datum': '2027-05-06',
    });
    expect(records[1]).toMatchObject({ Motion: HOSTILE, Markering: 'Inom 60 dagar', 'Ansvarig enhet': 'Socialförvaltningen', 'Dagar kvar (negativt = passerad)': '31' });
    expect(records[2]).toMatchObject({ Markering: '', 'Senaste lägesrapport': '' });
  });

  it('is a printable Swedish page with the heading, the marks in words and no raw user HTML', async () => {
    const response = await get('/reports/balanslista?asOf=2027-05-15', registrar, 'text/html');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(response.text).toContain('<h1>Redovisning av obesvarade motioner per 15 maj 2027</h1>');
    expect(response.text).toContain('kommunallagen 5 kap. 35 §');
    expect(response.text).toContain('3 obesvarade motioner. 1 motion har passerat ettårsgränsen (Passerad) och 1 motion når den inom 60 dagar (Inom 60 dagar).');
    expect(response.text).toContain('<strong class="late">Passerad</strong>');
    expect(response.text).toContain('<strong class="soon">Inom 60 dagar</strong>');
    expect(response.text).toContain('25 dagar över gränsen');
    expect(response.text).toContain('31 dagar kvar');
    expect(response.text).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt; Motion om &lt;b&gt;fri&lt;/b&gt; &quot;simskola&quot;; även för vuxna &amp; äldre<br>');
    expect(response.text).not.toMatch(/<script|<b>fri/i);
    expect(response.text).toContain('Uttag ur uppföljningssystemet 21 maj 2027 kl. 08:00.');
    expect(response.text).not.toContain('Länken i ditt e-postmeddelande är personlig');
    expect(response.text).toContain('<caption><h2>Obesvarade motioner (3)</h2></caption>');
  });

  it('a day before anything was registered has an empty list, said in words', async () => {
    const response = await get('/reports/balanslista?asOf=2027-01-01', registrar, 'text/html');

    expect(response.text).toContain('Det fanns inga obesvarade motioner den 1 januari 2027.');
    expect(response.text).not.toContain('<table');
    expect((await get('/reports/balanslista?asOf=2027-01-01')).json).toMatchObject({ rows: [], summary: { total: 0 } });
  });
});

describe('GET /reports/verkstallighet: the follow-up of a body\'s decisions', () => {
  it("lists only KF's open items, by deadline, with deadline changes, their reason and the latest lägesrapport", async () => {
    const response = await get('/reports/verkstallighet?body=KF&asOf=2027-05-15');

    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ title: 'Uppföljning av KF:s beslut per 15 maj 2027', body: 'KF', asOf: '2027-05-15', summary: { total: 4, deadlineChanged: 1 } });
    const rows = response.json.rows as { id: string; dueDate: string }[];
    expect(rows.map((r) => r.id)).toEqual([ids.over, ids.soon, ids.later, ids.delayed]);
    expect(rows.map((r) => r.dueDate)).toEqual([...rows.map((r) => r.dueDate)].sort());
    expect(rows.at(-1)).toMatchObject({
      kind: 'uppdrag',
      unit: 'Socialförvaltningen',
      responsible: ali,
      dueDate: '2027-09-30',
      daysLeft: 138,
      deadlineChanges: 1,
      lastDeadlineReason: REASON,
      statusReport: { note: 'Utkast klart; remiss till pensionärsrådet i augusti.', by: ali.email },
    });
    expect(rows[0]).toMatchObject({ deadlineChanges: 0, statusReport: { note: NOTE } });
    expect(rows.map((r) => r.id)).not.toContain(ids.ks);
    expect(rows.map((r) => r.id)).not.toContain(ids.done);
  });

  it('another body sees only its own', async () => {
    const response = await get('/reports/verkstallighet?body=KS&asOf=2027-05-15');
    expect(response.json.rows.map((r: { id: string }) => r.id)).toEqual([ids.ks]);
    // SN has a meeting plan and nothing open: an empty report (a body with neither is refused, test/unit/reports.test.ts).
    await api.deps.plans.saveMeetingPlan({ body: 'SN', year: 2027, leadWorkingDays: 10, dates: ['2027-06-16'] }, 'admin@kommun.example.se', '2026-01-01T08:00:00.000Z');
    expect((await get('/reports/verkstallighet?body=SN')).json).toMatchObject({ body: 'SN', rows: [] });
  });

  it('exports CSV and a page', async () => {
    const csv = await get('/reports/verkstallighet?body=KF&asOf=2027-05-15', registrar, 'text/csv;q=1, application/json;q=0.5');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="verkstallighet-KF-2027-05-15.csv"');
    const records = csvRecords(csv.text);
    expect(records.map((r) => r.Id)).toEqual([ids.over, ids.soon, ids.later, ids.delayed]);
    expect(records.at(-1)).toMatchObject({
      Ärende: 'Ta fram en handlingsplan mot ensamhet',
      Typ: 'Uppdrag',
      Tidsfrist: '2027-09-30',
      'Ändringar av tidsfristen': '1',
      'Senaste skäl': REASON,
      'Senaste lägesrapport': 'Utkast klart; remiss till pensionärsrådet i augusti.',
      'Lägesrapportens datum': '2027-05-05',
    });
    expect(records[0]).toMatchObject({ Ärende: `'${FORMULA}`, Typ: 'Motion', 'Senaste lägesrapport': NOTE });

    const page = await get('/reports/verkstallighet?body=KF&asOf=2027-05-15', registrar, 'text/html');
    expect(page.text).toContain('<h1>Uppföljning av KF:s beslut per 15 maj 2027</h1>');
    expect(page.text).toContain('4 öppna ärenden, varav 1 försenat och 1 med ändrad tidsfrist.');
    expect(page.text).toContain('1 gång<br><span class="hint">Senaste skäl:</span> Väntar på ny lagstiftning; &quot;LSS-utredningen&quot; är försenad.');
    expect(page.text).not.toMatch(/<script/i);
  });
});

describe('who may read the reports, and what they ask', () => {
  it('managers and officials get 403, no token 401', async () => {
    const manager = { email: 'chef@kommun.example.se', roles: ['manager'] as Role[], unit: 'Socialförvaltningen' };
    for (const path of ['/reports/balanslista', '/reports/verkstallighet?body=KF']) {
      expect((await get(path, manager)).status).toBe(403);
      expect((await get(path, { email: kim.email })).status).toBe(403);
      expect((await fetch(`${api.url}${path}`)).status).toBe(401);
    }
    expect((await get('/reports/balanslista', { email: 'admin@kommun.example.se', roles: ['admin'] })).status).toBe(200);
  });

  it('a bad date, a lower-case or missing body and an unknown parameter are 400', async () => {
    expect((await get('/reports/balanslista?asOf=2027-02-30')).json).toMatchObject({ code: 'validation_failed', issues: [{ path: 'asOf' }] });
    expect((await get('/reports/balanslista?unit=x')).status).toBe(400);
    expect((await get('/reports/verkstallighet?body=kf')).status).toBe(400);
    expect((await get('/reports/verkstallighet')).status).toBe(400);
  });
});
