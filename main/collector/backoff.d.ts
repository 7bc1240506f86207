/**
 * Retry delay after consecutive failures: exponential with full jitter, capped, so that many devices that fail
 * together (a switch reboots) do not all come back in the same millisecond.
 */
export interface BackoffPolicy {
    readonly baseMs: number;
    readonly capMs: number;
}
export declare const DEFAULT_BACKOFF: BackoffPolicy;
export declare function backoffDelay(failures: number, policy?: BackoffPolicy, random?: () => number): number;
