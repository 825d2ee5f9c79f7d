/**
 * A registration in one round trip (issue 17): its transaction, which keeps the look-alike guard
 * (docs/data-model.md, "Look-alike guards") and checks that the idempotency record, the guard and
 * the reference data it used (closed days, meeting plans, the unit) are as the process knew them;
 * a process's first registration reads them first, in one batched read. Through the HTTP API on
 * a table of its own, counting the commands the items function sends.
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { closedDaysKey, LOOKALIKE_GUARDS_COMPLETE, lookalikeKey, unitKey } from '../../shared/adapters/dynamo/keys';
import { guardOpenItems } from '../../shared/application/items/lookalike-guards';
import { sameWorkKey } from '../../shared/domain/items/lookalike';
import type { Role } from '../../shared/domain/caller';
import { faultySend, type SentCommand } from '../support/faults';
import { isolatedApi, type IsolatedApi } from '../support/isolated-api';

let api: IsolatedApi;
const client = () => api.deps.documentClient as DynamoDBDocumentClient;
const table = () => api.deps.tableName;

const registrar = { email: 'registrator@kommun.example.se', roles: ['registrar'] as Role[] };
const admin = { email: 'admin@kommun.example.se', roles: ['admin'] as Role[] };
const sam = { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' };

async function http(method: string, path: string, who: { email: string; roles: Role[] }, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const token = await signLocalToken({ email: who.email, roles: who.roles }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

/** The DynamoDB commands sent while `run` runs, by class name, in order. */
async function commandsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: SentCommand[] = [];
  const restore = faultySend(client(), (command) => void seen.push(command));
  try {
    await run();
  } finally {
    restore();
  }
  return seen.map((c) => c.name);
}

let seq = 0;
/** An uppdrag from BUN 2028-03-22 § 44 for an official no other test uses. */
const body = (overrides: Record<string, unknown> = {}) => ({
  kind: 'uppdrag' as const,
  title: 'Ta fram riktlinjer för skolskjuts',
  caseNumber: 'BUN 2028/44',
  decision: { body: 'BUN', date: '2028-03-22', paragraph: '§ 44' },
  responsible: { name: 'Eva Lind', email: `eva.lind.${++seq}@kommun.example.se` },
  unit: 'Utbildningsförvaltningen',
  manager: sam,
  due: { date: '2028-09-29' },
  ...overrides,
});

const guardOf = async (item: Parameters<typeof sameWorkKey>[0]) =>
  (await client().send(new GetCommand({ TableName: table(), Key: lookalikeKey(sameWorkKey(item)), ConsistentRead: true }))).Item?.itemIds as Set<string> | undefined;

beforeAll(async () => {
  api = await isolatedApi();
  api.deps.at('2028-04-05T09:00:00+02:00');
  const plan = await http('PUT', '/meetings/KS/2028', admin, { body: { leadWorkingDays: 10, dates: ['2028-05-29', '2028-06-14', '2028-09-25'] } });
  expect(plan.status, plan.text).toBe(200);
});
afterAll(() => api.stop());

