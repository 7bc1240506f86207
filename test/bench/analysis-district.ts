/**
 * District analysis from a real store file: the demo year (7 buildings, 15-minute data, heat meters) through
 * analyseDistrict, the contract's 'district.analysis'; and a generated district from hourly rollups (20 buildings
 * by default, BENCH_ANALYSIS_BUILDINGS=1000 for the full scale). The files are generated once and cached under
 * os.tmpdir(). Baseline in the same run: loading the same data the generic way (the store's buckets through the
 * models' seriesFromBuckets), which analyseDistrict replaced with typed arrays filled directly.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Device, Point, Reading } from '../../models/types.js';
import type { DistrictView } from '../../models/contract/index.js';
import { seriesFromBuckets } from '../../models/energy/series.js';
import { HOUR_MS, INTERVAL_MS } from '../../models/time-grid.js';
import { DEMO_BUILDINGS, DEMO_SITE, type DemoBuilding } from '../../main/core/demo/demo-district.js';
import { buildDemoTracks, buildHeatTracks } from '../../main/core/demo/demo-tracks.js';
import { backfillHistory, demoValues } from '../../main/core/demo/demo-backfill.js';
import { analyseDistrict } from '../../main/core/analysis/district-analysis.js';
import { openStore } from '../../main/core/store/open-store.js';
import type { Store } from '../../main/core/store/store.js';
import type { BenchResult } from './bench-result.js';

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 0, 1);
const CACHE_VERSION = 1;

const pointsOf = (buildings: readonly DemoBuilding[], heat: boolean) => {
  const devices: Device[] = [];
  const points: Point[] = [];
  const p = (b: string, id: string, medium: Point['medium'], role: Point['role']): Point => ({
    id: `${b}.${id}`, deviceId: `${b}.dev`, buildingId: b, name: id, unit: 'kWh', medium, role, kind: 'energy-counter',
  });
  for (const d of buildings) {
    const b = d.building.id;
    devices.push({ id: `${b}.dev`, name: b, buildingId: b, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'eastron-sdm630', pollIntervalMs: 15_000 });
    points.push(p(b, 'imp', 'electricity', 'import'), p(b, 'exp', 'electricity', 'export'));
    if (d.pvKwp > 0) points.push(p(b, 'gen', 'electricity', 'generation'));
    if (heat && d.heatMwh !== undefined) points.push(p(b, 'heat', 'heat', 'consumption'));
  }
  return { devices, points };
};

/** Opens the cached file, or generates it into a temp name and renames it when complete. */
async function cachedStore(name: string, fill: (store: Store) => Promise<void>): Promise<{ store: Store; generatedMs: number | null }> {
  const file = join(tmpdir(), `plustwin-bench-${name}-v${CACHE_VERSION}.sqlite`);
  if (existsSync(file)) return { store: await openStore(file), generatedMs: null };
  const partial = `${file}.partial-${process.pid}`;
  const t0 = performance.now();
  const store = await openStore(partial, { now: () => TO + INTERVAL_MS });
  await fill(store);
  await store.close();
  for (const ext of ['-wal', '-shm']) rmSync(partial + ext, { force: true });
  renameSync(partial, file);
  return { store: await openStore(file), generatedMs: performance.now() - t0 };
}

/** The demo buildings repeated under new ids, n in all. */
const manyBuildings = (n: number): DemoBuilding[] =>
  Array.from({ length: n }, (_, i) => {
    const d = DEMO_BUILDINGS[i % DEMO_BUILDINGS.length] as DemoBuilding;
    return { ...d, building: { ...d.building, id: `${d.building.id}-${i}` } };
  });

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

async function genericLoad(store: Store, view: DistrictView, resolution: '15min' | 'hour'): Promise<number> {
  let slots = 0;
  for (const b of view.buildings) {
    const s = seriesFromBuckets('electricity', await store.buildingSeries(b.id, FROM, TO, resolution), FROM, TO, resolution === 'hour' ? HOUR_MS : INTERVAL_MS);
    if (s.ok) slots += s.value.quality.length;
  }
  return slots;
}

