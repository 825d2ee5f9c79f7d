import type { Clock } from '../../platform/clock';
import { stockholmDate, type CalendarDate } from '../../domain/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-days';
import { SendError, type Channel, type Claims, type Recipient, type Suppressions } from './ports';
import { createRateLimiter, type RateLimiter } from './rate-limit';

/** What every run of the engine works with: where messages go, how they are claimed, and the day's calendar. */
export interface DeliveryDeps<M> {
  channel: Channel<M>;
  claims: Claims;
  suppressions: Pick<Suppressions, 'suppressed'>;
  calendar: () => Promise<WorkingCalendar>;
  /** Real time: claims and records are stamped with it, and a claim goes stale by it. */
  clock: Clock;
  /** Messages per second at most (the SES account's maximum send rate). */
  maxSendRate: number;
  /** A claim older than this is a run that died between claim and record: it is taken over. Default 15. */
  staleClaimMinutes?: number;
  /** Attempts per message on throttling and server faults, with exponential backoff. Default 4. */
  sendAttempts?: number;
  /** The first backoff, doubled at each further attempt. Default 200 ms. */
  backoffMs?: number;
}

export interface RunOptions {
  /**
   * The instant the run is for: the scheduler's `scheduledTime`, so a retry at 09:30 of the 07:00
   * run is still that morning's run. Default the clock's now.
   */
  at?: Date;
  /** Compose what would be sent; claim, send and change nothing. */
  dryRun?: boolean;
  /** Real time left to the run (Lambda's remaining time); the run stops sending before it runs out. */
  remainingMs?: () => number;
}

/** One message to one recipient, sent at most once under its key. */
export interface Delivery<M> {
  /** The claim's key: the day for reminders, `DIGEST#<monday>#<unit>` for a week's overview. */
  key: string;
  recipient: Recipient;
  /** The items the message lists, recorded with the claim. */
  itemIds: string[];
  /** The message; composed only once the claim is held (or for a dry run). */
  compose(): Promise<M>;
  /** Done once the message is sent and recorded (clearing the notices it carried); a fault here is the recipient's. */
  afterSend?(): Promise<void>;
}

export type Outcome<M> =
  | { state: 'sent'; message: M; messageId: string }
  /** A dry run: what would be sent. */
  | { state: 'wouldSend'; message: M }
  /** Sent earlier under the same key: the items that message listed. */
  | { state: 'alreadySent'; itemIds: string[] }
  /** Left for another run: one that holds a fresh claim, or the next, when this one's time ran out. */
  | { state: 'deferred' }
  /** The recipient's address on the channel bounced or complained: nothing is sent. */
  | { state: 'suppressed' }
  /** Not sent: refused or still failing after the retries (the claim is released), or a store fault of the recipient's (the run then fails). */
  | { state: 'failed'; error: string };

export interface Result<M, D extends Delivery<M>> {
  delivery: D;
  outcome: Outcome<M>;
}

export interface RunContext {
  /** The Stockholm date of the run's instant. */
  day: CalendarDate;
  calendar: WorkingCalendar;
  dryRun: boolean;
  /** The e-mail addresses (identities) of those of `recipients` whose address on the channel is suppressed. */
  unreachable(recipients: Recipient[]): Promise<Set<string>>;
}

/** What a job adds to the engine: what to send to whom, and what follows once it is sent. */
export interface DeliveryJob<M, D extends Delivery<M>> {
  plan(context: RunContext): Promise<D[]>;
  /** After-effects of a real run (not a dry run), before a recipient's fault fails it. */
  settle?(results: Result<M, D>[], context: RunContext): Promise<void>;
}

export interface DeliveryRun<M, D extends Delivery<M>> {
  day: CalendarDate;
  skipped?: 'non_working_day';
  /** In the order planned. */
  results: Result<M, D>[];
}

/** Stop sending when less real time than this is left of the run. */
const SAFETY_MARGIN_MS = 10_000;
/** Messages in flight at once, so the send rate, not the channel's latency, sets the pace. */
const MAX_IN_FLIGHT = 8;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One run of a delivery job (README, "Delivery guarantee"). On a day that is not a working day
 * nothing happens. Otherwise the job plans its messages; those to a suppressed address are not
 * sent; each other is claimed under its key, composed, sent (throttling and server faults retried
 * with exponential backoff, under the maximum send rate) and recorded, exactly once per key and
 * recipient. A message still failing is released for the next run; a message left when the time
 * budget runs out is deferred to it. A store fault for one recipient is theirs: the others go on,
 * the job settles its after-effects, and then the run fails with the first fault, so Lambda
 * retries it and the retry, finding the claims, sends only what is missing.
 */
