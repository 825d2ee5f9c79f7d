/**
 * Keeps sends under a maximum rate (an SES account has one): each `acquire` waits for the next
 * slot, slots `1000 / perSecond` ms apart, so concurrent senders share the rate.
 */
export function createRateLimiter(perSecond: number, now: () => number = Date.now) {
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return {
    async acquire(): Promise<void> {
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + interval;
      if (slot > current) await new Promise((resolve) => setTimeout(resolve, slot - current));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
