import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import type { StoredItem } from '../../shared/domain/items/item';
import type { Role } from '../../shared/domain/caller';
import { isolatedApi, type IsolatedApi } from '../support/isolated-api';
import { storeHistory } from '../support/statistics-history';
import { full, NEVER_PUBLIC } from '../support/public-items';

/**
 * GET /offentlig/{body} and PUT /public-bodies/{body} through the local server: items with every
 * field filled stored through the item repository, the page read with no token. Nothing but the
 * allowed fields reaches the HTML or the JSON; a body is public only while an admin has it open.
 */

/** Friday 14 May 2027 in Stockholm. */
const NOW = '2027-05-14T09:00:00+02:00';

const closed = (id: string, title: string, closedAt: string): StoredItem => ({ ...full, id, title, status: 'done', closedAt, updatedAt: closedAt, version: 5 });
const { decision: _, ...withoutDecision } = full;
const ITEMS: StoredItem[] = [
  full,
  closed('offentlig-klar', 'Ta fram en lekplatsplan', '2027-04-30T10:00:00.000Z'),
  // Closed 91 days before 14 May (12 February): gone from the page.
  closed('offentlig-gammal', 'Se över simhallens taxor', '2027-02-12T10:00:00.000Z'),
  { ...full, id: 'offentlig-bun', title: 'Utreda skolskjutsarna', decision: { body: 'BUN', date: '2027-02-10', paragraph: '§ 3' } },
  { ...withoutDecision, id: 'offentlig-remiss', kind: 'yttrande', title: 'Yttrande över regional vattenplan', remiss: { received: '2027-03-01', reference: 'Dnr 2027-1234' } },
];

/** Every value of `full` the public must never see, and the titles of the items it must not list. */
const FORBIDDEN = [...NEVER_PUBLIC, 'Se över simhallens taxor', 'Utreda skolskjutsarna', 'Yttrande över regional vattenplan'];

let api: IsolatedApi;
/** Items the document client's Queries read, and its Scans; what the Queries sent back. */
const reads = { Query: 0, Scan: 0 };
const returned: unknown[] = [];
beforeAll(async () => {
  api = await isolatedApi();
  api.deps.at(NOW);
  api.deps.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        reads.Query += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
        returned.push(...((result.output as { Items?: unknown[] }).Items ?? []));
      }
      if (context.commandName === 'ScanCommand') reads.Scan += 1;
      return result;
    },
    { step: 'initialize', name: 'publicReadMeter', override: true },
  );
  await storeHistory(api.deps.items, ITEMS, 1);
});
afterAll(() => api?.stop());

const admin = { email: 'admin@kommun.example.se', roles: ['admin'] as Role[] };
const bearer = async (who: { email: string; roles: Role[] }) => `Bearer ${await signLocalToken(who, inject('jwtSecret'))}`;

