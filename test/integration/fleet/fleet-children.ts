/**
 * `plustwin collect` and `plustwin ingest` from the sources (through tsx, no build needed) as child processes, and
 * a TCP relay between a collector and the broker that the test can cut (the site's uplink going down).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface Child {
  readonly name: string;
  readonly child: ChildProcess;
  log(): string;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after killAfterMs; the exit code. */
  stop(killAfterMs?: number): Promise<number | null>;
  kill(): Promise<void>;
}

export async function startChild(name: string, entry: string, args: readonly string[], ready: RegExp, timeoutMs = 120_000): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!ready.test(log)) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before it was ready:\n${log}`);
    if (Date.now() - started > timeoutMs) throw new Error(`${name} not ready within ${timeoutMs} ms:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    child,
    log: () => log,
    exited,
    stop: async (killAfterMs = 90_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A relay on 127.0.0.1 to the broker: cut() drops its connections and refuses new ones until restore(). */
export async function startRelay(targetPort: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  };
  return { port, cut, restore: () => listen(port), close: cut };
}
