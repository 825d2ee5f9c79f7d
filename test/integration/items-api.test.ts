import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { call, itemBody, registrar, uniqueUnit, type Who } from '../support/api';

const official: Who = { email: 'kim.berg@kommun.example.se' };

async function register(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await call('POST', '/uppdrag', { as: registrar, body: itemBody(overrides), headers });
  expect(response.status, response.text).toBe(201);
  return response;
}

describe('registering an item', () => {
  it('stores the item with its computed dates and answers 201 with Location and ETag', async () => {
    const response = await register({ due: { date: '2027-06-30' } });

    expect(response.headers.get('location')).toBe(`/uppdrag/${response.json.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.json).toMatchObject({
      kind: 'uppdrag',
      dueDate: '2027-06-30',
      status: 'open',
      state: 'open',
      version: 1,
      createdBy: registrar.email,
      reminders: { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 },
    });
    expect(response.json.dueExplanation).toContain('30 juni 2027');
  });

  it('accepts a deadline in the past: the backlog item is overdue from the start, and the 201 says so', async () => {
    const response = await register({ decision: { body: 'BUN', date: '2025-11-12', paragraph: '§ 98' }, due: { date: '2026-01-15' } });

    expect(response.json.state).toBe('overdue');
    expect(response.json.daysLeft).toBeLessThan(0);
    expect(response.json.warnings).toContainEqual({ code: 'overdue_at_registration', message: expect.stringContaining('Tidsfristen torsdag 15 januari 2026 har redan passerat') });
  });

  it('a yttrande whose outside deadline has already passed is registered with its own warning, outside_deadline_passed, naming that day', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const before = new Date(Date.parse(`${today}T12:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    const response = await register({ kind: 'yttrande', decision: undefined, remiss: { received: '2026-01-05' }, due: { externalDeadline: before, recipient: 'Länsstyrelsen' } });

    expect(response.json.warnings.map((w: { code: string }) => w.code)).not.toContain('overdue_at_registration');
    expect(response.json.warnings).toContainEqual({
      code: 'outside_deadline_passed',
      message: expect.stringMatching(/^Sista dagen för svaret hos mottagaren, \S+ \d+ \S+ \d{4}, har redan passerat: yttrandet är försenat från start \(10 dagar\)\. Be mottagaren om längre svarstid/),
    });
  });

  it('stores the creation in the history, by the registrar', async () => {
    const { json: item } = await register();

    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(history.status).toBe(200);
    expect(history.json.events).toEqual([expect.objectContaining({ action: 'created', by: registrar.email })]);
  });
});

describe('Idempotency-Key', () => {
  it('the same key with the same body returns the first item and stores nothing new', async () => {
    const unit = uniqueUnit();
    const key = `retry-${crypto.randomUUID()}`;
    const first = await register({ unit }, { 'idempotency-key': key });

    const second = await register({ unit }, { 'idempotency-key': key });
    const list = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, { as: registrar });

    expect(second.json.id).toBe(first.json.id);
    expect(list.json.items).toHaveLength(1);
  });

  it('the same key with another body is a 409 and stores nothing', async () => {
    const unit = uniqueUnit();
    const key = `conflict-${crypto.randomUUID()}`;
    await register({ unit }, { 'idempotency-key': key });

    const other = await call('POST', '/uppdrag', { as: registrar, body: itemBody({ unit, title: 'Annat' }), headers: { 'idempotency-key': key } });
    const list = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, { as: registrar });

    expect(other.status).toBe(409);
    expect(other.json.code).toBe('idempotency_key_reused');
    expect(list.json.items).toHaveLength(1);
  });

  it('20 parallel POSTs with one key create exactly one item', async () => {
    const unit = uniqueUnit();
    const key = `parallel-${crypto.randomUUID()}`;

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/uppdrag', { as: registrar, body: itemBody({ unit }), headers: { 'idempotency-key': key } })),
    );
    const list = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, { as: registrar });

    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
    expect(list.json.items).toHaveLength(1);
  });
});

