/**
 * Device management inside the core: the driver factory with the app's PKI folder and the supervisor (the API
 * handlers on top of it are in main/core/api/). Stored devices start once the demo (when there is one) has added
 * its own, so that the demo's devices are never started twice.
 */
import type { Collector } from '../collector/collector.js';
import type { Store } from '../../store/store.js';
import { createDriverFactory, type DriverFactory } from './driver-factory.js';
import { DeviceSupervisor } from './device-supervisor.js';
import { USER_DEVICE_PREFIX } from './device-input.js';
import type { Device } from '../../../../models/types.js';

export interface DevicesOptions {
  readonly store: Store;
  readonly collector: Collector;
  readonly pkiDir: string;
  readonly log: (line: string) => void;
  /** Resolves when the demo has handed all its devices to the collector. */
  readonly demoReady?: Promise<void>;
  readonly factory?: DriverFactory;
}

export interface RunningDevices {
  readonly supervisor: DeviceSupervisor;
  /** Resolves when every stored device has been tried once (those that failed keep retrying). */
  readonly started: Promise<void>;
  close(): Promise<void>;
}

const isUserDevice = (d: Device): boolean => d.id.startsWith(USER_DEVICE_PREFIX);

export function startDevices(o: DevicesOptions): RunningDevices {
  const supervisor = new DeviceSupervisor({
    store: o.store,
    collector: o.collector,
    factory: o.factory ?? createDriverFactory({ pkiDir: o.pkiDir }),
    log: o.log,
    ...(o.demoReady ? { isDemoDevice: (d) => !isUserDevice(d) } : {}),
  });
  const started = (async () => {
    await o.demoReady;
    // next to the demo only the user's own devices: a demo device the demo could not start is not ours to retry
    await supervisor.startStored(o.demoReady ? isUserDevice : undefined);
  })().catch((e: unknown) => o.log(`devices: stored devices could not start: ${(e as Error).message}`));
  return {
    supervisor,
    started,
    close: async () => {
      await started;
      await supervisor.close();
    },
  };
}
