import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../shared/application/delivery/rate-limit';

/** A clock the limiter's sleeps move, with some sleeps overrunning, as timers do under load. */
function virtualTime(overrunMs: (call: number) => number = () => 0) {
  let time = 1_000;
  let calls = 0;
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms + overrunMs(++calls);
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** The most sends that started within any one second. */
function peakPerSecond(starts: number[]): number {
  let peak = 0;
  for (let first = 0, last = 0; first < starts.length; first++) {
    while (last < starts.length && starts[last]! < starts[first]! + 1000) last++;
    peak = Math.max(peak, last - first);
  }
  return peak;
}

async function sendsThrough(limiter: ReturnType<typeof createRateLimiter>, now: () => number, count: number, senders = 4) {
  const starts: number[] = [];
  let left = count;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (left-- > 0) {
        await limiter.acquire();
        starts.push(now());
      }
    }),
  );
  return starts.sort((a, b) => a - b);
}

describe('the send-rate limiter (SES allows 14 emails a second on a new production account)', () => {
  it('lets four concurrent senders start at most 14 sends in any second, and close to 14', async () => {
    const clock = virtualTime();
    const limiter = createRateLimiter(14, clock);

    const starts = await sendsThrough(limiter, clock.now, 140);

    const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000);
    expect(peakPerSecond(starts)).toBe(14);
    expect(rate).toBeGreaterThan(13.5);
  });

  it('a late wake-up does not let the following sends bunch up to catch up', async () => {
    // Every fifth sleep overruns by 40 ms, as a busy event loop does.
    const clock = virtualTime((call) => (call % 5 === 0 ? 40 : 0));
    const limiter = createRateLimiter(14, clock);

    const starts = await sendsThrough(limiter, clock.now, 100);

    expect(peakPerSecond(starts)).toBeLessThanOrEqual(14);
  });

  it('the first send after a quiet spell goes at once', async () => {
    const clock = virtualTime();
    const limiter = createRateLimiter(2, clock);
    await limiter.acquire();
    clock.advance(5_000);
    const before = clock.now();

    await limiter.acquire();

    expect(clock.now()).toBe(before);
  });
});
