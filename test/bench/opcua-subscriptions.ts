/**
 * OPC UA benchmark: N monitored items over S servers at a 1 s sampling/publishing interval (default 10,000 over
 * 10). The servers run in child processes so that the client's CPU time is the client's alone. Measured:
 * data-change notifications received per second, readings read() and stored in SQLite per second, client CPU %.
 * Baseline in the same run: the same points read with the Read service every second (acquisition 'poll').
 * Scale: OPCUA_BENCH_SERVERS, OPCUA_BENCH_ITEMS (total), OPCUA_BENCH_SECONDS, OPCUA_BENCH_PROCESSES.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import sqlite3 from 'sqlite3';
import type { DeviceDriver } from '../../drivers/device-driver.js';
import type { OpcUaDeviceConfig } from '../../drivers/opcua/opcua-config.js';
import { createOpcUaDriver, type OpcUaDriverDiagnostics } from '../../drivers/opcua/opcua-driver.js';
import { simNodeId } from '../../drivers/simulators/opcua/building-model.js';
import type { Reading } from '../../models/types.js';
import type { BenchResult } from './bench-result.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PKI_ROOT = path.join(os.tmpdir(), 'plustwin-opcua-test-pki');
const num = (name: string, dflt: number) => Number(process.env[name] ?? dflt);

type Driver = DeviceDriver & { diagnostics: () => OpcUaDriverDiagnostics };

function startServers(count: number, itemsPerServer: number): Promise<{ proc: ChildProcess; endpoints: string[] }> {
  const script = path.join(ROOT, 'test', 'fixtures', 'opcua', 'bench-servers-process.ts');
  const proc = spawn(process.execPath, ['--import', 'tsx', script, String(count), String(itemsPerServer), path.join(PKI_ROOT, 'simulator')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`bench servers did not start: ${stderr}`)), 180_000);
    proc.once('exit', (code) => reject(new Error(`bench servers exited with ${code}: ${stderr}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(t);
      resolve({ proc, endpoints: (JSON.parse(line) as { endpoints: string[] }).endpoints });
    });
  });
}

class SampleStore {
  private constructor(private readonly db: sqlite3.Database) {}
  static async open(file: string): Promise<SampleStore> {
    const db = new sqlite3.Database(file);
    const s = new SampleStore(db);
    await s.exec('PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE samples(point_id TEXT, ts INTEGER, value REAL, quality TEXT)');
    return s;
  }
  exec(sql: string): Promise<void> {
    return new Promise((res, rej) => this.db.exec(sql, (e) => (e ? rej(e) : res())));
  }
  private run(sql: string, params: unknown[]): Promise<void> {
    return new Promise((res, rej) => this.db.run(sql, params, (e: Error | null) => (e ? rej(e) : res())));
  }
  /** One transaction per batch, multi-row inserts, as a collector would write. */
  async insert(rows: readonly Reading[]): Promise<void> {
    await this.exec('BEGIN');
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await this.run(
        `INSERT INTO samples VALUES ${chunk.map(() => '(?,?,?,?)').join(',')}`,
        chunk.flatMap((r) => [r.pointId, r.ts, r.value, r.quality]),
      );
    }
    await this.exec('COMMIT');
  }
  close(): Promise<void> {
    return new Promise((res) => this.db.close(() => res()));
  }
}

