import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../shared/domain/calendar/working-days';
import { runDeliveries, type Delivery, type DeliveryDeps, type DeliveryJob, type RunOptions } from '../../shared/application/delivery/engine';
import { SendError, type Channel, type Claims, type Recipient } from '../../shared/application/delivery/ports';

/** A message as the tests' channel carries it. */
interface Message {
  subject: string;
}

const kim: Recipient = { role: 'responsible', email: 'kim.berg@kommun.example.se', name: 'Kim Berg' };
const eva: Recipient = { role: 'responsible', email: 'eva.lind@kommun.example.se', name: 'Eva Lind' };
const sam: Recipient = { role: 'manager', email: 'sam.ek@kommun.example.se', name: 'Sam Ek' };

/** Monday 7 June 2027, 07:00 in Stockholm. */
const MONDAY_MORNING = '2027-06-07T05:00:00Z';

/** Claims kept in memory, as the DynamoDB adapter keeps them: claimed, then sent; a claim older than `staleBefore` is taken over. */
function memoryClaims() {
  const records = new Map<string, { state: 'claimed' | 'sent'; claimedAt: string; itemIds: string[]; messageId?: string }>();
  const id = (key: string, recipient: Recipient) => `${key}|${recipient.role}#${recipient.email}`;
  const claims: Claims = {
    async claim(key, recipient, itemIds, now, staleBefore) {
      const existing = records.get(id(key, recipient));
      if (existing?.state === 'sent') return { state: 'sent', itemIds: existing.itemIds };
      if (existing && existing.claimedAt >= staleBefore) return { state: 'busy' };
      records.set(id(key, recipient), { state: 'claimed', claimedAt: now, itemIds });
      return { state: 'claimed' };
    },
    async markSent(key, recipient, messageId) {
      records.set(id(key, recipient), { ...records.get(id(key, recipient))!, state: 'sent', messageId });
    },
    async release(key, recipient) {
      if (records.get(id(key, recipient))?.state === 'claimed') records.delete(id(key, recipient));
    },
    async sentUnder(key) {
      return [...records].filter(([k, r]) => k.startsWith(`${key}|`) && r.state === 'sent').map(([k]) => {
        const [role, email] = k.split('|')[1]!.split('#');
        return { role: role as Recipient['role'], email: email! };
      });
    },
  };
  return { claims, records, id };
}

/** A channel that records what it sends; `fail` may throw for an address and attempt. */
function recordingChannel(fail: (address: string, attempt: number) => Error | undefined = () => undefined) {
  const sent: { address: string; subject: string }[] = [];
  const attempts = new Map<string, number>();
  const channel: Channel<Message> = {
    addressOf: (recipient) => recipient.email,
    async send(address, message) {
      const attempt = (attempts.get(address) ?? 0) + 1;
      attempts.set(address, attempt);
      const error = fail(address, attempt);
      if (error) throw error;
      sent.push({ address, subject: message.subject });
      return { messageId: `m-${sent.length}` };
    },
  };
  return { channel, sent, attempts };
}

function world(options: { channel?: Channel<Message>; claims?: Claims; suppressed?: string[]; now?: string } = {}) {
  let now = new Date(options.now ?? MONDAY_MORNING);
  const memory = memoryClaims();
  const recording = recordingChannel();
  const deps: DeliveryDeps<Message> = {
    channel: options.channel ?? recording.channel,
    claims: options.claims ?? memory.claims,
    suppressions: { suppressed: async (addresses) => new Set(addresses.filter((a) => options.suppressed?.includes(a))) },
    calendar: async () => createWorkingCalendar(),
    clock: () => new Date(now),
    maxSendRate: 1000,
    backoffMs: 1,
  };
  return { deps, memory, recording, at: (instant: string) => (now = new Date(instant)) };
}

/** A job sending one message to each recipient under the day's key. */
function messagesTo(recipients: Recipient[], extra: Partial<DeliveryJob<Message, Delivery<Message>>> = {}): DeliveryJob<Message, Delivery<Message>> {
  return {
    plan: async ({ day }) =>
      recipients.map((recipient) => ({ key: day, recipient, itemIds: [`uppdrag-${recipient.email}`], compose: async () => ({ subject: `Till ${recipient.name}` }) })),
    ...extra,
  };
}

const states = (run: Awaited<ReturnType<typeof runDeliveries<Message, Delivery<Message>>>>) => run.results.map((r) => `${r.delivery.recipient.email}: ${r.outcome.state}`);