describe('changing an item', () => {
  it('a changed deadline with a reason is stored, versioned and kept in the history', async () => {
    const { json: item } = await register({ due: { date: '2027-03-31' } });

    const patched = await call('PATCH', `/uppdrag/${item.id}`, {
      as: registrar,
      headers: { 'if-match': '"1"' },
      body: { due: { date: '2027-04-30' }, reason: 'Förlängning beviljad av KS ordförande' },
    });
    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.json).toMatchObject({ dueDate: '2027-04-30', version: 2 });
    expect(history.json.events[1]).toMatchObject({
      action: 'updated',
      by: registrar.email,
      reason: 'Förlängning beviljad av KS ordförande',
      changes: { dueDate: { from: '2027-03-31', to: '2027-04-30' } },
    });
  });

  it('a changed deadline without a reason is refused and nothing changes', async () => {
    const { json: item } = await register({ due: { date: '2027-03-31' } });

    const patched = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"1"' }, body: { due: { date: '2027-04-30' } } });
    const after = await call('GET', `/uppdrag/${item.id}`, { as: registrar });

    expect(patched.status).toBe(422);
    expect(patched.json).toMatchObject({ code: 'reason_required', issues: [{ path: 'reason' }] });
    expect(after.json).toMatchObject({ dueDate: '2027-03-31', version: 1 });
  });

  it('without If-Match is 428; with a stale ETag 412', async () => {
    const { json: item } = await register();

    const missing = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, body: { title: 'Ny rubrik' } });
    const stale = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"7"' }, body: { title: 'Ny rubrik' } });

    expect(missing.status).toBe(428);
    expect(missing.json.code).toBe('precondition_required');
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe('precondition_failed');
  });

  it('of 10 parallel PATCHes with one If-Match exactly one wins and the others get 412', async () => {
    const { json: item } = await register();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"1"' }, body: { title: `Rubrik ${i}` } }),
      ),
    );
    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 412)).toHaveLength(9);
    expect(history.json.events).toHaveLength(2);
  });

  it('closing as done, reopening and cancelling with a reason are each recorded', async () => {
    const { json: item } = await register();

    const done = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"1"' }, body: { status: 'done', note: 'Återrapporterad KS 2026-09-14 § 120' } });
    const reopened = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"2"' }, body: { status: 'open' } });
    const noReason = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"3"' }, body: { status: 'cancelled' } });
    const cancelled = await call('PATCH', `/uppdrag/${item.id}`, { as: registrar, headers: { 'if-match': '"3"' }, body: { status: 'cancelled', reason: 'Uppdraget återkallat av KS § 130' } });
    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(done.json).toMatchObject({ status: 'done', state: 'done' });
    expect(reopened.json).toMatchObject({ status: 'open' });
    expect(noReason.status).toBe(422);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', state: 'cancelled' });
    expect(history.json.events.map((e: { action: string }) => e.action)).toEqual(['created', 'done', 'reopened', 'cancelled']);
    expect(history.json.events[1].note).toBe('Återrapporterad KS 2026-09-14 § 120');
  });

  it('reassigning to another official is recorded with the old and new responsible', async () => {
    const { json: item } = await register();

    const patched = await call('PATCH', `/uppdrag/${item.id}`, {
      as: registrar,
      headers: { 'if-match': '"1"' },
      body: { responsible: { name: 'Alex Holm', email: 'Alex.Holm@kommun.example.se' } },
    });
    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(patched.json.responsible).toEqual({ name: 'Alex Holm', email: 'alex.holm@kommun.example.se' });
    expect(history.json.events[1].changes.responsible.from.email).toBe('kim.berg@kommun.example.se');
  });

  it('the responsible official may mark their own item done with a note, and nothing else', async () => {
    const { json: item } = await register();

    const retitle = await call('PATCH', `/uppdrag/${item.id}`, { as: official, headers: { 'if-match': '"1"' }, body: { title: 'Annat' } });
    const done = await call('PATCH', `/uppdrag/${item.id}`, { as: official, headers: { 'if-match': '"1"' }, body: { status: 'done', note: 'Riktlinjerna antagna' } });

    expect(retitle.status).toBe(403);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('done');
  });
});

