/**
 * Modbus polling benchmark: D simulated meters x 40 points, each polled once a second over Modbus TCP on
 * loopback (default 500 devices = 20,000 points/s). The simulators run in a child process (one process for all
 * of them), so the CPU % reported is the poller's own. Measured per mode: points/s sustained (readings of the
 * polls started in the window / window length; a poll is skipped when the device's previous one is still
 * running), poller CPU % of one core (including the final drain), p99 poll latency (one device's read()). Coalesced reads (3 requests per device) against the baseline in
 * the same run: one request per point (40 requests per device).
 * Scale: MODBUS_BENCH_DEVICES (500), MODBUS_BENCH_SECONDS (15 per mode).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { createModbusDriver, type ModbusDriver } from '../../drivers/modbus/index.js';
import type { BenchResult } from './bench-result.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const num = (name: string, dflt: number) => Number(process.env[name] ?? dflt);

/** A 40-point meter laid out like an SDM630 (three register areas with gaps). */
function benchProfile(): object {
  const points: object[] = [];
  const add = (key: string, address: number, unit: string, kind: string, role: string) =>
    points.push({ key, name: key, address, type: 'float32', unit, kind, role });
  for (let i = 0; i < 20; i++) add(`info_${i}`, i * 2, 'V', 'voltage', 'info');
  for (let i = 0; i < 8; i++) add(`power_${i}`, 52 + i * 2, 'W', 'power', 'import');
  for (let i = 0; i < 5; i++) add(`freq_${i}`, 70 + i * 2, 'Hz', 'frequency', 'info');
  for (let i = 0; i < 7; i++) add(`energy_${i}`, 342 + i * 2, 'kWh', 'energy-counter', 'import');
  return {
    id: 'bench-meter-40',
    manufacturer: 'PlusTwin',
    model: 'bench meter (40 points)',
    source: 'synthetic, SDM630-like layout',
    protocols: ['modbus-tcp'],
    defaults: { functionCode: 4, medium: 'electricity' },
    points,
  };
}

interface SimProcess {
  proc: ChildProcess;
  ports: number[];
  lines: Interface;
  cpu(): Promise<{ cpuMicros: number; requests: number }>;
}

