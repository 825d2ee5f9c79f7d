/**
 * Limits: every bound README "Defaults and limits" documents, at the bound (accepted) and one past
 * it (refused), through the local server; the body limits also through the Lambda handler called
 * directly with the event API Gateway would send, to show the two answer alike.
 */
import { Agent, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIMITS } from '../../shared/domain/items/vocabulary';
import { MAX_ITEMS_PER_EMAIL } from '../../shared/views/email/reminder';
import { createItem } from '../../shared/application/items/service';
import { runReminders } from '../../shared/application/reminders/job';
import { createReminderDependencies } from '../../functions/reminders/dependencies';
import { createLocalApi } from '../../local/server';
import { signLocalToken } from '../../local/tokens';
import type { ApiEvent, ApiResult } from '../../shared/http/contract';
import type { World as Dependencies } from '../support/route-server';
import { loadHandler, routeServer } from '../support/route-server';
import { apiGatewayEvent } from '../support/lambda-event';
import { lambdaContext } from '../../local/server';
import { isolatedDependencies, mailTo } from '../support/isolated';
import { freePort } from '../support/ports';
import { itemBody } from '../support/api';

const KiB = 1024;
const MiB = 1024 * KiB;
const clerk = { email: 'registrator@kommun.example.se', roles: ['registrar'] as const };
const claims = { email: clerk.email, roles: ['registrar'], iss: 'bevakning-local', aud: 'bevakning-api' };

let server: Awaited<ReturnType<typeof routeServer>>;
let token: string;
beforeAll(async () => {
  server = await routeServer();
  token = await signLocalToken({ email: clerk.email, roles: ['registrar'] }, inject('jwtSecret'));
});
afterAll(() => server.stop());

interface Answer {
  status: number;
  code?: string;
  json?: any;
  text: string;
  /** The body's bytes as they came (compressed, when they were). */
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** One request through the local server, the body sent as it is (Node's client: no size limit of its own). */
function send(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}, base = server.url): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code: json?.code, json, text, raw, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The same request to the Lambda handler itself, as API Gateway would call it. */
async function direct(fn: Parameters<typeof loadHandler>[0], method: string, path: string, body?: string, headers: Record<string, string> = {}, deps: Dependencies = server.deps): Promise<Answer> {
  const handler = await loadHandler(fn, deps);
  const result: ApiResult = await handler(
    apiGatewayEvent({ method, path, claims, ...(body !== undefined ? { body } : {}), headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } }) as ApiEvent,
    lambdaContext(fn),
  );
  const raw = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  const text = raw.toString('utf8');
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: result.statusCode ?? 0, code: json?.code, json, text, raw, headers: (result.headers ?? {}) as Record<string, string> };
}

/** A valid JSON body padded with whitespace to exactly `bytes` bytes. */
function bodyOfSize(value: unknown, bytes: number): string {
  const json = JSON.stringify(value);
  const length = Buffer.byteLength(json);
  if (length > bytes) throw new Error(`the body is already ${length} bytes`);
  return json + ' '.repeat(bytes - length);
}

