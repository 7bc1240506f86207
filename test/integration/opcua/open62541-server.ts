/**
 * The open62541 test server (test/fixtures/opcua/open62541/server.c): compiled once per source version against the
 * open62541 1.4 that scripts/test-prereqs.mjs provides (the system's libopen62541-1.4-dev, or the copy unpacked from
 * Debian trixie into .cache/open62541), started on a free loopback port, killed and restarted like a crashed PLC.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE = path.join(ROOT, 'test', 'fixtures', 'opcua', 'open62541', 'server.c');
const CACHE = path.join(ROOT, '.cache', 'open62541');
const BUILD = path.join(ROOT, '.cache', 'open62541-server');

const SETUP_HINT =
  'open62541 1.4 is missing: run `node scripts/test-prereqs.mjs` (the first step of `npm test`), which installs ' +
  'libopen62541-1.4-dev with apt where the system offers it, or else fetches it from Debian trixie into .cache/open62541';

/** Compiler flags for the open62541 that is there: the unpacked cache first, else the system's package. */
function libraryFlags(): string[] {
  if (existsSync(path.join(CACHE, '.open62541-unpacked'))) {
    const lib = path.join(CACHE, 'usr', 'lib', execFileSync('gcc', ['-print-multiarch'], { encoding: 'utf8' }).trim());
    // DT_RPATH (not RUNPATH) so that libopen62541's own mbedtls 3.6 from the cache is found too
    return [`-I${path.join(CACHE, 'usr', 'include')}`, `-L${lib}`, `-Wl,--disable-new-dtags,-rpath,${lib}`];
  }
  if (existsSync('/usr/include/open62541/server.h')) return [];
  throw new Error(SETUP_HINT);
}

/**
 * The server binary for the current source. Built under a name derived from the source's hash and renamed into
 * place when complete, so test files that build it at the same time cannot see half a binary.
 */
export function open62541Binary(): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 12);
  const binary = path.join(BUILD, `server-${hash}`);
  if (existsSync(binary)) return binary;
  const flags = libraryFlags();
  mkdirSync(BUILD, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  try {
    execFileSync('gcc', ['-O1', '-Wall', '-Werror', '-o', partial, SOURCE, ...flags, '-lopen62541'], { stdio: 'pipe' });
  } catch (e) {
    rmSync(partial, { force: true });
    const err = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`compiling ${path.relative(ROOT, SOURCE)} failed:\n${err}\n${/open62541/.test(err) ? SETUP_HINT : ''}`);
  }
  renameSync(partial, binary);
  return binary;
}

/** A self-signed server certificate made by open62541 itself (DER), once per build folder. */
export function open62541Certificate(): { cert: string; key: string } {
  const cert = path.join(BUILD, 'server-cert.der');
  const key = path.join(BUILD, 'server-key.der');
  if (!existsSync(cert) || !existsSync(key)) {
    const tmp = `.${process.pid}.partial`;
    execFileSync(open62541Binary(), ['--gen-cert', cert + tmp, key + tmp], { stdio: 'pipe' });
    renameSync(key + tmp, key);
    renameSync(cert + tmp, cert);
  }
  return { cert, key };
}

export interface Open62541Options {
  readonly secure?: boolean;
  readonly user?: { readonly name: string; readonly password: string };
}

export interface Open62541Server {
  readonly endpointUrl: string;
  readonly port: number;
  /** The server's session statistics as it last printed them. */
  sessions(): { current: number; cumulated: number };
  /** Resolves when the statistics satisfy `ok`. */
  waitForSessions(ok: (s: { current: number; cumulated: number }) => boolean, timeoutMs?: number): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function launch(port: number, options: Open62541Options): Promise<Open62541Server> {
  const args = [String(port)];
  if (options.secure) {
    const { cert, key } = open62541Certificate();
    args.push('--cert', cert, '--key', key);
  }
  if (options.user) args.push('--user', options.user.name, '--password', options.user.password);
  const proc: ChildProcessWithoutNullStreams = spawn(open62541Binary(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let stats = { current: 0, cumulated: 0 };
  const watchers = new Set<() => void>();
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code, signal) => reject(new Error(`open62541 server exited (${code ?? signal}) before it was ready: ${stderr}`)));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const m = /^sessions (\d+) (\d+)$/.exec(line);
      if (m) {
        stats = { current: Number(m[1]), cumulated: Number(m[2]) };
        for (const w of [...watchers]) w();
      }
      if (line !== 'ready') return;
      resolve({
        endpointUrl: `opc.tcp://127.0.0.1:${port}`,
        port,
        sessions: () => stats,
        waitForSessions: (ok, timeoutMs = 20_000) =>
          new Promise<void>((done, fail) => {
            const check = () => {
              if (!ok(stats)) return;
              watchers.delete(check);
              clearTimeout(timer);
              done();
            };
            const timer = setTimeout(() => {
              watchers.delete(check);
              fail(new Error(`open62541 sessions still ${JSON.stringify(stats)} after ${timeoutMs} ms`));
            }, timeoutMs);
            watchers.add(check);
            check();
          }),
        async kill9() {
          proc.kill('SIGKILL');
          await exited;
        },
        async stop() {
          if (proc.exitCode !== null || proc.signalCode !== null) return;
          proc.kill('SIGTERM');
          const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}

/**
 * Starts the server on a free port, or on `port` to restart it where a killed one listened. A port another
 * process took between the probe and the server's bind fails the start-up: then another port is tried.
 */
export async function startOpen62541(options: Open62541Options = {}, port?: number): Promise<Open62541Server> {
  if (port !== undefined) return launch(port, options);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(await freePort(), options);
    } catch (e) {
      if (attempt >= 5 || !/start-up failed/.test((e as Error).message)) throw e;
    }
  }
}
