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
  /** Readings the store has committed to the file (not those merely handed to it). */
  readonly readingsStored: number;
  readonly devices: readonly DeviceHealth[];
  /** Why readings cannot be written right now, or null while writes work. */
  readonly storage?: StorageHealth;
}

/** What the UI shows while the district file cannot be written (disk full, read-only, locked). */
export interface StorageHealth {
  /** What the store says (names the file and the condition), or null. */
  readonly problem: string | null;
  /** Since when (wall-clock epoch ms), or null. */
  readonly since: number | null;
  /** Readings read from devices and kept in memory until they can be written. */
  readonly pending: number;
  /** Readings dropped (oldest first) because the memory limit was reached while writes kept failing. */
  readonly dropped: number;
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
