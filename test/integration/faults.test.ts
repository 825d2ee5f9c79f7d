/**
 * Faults, injected through the adapters: DynamoDB throttled (on the wire, where the SDK's retries
 * meet it, and past them), transactions cancelled by conflicts, SES throttled, failing and
 * refusing per recipient (on the wire of the real SES adapter), runs at once, and the clock
 * crossing both DST nights of 2027. The promise counted here is the README's: every official gets
 * exactly one email for every day a reminder is due, none is lost, and nothing is half-stored.
 *
 * test/integration/reminders.test.ts covers the rest of the delivery guarantee (a crash between
 * send and record, two runs at once for one recipient, the time budget, bounces); not repeated here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { createItem } from '../../shared/application/items/service';
import { runReminders, type ReminderJobDeps, type RunReport } from '../../shared/application/reminders/job';
import { createReminderDependencies, type ReminderDependencies } from '../../functions/reminders/dependencies';
import { runDigest, type DigestReport } from '../../shared/application/digest/job';
import { createDigestDependencies } from '../../functions/digest/dependencies';
import { emailChannel } from '../../shared/application/delivery/email';
import { createSesClient, createSesMailer } from '../../shared/adapters/ses/mailer';
import { DYNAMODB_MAX_ATTEMPTS } from '../../shared/adapters/dynamo/client';
import { stockholmDate } from '../../shared/domain/dates';
import { summary } from '../../shared/platform/logger';
import { signLocalToken } from '../../local/tokens';
import { isolatedDependencies, mailTo } from '../support/isolated';
import { jsonClient, routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { dynamoError, dynamoOperation, faultySend, faultyWire, rawMessageOf, sesError } from '../support/faults';
import { itemBody } from '../support/api';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
let people = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.faults.${process.pid}.${Date.now()}.${++people}@kommun.example.se` });

type Deps = Awaited<ReturnType<typeof isolatedDependencies>>;

async function register(deps: Deps, responsible: { name: string; email: string }, dueDate: string, at: string) {
  deps.at(at);
  return (
    await createItem(deps, clerk, {
      kind: 'uppdrag',
      title: `Bevaka ${dueDate}`,
      caseNumber: 'KS 2027/7',
      decision: { body: 'KS', date: '2027-01-25', paragraph: '§ 7' },
      responsible,
      unit: 'Kommunledningskontoret',
      due: { date: dueDate },
    } as never)
  ).item;
}

/** The reminder function's own composition root in a world, built once: faults are injected on its clients. */
const jobs = new WeakMap<Deps, ReminderDependencies>();
function job(deps: Deps): ReminderDependencies {
  let found = jobs.get(deps);
  if (!found) jobs.set(deps, (found = createReminderDependencies(deps.env, deps.clock)));
  return found;
}

function run(deps: Deps, instant: string, overrides: Partial<ReminderJobDeps> = {}): Promise<RunReport> {
  deps.at(instant);
  return runReminders({ ...job(deps), backoffMs: 5, ...overrides });
}

const throttled = () => new ProvisionedThroughputExceededException({ message: 'injected: throttled past the SDK retries', $metadata: {} });
const conflict = () =>
  new TransactionCanceledException({
    message: 'injected: Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
  });

