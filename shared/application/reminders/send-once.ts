import type { Clock } from '../../platform/clock';
import { SendError, type Mailer, type OutgoingEmail, type Recipient, type ReminderStore } from './ports';
import type { RateLimiter } from './rate-limit';

export interface SendOnceDeps {
  store: Pick<ReminderStore, 'claim' | 'markSent' | 'release'>;
  mailer: Mailer;
  clock: Clock;
  /** A claim older than this is a run that died between claim and record: it is taken over. */
  staleClaimMinutes?: number;
  /** Attempts per email on throttling and server faults, with exponential backoff. */
  sendAttempts?: number;
  backoffMs?: number;
}

export type SendOutcome =
  | { state: 'sent'; subject: string; messageId: string }
  /** Sent earlier under the same key: the items that email listed. */
  | { state: 'alreadySent'; itemIds: string[] }
  /** Another run holds a fresh claim. */
  | { state: 'busy' }
  /** Not sent; the claim is released, so the next run tries again. */
  | { state: 'failed'; error: string };

/**
 * One email exactly once per key (a day for reminders, a week for the overview) and recipient:
 * claim, send, record (README, "Delivery guarantee"). Throttling and server faults are retried
 * with backoff; the email is composed only once the claim is held.
 */
export async function sendOnce(
  deps: SendOnceDeps,
  envelope: { key: string; recipient: Recipient; itemIds: string[] },
  limiter: RateLimiter,
  compose: () => Promise<Omit<OutgoingEmail, 'to'>>,
): Promise<SendOutcome> {
  const { key, recipient, itemIds } = envelope;
  const now = deps.clock();
  const staleBefore = new Date(now.getTime() - (deps.staleClaimMinutes ?? 15) * 60_000).toISOString();
  const claim = await deps.store.claim(key, recipient, itemIds, now.toISOString(), staleBefore);
  if (claim.state === 'sent') return { state: 'alreadySent', itemIds: claim.itemIds };
  if (claim.state === 'busy') return { state: 'busy' };
  const email = await compose();
  const attempts = deps.sendAttempts ?? 4;
  let messageId: string;
  for (let attempt = 1; ; attempt++) {
    try {
      await limiter.acquire();
      ({ messageId } = await deps.mailer.send({ to: recipient.email, ...email }));
      break;
    } catch (error) {
      if (error instanceof SendError && error.retryable && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, (deps.backoffMs ?? 200) * 2 ** (attempt - 1)));
        continue;
      }
      await deps.store.release(key, recipient);
      return { state: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }
  // SES has accepted the email. If recording fails now, the claim stays and goes stale: the one
  // window where a later run sends again (README, "Delivery guarantee").
  await deps.store.markSent(key, recipient, messageId, deps.clock().toISOString());
  return { state: 'sent', subject: email.subject, messageId };
}

/**
 * One recipient's store fault (DynamoDB throttled past the SDK's retries, say) is theirs, not the
 * run's: `guard` records it and lets the run go on with everyone else; `throwFirst`, once they are
 * done, fails the run with it, so Lambda retries it and the retry, finding the claims, sends only
 * what is missing (README, "Delivery guarantee").
 */
export function recipientFaults() {
  const faults: unknown[] = [];
  return {
    async guard<T>(work: () => Promise<T>, onFault: (error: string) => void): Promise<T | undefined> {
      try {
        return await work();
      } catch (error) {
        faults.push(error);
        onFault(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
    throwFirst(): void {
      if (faults.length > 0) throw faults[0];
    },
  };
}
