/**
 * Starts `plustwin serve` as a child process on a free port with its own data folder and waits for its
 * "listening on <url>" line; stop() asks it to shut down (SIGTERM) and waits, killing it if it hangs.
 * Any e2e test that needs the real core over HTTP can use this.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCliBuilt, ensureRendererBuilt, ROOT } from './build-once.js';

export interface ServeProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far (its log). */
  log(): string;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  readonly speed?: number;
  readonly extraArgs?: readonly string[];
  /** Reuse a data folder (e.g. to test a restart); otherwise a fresh temp folder that stop() removes. */
  readonly dataDir?: string;
  readonly startTimeoutMs?: number;
  /**
   * Days of demo history to generate on first start (default 2: enough for "today" and the month chart).
   */
  readonly historyDays?: number;
}

export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const [cli] = await Promise.all([ensureCliBuilt(), ensureRendererBuilt()]);
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-e2e-'));
  const history = ['--demo-history-days', String(options.historyDays ?? 2)];
  const args = [cli, 'serve', '--data', dataDir, '--port', '0', '--speed', String(options.speed ?? 60), ...history, ...(options.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `serve mode did not print "listening" within ${options.startTimeoutMs ?? 60_000} ms; log:\n${stderr}`,
          ),
        ),
      options.startTimeoutMs ?? 60_000,
    );
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /listening on (\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve mode exited with code ${code} before listening; log:\n${stderr}`));
    });
  });

  return {
    url,
    dataDir,
    child,
    log: () => stderr,
    stdout: () => stdout,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}

/**
 * Waits until the demo's OPC UA heat meters have joined the district (the core logs it after saving them); the
 * UI reads the district once when it opens, so a test that counts meters must open it after this.
 */
export async function waitForDemoHeatMeters(serve: ServeProcess, timeoutMs = 120_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const log = serve.log();
    const joined = /demo district: (\d+) heat meters on the simulated building automation server/.exec(log);
    if (joined) return Number(joined[1]);
    const failed = /the OPC UA heat meters could not start: .*/.exec(log);
    if (failed) throw new Error(`demo district: ${failed[0]}`);
    if (serve.child.exitCode !== null) throw new Error(`serve mode exited (${serve.child.exitCode}) before the heat meters joined; log:\n${log}`);
    if (Date.now() > until) throw new Error(`the demo's heat meters did not join within ${timeoutMs} ms; log:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
