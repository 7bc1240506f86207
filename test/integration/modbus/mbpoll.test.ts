import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../../../drivers/modbus/index.js';
import {
  profileSimDevice,
  startModbusRtuSimulator,
  startModbusTcpSimulator,
  sunSpecSimDevice,
} from '../../../drivers/simulators/modbus/index.js';
import { ptyPair } from './pty-pair.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** mbpoll prints "[ref]: \tvalue" lines; references are 1-based unless -0 is given. */
function values(stdout: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of stdout.matchAll(/^\[(\d+)\]:\s+(\S+)/gm)) out.set(Number(m[1]), m[2]!);
  return out;
}

async function mbpoll(args: string[]): Promise<Map<number, string>> {
  const { stdout } = await run('mbpoll', [...args, '-1'], { timeout: 10_000 });
  return values(stdout);
}

describe('mbpoll (a third-party master) reads our simulators', () => {
  it('reads float32, int16 and holding registers over Modbus TCP', async () => {
    const sdm = await loadProfile('eastron-sdm630');
    const sim = await startModbusTcpSimulator({
      units: {
        1: profileSimDevice(sdm, (k) => (k === 'power_total' ? -1234.5 : k === 'serial_number' ? 19_283_746 : k === 'voltage_l1' ? 229.75 : 0)),
        126: sunSpecSimDevice([{ id: 1, strings: { Mn: 'SMA' } }, 103], (k) => (k === '103.W' ? 3000 : undefined)),
      },
    });
    cleanups.push(() => sim.close());
    const tcp = ['-m', 'tcp', '-p', String(sim.port)];
    // SDM630: input registers, float big-endian (-B), 0-based references (-0)
    const f = await mbpoll([...tcp, '-a', '1', '-0', '-t', '3:float', '-B', '-r', '52', '-c', '1', '127.0.0.1']);
    expect(Number(f.get(52))).toBeCloseTo(-1234.5, 3);
    const v = await mbpoll([...tcp, '-a', '1', '-0', '-t', '3:float', '-B', '-r', '0', '-c', '1', '127.0.0.1']);
    expect(Number(v.get(0))).toBeCloseTo(229.75, 3);
    const serial = await mbpoll([...tcp, '-a', '1', '-0', '-t', '4:int', '-B', '-r', '64512', '-c', '1', '127.0.0.1']);
    expect(Number(serial.get(64512))).toBe(19_283_746);
    // SunSpec marker and first model header on unit 126
    const sunspec = await mbpoll([...tcp, '-a', '126', '-0', '-t', '4:hex', '-r', '40000', '-c', '4', '127.0.0.1']);
    expect([sunspec.get(40000), sunspec.get(40001), sunspec.get(40002), sunspec.get(40003)]).toEqual(['0x5375', '0x6E53', '0x0001', '0x0042']);
  });

  it('gets an exception for unmapped registers', async () => {
    const sdm = await loadProfile('eastron-sdm630');
    const sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(sdm, () => 1) } });
    cleanups.push(() => sim.close());
    const e = await run('mbpoll', ['-m', 'tcp', '-p', String(sim.port), '-a', '1', '-0', '-t', '3', '-r', '2000', '-c', '2', '-1', '127.0.0.1']).then(
      () => undefined,
      (err: { stderr?: string; stdout?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}`,
    );
    expect(e).toMatch(/Illegal data address/i);
  });

  it('reads our RTU simulator on a serial line', async () => {
    const pty = await ptyPair();
    cleanups.push(() => pty.close());
    const sdm = await loadProfile('eastron-sdm630');
    const line = await startModbusRtuSimulator({ path: pty.device, baudRate: 9600, units: { 5: profileSimDevice(sdm, (k) => (k === 'frequency' ? 49.95 : 0)) } });
    cleanups.push(() => line.close());
    const r = await mbpoll(['-m', 'rtu', '-b', '9600', '-P', 'none', '-a', '5', '-0', '-t', '3:float', '-B', '-r', '70', '-c', '1', pty.master]);
    expect(Number(r.get(70))).toBeCloseTo(49.95, 3);
  });
});