describe('who may read what', () => {
  it('a manager reads their own unit’s items and gets 404 for another unit’s', async () => {
    const unit = uniqueUnit('Socialförvaltningen');
    const { json: own } = await register({ unit });
    const { json: other } = await register({ unit: uniqueUnit('Annan') });
    const manager: Who = { email: 'chef@kommun.example.se', roles: ['manager'], unit };

    expect((await call('GET', `/uppdrag/${own.id}`, { as: manager })).status).toBe(200);
    expect((await call('GET', `/uppdrag/${other.id}`, { as: manager })).status).toBe(404);
    expect((await call('GET', `/uppdrag/${other.id}/history`, { as: manager })).status).toBe(404);
  });

  it('a manager’s list is their unit; asking for another unit is 403', async () => {
    const unit = uniqueUnit();
    await register({ unit });
    await register({ unit: uniqueUnit() });
    const manager: Who = { email: 'chef2@kommun.example.se', roles: ['manager'], unit };

    const own = await call('GET', '/uppdrag', { as: manager });
    const other = await call('GET', '/uppdrag?unit=Annan', { as: manager });

    expect(own.json.items.every((i: { unit: string }) => i.unit === unit)).toBe(true);
    expect(own.json.items).toHaveLength(1);
    expect(other.status).toBe(403);
  });

  it('an official sees only the items they are responsible for', async () => {
    const email = `handlaggare-${Date.now()}@kommun.example.se`;
    const { json: mine } = await register({ responsible: { name: 'Eva Lind', email } });
    const { json: notMine } = await register();

    const list = await call('GET', '/uppdrag', { as: { email } });

    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect((await call('GET', `/uppdrag/${notMine.id}`, { as: { email } })).status).toBe(404);
    expect((await call('POST', '/uppdrag', { as: { email }, body: itemBody() })).status).toBe(403);
  });

  it('no token or a bad one is 401; /health needs none', async () => {
    expect((await call('GET', '/uppdrag')).status).toBe(401);
    expect((await call('GET', '/uppdrag', { token: 'not.a.jwt' })).status).toBe(401);
    expect((await call('GET', '/health')).status).toBe(200);
  });
});

