/**
 * The core over a fleet's central PostgreSQL database (docs/deployment.md): the same API and UI as over a district
 * file, reading one site read-only. Nothing is collected here (no demo, no device polling, no OCPP): the sites'
 * collectors do that. The device list and probes work; every change of the district is refused with an error in
 * the user's language (api/read-only-handlers.ts). The data folder still holds this machine's settings and PKI.
 */
import type { AppInfo } from '../../../models/contract/index.js';
import { createHandlers } from '../api/handlers.js';
import { createDeviceHandlers } from '../api/device-handlers.js';
import { readOnlyHandlers } from '../api/read-only-handlers.js';
import { settingsHandlers } from '../api/settings-api.js';
import { appVersion } from '../base/app-root.js';
import { prepareDataDir, type DataPaths } from '../base/data-dir.js';
import { EventBus } from '../base/event-bus.js';
import { wallClock } from '../ingest/collector/clock.js';
import { Collector } from '../ingest/collector/collector.js';
import { createDriverFactory } from '../ingest/devices/driver-factory.js';
import { DeviceSupervisor } from '../ingest/devices/device-supervisor.js';
import type { RunningDevices } from '../ingest/devices/start-devices.js';
import { SettingsStore } from '../settings/settings-store.js';
import { openCentralStore } from '../store/central/pg-store.js';

export interface CentralSource {
  /** postgresql://user@host/db; the password from PGPASSWORD or ~/.pgpass rather than in the URL. */
  readonly url: string;
  /** The site to show; may be left out when the database holds one. */
  readonly site?: string;
}

/** What startCore passes on (app-core.ts's CoreOptions, without importing it: app-core imports this file). */
export interface CentralCoreOptions {
  readonly dataDir: string;
  readonly transport: AppInfo['transport'];
  readonly log?: (line: string) => void;
}

/** A running core over the central database; app-core.ts returns it as its Core (the typecheck compares them). */
export async function startCentralCore(options: CentralCoreOptions, central: CentralSource) {
  const log = options.log ?? (() => {});
  const prepared = prepareDataDir(options.dataDir);
  // several sites and none named: the first is shown, and the UI's site selector (sites.list, sites.select) offers the rest
  const store = await openCentralStore(central.url, { log, firstOfMany: true, ...(central.site === undefined ? {} : { site: central.site }) });
  const paths: DataPaths = { ...prepared, db: store.path };
  log(`data folder: ${paths.dir}`);
  log(`central database (read-only): ${store.path}, site ${store.site}`);
  const { store: settings, problem } = SettingsStore.open(paths.settings);
  if (problem) log(`settings: ${problem}`);
  const clock = wallClock();
  const events = new EventBus();
  // no device is started: the collector only answers the status calls (an empty list)
  const collector = new Collector({ clock, sink: store, events, log });
  const supervisor = new DeviceSupervisor({ store, collector, factory: createDriverFactory({ pkiDir: paths.pki }), log });
  const devices: RunningDevices = { supervisor, started: Promise.resolve(), close: () => supervisor.close() };
  const info: AppInfo = { version: appVersion(), dataDir: paths.dir, dbPath: store.path, transport: options.transport };
  const settingsApi = settingsHandlers(settings);
  const handlers = createHandlers({ store, collector, info, devices: createDeviceHandlers({ supervisor, pkiDir: paths.pki }), settings: settingsApi });
  let closing: Promise<void> | undefined;
  return {
    handlers: readOnlyHandlers(handlers, {
      source: store.path,
      // the site shown when the refusal is made (the user may have switched)
      get site() {
        return store.site;
      },
      language: async () => (await settingsApi['settings.get']({})).language,
    }),
    events,
    paths,
    store,
    collector,
    clock,
    demo: undefined,
    devices,
    ocpp: undefined,
    close: () =>
      (closing ??= (async () => {
        await devices.close();
        await collector.stop();
        await store.close();
      })()),
  };
}
