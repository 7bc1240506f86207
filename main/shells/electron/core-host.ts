/**
 * The core as the desktop app runs it in its utility process: one project (SQLite file) open at a time, switched
 * on request by closing the old core (every pending reading written) before the new one starts. Node-only, so it
 * is tested without Electron.
 */
import type { AppInfo, EventName } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import { dispatch } from '../../core/api/dispatch.js';
import { startCore, type Core } from '../../core/app/app-core.js';
import { importIntoStore } from '../../core/importers/import-into-store.js';
import { exportReport, prepareReportPage } from '../../core/reports/export-report.js';
import { appVersion } from '../../core/base/app-root.js';
import { ProjectsList } from '../../core/projects/projects-list.js';
import { createDemoProject, createProjectFromImport } from '../../core/projects/create-project.js';
import { EVENT_NAMES, type ControlAction, type CoreHost, type ShutdownReport } from './core-protocol.js';
import type { StoreAdmin } from '../../core/store/store.js';
import type { SecretCipher } from '../../core/base/secret-cipher.js';

export interface CoreHostOptions {
  readonly dataDir: string;
  readonly speed?: number;
  readonly demoHistoryDays?: number;
  /** Start the demo district in demo projects (default true; tests switch it off). */
  readonly demo?: boolean;
  readonly log?: (line: string) => void;
  /** Seals stored passwords; the desktop passes the key it opened from the OS keychain (default: the key file). */
  readonly secrets?: SecretCipher;
}

export interface StartedHost {
  readonly host: CoreHost;
  readonly info: AppInfo;
  /** The running core (tests look at its store and collector). */
  current(): Core;
}

export async function startCoreHost(o: CoreHostOptions): Promise<StartedHost> {
  const log = o.log ?? (() => {});
  const projects = ProjectsList.open(o.dataDir);
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  let unsubscribe: Array<() => void> = [];

  const listen = (core: Core): Core => {
    unsubscribe = EVENT_NAMES.map((name) => core.events.on(name, (payload) => listeners.forEach((l) => l(name, payload))));
    return core;
  };

  const open = async (file: string): Promise<Core> => {
    const core = await startCore({
      dataDir: o.dataDir,
      dbPath: file,
      transport: 'electron',
      demo: o.demo ?? true,
      ...(o.speed !== undefined ? { speed: o.speed } : {}),
      ...(o.demoHistoryDays !== undefined ? { demoHistoryDays: o.demoHistoryDays } : {}),
      log,
      ...(o.secrets ? { secrets: o.secrets } : {}),
    });
    projects.open(file);
    return listen(core);
  };

  const first = projects.current() ?? projects.recent(1)[0];
  let core = await open(first?.file ?? projects.fileFor('Demo'));
  // calls wait while a project switch is under way, and never reach a closed core
  let busy: Promise<unknown> = Promise.resolve();

  const switchTo = async (file: string): Promise<void> => {
    unsubscribe.forEach((u) => u());
    await core.close();
    core = await open(file);
  };

  /**
   * The core over a fleet's central database, read-only. It connects before the running core closes: a wrong
   * password or an unreachable server leaves the project open as it was. Not added to the recent projects (its
   * address may hold the password, which the app does not store); the next start opens the last project again.
   */
  const switchToCentral = async (url: string): Promise<AppInfo> => {
    const next = await startCore({ dataDir: o.dataDir, transport: 'electron', central: { url }, log, ...(o.secrets ? { secrets: o.secrets } : {}) });
    unsubscribe.forEach((u) => u());
    await core.close();
    core = listen(next);
    const info = (await dispatch(core.handlers, 'app.info', {})) as Result<AppInfo>;
    if (!info.ok) throw new Error(info.error.message);
    return info.value;
  };

  const control = async (action: ControlAction): Promise<Result<unknown>> => {
    switch (action.kind) {
      case 'open-project':
        await switchTo(action.file);
        return ok(projects.current());
      case 'new-demo-project': {
        const entry = createDemoProject(projects, action.name);
        await switchTo(entry.file);
        return ok(projects.current());
      }
      case 'new-import-project': {
        const made = await createProjectFromImport(projects, action.name, action.source);
        await switchTo(made.project.file);
        return ok({ project: projects.current(), buildings: made.buildings, warnings: made.warnings });
      }
      case 'import': {
        const { added, updated, warnings } = await importIntoStore(core.store, action.source);
        return ok({ added, updated, warnings });
      }
      case 'export': {
        const done = await exportReport(core.store, { format: action.format, out: action.out, period: action.period, lang: action.lang, appVersion: appVersion() });
        return ok(done);
      }
      case 'prepare-pdf':
        return ok(await prepareReportPage(core.store, { period: action.period, lang: action.lang, appVersion: appVersion() }));
      case 'recent-projects':
        return ok(projects.recent());
      case 'open-central':
        return ok(await switchToCentral(action.url));
    }
  };

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = busy.then(work);
    busy = run.catch(() => {});
    return run;
  };

  const host: CoreHost = {
    call: (method, args) => busy.then(() => dispatch(core.handlers, method, args)),
    control: (action) =>
      serial(() => control(action)).catch((e: unknown) => err(e instanceof Error && e.name === 'ImportError' ? 'validation' : 'internal', (e as Error).message)),
    onEvent: (listener) => void listeners.add(listener),
    close: () =>
      serial(async (): Promise<ShutdownReport> => {
        const pending = core.collector.counters().pending + ((core.store as Partial<StoreAdmin>).stats?.().buffered ?? 0);
        unsubscribe.forEach((u) => u());
        await core.close();
        const after = core.collector.counters();
        return { accepted: after.accepted, stored: after.stored, pendingAtShutdown: pending };
      }),
  };
  const info = (await dispatch(core.handlers, 'app.info', {})) as Result<AppInfo>;
  if (!info.ok) throw new Error(info.error.message);
  return { host, info: info.value, current: () => core };
}
