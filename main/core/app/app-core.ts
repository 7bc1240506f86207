/**
 * The application core, transport-free: store, clock, collector, the demo district and the API handlers.
 * `plustwin serve` puts HTTP in front of it, the Electron main process IPC; neither knows the other.
 */
import type { AppInfo } from '../../../models/contract/index.js';
import { createHandlers } from '../api/handlers.js';
import { createDeviceHandlers } from '../api/device-handlers.js';
import type { Handlers } from '../api/dispatch.js';
import { Collector } from '../ingest/collector/collector.js';
import { scaledClock, wallClock, type Clock } from '../ingest/collector/clock.js';
import { openStore } from '../store/open-store.js';
import { acquireDistrictLock } from '../store/district-lock.js';
import { keyFileCipher, type SecretCipher } from '../base/secret-cipher.js';
import type { Store } from '../store/store.js';
import { startDemo, type RunningDemo } from '../demo/start-demo.js';
import { startDevices, type RunningDevices } from '../ingest/devices/start-devices.js';
import { startCentralSystem, type CentralSystem } from '../ingest/ocpp/central-system.js';
import { appVersion } from '../base/app-root.js';
import { prepareDataDir, type DataPaths } from '../base/data-dir.js';
import { EventBus } from '../base/event-bus.js';
import { SettingsStore } from '../settings/settings-store.js';
import { settingsHandlers } from '../api/settings-api.js';
import { startCentralCore, type CentralSource } from './central-core.js';

export interface CoreOptions {
  readonly dataDir: string;
  /** The district's SQLite file (a project); default <dataDir>/district.sqlite. */
  readonly dbPath?: string;
  readonly transport: AppInfo['transport'];
  /** Simulated seconds per real second for the demo clock; 1 = wall clock. */
  readonly speed?: number;
  /** Run the built-in demo district (simulated devices + a year of history). */
  readonly demo?: boolean;
  /** Days of demo history generated on first start (default 365). */
  readonly demoHistoryDays?: number;
  readonly log?: (line: string) => void;
  /** Seals stored passwords; default: a key file in the data folder. The desktop shell may pass the OS keychain's. */
  readonly secrets?: SecretCipher;
  /** Keep the district file's outbox (plustwin collect publishes from it). */
  readonly outbox?: boolean;
  /** Read one site of a fleet's central PostgreSQL database instead of a district file (read-only; central-core.ts). */
  readonly central?: CentralSource;
}

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly paths: DataPaths;
  readonly store: Store;
  readonly collector: Collector;
  readonly clock: Clock;
  /** The running demo district, when there is one (tests wait for its OPC UA part). */
  readonly demo: RunningDemo | undefined;
  /** The user's devices (main/devices): add, edit, remove at run time; stored ones restart with the core. */
  readonly devices: RunningDevices;
  /** The district's OCPP central system, when its settings enable one (docs/district-assets.md). */
  readonly ocpp: CentralSystem | undefined;
  /** Stops polling, writes every pending reading, closes simulators and the database. */
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  if (options.central !== undefined) return startCentralCore(options, options.central);
  const log = options.log ?? (() => {});
  const prepared = prepareDataDir(options.dataDir);
  const paths: DataPaths = options.dbPath ? { ...prepared, db: options.dbPath } : prepared;
  log(`data folder: ${paths.dir}`);
  log(`database: ${paths.db}`);
  const { store: settings, problem: settingsProblem } = SettingsStore.open(paths.settings);
  if (settingsProblem) log(`settings: ${settingsProblem}`);
  // district import must not replace the file under us; another serve or app must not collect into it too
  const releaseLock = acquireDistrictLock(paths.db, options.transport === 'http' ? 'plustwin serve' : 'the PlusTwin desktop app');
  const speed = options.speed ?? 1;
  const clock = speed === 1 ? wallClock() : scaledClock(speed);
  // the store's retention must follow the collector's clock, or a fast demo clock would delete fresh samples
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(paths.db, {
      now: () => clock.now(),
      log,
      secrets: options.secrets ?? keyFileCipher(paths.dir),
      ...(options.outbox ? { outbox: true } : {}),
    });
  } catch (e) {
    releaseLock();
    throw e;
  }
  const events = new EventBus();
  const collector = new Collector({ clock, sink: store, events, log });
  let demo: RunningDemo | undefined;
  try {
    if (options.demo ?? true) demo = await startDemo({
        store,
        collector,
        clock,
        log,
        pkiDir: paths.pki,
        ...(options.demoHistoryDays ? { historyDays: options.demoHistoryDays } : {}),
      });
  } catch (e) {
    await collector.stop();
    await store.close().finally(releaseLock);
    throw e;
  }
  const devices = startDevices({ store, collector, pkiDir: paths.pki, log, ...(demo ? { demoReady: demo.heatReady } : {}) });
  const ocppSettings = await store.charging.ocppSettings();
  let ocpp: CentralSystem | undefined;
  if (ocppSettings.enabled) {
    try {
      ocpp = await startCentralSystem({ store, charging: store.charging, settings: ocppSettings, now: () => clock.now(), log });
    } catch (e) {
      // a taken port must not keep the rest of the app from starting; the log says why charge points cannot connect
      log(`ocpp: the central system could not start on ${ocppSettings.host}:${ocppSettings.port}: ${(e as Error).message}`);
    }
  }
  const info: AppInfo = { version: appVersion(), dataDir: paths.dir, dbPath: paths.db, transport: options.transport };
  let closing: Promise<void> | undefined;
  return {
    handlers: createHandlers({ store, collector, info, devices: createDeviceHandlers({ supervisor: devices.supervisor, pkiDir: paths.pki }), settings: settingsHandlers(settings) }),
    events,
    paths,
    store,
    collector,
    clock,
    demo,
    devices,
    ocpp,
    close: () =>
      (closing ??= (async () => {
        await ocpp?.close();
        await demo?.stopJoining();
        await devices.close();
        await collector.stop();
        await demo?.close();
        // close() writes what is pending; on a full disk it still closes the file and says what was not written
        await store.close().finally(releaseLock);
      })()),
  };
}