async function open(body: string, accept = 'text/html', headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/offentlig/${body}`, { headers: { accept, ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function settle(body: string, settings: unknown, who = admin) {
  const response = await fetch(`${api.url}/public-bodies/${body}`, {
    method: 'PUT',
    headers: { authorization: await bearer(who), 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  return { status: response.status, json: await response.json() };
}

describe('the public page of a body', () => {
  it('is not there until an admin opens it: 404, a Swedish page for a browser and the error JSON for a program', async () => {
    const page = await open('KS');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>Sidan finns inte</h1>');
    expect(page.text).toContain('Det finns ingen offentlig uppföljning av KS:s beslut.');
    expect(page.text).not.toContain(full.title);

    const json = await open('KS', 'application/json');
    expect(json.status).toBe(404);
    expect(JSON.parse(json.text)).toMatchObject({ code: 'not_found', message: 'Det finns ingen offentlig uppföljning av KS:s beslut.' });
  });

  it('is opened by an admin only, who is recorded with the time', async () => {
    expect((await settle('KS', { public: true }, { email: 'registrator@kommun.example.se', roles: ['registrar'] })).status).toBe(403);
    expect((await open('KS')).status).toBe(404);

    const saved = await settle('KS', { public: true });
    expect(saved).toEqual({ status: 200, json: { body: 'KS', public: true, showNames: false, updatedBy: admin.email, updatedAt: new Date(NOW).toISOString() } });
  });

  it('shows the open and recently closed items with only the allowed fields, in the HTML and in the JSON', async () => {
    await settle('KS', { public: true });
    const [html, json] = await Promise.all([open('KS'), open('KS', 'application/json')]);

    expect(html.status).toBe(200);
    expect(json.status).toBe(200);
    for (const value of [...FORBIDDEN, full.responsible.name]) {
      expect(html.text, value).not.toContain(value);
      expect(json.text, value).not.toContain(value);
    }
    const view = JSON.parse(json.text);
    expect(view).toEqual({
      body: 'KS',
      asOf: '2027-05-14',
      recentlyClosedDays: 90,
      open: [
        {
          title: 'Utreda fritidsgårdarnas öppettider',
          decision: 'KS 2027-02-10 § 31, KS 2027/88',
          unit: 'Kultur- och fritidsförvaltningen',
          deadline: '2027-06-14',
          state: 'open',
          stateLabel: 'Pågår',
          statusReport: { text: 'Enkäten är utskickad, svar i juni. Frågor till [namn borttaget], [e-postadress borttagen].', date: '2027-05-02' },
        },
      ],
      recentlyClosed: [expect.objectContaining({ title: 'Ta fram en lekplatsplan', state: 'done', stateLabel: 'Klart', closedOn: '2027-04-30' })],
    });
    expect(html.text).toContain('<h1>Uppföljning av KS:s beslut</h1>');
    expect(html.text).toContain('Enkäten är utskickad, svar i juni. Frågor till [namn borttaget], [e-postadress borttagen].');
    expect(html.text).not.toMatch(/undefined|null|noindex/);
  });

  it("names the responsible official, and no one else, when the admin chose to show names", async () => {
    await settle('KS', { public: true, showNames: true });
    const [html, json] = await Promise.all([open('KS'), open('KS', 'application/json')]);

    expect(html.text).toContain('<dt>Ansvarig</dt><dd>Kim Berglund</dd>');
    expect(JSON.parse(json.text).open[0].responsible).toBe('Kim Berglund');
    for (const value of FORBIDDEN) {
      expect(html.text, value).not.toContain(value);
      expect(json.text, value).not.toContain(value);
    }
    await settle('KS', { public: true });
  });

  it("reads the body's open items and those closed in the last 90 days, and nothing else: no address field leaves the table", async () => {
    await settle('KS', { public: true });
    const before = { ...reads };
    returned.length = 0;

    expect((await open('KS', 'application/json')).status).toBe(200);
    // The open KS item and the one closed on 30 April: not BUN's, not the remiss, not the one closed in February.
    expect(reads.Query - before.Query).toBe(2);
    expect(reads.Scan - before.Scan).toBe(0);
    expect(returned).toHaveLength(2);
    // An address typed into a lägesrapport is read, and replaced before it is shown; no address field is read.
    for (const value of ['"email"', '"by"', '"createdBy"', full.createdBy, full.manager!.email, full.description!, full.extensionRequest!.reason]) {
      expect(JSON.stringify(returned), value).not.toContain(value);
    }
  });

  it("lets the follow-up of a body's decisions read the same partition: its open items, not every open item", async () => {
    const before = { ...reads };
    const response = await fetch(`${api.url}/reports/verkstallighet?body=KS&asOf=2027-05-14`, { headers: { authorization: await bearer({ email: 'registrator@kommun.example.se', roles: ['registrar'] }) } });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { rows: { title: string }[] }).rows.map((row) => row.title)).toEqual([full.title]);
    // Three items are open (KS's, BUN's, the remiss): one is read.
    expect(reads.Query - before.Query).toBe(1);
  });

  it('may be cached five minutes by anyone, varies by Accept, and answers 304 to its own ETag', async () => {
    const first = await open('KS');
    const etag = first.headers.get('etag')!;

    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    // Compressed for this client (fetch asks for gzip), so it varies by both.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toBe('accept, accept-encoding');
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect((await open('KS', 'application/json')).headers.get('etag')).not.toBe(etag);

    const again = await open('KS', 'text/html', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await open('KS', 'text/html', { 'if-none-match': 'W/"annan"' })).status).toBe(200);
  });

  it('is the same page whatever the case of the address: /offentlig/ks is KS\'s', async () => {
    const [upper, lower] = await Promise.all([open('KS'), open('ks')]);
    expect(lower.status).toBe(200);
    expect(lower.text).toBe(upper.text);
  });

  it('shows no other body, and answers 404 again once the admin closes it', async () => {
    expect((await open('BUN')).status).toBe(404);

    await settle('KS', { public: false });
    const page = await open('KS');
    expect(page.status).toBe(404);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).not.toContain(full.title);
  });

  it('refuses an address that names no body, in Swedish', async () => {
    const page = await open('ks%20au');
    expect(page.status).toBe(400);
    expect(page.text).toContain('<h1>Adressen stämmer inte</h1>');
    expect(page.text).toContain('Adressen behöver rättas: organ.');
  });
});
