/**
 * Real servers for the fleet tests, each in a temporary folder on 127.0.0.1 and a free port: Mosquitto 2.0 (Debian
 * package mosquitto) and PostgreSQL 15 (Debian package postgresql-15). Run as root (CI containers), each drops to
 * its own user: Mosquitto switches to the user mosquitto by itself, PostgreSQL is started through runuser as
 * postgres; their folders are handed to those users first. A missing binary fails with the install command.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

export const MOSQUITTO = '/usr/sbin/mosquitto';
export const MOSQUITTO_PASSWD = '/usr/bin/mosquitto_passwd';
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export function requireBinary(file: string, aptPackage: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: install it with \`sudo apt-get install ${aptPackage}\``);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs = 30_000, alive: () => boolean = () => true): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (!alive()) throw new Error(`the server for port ${port} ended before it listened`);
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function chownTo(user: string, dir: string): Promise<unknown> {
  return isRoot ? run('chown', ['-R', `${user}:${user}`, dir]) : Promise.resolve();
}

export interface MosquittoOptions {
  /** user -> password */
  readonly users: Readonly<Record<string, string>>;
  readonly acl: string;
  /** TLS on a second listener, with files made by makeTestPki */
  readonly tls?: { readonly ca: string; readonly cert: string; readonly key: string };
}

export interface Mosquitto {
  readonly port: number;
  readonly url: string;
  readonly tlsPort: number | null;
  readonly dir: string;
  log(): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startMosquitto(o: MosquittoOptions): Promise<Mosquitto> {
  requireBinary(MOSQUITTO, 'mosquitto');
  requireBinary(MOSQUITTO_PASSWD, 'mosquitto-clients mosquitto');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-mosquitto-'));
  const port = await freePort();
  const tlsPort = o.tls ? await freePort() : null;
  const passwd = path.join(dir, 'passwd');
  fs.writeFileSync(passwd, '', { mode: 0o600 });
  for (const [user, password] of Object.entries(o.users)) await run(MOSQUITTO_PASSWD, ['-b', passwd, user, password]);
  fs.writeFileSync(path.join(dir, 'acl'), o.acl, { mode: 0o600 });
  fs.mkdirSync(path.join(dir, 'data'));
  const conf = [
    'per_listener_settings false',
    'allow_anonymous false',
    `password_file ${passwd}`,
    `acl_file ${path.join(dir, 'acl')}`,
    'persistence true',
    `persistence_location ${path.join(dir, 'data')}/`,
    'autosave_interval 1',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    `listener ${port} 127.0.0.1`,
    ...(o.tls && tlsPort !== null
      ? [`listener ${tlsPort} 127.0.0.1`, `cafile ${o.tls.ca}`, `certfile ${o.tls.cert}`, `keyfile ${o.tls.key}`, 'tls_version tlsv1.2']
      : []),
  ];
  fs.writeFileSync(path.join(dir, 'mosquitto.conf'), conf.join('\n') + '\n');
  await chownTo('mosquitto', dir);
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    const c = spawn(MOSQUITTO, ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child = c;
    await waitForPort(port, 30_000, () => c.exitCode === null && c.signalCode === null);
  };
  const stop = async () => {
    const c = child;
    if (c === null || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
    child = null;
  };
  await start();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    tlsPort,
    dir,
    log: () => log,
    stop,
    start,
    close: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Postgres {
  readonly port: number;
  /** as the superuser postgres (trust on 127.0.0.1: a throw-away test cluster) */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  requireBinary(path.join(PG_BIN, 'initdb'), 'postgresql-15');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  await chownTo('postgres', dir);
  const asPg = (bin: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]) : run(path.join(PG_BIN, bin), args);
  await asPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = async () => {
    await asPg('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    close: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A CA and a server certificate for 127.0.0.1 made with openssl, readable by the broker's user. */
export async function makeTestPki(): Promise<{ dir: string; ca: string; cert: string; key: string }> {
  requireBinary('/usr/bin/openssl', 'openssl');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-pki-'));
  const f = (n: string) => path.join(dir, n);
  const ssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=PlusTwin test CA', '-keyout', f('ca.key'), '-out', f('ca.crt')]);
  await ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', f('server.key'), '-out', f('server.csr')]);
  fs.writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  await ssl(['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', f('ext.cnf'), '-out', f('server.crt')]);
  await chownTo('mosquitto', dir);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(f('ca.crt'), 0o644);
  return { dir, ca: f('ca.crt'), cert: f('server.crt'), key: f('server.key') };
}
