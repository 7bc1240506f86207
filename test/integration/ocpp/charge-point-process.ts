/** Runs test/fixtures/ocpp/charge-point.py (python3-websockets, a client that is not ours) and collects its lines. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../fixtures/ocpp/charge-point.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

export type Step = readonly [action: string, payload: Record<string, unknown>];
export type Line =
  | { action: string; result: Record<string, unknown> }
  | { action: string; error: string }
  | { refused: number }
  | { unexpected: unknown };

export function requirePythonWebsockets(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import websockets'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(`the OCPP tests need Debian's python3-websockets: sudo apt-get install python3 python3-websockets (${probe.stderr || probe.error?.message})`);
}

export function runChargePoint(url: string, id: string, steps: readonly Step[], password?: string, caFile?: string): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(PYTHON, [SCRIPT, url, id, ...(password === undefined ? [] : [password])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...(caFile ? { OCPP_CAFILE: caFile } : {}) },
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`charge-point.py ${id} exited with ${code}: ${err}`));
      resolve(out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line));
    });
    proc.stdin.end(JSON.stringify(steps));
  });
}

export const resultOf = (lines: readonly Line[], action: string): Record<string, unknown> => {
  const line = lines.find((l) => 'action' in l && l.action === action && 'result' in l);
  if (!line || !('result' in line)) throw new Error(`no result for ${action} in ${JSON.stringify(lines)}`);
  return line.result;
};
