/** Health bookkeeping of one device, turned into the contract's DeviceHealth for the UI. */
import type { DeviceHealth, DeviceState } from '../../../../models/contract/index.js';

export class HealthRecord {
  state: DeviceState = 'unknown';
  lastGoodTs: number | null = null;
  lastError: string | null = null;
  errorCount = 0;
  consecutiveFailures = 0;
  pollCount = 0;
  latencyMs: number | null = null;

  constructor(readonly deviceId: string) {}

  success(ts: number, latencyMs: number): void {
    this.pollCount++;
    this.state = 'online';
    this.lastGoodTs = ts;
    this.latencyMs = latencyMs;
    this.consecutiveFailures = 0;
  }

  failure(message: string, inBackoff: boolean): void {
    this.pollCount++;
    this.errorCount++;
    this.consecutiveFailures++;
    this.lastError = message;
    this.state = inBackoff ? 'backoff' : 'offline';
  }

  view(): DeviceHealth {
    return {
      deviceId: this.deviceId,
      state: this.state,
      lastGoodTs: this.lastGoodTs,
      lastError: this.lastError,
      errorCount: this.errorCount,
      pollCount: this.pollCount,
      latencyMs: this.latencyMs,
    };
  }
}
