/** Health bookkeeping of one device, turned into the contract's DeviceHealth for the UI. */
import type { DeviceHealth, DeviceState } from '../../models/contract.js';
export declare class HealthRecord {
    readonly deviceId: string;
    state: DeviceState;
    lastGoodTs: number | null;
    lastError: string | null;
    errorCount: number;
    consecutiveFailures: number;
    pollCount: number;
    latencyMs: number | null;
    constructor(deviceId: string);
    success(ts: number, latencyMs: number): void;
    failure(message: string, inBackoff: boolean): void;
    view(): DeviceHealth;
}
