/**
 * Ingest throughput of the store (raw samples + interval engine + 15-minute intervals + rollups, in batched
 * transactions) next to a bare batched multi-row INSERT of the same samples into the same table in the same run.
 * Workload: poll rounds of a district (per building an import and an export counter, net grid power and PV
 * power), every 10 s, in time order as the collector and the demo backfill deliver them.
 * PLUSTWIN_BENCH_INGEST_BUILDINGS and PLUSTWIN_BENCH_INGEST_ROUNDS scale it (quick default: 1.2 million samples).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BulkInsert } from '../../main/core/store/bulk-insert.js';
import { migrate } from '../../main/core/store/migrate.js';
import { openStore } from '../../main/core/store/open-store.js';
import { SampleBatch } from '../../main/core/store/sample-insert.js';
import { SqliteDb } from '../../main/core/store/sqlite-db.js';
import { DEFAULT_BATCH_SIZE } from '../../main/core/store/store-options.js';
import type { Building, Device, Point, Reading } from '../../models/types.js';
import type { BenchResult } from './bench-result.js';

const BUILDINGS = Number(process.env.PLUSTWIN_BENCH_INGEST_BUILDINGS ?? 100);
const ROUNDS = Number(process.env.PLUSTWIN_BENCH_INGEST_ROUNDS ?? 3000);
const POLL_MS = 10_000;
const T0 = Date.UTC(2025, 0, 6);

function district() {
  const buildings: Building[] = [];
  const devices: Device[] = [];
  const points: Point[] = [];
  for (let b = 0; b < BUILDINGS; b++) {
    const id = `b${b}`;
    buildings.push({ id, name: id, use: 'single-family', footprint: [[7, 51], [7.001, 51], [7.001, 51.001]], heightM: 8 });
    devices.push({ id: `${id}.m`, name: 'meter', buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502', profile: 'x', pollIntervalMs: POLL_MS });
    const p = (suffix: string, role: Point['role'], kind: Point['kind']): Point => ({
      id: `${id}.${suffix}`, deviceId: `${id}.m`, buildingId: id, name: suffix, unit: kind === 'power' ? 'kW' : 'kWh', medium: 'electricity', role, kind,
    });
    points.push(p('imp', 'import', 'energy-counter'), p('exp', 'export', 'energy-counter'), p('grid', 'import', 'power'), p('pv', 'generation', 'power'));
  }
  return { buildings, devices, points };
}

/** One poll round: counters rise with the load, power follows a daily shape; deterministic. */
function round(points: readonly Point[], r: number, state: Float64Array): Reading[] {
  const ts = T0 + r * POLL_MS;
  const hour = (ts / 3_600_000) % 24;
  const pv = Math.max(0, Math.sin(((hour - 6) / 12) * Math.PI)) * 5;
  const out: Reading[] = new Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const load = 0.5 + ((i * 7919) % 13) / 10;
    let value: number;
    if (p.kind === 'energy-counter') {
      state[i] = (state[i] as number) + (p.role === 'import' ? Math.max(0, load - pv) : Math.max(0, pv - load)) * (POLL_MS / 3_600_000);
      value = state[i] as number;
    } else value = p.role === 'generation' ? pv : load - pv;
    out[i] = { pointId: p.id, ts, value, quality: 'good' };
  }
  return out;
}

/** CPU seconds of this process (all threads) since start. */
const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plustwin-bench-ingest-'));
  try {
    const d = district();
    const total = ROUNDS * d.points.length;
    const rounds: Reading[][] = [];
    const state = new Float64Array(d.points.length);
    for (let r = 0; r < ROUNDS; r++) rounds.push(round(d.points, r, state));

    // the store, as the collector and the demo backfill use it
    const store = await openStore(join(dir, 'store.sqlite'), { now: () => T0 });
    await store.saveDistrict({ id: 's', name: 's', origin: { lat: 51, lon: 7 }, timezone: 'Europe/Berlin' }, d.buildings, d.devices, d.points);
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (const readings of rounds) await store.ingest(readings);
    await store.flush();
    const storeSeconds = (performance.now() - t) / 1000;
    const storeCpu = cpuSeconds(cpu);
    const stats = store.stats();
    const intervals = await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM intervals');
    await store.close();
    if (stats.stored !== total) throw new Error(`stored ${stats.stored} of ${total}`);

    // bare batched INSERT of the same rows into the same table (same schema, same batch size), first with every
    // column bound (sqlite3's usual way), then with the store's raw sample writer (integers as SQL literals)
    const pk = new Map(d.points.map((p, i) => [p.id, i + 1]));
    const bare = async (name: string, write: (db: SqliteDb, batch: Reading[]) => Promise<void>, finish = async () => {}) => {
      const db = await SqliteDb.open(join(dir, `${name}.sqlite`));
      await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;');
      await migrate(db);
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      let batch: Reading[] = [];
      for (const readings of rounds) {
        for (const r of readings) batch.push(r);
        if (batch.length >= DEFAULT_BATCH_SIZE) {
          await db.transaction(() => write(db, batch));
          batch = [];
        }
      }
      await db.transaction(() => write(db, batch));
      const out = { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpuStart) };
      await finish();
      await db.close();
      return out;
    };
    let insert: BulkInsert | null = null;
    const bound = await bare('bound', async (db, batch) => {
      insert ??= new BulkInsert(db, 'INSERT OR IGNORE INTO samples(ts, point, value, q)', 4);
      const rows: number[] = [];
      for (const r of batch) rows.push(r.ts, pk.get(r.pointId) as number, r.value, 0);
      await insert.run(rows);
    }, async () => (insert as BulkInsert | null)?.close());
    const literal = await bare('literal', async (db, batch) => {
      const rows = new SampleBatch();
      for (const r of batch) rows.add(r.ts, pk.get(r.pointId) as number, r.value, 0);
      await rows.write(db);
    });

    const scale = `${BUILDINGS} buildings x 4 points, ${ROUNDS} poll rounds of 10 s, ${total.toLocaleString('en')} samples, batch ${DEFAULT_BATCH_SIZE.toLocaleString('en')}`;
    return [
      {
        name: 'store ingest, sustained (samples + interval engine + intervals + rollups)',
        value: total / storeSeconds,
        unit: 'samples/s',
        baseline: { name: 'bare batched INSERT into samples, every column bound', value: total / bound.seconds },
        note: `${scale}; ${intervals?.n.toLocaleString('en')} intervals written; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
      },
      {
        name: 'store ingest per CPU second (main thread + SQLite worker threads)',
        value: total / storeCpu,
        unit: 'samples/CPU-s',
        baseline: { name: 'bare batched INSERT into samples, every column bound', value: total / bound.cpu },
        note: 'independent of other processes on the machine: what one free core sustains',
      },
      {
        name: 'raw sample writer alone (bare INSERT, integers as SQL literals, values bound)',
        value: total / literal.seconds,
        unit: 'samples/s',
        baseline: { name: 'bare batched INSERT into samples, every column bound', value: total / bound.seconds },
        note: `the store's share of SQLite work; CPU ${Math.round(total / literal.cpu).toLocaleString('en')} samples/CPU-s`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
