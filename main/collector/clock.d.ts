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
export declare function wallClock(): Clock;
/** A clock that starts at `start` and runs `speed` times faster than real time. */
export declare function scaledClock(speed: number, start?: number, realNow?: () => number): Clock;
