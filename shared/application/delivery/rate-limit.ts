export interface RateLimiterOptions {
  /** Milliseconds, monotonic. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Timer wake-ups and the step from `acquire` to the SES call drift by a fraction of a millisecond. */
const MARGIN_MS = 0.5;

/**
 * Keeps sends under a maximum rate (an SES account has one): each `acquire` waits its turn, and
 * turns start at least `1000 / perSecond` ms after the previous one actually started. Spacing
 * from the actual start, not an ideal timetable, means a late send never lets the next ones bunch
 * up: no second ever holds more than `perSecond` sends. Concurrent senders queue for turns.
 */
export function createRateLimiter(perSecond: number, options: RateLimiterOptions = {}) {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = 1000 / perSecond + MARGIN_MS;
  let previous = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<void> {
      const turn = queue.then(async () => {
        const due = previous + interval;
        for (let current = now(); current < due; current = now()) await sleep(Math.ceil(due - current));
        previous = now();
      });
      queue = turn;
      return turn;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
