/**
 * Runs test/fixtures/ocpp/ocpp-peer.py, a python3-websockets client that is not ours, as an OCPP 1.6J charge point or
 * an OCPP 2.0.1 charging station, and collects its lines.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../fixtures/ocpp/ocpp-peer.py', import.meta.url));
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

/** An OCPP 1.6J charge point; fails unless the central system agreed to ocpp1.6. */
export async function runChargePoint(url: string, id: string, steps: readonly Step[], password?: string, caFile?: string): Promise<Line[]> {
  const lines = await runScript(url, id, steps, { ...(password === undefined ? {} : { password }), ...(caFile ? { caFile } : {}), subprotocols: ['ocpp1.6'] });
  const agreed = lines.find((l) => 'subprotocol' in l);
  if (agreed !== undefined && agreed.subprotocol !== 'ocpp1.6') throw new Error(`${id}: the central system agreed to ${agreed.subprotocol}, not ocpp1.6`);
  return lines.filter((l) => !('subprotocol' in l));
}

export interface StationOptions {
  readonly password?: string;
  readonly caFile?: string;
  /** The versions offered in Sec-WebSocket-Protocol, most preferred first; default ['ocpp2.0.1']. */
  readonly subprotocols?: readonly string[];
}

/** An OCPP 2.0.1 charging station; its first line names the subprotocol the central system agreed to. */
export function runChargingStation201(url: string, id: string, steps: readonly Step[], o: StationOptions = {}): Promise<Line[]> {
  return runScript(url, id, steps, { ...o, subprotocols: o.subprotocols ?? ['ocpp2.0.1'] });
}

function runScript(url: string, id: string, steps: readonly Step[], o: StationOptions): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(PYTHON, [SCRIPT, url, id, ...(o.password === undefined ? [] : [o.password])], {
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
      if (code !== 0) return reject(new Error(`ocpp-peer.py ${id} exited with ${code}: ${err}`));
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