async function measure(
  mode: 'subscription' | 'poll',
  endpoints: readonly string[],
  itemsPerServer: number,
  seconds: number,
  store: SampleStore,
) {
  const points: OpcUaDeviceConfig['points'] = Array.from({ length: itemsPerServer }, (_, i) => ({
    key: `p${i}`,
    nodeId: simNodeId('bench', `M${i >> 1}`, i % 2 === 0 ? 'ActivePower' : 'EnergyImport'),
    name: `p${i}`,
    medium: 'electricity' as const,
    role: 'import' as const,
    kind: i % 2 === 0 ? ('power' as const) : ('energy-counter' as const),
    samplingIntervalMs: 1000,
  }));
  const drivers: Driver[] = await Promise.all(
    endpoints.map((url, i) =>
      createOpcUaDriver(
        { id: `bench-${mode}-${i}`, name: 'bench', buildingId: 'bench', protocol: 'opcua', url, profile: 'opcua', pollIntervalMs: 1000 },
        { acquisition: mode, publishingIntervalMs: 1000, requestTimeoutMs: 30_000, points },
        { pkiDir: path.join(PKI_ROOT, 'client'), connectTimeoutMs: 60_000 },
      ),
    ),
  );
  // settle: initial values, first publish cycles
  await new Promise((r) => setTimeout(r, 3000));
  const notif0 = drivers.reduce((s, d) => s + d.diagnostics().notifications, 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let stored = 0;
  let ticks = 0;
  let lateTicks = 0;
  const start = Date.now();
  while (Date.now() - start < seconds * 1000) {
    const tickStart = Date.now();
    const batches = await Promise.all(drivers.map((d) => d.read(tickStart).catch(() => [] as Reading[])));
    const rows = batches.flat();
    await store.insert(rows);
    stored += rows.length;
    ticks++;
    const spent = Date.now() - tickStart;
    if (spent > 1000) lateTicks++;
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - spent)));
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const received = drivers.reduce((s, d) => s + d.diagnostics().notifications, 0) - notif0;
  await Promise.all(drivers.map((d) => d.close()));
  return {
    receivedPerS: received / wallS,
    storedPerS: stored / wallS,
    cpuPercent: ((cpu.user + cpu.system) / 1e6 / wallS) * 100,
    ticks,
    lateTicks,
  };
}

export async function run(): Promise<BenchResult[]> {
  const servers = num('OPCUA_BENCH_SERVERS', 10);
  const totalItems = num('OPCUA_BENCH_ITEMS', 10_000);
  const seconds = num('OPCUA_BENCH_SECONDS', 15);
  const processes = Math.min(servers, num('OPCUA_BENCH_PROCESSES', 2));
  const itemsPerServer = Math.floor(totalItems / servers / 2) * 2;
  const children = await Promise.all(
    Array.from({ length: processes }, (_, i) => {
      const count = Math.floor(servers / processes) + (i < servers % processes ? 1 : 0);
      return startServers(count, itemsPerServer);
    }),
  );
  const endpoints = children.flatMap((c) => c.endpoints);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plustwin-opcua-bench-'));
  const store = await SampleStore.open(path.join(dir, 'samples.sqlite'));
  try {
    const sub = await measure('subscription', endpoints, itemsPerServer, seconds, store);
    const poll = await measure('poll', endpoints, itemsPerServer, seconds, store);
    // the machine is shared: the load average says how much of it these figures had
    const scale = `${itemsPerServer * servers} items over ${servers} servers at 1 s, ${seconds} s window, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
    return [
      {
        name: 'opcua subscription notifications received',
        value: Math.round(sub.receivedPerS),
        unit: 'updates/s',
        note: `${scale}; expected about ${itemsPerServer * servers}/s`,
      },
      {
        name: 'opcua subscription readings stored (SQLite)',
        value: Math.round(sub.storedPerS),
        unit: 'readings/s',
        baseline: { name: 'Read-service polling', value: Math.round(poll.storedPerS) },
        note: `${scale}; late ticks: subscription ${sub.lateTicks}/${sub.ticks}, poll ${poll.lateTicks}/${poll.ticks}`,
      },
      {
        name: 'opcua subscription client CPU',
        value: Math.round(sub.cpuPercent * 10) / 10,
        unit: '% of one core',
        baseline: { name: 'Read-service polling client CPU', value: Math.round(poll.cpuPercent * 10) / 10 },
        note: `${scale}; includes storing the readings in SQLite; servers run in ${processes} child processes`,
      },
    ];
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    for (const c of children) c.proc.kill('SIGTERM');
  }
}
