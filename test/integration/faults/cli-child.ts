/** `plustwin <argv>` from the sources as a child process, for tests that must see the process end by itself. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface Exited {
  /** null when it had to be killed after waitMs */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI and waits for it to end; kills it after waitMs (then code is null). */
export function runCliChild(argv: readonly string[], waitMs: number): Promise<Exited> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/shells/cli/entry.ts'), ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => {
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, waitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: killed ? null : code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