describe('registering an item', () => {
  /** Registers an item due at KS's June meeting with no manager of its own (the unit's is read), with an Idempotency-Key: the answer and the DynamoDB commands sent. */
  const registerForJune = async () => {
    const withoutManager = { ...body({ due: { meeting: { body: 'KS', month: '2028-06' } } }), manager: undefined };
    let created: Awaited<ReturnType<typeof http>> | undefined;
    const commands = await commandsDuring(async () => {
      created = await http('POST', '/uppdrag', registrar, { body: withoutManager, headers: { 'idempotency-key': `guards-${seq}` } });
    });
    return { created: created!, commands };
  };

  it('the first in a process reads once and writes once: a meeting deadline, the unit’s manager and an Idempotency-Key in one BatchGetItem, then one TransactWriteItems', async () => {
    const { created, commands } = await registerForJune();

    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ dueDate: '2028-05-30', meetingDate: '2028-06-14' });
    expect(commands).toEqual(['BatchGetCommand', 'TransactWriteCommand']);
  });

  it('with the closed days, the plan and the unit read before, is one TransactWriteItems and nothing else', async () => {
    const { created, commands } = await registerForJune();

    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ dueDate: '2028-05-30', meetingDate: '2028-06-14' });
    expect(commands).toEqual(['TransactWriteCommand']);
  });

  it('repeated with its Idempotency-Key, its transaction finds the record and writes nothing; it answers the stored item', async () => {
    const headers = { 'idempotency-key': `guards-replay-${seq}` };
    const item = body();
    const first = await http('POST', '/uppdrag', registrar, { body: item, headers });

    let replay: Awaited<ReturnType<typeof http>> | undefined;
    const commands = await commandsDuring(async () => {
      replay = await http('POST', '/uppdrag', registrar, { body: item, headers });
    });

    expect([first.status, replay!.status, replay!.json.id]).toEqual([201, 201, first.json.id]);
    // The cancelled transaction, then the idempotency record and the item it names.
    expect(commands).toEqual(['TransactWriteCommand', 'GetCommand', 'GetCommand']);
    expect(await guardOf(item)).toEqual(new Set([first.json.id]));
  });
});

describe('the look-alike guard', () => {
  it('lets one of ten identical posts at the same instant through; the other nine answer 409 possible_duplicate naming it', async () => {
    const item = body();

    const answers = await Promise.all(Array.from({ length: 10 }, () => http('POST', '/uppdrag', registrar, { body: item })));

    const stored = answers.filter((a) => a.status === 201);
    expect(stored).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => [a.json.code, a.json.existingId])).toEqual(Array(9).fill(['possible_duplicate', stored[0]!.json.id]));
    expect(await guardOf(item)).toEqual(new Set([stored[0]!.json.id]));
  });

  it('follows an item: a new title moves it to that title’s guard, closing takes it out, reopening puts it back', async () => {
    const item = body();
    const renamed = { ...item, title: 'Ta fram riktlinjer för skolskjuts och färdtjänst' };
    const first = await http('POST', '/uppdrag', registrar, { body: item });

    await http('PATCH', `/uppdrag/${first.json.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { title: renamed.title } });
    const oldTitle = await http('POST', '/uppdrag', registrar, { body: item });
    const newTitle = await http('POST', '/uppdrag', registrar, { body: renamed });
    await http('PATCH', `/uppdrag/${first.json.id}`, registrar, { headers: { 'if-match': '"2"' }, body: { status: 'done', note: 'Riktlinjerna antagna' } });
    const afterClosing = await http('GET', `/uppdrag/${first.json.id}`, registrar);
    const guardWhileClosed = await guardOf(renamed);
    await http('PATCH', `/uppdrag/${first.json.id}`, registrar, { headers: { 'if-match': '"3"' }, body: { status: 'open' } });

    expect([oldTitle.status, newTitle.status, newTitle.json.existingId]).toEqual([201, 409, first.json.id]);
    expect(afterClosing.json.state).toBe('done');
    expect(guardWhileClosed).toBeUndefined();
    expect(await guardOf(renamed)).toEqual(new Set([first.json.id]));
    expect(await guardOf(item)).toEqual(new Set([oldTitle.json.id]));
  });

  it('naming an item no longer like the new one is no look-alike: the new item takes its place in the guard', async () => {
    const closed = await http('POST', '/uppdrag', registrar, { body: body() });
    await http('PATCH', `/uppdrag/${closed.json.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { status: 'cancelled', reason: 'Uppdraget återkallat' } });
    const item = body();
    // A guard left naming it, as a change racing the backfill (`npm run guards`) can leave one.
    await client().send(new PutCommand({ TableName: table(), Item: { ...lookalikeKey(sameWorkKey(item)), itemIds: new Set([closed.json.id]) } }));

    const created = await http('POST', '/uppdrag', registrar, { body: item });

    expect(created.status, created.text).toBe(201);
    expect(await guardOf(item)).toEqual(new Set([created.json.id]));
  });
});