describe('the delivery engine', () => {
  it('sends each recipient one message per key: a second run the same day sends nothing and names the items the first listed', async () => {
    const w = world();

    const first = await runDeliveries(w.deps, messagesTo([kim, eva]));
    const second = await runDeliveries(w.deps, messagesTo([kim, eva]));

    expect(states(first)).toEqual([`${kim.email}: sent`, `${eva.email}: sent`]);
    expect(second.results.map((r) => r.outcome)).toEqual([
      { state: 'alreadySent', itemIds: [`uppdrag-${kim.email}`] },
      { state: 'alreadySent', itemIds: [`uppdrag-${eva.email}`] },
    ]);
    expect(w.recording.sent.map((s) => s.address)).toEqual([kim.email, eva.email]);
  });

  it('sends nothing on a day that is not a working day (midsommarafton 2027) and plans nothing', async () => {
    const w = world({ now: '2027-06-25T05:00:00Z' });
    let planned = false;

    const run = await runDeliveries(w.deps, messagesTo([kim], { plan: async () => ((planned = true), []) }));

    expect(run).toEqual({ day: '2027-06-25', skipped: 'non_working_day', results: [] });
    expect(planned).toBe(false);
  });

  it("the run's day is the Stockholm date of the instant it is for, not of the clock: a retry of Friday's 07:00 run after midnight is Friday's", async () => {
    const w = world({ now: '2027-06-11T22:15:00Z' });

    const run = await runDeliveries(w.deps, messagesTo([kim]), { at: new Date('2027-06-11T05:00:00Z') });

    expect(run.day).toBe('2027-06-11');
    expect(states(run)).toEqual([`${kim.email}: sent`]);
    expect([...w.memory.records.keys()]).toEqual([`2027-06-11|responsible#${kim.email}`]);
  });

  it('a recipient whose claim is held by another run is left to it', async () => {
    const w = world();
    await w.memory.claims.claim('2027-06-07', kim, [], '2027-06-07T04:59:00.000Z', '2027-06-07T04:44:00.000Z');

    const run = await runDeliveries(w.deps, messagesTo([kim, eva]));

    expect(states(run)).toEqual([`${kim.email}: deferred`, `${eva.email}: sent`]);
    expect(w.recording.sent.map((s) => s.address)).toEqual([eva.email]);
  });

  it('a claim left by a run that died between send and record is taken over once it is 15 minutes old: one duplicate rather than a lost message', async () => {
    const w = world();
    await w.memory.claims.claim('2027-06-07', kim, [], '2027-06-07T05:00:00.000Z', '2027-06-07T04:45:00.000Z');

    w.at('2027-06-07T05:14:00Z');
    const fresh = await runDeliveries(w.deps, messagesTo([kim]));
    w.at('2027-06-07T05:16:00Z');
    const stale = await runDeliveries(w.deps, messagesTo([kim]));

    expect(states(fresh)).toEqual([`${kim.email}: deferred`]);
    expect(states(stale)).toEqual([`${kim.email}: sent`]);
  });

  it('throttling is retried with backoff and the message sent once', async () => {
    const throttled = recordingChannel((address, attempt) => (attempt <= 2 ? new SendError('SES: Throttling', true) : undefined));
    const w = world({ channel: throttled.channel });

    const run = await runDeliveries(w.deps, messagesTo([kim]));

    expect(states(run)).toEqual([`${kim.email}: sent`]);
    expect(throttled.attempts.get(kim.email)).toBe(3);
    expect(throttled.sent).toHaveLength(1);
  });

  it('a send still throttled after the retries releases the claim so the next run sends it', async () => {
    let down = true;
    const throttled = recordingChannel(() => (down ? new SendError('SES: Throttling', true) : undefined));
    const w = world({ channel: throttled.channel });

    const first = await runDeliveries({ ...w.deps, sendAttempts: 3 }, messagesTo([kim]));
    const claimAfterFirst = w.memory.records.get(w.memory.id('2027-06-07', kim));
    const attemptsInFirst = throttled.attempts.get(kim.email);
    down = false;
    const next = await runDeliveries(w.deps, messagesTo([kim]));

    expect(first.results[0]!.outcome).toEqual({ state: 'failed', error: 'SES: Throttling' });
    expect(attemptsInFirst).toBe(3);
    expect(claimAfterFirst).toBeUndefined();
    expect(states(next)).toEqual([`${kim.email}: sent`]);
  });

  it('a refused message is not retried: it fails at once and its claim is released', async () => {
    const refusing = recordingChannel(() => new SendError('SES: MessageRejected', false));
    const w = world({ channel: refusing.channel });

    const run = await runDeliveries(w.deps, messagesTo([kim]));

    expect(run.results[0]!.outcome).toEqual({ state: 'failed', error: 'SES: MessageRejected' });
    expect(refusing.attempts.get(kim.email)).toBe(1);
    expect(w.memory.records.size).toBe(0);
  });

  it("a store fault for one recipient is theirs: the others are sent and the job's after-effects run, then the run fails with the fault", async () => {
    const memory = memoryClaims();
    const claims: Claims = {
      ...memory.claims,
      claim: async (key, recipient, itemIds, now, staleBefore) => {
        if (recipient.email === eva.email) throw new Error('DynamoDB: throttled past the SDK retries');
        return memory.claims.claim(key, recipient, itemIds, now, staleBefore);
      },
    };
    const w = world({ claims });
    const settled: string[] = [];

    const run = runDeliveries(w.deps, messagesTo([kim, eva, sam], { settle: async (results) => void settled.push(...results.map((r) => `${r.delivery.recipient.email}: ${r.outcome.state}`)) }));

    await expect(run).rejects.toThrow('DynamoDB: throttled past the SDK retries');
    expect(w.recording.sent.map((s) => s.address)).toEqual([kim.email, sam.email]);
    expect(settled).toEqual([`${kim.email}: sent`, `${eva.email}: failed`, `${sam.email}: sent`]);
  });

  it('a recipient whose address bounced or complained gets nothing and is not claimed', async () => {
    const w = world({ suppressed: [eva.email] });

    const run = await runDeliveries(w.deps, messagesTo([kim, eva]));

    expect(states(run)).toEqual([`${kim.email}: sent`, `${eva.email}: suppressed`]);
    expect([...w.memory.records.keys()]).toEqual([`2027-06-07|responsible#${kim.email}`]);
  });

  it('asks about each address once, however often the job and the engine ask', async () => {
    const w = world({ suppressed: [sam.email] });
    const asked: string[][] = [];
    const deps = { ...w.deps, suppressions: { suppressed: async (addresses: string[]) => (asked.push(addresses), w.deps.suppressions.suppressed(addresses)) } };
    let unreachableInPlan: Set<string> | undefined;

    await runDeliveries(deps, {
      plan: async (context) => {
        unreachableInPlan = await context.unreachable([kim, sam]);
        return messagesTo([kim, sam, eva]).plan(context);
      },
    });

    expect(unreachableInPlan).toEqual(new Set([sam.email]));
    expect(asked).toEqual([[kim.email, sam.email], [eva.email]]);
  });

  it('stops sending 10 seconds before its time runs out: the rest is deferred, unclaimed, to the next run', async () => {
    const w = world();
    let left = 10_500;
    const options: RunOptions = { remainingMs: () => left };
    const job = messagesTo([kim, eva], { plan: async ({ day }) => [kim, eva].map((recipient) => ({ key: day, recipient, itemIds: [], compose: async () => ((left -= 1000), { subject: 'x' }) })) });

    const run = await runDeliveries({ ...w.deps, maxSendRate: 1 }, job, options);

    expect(states(run)).toEqual([`${kim.email}: sent`, `${eva.email}: deferred`]);
    expect([...w.memory.records.keys()]).toEqual([`2027-06-07|responsible#${kim.email}`]);
  });

  it('a dry run composes what would be sent and claims, sends and settles nothing', async () => {
    const w = world({ suppressed: [eva.email] });
    let settled = false;

    const run = await runDeliveries(w.deps, messagesTo([kim, eva], { settle: async () => void (settled = true) }), { dryRun: true });

    expect(run.results.map((r) => r.outcome)).toEqual([{ state: 'wouldSend', message: { subject: 'Till Kim Berg' } }, { state: 'suppressed' }]);
    expect(w.memory.records.size).toBe(0);
    expect(w.recording.sent).toEqual([]);
    expect(settled).toBe(false);
  });

  it('composes a message only once its claim is held', async () => {
    const w = world();
    await runDeliveries(w.deps, messagesTo([kim]));
    let composed = 0;

    const again = await runDeliveries(w.deps, messagesTo([kim], { plan: async ({ day }) => [{ key: day, recipient: kim, itemIds: [], compose: async () => (composed++, { subject: 'x' }) }] }));

    expect(states(again)).toEqual([`${kim.email}: alreadySent`]);
    expect(composed).toBe(0);
  });

  it('a fault after the message was sent (clearing the notices it carried) fails that recipient and the run, with the claim recorded as sent', async () => {
    const w = world();
    const job: DeliveryJob<Message, Delivery<Message>> = {
      plan: async ({ day }) => [
        {
          key: day,
          recipient: kim,
          itemIds: [],
          compose: async () => ({ subject: 'x' }),
          afterSend: async () => {
            throw new Error('DynamoDB: notices not cleared');
          },
        },
      ],
    };

    await expect(runDeliveries(w.deps, job)).rejects.toThrow('notices not cleared');
    expect(w.memory.records.get(w.memory.id('2027-06-07', kim))?.state).toBe('sent');
  });
});
