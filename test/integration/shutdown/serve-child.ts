/**
 * `plustwin serve` from the sources (through tsx, so no build is needed) as a child process: waits for its
 * "listening on" line and collects its log. Used by the serve-security and shutdown tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ServeChild {
  readonly url: string;
  readonly child: ChildProcess;
  log(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not ended within killAfterMs. */
  stop(killAfterMs?: number): Promise<number | null>;
}

export async function startServeChild(args: readonly string[], timeoutMs = 90_000): Promise<ServeChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/shells/serve/entry.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${log}`));
    });
  });
  return {
    url,
    child,
    log: () => log,
    exited,
    stop: async (killAfterMs = 30_000) => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until the log matches, or fails naming what it waited for. */
export async function waitForLog(c: ServeChild, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpExecArray> {
  const started = Date.now();
  for (;;) {
    const m = pattern.exec(c.log());
    if (m) return m;
    if (Date.now() - started > timeoutMs) throw new Error(`log never matched ${pattern}:\n${c.log()}`);
    if (c.child.exitCode !== null) throw new Error(`serve exited (${c.child.exitCode}) before the log matched ${pattern}:\n${c.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
