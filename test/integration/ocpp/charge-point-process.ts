/**
 * Runs test/fixtures/ocpp/charge-point.py (OCPP 1.6J) or charging-station-201.py (OCPP 2.0.1), python3-websockets
 * clients that are not ours, and collects their lines.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../fixtures/ocpp/charge-point.py', import.meta.url));
const SCRIPT_201 = fileURLToPath(new URL('../../fixtures/ocpp/charging-station-201.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

export type Step = readonly [action: string, payload: Record<string, unknown>];
export type Line =
  | { action: string; result: Record<string, unknown> }
  | { action: string; error: string }
  | { refused: number }
  | { subprotocol: string }
  | { unexpected: unknown };

export function requirePythonWebsockets(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import websockets'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(`the OCPP tests need Debian's python3-websockets: sudo apt-get install python3 python3-websockets (${probe.stderr || probe.error?.message})`);
}

export function runChargePoint(url: string, id: string, steps: readonly Step[], password?: string, caFile?: string): Promise<Line[]> {
  return runScript(SCRIPT, url, id, steps, { ...(password === undefined ? {} : { password }), ...(caFile ? { caFile } : {}) });
}

export interface StationOptions {
  readonly password?: string;
  readonly caFile?: string;
  /** The versions offered in Sec-WebSocket-Protocol, most preferred first; default ['ocpp2.0.1']. */
  readonly subprotocols?: readonly string[];
}

/** An OCPP 2.0.1 charging station; its first line names the subprotocol the central system agreed to. */
export function runChargingStation201(url: string, id: string, steps: readonly Step[], o: StationOptions = {}): Promise<Line[]> {
  return runScript(SCRIPT_201, url, id, steps, o);
}

function runScript(script: string, url: string, id: string, steps: readonly Step[], o: StationOptions): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(PYTHON, [script, url, id, ...(o.password === undefined ? [] : [o.password])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...(o.caFile ? { OCPP_CAFILE: o.caFile } : {}),
        ...(o.subprotocols ? { OCPP_SUBPROTOCOLS: o.subprotocols.join(',') } : {}),
      },
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script.split('/').pop()} ${id} exited with ${code}: ${err}`));
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
