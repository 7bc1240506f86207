/** Latest power per building from the latest power readings, for the UI's live view. */
import type { PowerSample } from '../../models/contract.js';
import type { Point, Reading } from '../../models/types.js';
export declare class LivePower {
    private readonly latest;
    private readonly points;
    track(points: readonly Point[]): void;
    untrack(deviceId: string): void;
    update(readings: readonly Reading[]): void;
    snapshot(): {
        ts: number;
        buildings: Record<string, PowerSample>;
    };
}
