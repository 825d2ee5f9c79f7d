import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem } from '../../shared/application/items/service';
import { setUnitManager } from '../../shared/application/units/directory';
import { itemBody, registrar, tokenFor } from '../support/api';
import { routeServer } from '../support/route-server';
import { localSessionSettings, open, pageText, sessionFor } from '../support/workspace';

/**
 * The search ("Sök i rubrik och diarienummer", `q`) and the order (`sort`) of the item list, in the
 * API (`GET /uppdrag`) and on Ärenden, on a table of their own: the search matches every word in
 * the title or the case number whatever the case, and pages through partitions without losing or
 * repeating an item; a column sorts in Swedish order.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
const clerk = { who: registrar.email, roles: new Set(['registrar'] as const) };

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2027-03-22T09:00:00+01:00');
  const register = (title: string, caseNumber: string, date: string, unit = 'Utbildningsförvaltningen') =>
    createItem(server.deps, clerk, createItemBody.parse(itemBody({ title, caseNumber, unit, decision: { body: 'BUN', date: '2026-12-14', paragraph: '§ 3' }, due: { date } })));
  await register('Riktlinjer för skolskjuts', 'BUN 2026/44', '2027-06-30');
  await register('Utreda skolmåltiderna', 'BUN 2026/51', '2027-05-31');
  await register('Åtgärda gatubelysningen', 'TN 2026/44', '2027-04-30', 'Tekniska förvaltningen');
  await register('Ärendehanteringssystem för förskolan', 'BUN 2027/2', '2027-08-31');
  await register('Översyn av skolskjutsreglerna', 'BUN 2027/7', '2027-09-30');
  // Many items the search passes over, some matching, spread over pages of the index.
  for (let i = 0; i < 120; i++) {
    const date = `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    await register(i % 30 === 7 ? `Lekplats nummer ${i}` : `Annat ärende ${i}`, `KS 2027/${100 + i}`, date, 'Kommunledningskontoret');
  }
}, 120_000);
afterAll(async () => server?.stop());

async function list(query: string): Promise<{ items: { title: string; dueDate: string }[]; nextCursor?: string }> {
  const response = await fetch(`${server.url}/uppdrag?${query}`, { headers: { authorization: `Bearer ${await tokenFor(registrar)}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: { title: string; dueDate: string }[]; nextCursor?: string };
}

/** Every page of a list, following nextCursor. */
async function allPages(query: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    titles.push(...page.items.map((item) => item.title));
    cursor = page.nextCursor;
  } while (cursor);
  return titles;
}

describe('GET /uppdrag?q=: every word in the title or the case number', () => {
  it.each([
    ['skolskjuts', ['Riktlinjer för skolskjuts', 'Översyn av skolskjutsreglerna']],
    ['2026/44', ['Åtgärda gatubelysningen', 'Riktlinjer för skolskjuts']],
    ['SKOL  bun', ['Utreda skolmåltiderna', 'Riktlinjer för skolskjuts', 'Ärendehanteringssystem för förskolan', 'Översyn av skolskjutsreglerna']],
    ['ärendehantering', ['Ärendehanteringssystem för förskolan']],
    ['skolskjuts tn', []],
  ])('q=%s', async (q, titles) => {
    expect((await list(`q=${encodeURIComponent(q)}&state=open`)).items.map((item) => item.title)).toEqual(titles);
  });

  it('pages through the matches two at a time, each once and in deadline order, however many items lie between', async () => {
    const expected = (await list('q=lekplats&limit=100')).items.map((item) => item.title);
    expect(expected).toHaveLength(4);
    expect(await allPages('q=lekplats&limit=2')).toEqual(expected);
    expect(await allPages('q=lekplats&limit=1')).toEqual(expected);
  });
});

describe('GET /uppdrag?sort=: a column in Swedish order', () => {
  it('sorts by title, å, ä and ö last, and pages the sorted whole', async () => {
    const titles = await allPages('q=bun&sort=title&limit=2');
    expect(titles).toEqual(['Riktlinjer för skolskjuts', 'Utreda skolmåltiderna', 'Ärendehanteringssystem för förskolan', 'Översyn av skolskjutsreglerna']);
  });

  it('sorts by deadline, latest first', async () => {
    expect((await list('q=bun&sort=-due')).items.map((item) => item.dueDate)).toEqual(['2027-09-30', '2027-08-31', '2027-06-30', '2027-05-31']);
  });

  it("refuses another list's cursor, and an unknown column, in Swedish", async () => {
    const token = await tokenFor(registrar);
    const byDue = await list('limit=1');
    const refused = await fetch(`${server.url}/uppdrag?sort=title&cursor=${encodeURIComponent(byDue.nextCursor!)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'invalid_cursor' });
    const unknown = await fetch(`${server.url}/uppdrag?sort=rubrik`, { headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { issues: { path: string; message: string }[] }).issues).toEqual([{ path: 'sort', message: expect.stringMatching(/^Sortering ska vara due, -due, title, -title/) }]);
  });
});

describe('Ärenden', () => {
  it('searches and sorts the same way, and its downloads hold the same rows', async () => {
    const session = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);
    const page = await open(server.url, '/arenden?q=skol&sort=-title', session);
    const text = pageText(page.text);
    expect(text).toContain('4 ärenden');
    const order = ['Översyn av skolskjutsreglerna', 'Ärendehanteringssystem för förskolan', 'Utreda skolmåltiderna', 'Riktlinjer för skolskjuts'].map((title) => text.indexOf(title));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(page.text).toContain('th scope="col" class="col-title" aria-sort="descending"');
    expect(page.text).toContain('href="/arenden?q=skol&amp;sort=-title&amp;format=csv"');

    const csv = await open(server.url, '/arenden?q=skol&sort=-title&format=csv', session);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="arenden.csv"');
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(';')[2]!.replaceAll('"', ''))).toEqual(['Översyn av skolskjutsreglerna', 'Ärendehanteringssystem för förskolan', 'Utreda skolmåltiderna', 'Riktlinjer för skolskjuts']);
  });

  it('Enhet typed in another case or spacing lists the unit as the directory spells it; a part of a name suggests the units it fits', async () => {
    const admin = { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) };
    const manager = { name: 'Maria Chef', email: 'maria.chef@kommun.example.se' };
    for (const unit of ['Tekniska förvaltningen', 'Utbildningsförvaltningen', 'Kommunledningskontoret']) await setUnitManager(server.deps, admin, unit, { manager });
    const session = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);

    const typed = await open(server.url, `/arenden?unit=${encodeURIComponent(' tekniska  FÖRVALTNINGEN ')}`, session);
    expect(pageText(typed.text)).toContain('Åtgärda gatubelysningen');
    expect(typed.text).toContain('value="Tekniska förvaltningen"');

    const part = await open(server.url, `/arenden?unit=${encodeURIComponent('förvaltningen')}&state=open`, session);
    const text = pageText(part.text);
    expect(text).toContain('Inga ärenden matchar filtret. Ingen enhet i enhetskatalogen heter ”förvaltningen”. Menade du Tekniska förvaltningen eller Utbildningsförvaltningen');
    expect(part.text).toContain('Utbildningsförvaltningen</a>?');
    expect(part.text).toContain(`href="/arenden?state=open&amp;unit=${encodeURIComponent('Utbildningsförvaltningen')}"`);
  });
});
