/** `plustwin serve`: the core without Electron, the UI in a browser (plant-room gateway PCs, tests). */
import path from 'node:path';
import { UsageError, type CliCommand } from '../common/command.js';
import { intOption, parseArgs } from '../common/args.js';
import { CORE_FLAGS, coreOptionsFrom } from '../common/core-flags.js';
import { appRoot } from '../../core/base/app-root.js';
import { isLoopback, type AccessPolicy } from './access.js';
import { createHostAllowList } from './host-allow-list.js';
import { loadOrCreateToken } from './serve-token.js';
import { waitForShutdownSignal } from '../common/shutdown-signal.js';
import { exportsDirOf } from '../../core/api/download-file.js';
import type { StoreAdmin } from '../../core/store/store.js';

const usage = `usage: plustwin serve [--data DIR] [--port N] [--host ADDR] [--speed N] [--no-demo] [--demo-history-days N] [--new-token]
                     [--pg URL [--site ID]]

Runs PlusTwin's core and serves its UI on http://127.0.0.1:<port>/ (default port 8740).
  --data DIR     where the SQLite file and settings live (default: the user-data folder)
  --port N       TCP port, 0 for any free port
  --host ADDR    bind address (default 127.0.0.1). Any non-loopback address requires the access token,
                 which is generated and printed once; --new-token makes a new one.
  --allow-host NAME
                 a further host name the browser may use to reach serve (repeatable). Requests naming any
                 other host are refused (DNS rebinding); loopback names and the bound address are always allowed.
  --speed N      demo clock speed: simulated seconds per real second (60 = a day in 24 minutes)
  --no-demo      do not start the built-in demo district
  --demo-history-days N
                 days of demo history generated on first start (default 365)
  --pg URL       show a fleet's central PostgreSQL database instead of a district file, read-only
                 (postgresql://plustwin_read@db.example.org/plustwin; the password from PGPASSWORD or ~/.pgpass).
                 Nothing is collected and the demo does not start; changes are refused (docs/deployment.md)
  --site ID      with --pg: the site to show (may be left out when the database holds one site)`;

/** --pg and --site as the core's option; a mistake in them is a usage error before anything starts. */
const centralOption = (flags: { pg?: string | undefined; site?: string | undefined }): { central?: { url: string; site?: string } } => {
  if (flags.site !== undefined && flags.pg === undefined) throw new UsageError('--site goes with --pg (a district file holds one site)');
  if (flags.pg === undefined) return {};
  if (!/^postgres(ql)?:\/\//.test(flags.pg)) throw new UsageError(`--pg must be a postgresql:// URL, got '${flags.pg}'`);
  return { central: { url: flags.pg, ...(flags.site === undefined ? {} : { site: flags.site }) } };
};

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'run the core and serve the UI over HTTP on 127.0.0.1',
  usage,
  async run(argv, io) {
    const { flags } = parseArgs(argv, {
      ...CORE_FLAGS,
      port: 'string',
      host: 'string',
      'new-token': 'boolean',
      'allow-host': 'list',
      pg: 'string',
      site: 'string',
    });
    const port = intOption('port', flags.port, 8740, 0, 65535);
    const host = flags.host ?? '127.0.0.1';
    const log = (line: string) => io.err.write(`${line}\n`);
    const options = { ...coreOptionsFrom(flags, log), ...centralOption(flags) };
    // loaded here, not at the top: the other commands start without the core's drivers (node-opcua alone costs seconds)
    const [{ startCore }, { startHttpServer }] = await Promise.all([
      import('../../core/app/app-core.js'),
      import('./http-server.js'),
    ]);
    const core = await startCore(options);
    const hosts = createHostAllowList(host, flags['allow-host'] ?? []);
    let access: AccessPolicy = { tokenHash: null, hosts };
    if (!isLoopback(host)) {
      const token = loadOrCreateToken(core.paths.dir, flags['new-token'] ?? false);
      access = { tokenHash: token.tokenHash, hosts };
      if (token.newToken) log(`access token (shown once, stored hashed): ${token.newToken}`);
      else log('access token required (the one shown when it was generated; --new-token makes a new one)');
    }
    let server;
    try {
      server = await startHttpServer({
        host,
        port,
        staticDir: path.join(appRoot(), 'dist', 'renderer'),
        handlers: core.handlers,
        events: core.events,
        access,
        exportsDir: exportsDirOf(core.paths.dir),
      });
    } catch (e) {
      await core.close();
      throw new Error(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
    }
    // listening before the line is printed: a supervisor may signal as soon as it reads it
    const signalled = waitForShutdownSignal();
    io.out.write(`PlusTwin listening on ${server.url}\n`);
    const signal = await signalled;
    // readings wait in the collector's buffer and then in the store's batch: both must reach the file
    const pending = core.collector.counters().pending + ((core.store as Partial<StoreAdmin>).stats?.().buffered ?? 0);
    log(`${signal}: shutting down, writing ${pending} pending readings`);
    await server.close();
    let unwritten: Error | null = null;
    try {
      await core.close();
    } catch (e) {
      unwritten = e as Error;
    }
    const { accepted, stored, dropped } = core.collector.counters();
    // one line a supervisor (or the shutdown test) can check: accepted == stored means nothing was lost
    const droppedNote = dropped > 0 ? `, ${dropped} dropped while the file could not be written` : '';
    log(`stopped: ${accepted} readings accepted this session, ${stored} stored, ${pending} were pending at ${signal}${droppedNote}`);
    if (unwritten !== null) {
      log(`plustwin serve: ${unwritten.message}`);
      return 1;
    }
    return 0;
  },
};