export async function run(): Promise<BenchResult[]> {
  const load = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
  const out: BenchResult[] = [];

  const demo = await cachedStore('analysis-demo', async (store) => {
    const { devices, points } = pointsOf(DEMO_BUILDINGS, true);
    await store.saveDistrict(DEMO_SITE, DEMO_BUILDINGS.map((b) => b.building), devices, points);
    await backfillHistory(store, demoValues(buildDemoTracks(), buildHeatTracks()), points, FROM - INTERVAL_MS, TO + INTERVAL_MS);
  });
  try {
    const view = (await demo.store.getDistrict()) as DistrictView;
    await analyseDistrict(demo.store, view, { from: FROM, to: TO }); // warm-up: SQLite page cache, JIT
    const a = await timed(() => analyseDistrict(demo.store, view, { from: FROM, to: TO }));
    if (!a.value.ok) throw new Error(a.value.error.message);
    const base = await timed(() => genericLoad(demo.store, view, '15min'));
    const hourly = await timed(() => analyseDistrict(demo.store, view, { from: FROM, to: TO }, 'hour'));
    if (!hourly.value.ok) throw new Error(hourly.value.error.message);
    out.push({
      name: 'district.analysis, demo year (7 buildings, 15 min, 3 heat meters)',
      value: Math.round(a.wallMs),
      unit: 'ms',
      baseline: { name: 'electricity only, buckets through seriesFromBuckets (load only)', value: Math.round(base.wallMs) },
      note: `CPU ${Math.round(a.cpuMs)} ms; ${load}${demo.generatedMs === null ? '' : `; file generated in ${Math.round(demo.generatedMs / 1000)} s`}`,
    });
    out.push({
      name: "district.analysis, demo year, resolution 'hour' (hourly rollups)",
      value: Math.round(hourly.wallMs),
      unit: 'ms',
      baseline: { name: 'the same at 15 min', value: Math.round(a.wallMs) },
      note: `CPU ${Math.round(hourly.cpuMs)} ms; ${load}`,
    });
  } finally {
    await demo.store.close();
  }

  const n = Number(process.env.BENCH_ANALYSIS_BUILDINGS ?? 20);
  const many = await cachedStore(`analysis-${n}`, async (store) => {
    const buildings = manyBuildings(n);
    const { devices, points } = pointsOf(buildings, false);
    await store.saveDistrict(DEMO_SITE, buildings.map((b) => b.building), devices, points);
    // hourly readings: the rollups are what this part measures, and they need no 15-minute readings
    const valueAt = demoValues(buildDemoTracks(buildings), new Map());
    const fed = points.map((p) => ({ id: p.id, at: valueAt(p) as (ts: number) => number }));
    let batch: Reading[] = [];
    for (let ts = FROM - HOUR_MS; ts <= TO; ts += HOUR_MS) {
      for (const f of fed) batch.push({ pointId: f.id, ts, value: f.at(ts), quality: 'good' });
      if (batch.length >= 50_000) {
        await store.ingest(batch);
        batch = [];
      }
    }
    await store.ingest(batch);
    await store.flush();
  });
  try {
    const view = (await many.store.getDistrict()) as DistrictView;
    const a = await timed(() => analyseDistrict(many.store, view, { from: FROM, to: TO }, 'hour'));
    if (!a.value.ok) throw new Error(a.value.error.message);
    const base = await timed(() => genericLoad(many.store, view, 'hour'));
    out.push({
      name: `district.analysis from hourly rollups, ${n} buildings x 1 year`,
      value: Math.round(a.wallMs),
      unit: 'ms',
      baseline: { name: 'buckets through seriesFromBuckets (load only)', value: Math.round(base.wallMs) },
      note: `CPU ${Math.round(a.cpuMs)} ms; ${load}${many.generatedMs === null ? '' : `; file generated in ${Math.round(many.generatedMs / 1000)} s`}`,
    });
  } finally {
    await many.store.close();
  }
  return out;
}