// ---------------------------------------------------------------------------------------------
describe('request bodies', () => {
  it('64 KiB is accepted and 64 KiB + 1 byte refused with 413, by the local server and by the handler alike', async () => {
    const at = bodyOfSize(itemBody({ unit: 'Gränsenheten' }), 64 * KiB);
    const past = bodyOfSize(itemBody({ unit: 'Gränsenheten' }), 64 * KiB + 1);

    const viaServer = [await send('POST', '/uppdrag', at), await send('POST', '/uppdrag', past)];
    const viaHandler = [await direct('items', 'POST', '/uppdrag', at), await direct('items', 'POST', '/uppdrag', past)];

    expect(viaServer.map((a) => a.status)).toEqual([201, 413]);
    expect(viaHandler.map((a) => a.status)).toEqual([201, 413]);
    expect(viaServer[1]!.json).toEqual(viaHandler[1]!.json);
    expect(viaServer[1]!.json).toMatchObject({ code: 'payload_too_large', message: 'Uppgifterna är för stora: högst 64 kB.', issues: [] });
  });

  it("the local server's own limit, API Gateway's 10 MiB: at it the handler refuses (64 KiB), past it the server does, both 413 payload_too_large", async () => {
    const at = bodyOfSize(itemBody(), 10 * MiB);
    const past = bodyOfSize(itemBody(), 10 * MiB + 1);

    const viaServer = [await send('POST', '/uppdrag', at), await send('POST', '/uppdrag', past)];
    const viaHandler = [await direct('items', 'POST', '/uppdrag', at), await direct('items', 'POST', '/uppdrag', past)];

    expect(viaServer.map((a) => [a.status, a.code])).toEqual([
      [413, 'payload_too_large'],
      [413, 'payload_too_large'],
    ]);
    expect(viaHandler.map((a) => [a.status, a.code])).toEqual(viaServer.map((a) => [a.status, a.code]));
  });

  it('a body past the server\'s limit is refused with Connection: close, so the next request on a kept-alive connection is not reset', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(server.url);
    const once = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; connection?: string }>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
        });
        // The server may stop reading the refused body before the client is done sending it.
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
        req.end(body);
      });

    const refused = await once('POST', '/uppdrag', Buffer.alloc(12 * MiB, 0x20));
    const next = await once('GET', '/health');
    agent.destroy();

    expect(refused).toEqual({ status: 413, connection: 'close' });
    expect(next.status).toBe(200);
  });

  it('a decision text for drafts: 400,000 characters accepted, one more refused (400); a body past 512 KiB refused (413), by server and handler alike', async () => {
    const at = JSON.stringify({ text: `Kommunstyrelsen beslutar. ${'a'.repeat(400_000 - 26)}` });
    const pastText = JSON.stringify({ text: 'a'.repeat(400_001) });
    const pastBody = bodyOfSize({ text: 'Kommunstyrelsen beslutar.' }, 512 * KiB + 1);

    const viaServer = [await send('POST', '/uppdrag/drafts', at), await send('POST', '/uppdrag/drafts', pastText), await send('POST', '/uppdrag/drafts', pastBody)];
    const viaHandler = [await direct('drafts', 'POST', '/uppdrag/drafts', at), await direct('drafts', 'POST', '/uppdrag/drafts', pastText), await direct('drafts', 'POST', '/uppdrag/drafts', pastBody)];

    expect(viaServer.map((a) => a.status)).toEqual([200, 400, 413]);
    expect(viaHandler.map((a) => a.status)).toEqual([200, 400, 413]);
    expect(viaServer[1]!.json.issues.map((i: { path: string }) => i.path)).toEqual(['text']);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
describe('text fields: exactly at the bound accepted, one character more refused', () => {
  const long = (n: number) => 'å'.repeat(n);
  const yttrande = (recipient: string) => ({ kind: 'yttrande', due: { externalDeadline: '2031-03-27', recipient } });
  const fields: [string, number, (v: string) => Record<string, unknown>][] = [
    ['title', LIMITS.title, (v) => ({ title: v })],
    ['description', LIMITS.description, (v) => ({ description: v })],
    ['caseNumber', LIMITS.caseNumber, (v) => ({ caseNumber: v })],
    ['decision.paragraph', LIMITS.paragraph, (v) => ({ decision: { body: 'KS', date: '2027-04-12', paragraph: v } })],
    ['decision.body', LIMITS.body, (v) => ({ decision: { body: `K${'S'.repeat(v.length - 1)}`, date: '2027-04-12', paragraph: '§ 1' } })],
    ['responsible.name', LIMITS.name, (v) => ({ responsible: { name: v, email: 'kim.berg@kommun.example.se' } })],
    ['manager.name', LIMITS.name, (v) => ({ manager: { name: v, email: 'sam.ek@kommun.example.se' } })],
    ['unit', LIMITS.unit, (v) => ({ unit: v })],
    ['due.recipient', LIMITS.recipient, (v) => yttrande(v)],
  ];

  it.each(fields)('%s: %i', async (path, bound, field) => {
    const at = await send('POST', '/uppdrag', JSON.stringify(itemBody({ due: { date: '2031-01-31' }, ...field(long(bound)) })));
    const past = await send('POST', '/uppdrag', JSON.stringify(itemBody({ due: { date: '2031-01-31' }, ...field(long(bound + 1)) })));

    expect(at.status, at.text).toBe(201);
    expect(past.status).toBe(400);
    expect(past.json.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('an e-mail address: 254 characters accepted, 255 refused', async () => {
    const address = (length: number) => `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - 64 - 1 - 63 - 1 - 63 - 1 - 3)}.se`;
    expect(address(254)).toHaveLength(254);
    const at = await send('POST', '/uppdrag', JSON.stringify(itemBody({ responsible: { name: 'Lång Adress', email: address(254) } })));
    const past = await send('POST', '/uppdrag', JSON.stringify(itemBody({ responsible: { name: 'Lång Adress', email: address(255) } })));

    expect(at.status, at.text).toBe(201);
    expect(past.status).toBe(400);
    expect(past.json.issues.map((i: { path: string }) => i.path)).toContain('responsible.email');
  });

  it(`a note and a reason: ${LIMITS.note} and ${LIMITS.reason} characters accepted, one more refused`, async () => {
    const created = await send('POST', '/uppdrag', JSON.stringify(itemBody({ due: { date: '2031-01-31' } })));
    const id = created.json.id as string;
    const patch = (body: unknown, version: number) => send('PATCH', `/uppdrag/${id}`, JSON.stringify(body), { 'if-match': `"${version}"` });

    const reasonPast = await patch({ due: { date: '2031-02-28' }, reason: long(LIMITS.reason + 1) }, 1);
    const reasonAt = await patch({ due: { date: '2031-02-28' }, reason: long(LIMITS.reason) }, 1);
    const notePast = await patch({ status: 'done', note: long(LIMITS.note + 1) }, 2);
    const noteAt = await patch({ status: 'done', note: long(LIMITS.note) }, 2);

    expect([reasonPast.status, reasonAt.status, notePast.status, noteAt.status]).toEqual([400, 200, 400, 200]);
    expect(reasonPast.json.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    expect(notePast.json.issues.map((i: { path: string }) => i.path)).toEqual(['note']);
  });

  it('a lägesrapport from the signed page: 2,000 characters kept, one more refused and nothing stored', async () => {
    const official = { name: 'Kim Gräns', email: `kim.grans.${process.pid}@kommun.example.se` };
    const created = await send('POST', '/uppdrag', JSON.stringify(itemBody({ responsible: official, due: { date: '2031-01-31' } })));
    const link = await server.deps.links.sign({ kind: 'official', email: official.email });
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/p/${link}`)).text())?.[1] ?? '';
    const report = (note: string) =>
      fetch(`${server.url}/p/${link}/uppdrag/${created.json.id}/status-report`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, note }).toString(),
      });

    const past = await report(long(LIMITS.note + 1));
    const historyAfterPast = await server.deps.items.history(created.json.id);
    const at = await report(long(LIMITS.note));

    expect(past.status).toBe(400);
    expect(await past.text()).toContain(`Hur går arbetet?: Högst ${LIMITS.note} tecken.`);
    expect(historyAfterPast).toHaveLength(1);
    expect(at.headers.get('location')).toContain('?m=status-report');
    expect((await server.deps.items.get(created.json.id))?.statusReport?.note).toHaveLength(LIMITS.note);
  });

  it('an Idempotency-Key: 200 visible ASCII characters accepted, 201 refused', async () => {
    const at = await send('POST', '/uppdrag', JSON.stringify(itemBody()), { 'idempotency-key': `k${'x'.repeat(199)}-${Date.now()}`.slice(0, 200) });
    const past = await send('POST', '/uppdrag', JSON.stringify(itemBody()), { 'idempotency-key': 'k'.repeat(201) });

    expect(at.status).toBe(201);
    expect(past.status).toBe(400);
    expect(past.json.issues).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('reminders: at most 10 days before', async () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const at = await send('POST', '/uppdrag', JSON.stringify(itemBody({ reminders: { beforeDays: days(10), overdueEveryDays: 7, escalateAfterDays: 7 } })));
    const past = await send('POST', '/uppdrag', JSON.stringify(itemBody({ reminders: { beforeDays: days(11), overdueEveryDays: 7, escalateAfterDays: 7 } })));

    expect([at.status, past.status]).toEqual([201, 400]);
    expect(past.json.issues.map((i: { path: string }) => i.path)).toEqual(['reminders.beforeDays']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('lists', () => {
  it('a page holds 1 to 100 items: 0 and 101 refused', async () => {
    const unit = `Listenheten ${process.pid}-${Date.now()}`;
    for (let i = 0; i < 3; i++) await send('POST', '/uppdrag', JSON.stringify(itemBody({ unit })));
    const page = (limit: string) => send('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&limit=${limit}`);

    const [zero, one, hundred, over] = [await page('0'), await page('1'), await page('100'), await page('101')];

    expect([zero.status, one.status, hundred.status, over.status]).toEqual([400, 200, 200, 400]);
    expect(one.json.items).toHaveLength(1);
    expect(one.json.nextCursor).toEqual(expect.any(String));
    expect(hundred.json.items).toHaveLength(3);
    expect(over.json.issues.map((i: { path: string }) => i.path)).toEqual(['limit']);
  });

  it('a CSV export stops at 20,000 rows, through the local server and the handler alike (asked for compressed, as it must be at that size)', async () => {
    const created = await send('POST', '/uppdrag', JSON.stringify(itemBody({ unit: 'Exportenheten' })));
    const template = (await server.deps.items.get(created.json.id))!;
    let pages = 0;
    // A repository with no end of items: the export must stop by itself.
    const endless: Dependencies = {
      ...server.deps,
      items: {
        ...server.deps.items,
        list: async (query) => {
          pages++;
          return { items: Array.from({ length: query.limit }, (_, i) => ({ ...template, id: `${pages}-${i}` })), nextCursor: `page-${pages}` };
        },
      },
    };
    const port = await freePort();
    const local: Server = createLocalApi({ jwtSecret: inject('jwtSecret'), loadHandler: (name) => loadHandler(name, endless) });
    await new Promise<void>((resolve) => local.listen(port, '127.0.0.1', resolve));
    try {
      const viaServer = await send('GET', '/uppdrag', undefined, { accept: 'text/csv', 'accept-encoding': 'gzip' }, `http://127.0.0.1:${port}`);
      const viaHandler = await direct('items', 'GET', '/uppdrag', undefined, { accept: 'text/csv', 'accept-encoding': 'gzip' }, endless);

      for (const answer of [viaServer, viaHandler]) {
        expect(answer.status).toBe(200);
        expect(answer.headers['content-encoding']).toBe('gzip');
        const rows: string[][] = parse(gunzipSync(answer.raw).toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
        expect(rows).toHaveLength(20_000 + 1);
      }
    } finally {
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
describe('emails', () => {
  it(`a reminder lists at most ${MAX_ITEMS_PER_EMAIL} items, counts the rest and moves every item on`, async () => {
    const deps = await isolatedDependencies();
    const official = { name: 'Kim Många', email: `kim.manga.${process.pid}.${Date.now()}@kommun.example.se` };
    const registrar = { who: clerk.email, roles: new Set(['registrar'] as const) };
    deps.at('2027-06-04T09:00:00+02:00');
    const total = MAX_ITEMS_PER_EMAIL + 3;
    const ids: string[] = [];
    for (let i = 0; i < total; i++) {
      const { item } = await createItem(deps, registrar, { ...itemBody({ responsible: official, title: `Ärende ${i}`, due: { date: '2027-06-14' } }) } as never);
      ids.push(item.id);
    }

    deps.at('2027-06-07T07:00:00+02:00');
    const report = await runReminders({ ...createReminderDependencies(deps.env, deps.clock), backoffMs: 5 });
    const [email, ...more] = await mailTo(official.email);
    const stored = await Promise.all(ids.map((id) => deps.items.get(id)));

    expect(more).toEqual([]);
    expect(report.sent).toHaveLength(1);
    expect(report.sent[0]!.itemIds).toHaveLength(total);
    expect(email!.subject).toMatch(new RegExp(`^${total} ärenden att bevaka`));
    expect(email!.body.text!.match(/^\d+\. /gm)).toHaveLength(MAX_ITEMS_PER_EMAIL);
    expect(email!.body.text).toContain('… och 3 ärenden till.');
    expect(stored.every((i) => i?.lastRemindedOn === '2027-06-07')).toBe(true);
  }, 60_000);
});
