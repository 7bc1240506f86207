/**
 * The collector's clock. In production it is the wall clock; the demo may run it faster (`--speed 60`: a day in
 * 24 minutes). Every timestamp PlusTwin stores comes from this clock, so stored data stays consistent with it.
 */
export interface Clock {
  now(): number;
  readonly speed: number;
  /** Real milliseconds until the clock reaches ts (0 when it already has). */
  realDelayUntil(ts: number): number;
}

export function wallClock(): Clock {
  return { now: () => Date.now(), speed: 1, realDelayUntil: (ts) => Math.max(0, ts - Date.now()) };
}

/** A clock that starts at `start` and runs `speed` times faster than real time. */
export function scaledClock(speed: number, start = Date.now(), realNow: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, got ${speed}`);
  const realStart = realNow();
  const now = () => start + (realNow() - realStart) * speed;
  return { now, speed, realDelayUntil: (ts) => Math.max(0, (ts - now()) / speed) };
}