function startSims(devices: number, profileFile: string): Promise<SimProcess> {
  const script = path.join(ROOT, 'test', 'fixtures', 'modbus', 'bench-sim-process.ts');
  const proc = spawn(process.execPath, ['--import', 'tsx', script, String(devices), profileFile], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
  const lines = createInterface({ input: proc.stdout! });
  const waiting: ((v: { cpuMicros: number; requests: number }) => void)[] = [];
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`simulators did not start: ${stderr}`)), 120_000);
    proc.once('exit', (code) => reject(new Error(`simulators exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { ports?: number[]; cpuMicros?: number; requests?: number };
      if (msg.ports) {
        clearTimeout(t);
        resolve({
          proc,
          ports: msg.ports,
          lines,
          cpu: () => new Promise((r) => {
            waiting.push(r);
            proc.stdin!.write('cpu\n');
          }),
        });
      } else waiting.shift()?.({ cpuMicros: msg.cpuMicros ?? 0, requests: msg.requests ?? 0 });
    });
  });
}

interface ModeResult {
  pointsPerSecond: number;
  cpuPercent: number;
  simCpuPercent: number;
  p99Ms: number;
  skipped: number;
  errors: number;
  requestsPerSecond: number;
}

async function runMode(sims: SimProcess, profileDir: string, noCoalescing: boolean, seconds: number): Promise<ModeResult> {
  const drivers: ModbusDriver[] = [];
  for (const [i, port] of sims.ports.entries()) {
    drivers.push(
      await createModbusDriver(
        { id: `d${i}`, name: `d${i}`, buildingId: 'b', protocol: 'modbus-tcp', url: `modbus-tcp://127.0.0.1:${port}?unit=1`, profile: 'bench-meter-40', pollIntervalMs: 1000 },
        { profileDir, noCoalescing, timeoutMs: 2000, retries: 0 },
      ),
    );
  }
  // warm-up: connect every bus once
  await Promise.allSettled(drivers.map((d) => d.read(Date.now())));

  const latencies: number[] = [];
  let readings = 0;
  let skipped = 0;
  let errors = 0;
  const busy = new Array<boolean>(drivers.length).fill(false);
  const simBefore = await sims.cpu();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  const timers: NodeJS.Timeout[] = [];
  const pending = new Set<Promise<void>>();
  // spread the devices evenly over the second, as a collector with per-device phases does
  drivers.forEach((d, i) => {
    const tick = () => {
      if (performance.now() >= end) return;
      if (busy[i]) {
        skipped++;
        return;
      }
      busy[i] = true;
      const t0 = performance.now();
      const p = d
        .read(Date.now())
        .then(
          (r) => {
            readings += r.length;
            latencies.push(performance.now() - t0);
          },
          () => {
            errors++;
          },
        )
        .finally(() => {
          busy[i] = false;
          pending.delete(p);
        });
      pending.add(p);
    };
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, 1000));
      }, (i * 1000) / drivers.length),
    );
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  timers.forEach((t) => clearTimeout(t));
  await Promise.allSettled([...pending]);
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const simAfter = await sims.cpu();
  await Promise.all(drivers.map((d) => d.close()));
  latencies.sort((a, b) => a - b);
  return {
    // every poll started inside the window has finished (awaited above): readings over the window length is the
    // rate sustained at the offered load; dividing by `wall` would also count the final drain
    pointsPerSecond: readings / seconds,
    cpuPercent: ((cpu.user + cpu.system) / 1e6 / wall) * 100,
    simCpuPercent: ((simAfter.cpuMicros - simBefore.cpuMicros) / 1e6 / wall) * 100,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? NaN,
    skipped,
    errors,
    requestsPerSecond: (simAfter.requests - simBefore.requests) / wall,
  };
}

export async function run(): Promise<BenchResult[]> {
  const devices = num('MODBUS_BENCH_DEVICES', 500);
  const seconds = num('MODBUS_BENCH_SECONDS', 15);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plustwin-modbus-bench-'));
  const profileFile = path.join(dir, 'bench-meter-40.json');
  await writeFile(profileFile, JSON.stringify(benchProfile()));
  const sims = await startSims(devices, profileFile);
  try {
    const coalesced = await runMode(sims, dir, false, seconds);
    const baseline = await runMode(sims, dir, true, seconds);
    const target = devices * 40;
    const load = os.loadavg()[0]!.toFixed(1);
    const note = (m: ModeResult) =>
      `${devices} devices x 40 points at 1 s, ${seconds} s, load average ${load} on ${os.cpus().length} cores; ${Math.round(m.requestsPerSecond)} requests/s, simulators ${m.simCpuPercent.toFixed(0)} % CPU, ${m.skipped} polls skipped, ${m.errors} failed`;
    return [
      {
        name: 'modbus: points/s sustained (coalesced reads)',
        value: coalesced.pointsPerSecond,
        unit: 'points/s',
        baseline: { name: 'one request per point', value: baseline.pointsPerSecond },
        note: `target ${target}; ${note(coalesced)}`,
      },
      {
        name: 'modbus: poller CPU (one core = 100 %)',
        value: coalesced.cpuPercent,
        unit: '%',
        baseline: { name: 'one request per point', value: baseline.cpuPercent },
        note: `target < 50 %; baseline: ${note(baseline)}`,
      },
      {
        name: 'modbus: p99 poll latency per device',
        value: coalesced.p99Ms,
        unit: 'ms',
        baseline: { name: 'one request per point', value: baseline.p99Ms },
      },
    ];
  } finally {
    sims.lines.close();
    sims.proc.stdin!.end();
    sims.proc.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
