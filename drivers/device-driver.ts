/**
 * What the collector needs from any transport. A driver owns its connection; the collector owns the schedule.
 * read() answers the device's current values in canonical units (kW, kWh, ...) or throws a DeviceError.
 */
import type { ErrorDetail } from '../models/error-codes.js';
import type { Point, Reading } from '../models/types.js';

export interface DeviceDriver {
  readonly deviceId: string;
  /** The points this device delivers (ids are `${deviceId}:${key}`). */
  readonly points: readonly Point[];
  read(now: number): Promise<Reading[]>;
  close(): Promise<void>;
}

export type DeviceErrorCode = 'timeout' | 'connection' | 'exception' | 'decode' | 'config';

/** A failure talking to a device, with what the user needs to fix it. */
export class DeviceError extends Error {
  constructor(
    readonly code: DeviceErrorCode,
    message: string,
    readonly deviceId?: string,
    /** A code the UI translates, with a hint (models/error-codes.ts). */
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'DeviceError';
  }
}
