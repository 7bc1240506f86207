/** Starts the simulator fixture in a child process, so a test can kill -9 it like a crashed server. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'test', 'fixtures', 'opcua', 'sim-server-process.ts');

export interface ChildServer {
  readonly endpointUrl: string;
  readonly port: number;
  readonly proc: ChildProcessWithoutNullStreams;
  sessions(): Promise<number>;
  kill9(): Promise<void>;
  /** SIGSTOP / SIGCONT: the process hangs with its sockets open, like a frozen PLC runtime. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export async function startChildServer(port: number, pkiDir: string): Promise<ChildServer> {
  // node --import tsx keeps it one process: kill -9 must hit the server itself, not a wrapper
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(port), pkiDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: proc.stdout });
  const waiting: ((v: Record<string, unknown>) => void)[] = [];
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const next = (timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`child server did not answer; stderr: ${stderr}`)), timeoutMs);
      waiting.push((v) => {
        clearTimeout(t);
        resolve(v);
      });
      proc.once('exit', (code) => reject(new Error(`child server exited with ${code}; stderr: ${stderr}`)));
    });
  const ready = await next(60_000);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    endpointUrl: String(ready.endpointUrl),
    port: Number(ready.port),
    proc,
    async sessions() {
      const answer = next(5000);
      proc.stdin.write('sessions\n');
      return Number((await answer).sessions);
    },
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    freeze() {
      proc.kill('SIGSTOP');
    },
    thaw() {
      proc.kill('SIGCONT');
    },
    async stop() {
      proc.kill('SIGCONT');
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}
