/** A connected pair of pseudo terminals from socat: a virtual RS-485 line for RTU tests. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PtyPair {
  readonly master: string;
  readonly device: string;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plustwin-rtu-'));
  const master = path.join(dir, 'master');
  const device = path.join(dir, 'device');
  const proc = spawn('socat', [`pty,raw,echo=0,link=${master}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(master) && existsSync(device))) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill();
      throw new Error('socat did not create the pty pair');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    master,
    device,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