describe('the closed days, meeting plans and units a registration read before', () => {
  // KS meets 2028-06-14 (a Wednesday) with 10 working days' lead: due 2028-05-30 (the national day, Tuesday 6 June, is no working day).
  const meetingItem = () => ({ ...body({ due: { meeting: { body: 'KS', month: '2028-06' } }, unit: 'Kulturförvaltningen' }), manager: undefined });
  const create = async () => {
    let created: Awaited<ReturnType<typeof http>> | undefined;
    const commands = await commandsDuring(async () => {
      created = await http('POST', '/uppdrag', registrar, { body: meetingItem() });
    });
    expect(created!.status, created!.text).toBe(201);
    return { item: created!.json, commands };
  };

  it('an extra closed day saved in this process moves the next deadline: its transaction finds the year changed, reads again and counts with it', async () => {
    const before = await create();
    const saved = await http('PUT', '/calendar/closed-days/2028', admin, { body: { dates: ['2028-06-05'] } });

    const after = await create();

    expect(saved.status, saved.text).toBe(200);
    expect([before.item.dueDate, after.item.dueDate]).toEqual(['2028-05-30', '2028-05-29']);
    expect(after.commands).toEqual(['TransactWriteCommand', 'BatchGetCommand', 'TransactWriteCommand']);
    expect((await create()).commands).toEqual(['TransactWriteCommand']);
  });

  it('closed days of a year the counting never looked at are not checked: saved, the next registration is still one transaction', async () => {
    const before = await create();
    // Read with the rest (100 days back from 5 April 2028 reach 2027), never counted over by a June deadline.
    const saved = await http('PUT', '/calendar/closed-days/2027', admin, { body: { dates: ['2027-12-27'] } });

    const after = await create();

    expect(saved.status, saved.text).toBe(200);
    expect(after.item.dueDate).toBe(before.item.dueDate);
    expect(after.commands).toEqual(['TransactWriteCommand']);
  });

  it('a year the counting reaches beyond those it read first (a January meeting’s lead time, back over New Year) is read with them and checked by the transaction', async () => {
    // MBN's only 2030 meeting, Wednesday 9 January, is its last on or before 31 December 2030. Its
    // lead time reaches back into December 2029: neither today (5 April 2028) nor 31 December 2030
    // brings 2029 within the reach read first.
    await http('PUT', '/meetings/MBN/2030', admin, { body: { leadWorkingDays: 10, dates: ['2030-01-09'] } });
    const sent: SentCommand[] = [];
    const restore = faultySend(client(), (command) => void sent.push(command));
    let created: Awaited<ReturnType<typeof http>>;
    try {
      created = await http('POST', '/uppdrag', registrar, { body: body({ due: { meeting: { body: 'MBN', by: '2030-12-31' } } }) });
    } finally {
      restore();
    }

    expect(created.status, created.text).toBe(201);
    // Ten working days before Wednesday 9 January 2030, past New Year and Christmas (24–26 and 31 December closed): Wednesday 19 December 2029.
    expect(created.json).toMatchObject({ meetingDate: '2030-01-09', dueDate: '2029-12-19' });
    const transaction = sent.filter((command) => command.name === 'TransactWriteCommand').at(-1)!;
    const checked = (transaction.input.TransactItems as { ConditionCheck?: { Key: unknown } }[]).flatMap((entry) => (entry.ConditionCheck ? [entry.ConditionCheck.Key] : []));
    expect(checked).toContainEqual(closedDaysKey(2029));
  });

  it('a meeting plan saved in this process is the one the next deadline hangs on', async () => {
    await create();
    const saved = await http('PUT', '/meetings/KS/2028', admin, { body: { leadWorkingDays: 5, dates: ['2028-05-29', '2028-06-14', '2028-09-25'] } });

    const after = await create();

    expect(saved.status, saved.text).toBe(200);
    // Five working days before Wednesday 14 June: 13, 12, 9, 8 and 7 June.
    expect(after.item).toMatchObject({ dueDate: '2028-06-07', meetingDate: '2028-06-14' });
    expect(after.commands).toEqual(['TransactWriteCommand', 'BatchGetCommand', 'TransactWriteCommand']);
  });

  it('a meeting added to a plan the process had read can be registered against at once: a refusal counted from what it kept is first confirmed from the table', async () => {
    await http('PUT', '/meetings/SN/2028', admin, { body: { leadWorkingDays: 10, dates: ['2028-06-14'] } });
    const first = await http('POST', '/uppdrag', registrar, { body: body({ due: { meeting: { body: 'SN', month: '2028-06' } } }) });
    await http('PUT', '/meetings/SN/2028', admin, { body: { leadWorkingDays: 10, dates: ['2028-06-14', '2028-06-21'] } });

    let atNewMeeting: Awaited<ReturnType<typeof http>> | undefined;
    const commands = await commandsDuring(async () => {
      atNewMeeting = await http('POST', '/uppdrag', registrar, { body: body({ due: { meeting: { body: 'SN', date: '2028-06-21' } } }) });
    });
    let notAMeeting: Awaited<ReturnType<typeof http>> | undefined;
    const refusedCommands = await commandsDuring(async () => {
      notAMeeting = await http('POST', '/uppdrag', registrar, { body: body({ due: { meeting: { body: 'SN', date: '2028-06-28' } } }) });
    });

    expect(first.status, first.text).toBe(201);
    expect([atNewMeeting!.status, atNewMeeting!.json.meetingDate], atNewMeeting!.text).toEqual([201, '2028-06-21']);
    expect(commands).toEqual(['BatchGetCommand', 'TransactWriteCommand']);
    // Wednesday 28 June is no SN meeting in the plan as it is now: refused after one read, nothing written.
    expect([notAMeeting!.status, notAMeeting!.json.code]).toEqual([422, 'not_a_meeting']);
    expect(refusedCommands).toEqual(['BatchGetCommand']);
  });

  it('a plan entered for a year the process found none for is used at once', async () => {
    const atFebruary = () => body({ due: { meeting: { body: 'SN', month: '2029-02' } } });
    const before = await http('POST', '/uppdrag', registrar, { body: atFebruary() });
    await http('PUT', '/meetings/SN/2029', admin, { body: { leadWorkingDays: 10, dates: ['2029-02-14'] } });

    const after = await http('POST', '/uppdrag', registrar, { body: atFebruary() });

    expect([before.status, before.json.code]).toEqual([422, 'no_meeting_plan']);
    expect([after.status, after.json.meetingDate], after.text).toEqual([201, '2029-02-14']);
  });

  it('a unit given a manager in this process, and given another, escalates the next item to that manager', async () => {
    const before = await create();
    await http('PUT', `/units/${encodeURIComponent('Kulturförvaltningen')}`, admin, { body: { manager: sam } });
    const first = await create();
    const other = { name: 'Lo Berg', email: 'lo.berg@kommun.example.se' };
    await http('PUT', `/units/${encodeURIComponent('Kulturförvaltningen')}`, admin, { body: { manager: other } });

    const second = await create();

    expect(before.item.manager).toBeUndefined();
    expect([first.item.manager, second.item.manager]).toEqual([sam, other]);
    expect(second.commands).toEqual(['TransactWriteCommand', 'BatchGetCommand', 'TransactWriteCommand']);
  });

  it('a registration retried with its Idempotency-Key after its meeting left the plan answers the stored item, whether or not the process has read the new plan', async () => {
    await http('PUT', '/meetings/KF/2028', admin, { body: { leadWorkingDays: 10, dates: ['2028-06-20'] } });
    const atMeeting = { ...body({ due: { meeting: { body: 'KF', date: '2028-06-20' } } }) };
    const headers = { 'idempotency-key': `guards-moved-${seq}` };
    const first = await http('POST', '/uppdrag', registrar, { body: atMeeting, headers });
    await http('PUT', '/meetings/KF/2028', admin, { body: { leadWorkingDays: 10, dates: ['2028-06-21'] } });

    // This process still knows the plan as it was: the transaction finds the key's record.
    const beforeReading = await http('POST', '/uppdrag', registrar, { body: atMeeting, headers });
    // Another registration reads the new plan; the retry then finds its meeting gone, and the record.
    const other = await http('POST', '/uppdrag', registrar, { body: body({ due: { meeting: { body: 'KF', month: '2028-06' } } }) });
    const afterReading = await http('POST', '/uppdrag', registrar, { body: atMeeting, headers });
    const fresh = await http('POST', '/uppdrag', registrar, { body: atMeeting });

    expect(first.status, first.text).toBe(201);
    expect(other.json.meetingDate).toBe('2028-06-21');
    expect([beforeReading.status, beforeReading.json.id]).toEqual([201, first.json.id]);
    expect([afterReading.status, afterReading.json.id]).toEqual([201, first.json.id]);
    expect([fresh.status, fresh.json.code]).toEqual([422, 'not_a_meeting']);
  });

  it('a record stored before revisions were kept is checked by its updatedAt: one transaction while it is unchanged, read again once it is saved', async () => {
    const unit = 'Fritidsförvaltningen';
    // The unit as the version before stored it: no revision.
    await client().send(new PutCommand({ TableName: table(), Item: { ...unitKey(unit), manager: sam, updatedBy: admin.email, updatedAt: '2026-11-02T10:00:00.000Z' } }));
    const register = async () => {
      let created: Awaited<ReturnType<typeof http>> | undefined;
      const commands = await commandsDuring(async () => {
        created = await http('POST', '/uppdrag', registrar, { body: { ...body({ unit }), manager: undefined } });
      });
      expect(created!.status, created!.text).toBe(201);
      return { item: created!.json, commands };
    };
    const other = { name: 'Lo Berg', email: 'lo.berg@kommun.example.se' };

    await register();
    const unchanged = await register();
    await http('PUT', `/units/${encodeURIComponent(unit)}`, admin, { body: { manager: other } });
    const changed = await register();

    expect([unchanged.item.manager, changed.item.manager]).toEqual([sam, other]);
    expect(unchanged.commands).toEqual(['TransactWriteCommand']);
    expect(changed.commands).toEqual(['TransactWriteCommand', 'BatchGetCommand', 'TransactWriteCommand']);
  });
});