// ---------------------------------------------------------------------------------------------
describe('the API when DynamoDB is throttled or busy', () => {
  let server: Awaited<ReturnType<typeof routeServer>>;
  let token: string;
  beforeAll(async () => {
    server = await routeServer();
    token = await signLocalToken({ email: clerk.who, roles: ['registrar'] }, inject('jwtSecret'));
  });
  afterAll(() => server.stop());

  const api = jsonClient(() => server.url, () => token);
  const counts = () => tableCounts(server.deps.documentClient, server.deps.tableName);

  it('throttling is retried by the SDK with backoff: two throttled answers, then the create goes through, once', async () => {
    const before = await counts();
    let attempts = 0;
    const restore = faultyWire(server.deps.documentClient, (request) => {
      if (dynamoOperation(request) !== 'TransactWriteItems') return undefined;
      return ++attempts <= 2 ? dynamoError('ProvisionedThroughputExceededException') : undefined;
    });
    try {
      const created = await api('POST', '/uppdrag', itemBody({ unit: 'Felenheten' }), { 'idempotency-key': `faults-throttle-${Date.now()}` });

      expect(created.status).toBe(201);
      expect(attempts).toBe(3);
    } finally {
      restore();
    }
    const after = await counts();
    expect([after.items - before.items, after.history - before.history]).toEqual([1, 1]);
  }, 30_000);

  it(`a create DynamoDB keeps failing (${DYNAMODB_MAX_ATTEMPTS} attempts) answers 503 with Retry-After and stores nothing; sent again, it is stored once`, async () => {
    const before = await counts();
    const key = `faults-unavailable-${Date.now()}`;
    const body = itemBody({ unit: 'Felenheten', title: 'Skrivet när tabellen inte svarade' });
    let attempts = 0;
    const restore = faultyWire(server.deps.documentClient, (request) => {
      if (dynamoOperation(request) !== 'TransactWriteItems') return undefined;
      attempts++;
      return dynamoError('InternalServerError', 500);
    });
    let refused;
    try {
      refused = await api('POST', '/uppdrag', body, { 'idempotency-key': key });
    } finally {
      restore();
    }
    const unchanged = await counts();
    const first = await api('POST', '/uppdrag', body, { 'idempotency-key': key });
    const replay = await api('POST', '/uppdrag', body, { 'idempotency-key': key });
    const after = await counts();

    expect(refused.status).toBe(503);
    expect(attempts).toBe(DYNAMODB_MAX_ATTEMPTS);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json).toMatchObject({ code: 'unavailable', message: expect.any(String), issues: [] });
    expect(unchanged.fingerprint).toBe(before.fingerprint);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.json.id).toBe(first.json.id);
    expect([after.items - before.items, after.history - before.history]).toEqual([1, 1]);
  }, 30_000);

  it('a create cancelled twice by a conflicting transaction is retried and stored once, with its history', async () => {
    const before = await counts();
    let cancelled = 0;
    const restore = faultySend(server.deps.documentClient, (command) =>
      command.name === 'TransactWriteCommand' && cancelled++ < 2 ? conflict() : undefined,
    );
    let created;
    try {
      created = await api('POST', '/uppdrag', itemBody({ unit: 'Felenheten' }));
    } finally {
      restore();
    }
    const after = await counts();
    const history = await api('GET', `/uppdrag/${created.json.id}/history`);

    expect(created.status).toBe(201);
    expect(cancelled).toBe(3);
    expect([after.items - before.items, after.history - before.history]).toEqual([1, 1]);
    expect(history.json.events.map((e: { action: string }) => e.action)).toEqual(['created']);
  });

  it('a change that keeps conflicting answers 503 and changes nothing; the same change then goes through once', async () => {
    const created = await api('POST', '/uppdrag', itemBody({ unit: 'Felenheten' }));
    const restore = faultySend(server.deps.documentClient, (command) => (command.name === 'TransactWriteCommand' ? conflict() : undefined));
    let refused;
    try {
      refused = await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'Ny rubrik' }, { 'if-match': '"1"' });
    } finally {
      restore();
    }
    const unchanged = await api('GET', `/uppdrag/${created.json.id}`);
    const changed = await api('PATCH', `/uppdrag/${created.json.id}`, { title: 'Ny rubrik' }, { 'if-match': '"1"' });
    const history = await api('GET', `/uppdrag/${created.json.id}/history`);

    expect(refused.status).toBe(503);
    expect(refused.json.code).toBe('unavailable');
    expect(unchanged.json).toMatchObject({ version: 1, title: created.json.title });
    expect(changed.status).toBe(200);
    expect(history.json.events.map((e: { action: string }) => e.action)).toEqual(['created', 'updated']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the daily job when DynamoDB fails', () => {
  it("throttled on one official's claim: the others are sent and moved on in that run, that one in the next; one email each", async () => {
    const deps = await isolatedDependencies();
    const [a, b, c] = [person('Ada Ek'), person('Bo Ek'), person('Cilla Ek')];
    const items = [];
    for (const p of [a, b, c]) items.push(await register(deps, p, '2027-06-14', '2027-06-04T09:00:00+02:00'));
    const restore = faultySend(job(deps).documentClient, (command) =>
      command.name === 'PutCommand' && command.input.Item?.SK === `responsible#${b.email}` ? throttled() : undefined,
    );
    let first: RunReport | Error;
    try {
      first = await run(deps, '2027-06-07T07:00:00+02:00').catch((error: Error) => error);
    } finally {
      restore();
    }
    // When the run is over, the officials it could mail have their email and their items moved on.
    const afterFirst = await Promise.all([a, b, c].map((p) => mailTo(p.email)));
    const moved = await Promise.all(items.map((i) => deps.items.get(i.id)));
    const second = await run(deps, '2027-06-08T07:00:00+02:00');

    expect(afterFirst.map((m) => m.length)).toEqual([1, 0, 1]);
    expect(moved.map((i) => i?.lastRemindedOn)).toEqual(['2027-06-07', undefined, '2027-06-07']);
    if (!(first instanceof Error)) expect(first.failed.map((f) => f.to)).toEqual([b.email]);
    expect(second.sent.map((e) => e.to)).toEqual([b.email]);
    expect((await Promise.all([a, b, c].map((p) => mailTo(p.email)))).map((m) => m.length)).toEqual([1, 1, 1]);
  });

  it('the read of what is due throttled: the run sends nothing, the next run sends every email once', async () => {
    const deps = await isolatedDependencies();
    const officials = [person('Dan Ek'), person('Eva Ek')];
    for (const p of officials) await register(deps, p, '2027-06-14', '2027-06-04T09:00:00+02:00');
    const restore = faultySend(job(deps).documentClient, (command) => (command.name === 'QueryCommand' && command.input.IndexName === 'byNextReminder' ? throttled() : undefined));
    let failed: unknown;
    try {
      failed = await run(deps, '2027-06-07T07:00:00+02:00').then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      restore();
    }
    const afterFailure = await Promise.all(officials.map((p) => mailTo(p.email)));
    const next = await run(deps, '2027-06-07T09:00:00+02:00');
    const again = await run(deps, '2027-06-07T11:00:00+02:00');

    expect(failed).toBeInstanceOf(Error);
    expect(afterFailure.map((m) => m.length)).toEqual([0, 0]);
    expect(next.sent.map((e) => e.to).sort()).toEqual(officials.map((p) => p.email).sort());
    expect(again.sent).toEqual([]);
    expect((await Promise.all(officials.map((p) => mailTo(p.email)))).map((m) => m.length)).toEqual([1, 1]);
  });

  it('three runs at once over twelve officials: each gets exactly one email and every item moves on once', async () => {
    const deps = await isolatedDependencies();
    const officials = Array.from({ length: 12 }, (_, i) => person(`Tolv ${i}`));
    const items = [];
    for (const p of officials) items.push(await register(deps, p, '2027-06-14', '2027-06-04T09:00:00+02:00'));
    deps.at('2027-06-07T07:00:00+02:00');
    const reminders = { ...job(deps), backoffMs: 5 };

    const reports = await Promise.all([runReminders(reminders), runReminders(reminders), runReminders(reminders)]);
    const inboxes = await Promise.all(officials.map((p) => mailTo(p.email)));
    const stored = await Promise.all(items.map((i) => deps.items.get(i.id)));

    expect(reports.flatMap((r) => r.sent).length).toBe(12);
    expect(inboxes.map((m) => m.length)).toEqual(Array(12).fill(1));
    expect(stored.every((i) => i?.lastRemindedOn === '2027-06-07' && i.nextReminderDate === '2027-06-11')).toBe(true);
  });

  it("the weekly overview throttled on one manager's claim: the other units' managers get theirs in that run, that one on the next day; one each", async () => {
    const deps = await isolatedDependencies();
    const managers = [person('Chef Ada'), person('Chef Bo'), person('Chef Cilla')];
    for (const [i, manager] of managers.entries()) {
      deps.at('2027-06-01T09:00:00+02:00');
      await createItem(deps, clerk, { ...itemBody({ unit: `Enhet ${i} ${manager.email}`, manager, due: { date: '2027-06-14' } }) } as never);
    }
    const overview = createDigestDependencies(deps.env, deps.clock);
    const digest = (instant: string) => {
      deps.at(instant);
      return runDigest({ ...overview, backoffMs: 5 });
    };
    const restore = faultySend(overview.documentClient, (command) =>
      command.name === 'PutCommand' && command.input.Item?.SK === `manager#${managers[1]!.email}` ? throttled() : undefined,
    );
    let monday: DigestReport | Error;
    try {
      monday = await digest('2027-06-07T07:00:00+02:00').catch((error: Error) => error);
    } finally {
      restore();
    }
    const afterMonday = await Promise.all(managers.map((m) => mailTo(m.email)));
    const tuesday = await digest('2027-06-08T07:00:00+02:00');

    expect(monday).toBeInstanceOf(Error);
    expect(afterMonday.map((m) => m.length)).toEqual([1, 0, 1]);
    expect(tuesday.sent.map((e) => e.to)).toEqual([managers[1]!.email]);
    expect((await Promise.all(managers.map((m) => mailTo(m.email)))).map((m) => m.length)).toEqual([1, 1, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the daily job when SES fails, through the SES adapter', () => {
  it('throttling and server faults are retried, a refused message is not; the failed ones go out on the next run; one email each', async () => {
    const deps = await isolatedDependencies();
    const [throttledTwice, rejected, failing, unavailableOnce] = [person('Fia Ek'), person('Gun Ek'), person('Hans Ek'), person('Ida Ek')];
    for (const p of [throttledTwice, rejected, failing, unavailableOnce]) await register(deps, p, '2027-06-14', '2027-06-04T09:00:00+02:00');
    const client = createSesClient({ AWS_REGION: 'eu-north-1', SES_ENDPOINT: inject('sesEndpoint') });
    const mailer = createSesMailer(client, { from: deps.config.MAIL_FROM });
    const attempts = new Map<string, number>();
    let faulty = true;
    faultyWire(client, (request) => {
      const raw = rawMessageOf(request);
      const to = [throttledTwice, rejected, failing, unavailableOnce].find((p) => raw.includes(p.email))?.email ?? '';
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      if (!faulty) return undefined;
      if (to === throttledTwice.email && n <= 2) return sesError('Throttling', 400, 'Maximum sending rate exceeded.');
      if (to === rejected.email) return sesError('MessageRejected', 400, 'Email address is not verified.');
      if (to === failing.email) return sesError('InternalFailure', 500);
      if (to === unavailableOnce.email && n === 1) return sesError('ServiceUnavailable', 503);
      return undefined;
    });

    const first = await run(deps, '2027-06-07T07:00:00+02:00', { channel: emailChannel(mailer) });
    const attemptsInFirst = Object.fromEntries(attempts);
    faulty = false;
    const second = await run(deps, '2027-06-08T07:00:00+02:00', { channel: emailChannel(mailer) });
    const third = await run(deps, '2027-06-09T07:00:00+02:00', { channel: emailChannel(mailer) });

    expect(attemptsInFirst).toEqual({ [throttledTwice.email]: 3, [rejected.email]: 1, [failing.email]: 4, [unavailableOnce.email]: 2 });
    expect(first.sent.map((e) => e.to).sort()).toEqual([throttledTwice.email, unavailableOnce.email].sort());
    expect(first.failed.map((e) => e.to).sort()).toEqual([rejected.email, failing.email].sort());
    expect(second.sent.map((e) => e.to).sort()).toEqual([rejected.email, failing.email].sort());
    expect(third.sent).toEqual([]);
    for (const p of [throttledTwice, rejected, failing, unavailableOnce]) expect(await mailTo(p.email), p.email).toHaveLength(1);
    // What the job's handler logs of such a run: counts only, no address, subject or SES message.
    expect(JSON.stringify(summary(first))).not.toMatch(/@|ärende|Throttling|MessageRejected/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the clock crossing the DST nights of 2027', () => {
  /** Hourly instants from `from` to `to` (UTC steps: the autumn night's repeated hour is run twice). */
  const hourly = (from: string, to: string) => {
    const out: string[] = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += 3_600_000) out.push(new Date(t).toISOString());
    return out;
  };
  /** 07:00 Stockholm on each day, as EventBridge Scheduler fires it. */
  const mornings = (days: string[]) => days.map((d) => `${d}T07:00:00${d < '2027-03-28' || d > '2027-10-31' ? '+01:00' : '+02:00'}`);

  const windows = [
    {
      night: 'spring forward, 28 March',
      registered: '2027-03-01T09:00:00+01:00',
      dues: ['2027-03-26', '2027-03-28', '2027-03-29', '2027-04-05'],
      days: ['2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30'],
      // Easter 2027: långfredagen to annandag påsk, around the night the clocks go forward.
      closed: ['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29'],
      from: '2027-03-24T23:00:00Z',
      to: '2027-03-30T21:00:00Z',
    },
    {
      night: 'fall back, 31 October',
      registered: '2027-10-01T09:00:00+02:00',
      dues: ['2027-10-29', '2027-10-31', '2027-11-01', '2027-11-08'],
      days: ['2027-10-28', '2027-10-29', '2027-10-30', '2027-10-31', '2027-11-01', '2027-11-02'],
      closed: ['2027-10-30', '2027-10-31'],
      from: '2027-10-27T22:00:00Z',
      to: '2027-11-02T22:00:00Z',
    },
  ];

  it.each(windows)('$night: a run every hour sends what the 07:00 runs send, on the same Stockholm days, each once', async (w) => {
    const reference = await isolatedDependencies();
    const hourlyDeps = await isolatedDependencies();
    const officials = w.dues.map((due) => ({ due, daily: person(`Dag ${due}`), hourly: person(`Tim ${due}`) }));
    for (const o of officials) {
      await register(reference, o.daily, o.due, w.registered);
      await register(hourlyDeps, o.hourly, o.due, w.registered);
    }

    const expected = new Set<string>();
    for (const instant of mornings(w.days)) {
      const report = await run(reference, instant);
      for (const e of report.sent) expected.add(`${officials.find((o) => o.daily.email === e.to)!.due} ${report.day}`);
    }
    const got: string[] = [];
    for (const instant of hourly(w.from, w.to)) {
      const report = await run(hourlyDeps, instant);
      expect(report.day).toBe(stockholmDate(new Date(instant)));
      for (const e of report.sent) got.push(`${officials.find((o) => o.hourly.email === e.to)!.due} ${report.day}`);
    }

    // The same reminders on the same days, none twice, none on the weekend (or Easter) of the DST night.
    expect(got.length).toBe(new Set(got).size);
    expect(new Set(got)).toEqual(expected);
    expect(got.filter((g) => w.closed.some((day) => g.endsWith(day)))).toEqual([]);
    // Every reminder the 07:00 runs sent reached the official's inbox, once per day.
    for (const o of officials) {
      const days = got.filter((g) => g.startsWith(o.due)).length;
      expect(await mailTo(o.hourly.email), o.due).toHaveLength(days);
    }
  }, 60_000);

  it('the spring night falls at Easter: a deadline on annandag påsk is reminded on the Thursday before and on the Tuesday after, at the Stockholm midnights', async () => {
    const deps = await isolatedDependencies();
    const kim = person('Kim Var');
    await register(deps, kim, '2027-03-29', '2027-03-20T09:00:00+01:00');
    const sent: string[] = [];
    for (const instant of hourly('2027-03-24T23:00:00Z', '2027-03-30T21:00:00Z')) {
      const report = await run(deps, instant);
      if (report.sent.length) sent.push(`${report.day} at ${instant.slice(0, 16)}Z`);
    }

    // Långfredagen 26 March to annandag påsk 29 March are not working days, and the clocks go
    // forward in the night to Sunday 28 March. The missed 7-day reminder, the 1-day reminder
    // (Sunday) and the due day (Monday) all go out on Thursday 25 March, in one email, at its
    // first hour (midnight, UTC+1); the first day late is Tuesday 30 March, at its first hour
    // (midnight, UTC+2: 22:00Z the evening before). Nothing in between.
    expect(sent).toEqual(['2027-03-25 at 2027-03-24T23:00Z', '2027-03-30 at 2027-03-29T22:00Z']);
    expect(await mailTo(kim.email)).toHaveLength(2);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
describe('the API and the signed pages when DynamoDB does not answer at all', () => {
  let down: Awaited<ReturnType<typeof routeServer>>;
  beforeAll(async () => {
    // A loopback port nobody listens on: every connection is refused, as when DynamoDB Local is killed.
    down = await routeServer({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
  });
  afterAll(() => down.stop());

  it('a signed page answers 503 with Retry-After and a Swedish "försök igen om en stund", never 500', async () => {
    const link = await down.deps.links.sign({ kind: 'official', email: 'kim.berg@kommun.example.se' });

    const response = await fetch(`${down.url}/p/${link}`);
    const text = await response.text();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('Försök igen om en stund');
  });

  it('the API answers 503 unavailable with Retry-After, never 500', async () => {
    const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, inject('jwtSecret'));

    const response = await fetch(`${down.url}/uppdrag`, { headers: { authorization: `Bearer ${token}` } });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await response.json()) as { code: string }).code).toBe('unavailable');
  });
});
