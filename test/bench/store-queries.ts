/**
 * Balance and series queries on a year of 15-minute data: PLUSTWIN_BENCH_BUILDINGS buildings x 3 counters (import,
 * export, generation), 35,040 intervals each (full scale 1,000 buildings = 105 million intervals). The district is
 * generated once with SQL and cached in .bench-cache/; the quick default is 30 buildings.
 * Figures: the district's annual balance and one building's monthly series from the rollups (median of repeated
 * runs), next to the same annual balance computed from the 15-minute intervals; database bytes per point-year.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../../main/store/open-store.js';
import type { SqliteStore } from '../../main/store/sqlite-store.js';
import { localMonthStart, nextLocalMonth } from '../../models/intervals/local-calendar.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import type { Building, Device, Point } from '../../models/types.js';
import type { BenchResult } from './bench-result.js';

const BUILDINGS = Number(process.env.PLUSTWIN_BENCH_BUILDINGS ?? 30);
const POINTS_PER_BUILDING = 3;
/** Local year 2025 in Europe/Berlin: 2024-12-31 23:00 UTC to 2025-12-31 23:00 UTC. */
const YEAR_FROM = localMonthStart(Date.UTC(2025, 0, 15));
const YEAR_TO = localMonthStart(Date.UTC(2026, 0, 15));
const CACHE = resolve(import.meta.dirname, '../../.bench-cache');
const REPEAT = 15;

function district() {
  const buildings: Building[] = [];
  const devices: Device[] = [];
  const points: Point[] = [];
  for (let b = 0; b < BUILDINGS; b++) {
    const id = `b${b}`;
    buildings.push({ id, name: id, use: 'office', footprint: [[7, 51], [7.001, 51], [7.001, 51.001]], heightM: 10 });
    devices.push({ id: `${id}.m`, name: 'meter', buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502', profile: 'x', pollIntervalMs: 10_000 });
    for (const role of ['import', 'export', 'generation'] as const)
      points.push({ id: `${id}.${role}`, deviceId: `${id}.m`, buildingId: id, name: role, unit: 'kWh', medium: 'electricity', role, kind: 'energy-counter' });
  }
  return { buildings, devices, points };
}

/** Creates the cached district file (intervals generated in SQL, rollups rebuilt), unless it exists. */
async function cachedDistrict(): Promise<string> {
  const file = join(CACHE, `store-district-${BUILDINGS}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const temp = `${file}.partial`;
  for (const s of ['', '-wal', '-shm']) rmSync(temp + s, { force: true });
  const store = await openStore(temp, { now: () => YEAR_TO });
  const d = district();
  await store.saveDistrict({ id: 'bench', name: 'bench', origin: { lat: 51.45, lon: 7.05 }, timezone: 'Europe/Berlin' }, d.buildings, d.devices, d.points);
  const series = await store.sqlite.all<{ pk: number }>('SELECT pk FROM series ORDER BY pk');
  const first = YEAR_FROM / INTERVAL_MS;
  const last = YEAR_TO / INTERVAL_MS - 1;
  for (let i = 0; i < series.length; i += 50) {
    await store.sqlite.transaction(async () => {
      for (const s of series.slice(i, i + 50))
        await store.sqlite.run(
          `WITH RECURSIVE g(slot) AS (SELECT ? UNION ALL SELECT slot + 1 FROM g WHERE slot < ?)
           INSERT INTO intervals(series, slot, kwh, q)
           SELECT ?, slot, ((slot * 2654435761 + ? * 40503) % 1000) / 2000.0, CASE WHEN slot % 997 = 0 THEN 4 ELSE 0 END FROM g`,
          [first, last, s.pk, s.pk],
        );
    });
  }
  await store.rebuildRollups();
  await store.close();
  renameSync(temp, file);
  return file;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function annualFromIntervals(store: SqliteStore): Promise<number> {
  const t = performance.now();
  await store.sqlite.all(
    `SELECT s.building, SUM(CASE s.role WHEN 'import' THEN i.kwh END), SUM(CASE s.role WHEN 'export' THEN i.kwh END),
       SUM(CASE s.role WHEN 'generation' THEN i.kwh END), SUM(i.q = 0)
     FROM series s JOIN intervals i ON i.series = s.pk WHERE i.slot >= ? AND i.slot < ? GROUP BY s.building`,
    [YEAR_FROM / INTERVAL_MS, YEAR_TO / INTERVAL_MS],
  );
  return performance.now() - t;
}

export async function run(): Promise<BenchResult[]> {
  const started = performance.now();
  const file = await cachedDistrict();
  const generatedS = (performance.now() - started) / 1000;
  const store = await openStore(file, { now: () => YEAR_TO });
  try {
    const balances = await store.buildingBalances(YEAR_FROM, YEAR_TO);
    if (balances.length !== BUILDINGS) throw new Error(`expected ${BUILDINGS} balances, got ${balances.length}`);
    const months = await store.buildingSeries('b7', YEAR_FROM, YEAR_TO, 'month');
    if (months.length !== 12 || nextLocalMonth(months[0]!.start) !== months[1]!.start) throw new Error('monthly series is not 12 local months');
    const balanceMs = await median(() => store.buildingBalances(YEAR_FROM, YEAR_TO));
    const seriesMs = await median(() => store.buildingSeries('b7', YEAR_FROM, YEAR_TO, 'month'));
    const scanMs = await annualFromIntervals(store);
    const intervals = BUILDINGS * POINTS_PER_BUILDING * ((YEAR_TO - YEAR_FROM) / INTERVAL_MS);
    const sizes = await store.sqlite.all<{ name: string; bytes: number }>(
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`,
    );
    const bytesOf = (prefix: string) => sizes.filter((r) => r.name.startsWith(prefix)).reduce((a, r) => a + r.bytes, 0);
    const pointYears = BUILDINGS * POINTS_PER_BUILDING;
    const scale = `${BUILDINGS} buildings x ${POINTS_PER_BUILDING} points, ${intervals.toLocaleString('en')} intervals${generatedS > 1 ? `, generated in ${generatedS.toFixed(0)} s` : ', cached'}`;
    return [
      {
        name: "district's annual balance from rollups",
        value: balanceMs,
        unit: 'ms',
        baseline: { name: 'same balance from 15-minute intervals', value: scanMs },
        note: `${scale}; median of ${REPEAT}`,
      },
      { name: "one building's monthly series from rollups", value: seriesMs, unit: 'ms', note: `${scale}; median of ${REPEAT}` },
      {
        name: 'database bytes per point-year',
        value: statSync(file).size / pointYears,
        unit: 'bytes',
        note: `whole file; of it intervals ${Math.round(bytesOf('intervals') / pointYears).toLocaleString('en')} (${(bytesOf('intervals') / intervals).toFixed(1)} bytes per interval), rollups ${Math.round((bytesOf('series_') + bytesOf('building_')) / pointYears).toLocaleString('en')}`,
      },
    ];
  } finally {
    await store.close();
  }
}
