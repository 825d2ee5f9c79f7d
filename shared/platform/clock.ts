/** Every "now" in the product comes from a Clock, so tests and the job CLI can run at any instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return () => new Date(at);
}
