/**
 * What a 503 means (SECURITY.md): the write may have been stored. A client that follows the
 * documented retry gets the stored result, never a duplicate and never a spurious 412. Here the
 * table commits the write and the answer is lost on the way back (a connection reset, as when
 * DynamoDB Local is killed mid-burst), so the API answers 503 for a write that is in fact stored.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { itemBody } from '../support/api';
import { jsonClient, routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { dynamoOperation, lossyWire } from '../support/faults';

let server: Awaited<ReturnType<typeof routeServer>>;
let token: string;
beforeAll(async () => {
  server = await routeServer();
  token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, inject('jwtSecret'));
});
afterAll(() => server.stop());

const api = jsonClient(() => server.url, () => token);
const counts = () => tableCounts(server.deps.documentClient, server.deps.tableName);

/** Transactions are carried out and their answers lost, on every attempt of the SDK, until restored. */
const loseTheNextAnswer = () => lossyWire(server.deps.documentClient, (request) => dynamoOperation(request) === 'TransactWriteItems');

describe('a write whose answer was lost answers 503, and the documented retry gets what was stored', () => {
  it('POST with the same Idempotency-Key: the stored item, once', async () => {
    const before = await counts();
    const key = `retry-post-${Date.now()}`;
    const body = itemBody({ title: `Registrerad vid avbrott ${key}`, confirmDuplicate: false });
    const restore = loseTheNextAnswer();
    const first = await api('POST', '/uppdrag', body, { 'idempotency-key': key });
    restore();

    const retry = await api('POST', '/uppdrag', body, { 'idempotency-key': key });

    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(retry.status).toBe(201);
    expect(retry.json.title).toBe(body.title);
    const after = await counts();
    expect([after.items - before.items, after.history - before.history]).toEqual([1, 1]);
  });

  it('PATCH with the same Idempotency-Key: the change as stored, once, not a 412', async () => {
    const created = await api('POST', '/uppdrag', itemBody({ title: `Ändras vid avbrott ${Date.now()}` }));
    const key = `retry-patch-${Date.now()}`;
    const change = { due: { date: '2026-09-30' }, reason: 'Förlängning beviljad av BUN 2026-06-10 § 51' };
    const restore = loseTheNextAnswer();
    const first = await api('PATCH', `/uppdrag/${created.json.id}`, change, { 'if-match': '"1"', 'idempotency-key': key });
    restore();

    const retry = await api('PATCH', `/uppdrag/${created.json.id}`, change, { 'if-match': '"1"', 'idempotency-key': key });

    expect(first.status).toBe(503);
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ dueDate: '2026-09-30', version: 2, deadlineChanges: 1 });
    expect(retry.headers.get('etag')).toBe('"2"');
    expect((await server.deps.items.history(created.json.id)).map((e) => e.action)).toEqual(['created', 'updated']);
  });

  it('PATCH retried without a key: recognised as the same change by the same caller, not a 412', async () => {
    const created = await api('POST', '/uppdrag', itemBody({ title: `Stängs vid avbrott ${Date.now()}` }));
    const close = { status: 'done', note: 'Återrapporterad BUN 2026-09-15 § 88' };
    const restore = loseTheNextAnswer();
    const first = await api('PATCH', `/uppdrag/${created.json.id}`, close, { 'if-match': '"1"' });
    restore();

    const retry = await api('PATCH', `/uppdrag/${created.json.id}`, close, { 'if-match': '"1"' });

    expect(first.status).toBe(503);
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ status: 'done', version: 2 });
    expect((await server.deps.items.history(created.json.id)).map((e) => e.action)).toEqual(['created', 'done']);
  });

  it('another change on the same stale version is still a 412, with the version now', async () => {
    const created = await api('POST', '/uppdrag', itemBody({ title: `Ändras två gånger ${Date.now()}` }));
    await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'Ny rubrik' }, { 'if-match': '"1"' });

    const other = await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'En annan rubrik' }, { 'if-match': '"1"' });

    expect(other.status).toBe(412);
    expect(other.json.code).toBe('precondition_failed');
    expect(other.headers.get('etag')).toBe('"2"');
  });

  it('the same Idempotency-Key with another change is a 409, and changes nothing', async () => {
    const created = await api('POST', '/uppdrag', itemBody({ title: `Nyckel återanvänd ${Date.now()}` }));
    const key = `reused-${Date.now()}`;
    await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'Första ändringen' }, { 'if-match': '"1"', 'idempotency-key': key });

    const reused = await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'Andra ändringen' }, { 'if-match': '"2"', 'idempotency-key': key });

    expect(reused.status).toBe(409);
    expect(reused.json.code).toBe('idempotency_key_reused');
    expect((await api('GET', `/uppdrag/${created.json.id}`)).json.title).toBe('Första ändringen');
  });
});
