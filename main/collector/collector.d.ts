/**
 * Polls every device on its own schedule, aligned to multiples of its poll interval on the collector's clock
 * (so a 15-minute meter is read at :00, :15, ...), and never overlaps two reads of one device. A failing device
 * backs off with jitter and is marked; it never delays the others. Readings go to the store in batches; health
 * and live power go to the UI as events. The collector only reads: it has no code path that writes to a device.
 */
import type { CollectorStatus } from '../../models/contract.js';
import type { Device } from '../../models/types.js';
import type { DeviceDriver } from '../../drivers/device-driver.js';
import type { EventBus } from '../core/event-bus.js';
import type { Clock } from './clock.js';
import { type BackoffPolicy } from './backoff.js';
import { type BatchSink } from './reading-buffer.js';
export interface CollectorOptions {
    readonly clock: Clock;
    readonly sink: BatchSink;
    readonly events?: EventBus;
    readonly backoff?: BackoffPolicy;
    /** Real milliseconds between status events at most. */
    readonly statusEveryMs?: number;
    readonly maxBatch?: number;
    readonly flushEveryMs?: number;
}
export declare class Collector {
    private readonly options;
    private readonly devices;
    private readonly buffer;
    private readonly live;
    private lastPollTs;
    private statusTimer;
    private statusDirty;
    constructor(options: CollectorOptions);
    add(device: Device, driver: DeviceDriver): void;
    remove(deviceId: string): Promise<void>;
    status(): CollectorStatus;
    /** Write every pending reading now (graceful shutdown, backups, tests). */
    flush(): Promise<void>;
    stop(): Promise<void>;
    /** Plan the next read at the next multiple of the poll interval after `afterTs`, or after a backoff delay. */
    private scheduleNext;
    private poll;
    private publish;
}