describe('items stored before the guards existed', () => {
  beforeAll(async () => {
    // A table of its own, as the version before the guards left it: no record that every open item has one.
    await api.stop();
    api = await isolatedApi();
    api.deps.at('2028-04-05T09:00:00+02:00');
    await client().send(new DeleteCommand({ TableName: table(), Key: LOOKALIKE_GUARDS_COMPLETE }));
  });

  it('are found among the official’s open items until guardOpenItems has run; from then on the guards alone answer', async () => {
    const legacy = body();
    const stored = await http('POST', '/uppdrag', registrar, { body: legacy });
    // Stored as that version stored it: in no guard.
    await client().send(new DeleteCommand({ TableName: table(), Key: lookalikeKey(sameWorkKey(legacy)) }));

    const before: Awaited<ReturnType<typeof http>>[] = [];
    const readBefore = await commandsDuring(async () => before.push(await http('POST', '/uppdrag', registrar, { body: legacy })));
    const guarded = await guardOpenItems(api.deps);
    const after: Awaited<ReturnType<typeof http>>[] = [];
    const readAfter = await commandsDuring(async () => after.push(await http('POST', '/uppdrag', registrar, { body: legacy })));
    const readForAnother = await commandsDuring(() => http('POST', '/uppdrag', registrar, { body: body() }));

    expect([before[0]!.status, before[0]!.json.existingId]).toEqual([409, stored.json.id]);
    expect(readBefore).toEqual(['BatchGetCommand', 'QueryCommand']);
    expect(guarded).toBeGreaterThan(0);
    expect(await guardOf(legacy)).toEqual(new Set([stored.json.id]));
    expect([after[0]!.status, after[0]!.json.existingId]).toEqual([409, stored.json.id]);
    // Its transaction finds the guard taken; the next attempt reads it and the look-alike it names.
    expect(readAfter.sort()).toEqual(['BatchGetCommand', 'GetCommand', 'QueryCommand', 'TransactWriteCommand']);
    expect(readForAnother).toEqual(['TransactWriteCommand']);
  });
});