export async function runDeliveries<M, D extends Delivery<M>>(
  deps: DeliveryDeps<M>,
  job: DeliveryJob<M, D>,
  options: RunOptions = {},
): Promise<DeliveryRun<M, D>> {
  const day = stockholmDate(options.at ?? deps.clock());
  const calendar = await deps.calendar();
  if (!calendar.isWorkingDay(day)) return { day, skipped: 'non_working_day', results: [] };

  const context: RunContext = { day, calendar, dryRun: options.dryRun ?? false, unreachable: suppressionLookup(deps) };
  const deliveries = await job.plan(context);
  const unreachable = await context.unreachable(deliveries.map((d) => d.recipient));
  const results: Result<M, D>[] = deliveries.map((delivery) => ({ delivery, outcome: { state: 'deferred' } }));
  for (const result of results) if (unreachable.has(result.delivery.recipient.email)) result.outcome = { state: 'suppressed' };
  const pending = results.filter((result) => result.outcome.state !== 'suppressed');

  if (context.dryRun) {
    for (const result of pending) result.outcome = { state: 'wouldSend', message: await result.delivery.compose() };
    return { day, results };
  }

  const limiter = createRateLimiter(deps.maxSendRate);
  const remaining = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const faults: unknown[] = [];
  const worker = async () => {
    for (let result = pending.shift(); result; result = pending.shift()) {
      // Left as deferred: the next run sends it.
      if (remaining() < SAFETY_MARGIN_MS) continue;
      try {
        result.outcome = await sendOnce(deps, result.delivery, limiter);
        if (result.outcome.state === 'sent') await result.delivery.afterSend?.();
      } catch (error) {
        faults.push(error);
        result.outcome = { state: 'failed', error: messageOf(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, Math.max(1, Math.ceil(deps.maxSendRate))) }, worker));

  await job.settle?.(results, context);
  if (faults.length > 0) throw faults[0];
  return { day, results };
}

/** Suppression looked up once per address in a run, however often the job and the engine ask. */
function suppressionLookup(deps: Pick<DeliveryDeps<unknown>, 'channel' | 'suppressions'>): RunContext['unreachable'] {
  const known = new Map<string, boolean>();
  return async (recipients) => {
    const addresses = [...new Set(recipients.map((r) => deps.channel.addressOf(r)))];
    const unknown = addresses.filter((address) => !known.has(address));
    if (unknown.length > 0) {
      const suppressed = await deps.suppressions.suppressed(unknown);
      for (const address of unknown) known.set(address, suppressed.has(address));
    }
    return new Set(recipients.filter((r) => known.get(deps.channel.addressOf(r))).map((r) => r.email));
  };
}

/**
 * Claim, compose, send, record. Throttling and server faults are retried with backoff; a message
 * still failing, or refused, releases the claim. A fault of the claims store is thrown.
 */
async function sendOnce<M>(deps: DeliveryDeps<M>, delivery: Delivery<M>, limiter: RateLimiter): Promise<Outcome<M>> {
  const { key, recipient, itemIds } = delivery;
  const now = deps.clock();
  const staleBefore = new Date(now.getTime() - (deps.staleClaimMinutes ?? 15) * 60_000).toISOString();
  const claim = await deps.claims.claim(key, recipient, itemIds, now.toISOString(), staleBefore);
  if (claim.state === 'sent') return { state: 'alreadySent', itemIds: claim.itemIds };
  if (claim.state === 'busy') return { state: 'deferred' };
  const message = await delivery.compose();
  const address = deps.channel.addressOf(recipient);
  const attempts = deps.sendAttempts ?? 4;
  let messageId: string;
  for (let attempt = 1; ; attempt++) {
    try {
      await limiter.acquire();
      ({ messageId } = await deps.channel.send(address, message));
      break;
    } catch (error) {
      if (error instanceof SendError && error.retryable && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, (deps.backoffMs ?? 200) * 2 ** (attempt - 1)));
        continue;
      }
      await deps.claims.release(key, recipient);
      return { state: 'failed', error: messageOf(error) };
    }
  }
  // The channel has accepted the message. If recording fails now, the claim stays and goes stale:
  // the one window where a later run sends again (README, "Delivery guarantee").
  await deps.claims.markSent(key, recipient, messageId, deps.clock().toISOString());
  return { state: 'sent', message, messageId };
}
