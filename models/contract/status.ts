/** The app and the collector: version and paths, the polling state, and the events pushed after each poll round. */
import type { PowerSample } from './district.js';

export interface AppInfo {
  readonly version: string;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly transport: 'electron' | 'http';
}

export type DeviceState = 'online' | 'offline' | 'backoff' | 'unknown';

export interface DeviceHealth {
  readonly deviceId: string;
  readonly state: DeviceState;
  readonly lastGoodTs: number | null;
  readonly lastError: string | null;
  readonly errorCount: number;
  readonly pollCount: number;
  readonly latencyMs: number | null;
}

export interface CollectorStatus {
  /** The collector's clock (simulated time in demo mode), UTC epoch ms. */
  readonly now: number;
  /** Simulated seconds per real second (1 in production). */
  readonly speed: number;
  readonly devicesOnline: number;
  readonly devicesTotal: number;
  readonly lastPollTs: number | null;
  readonly readingsStored: number;
  readonly devices: readonly DeviceHealth[];
}

export interface StatusMethods {
  'app.info': { args: Record<string, never>; result: AppInfo };
  'status.get': { args: Record<string, never>; result: CollectorStatus };
}

/** event name -> payload */
export interface StatusEvents {
  status: CollectorStatus;
  /** Latest power per building after a poll round, kW. */
  live: { readonly ts: number; readonly buildings: Readonly<Record<string, PowerSample>> };
}