describe('listing', () => {
  it('filters by state, kind and due dates, and pages with nextCursor', async () => {
    const unit = uniqueUnit();
    for (const date of ['2027-01-15', '2027-02-15', '2027-03-15', '2027-04-15', '2027-05-15']) {
      await register({ unit, due: { date } });
    }
    await register({ unit, decision: { body: 'BUN', date: '2025-11-12', paragraph: '§ 98' }, due: { date: '2026-02-02' } });

    const overdue = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&state=overdue`, { as: registrar });
    const window = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&dueAfter=2027-01-15&dueBefore=2027-05-15`, { as: registrar });
    const page1 = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&state=open&limit=2`, { as: registrar });
    const page2 = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&state=open&limit=2&cursor=${page1.json.nextCursor}`, { as: registrar });
    const page3 = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&state=open&limit=2&cursor=${page2.json.nextCursor}`, { as: registrar });

    expect(overdue.json.items.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-02-02']);
    expect(window.json.items.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2027-02-15', '2027-03-15', '2027-04-15']);
    expect([...page1.json.items, ...page2.json.items, ...page3.json.items].map((i: { dueDate: string }) => i.dueDate)).toEqual([
      '2027-01-15', '2027-02-15', '2027-03-15', '2027-04-15', '2027-05-15',
    ]);
    expect(page3.json.nextCursor).toBeUndefined();
  });

  it('exports every matching row as CSV for Swedish Excel', async () => {
    const unit = uniqueUnit('Kultur; fritid');
    await register({ unit, title: 'Utred "fritidsbanken"; med semikolon', description: 'rad 1\nrad 2' });
    await register({ unit, title: '=HYPERLINK("http://evil")' });

    const response = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, { as: registrar, headers: { accept: 'text/csv' } });
    const rows: string[][] = parse(response.text.replace(/^\uFEFF/, ''), { delimiter: ';' });

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    expect(response.text).toContain('\r\n');
    expect(rows[0]).toContain('Rubrik');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[2])).toContain('\'=HYPERLINK("http://evil")');
    expect(rows.map((r) => r[9])).toEqual(['Enhet', unit, unit]);
  });
});

describe('bad input is refused with the contract’s error JSON and stores nothing', () => {
  const refusals: [string, Parameters<typeof call>[2], number, string, string?][] = [
    ['malformed JSON', { rawBody: '{"kind":', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
    ['a wrong content type', { rawBody: JSON.stringify(itemBody()), headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['a body over 64 KiB', { body: itemBody({ description: 'x'.repeat(70_000) }) }, 413, 'payload_too_large'],
    ['an unknown kind', { body: itemBody({ kind: 'beslut' }) }, 400, 'validation_failed', 'kind'],
    ['an impossible date', { body: itemBody({ due: { date: '2026-02-30' } }) }, 400, 'validation_failed', 'due.date'],
    ['a missing field', { body: { ...itemBody(), title: undefined } }, 400, 'validation_failed', 'title'],
    ['an unknown field', { body: itemBody({ priority: 'hög' }) }, 400, 'validation_failed', 'priority'],
    ['a bad e-mail address', { body: itemBody({ responsible: { name: 'X', email: 'inte-en-adress' } }) }, 400, 'validation_failed', 'responsible.email'],
    ['a line break in a title', { body: itemBody({ title: 'Rubrik\r\nBcc: x@example.se' }) }, 400, 'validation_failed', 'title'],
    ['no body', {}, 400, 'validation_failed'],
  ];

  it.each(refusals)('%s', async (_, options, status, code, path) => {
    const unit = uniqueUnit();
    const body = options?.body && typeof options.body === 'object' ? { ...(options.body as object), unit } : options?.body;

    const response = await call('POST', '/uppdrag', { ...options, as: registrar, ...(body ? { body } : {}) });
    const list = await call('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, { as: registrar });

    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ code, message: expect.any(String), issues: expect.any(Array) });
    if (path) expect(response.json.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(list.json.items).toHaveLength(0);
  });

  it('an unknown id is 404; a bad cursor or limit is 400', async () => {
    expect((await call('GET', '/uppdrag/finns-inte', { as: registrar })).json.code).toBe('not_found');
    expect((await call('PATCH', '/uppdrag/finns-inte', { as: registrar, headers: { 'if-match': '"1"' }, body: { title: 'x' } })).status).toBe(404);
    const cursor = await call('GET', '/uppdrag?cursor=bm9wZQ', { as: registrar });
    const foreign = Buffer.from(JSON.stringify({ s: 0, k: { PK: 'ITEM#x', SK: 'ITEM', GSI3PK: 'STATUS#done', GSI3SK: 'x' } })).toString('base64url');
    const tampered = await call('GET', `/uppdrag?cursor=${foreign}`, { as: registrar });
    const limit = await call('GET', '/uppdrag?limit=500', { as: registrar });
    expect(cursor).toMatchObject({ status: 400, json: { code: 'invalid_cursor' } });
    expect(tampered).toMatchObject({ status: 400, json: { code: 'invalid_cursor' } });
    expect(limit).toMatchObject({ status: 400, json: { code: 'validation_failed', issues: [{ path: 'limit' }] } });
  });
});
