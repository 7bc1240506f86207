/**
 * A year of 15-minute counter data for a synthetic district (per building an import, an export and a generation
 * counter), generated with SQL straight into the intervals table, rollups rebuilt, and cached in .bench-cache/ so
 * that the query benchmarks pay for it once. (Helpers live in support/: the runner runs only test/bench/*-*.ts.)
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../../../main/core/store/open-store.js';
import { localMonthStart } from '../../../models/intervals/local-calendar.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Point } from '../../../models/types.js';

export const POINTS_PER_BUILDING = 3;
/** Local year 2025 in Europe/Berlin: 2024-12-31 23:00 UTC to 2025-12-31 23:00 UTC. */
export const YEAR_FROM = localMonthStart(Date.UTC(2025, 0, 15));
export const YEAR_TO = localMonthStart(Date.UTC(2026, 0, 15));
const CACHE = resolve(import.meta.dirname, '../../../.bench-cache');

function district(count: number) {
  const buildings: Building[] = [];
  const devices: Device[] = [];
  const points: Point[] = [];
  for (let b = 0; b < count; b++) {
    const id = `b${b}`;
    buildings.push({ id, name: id, use: 'office', footprint: [[7, 51], [7.001, 51], [7.001, 51.001]], heightM: 10 });
    devices.push({ id: `${id}.m`, name: 'meter', buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502', profile: 'x', pollIntervalMs: 10_000 });
    for (const role of ['import', 'export', 'generation'] as const)
      points.push({ id: `${id}.${role}`, deviceId: `${id}.m`, buildingId: id, name: role, unit: 'kWh', medium: 'electricity', role, kind: 'energy-counter' });
  }
  return { buildings, devices, points };
}

/**
 * The cached file `<name>-<buildings>.sqlite`, created unless it exists. kwhSql and qualitySql compute an interval's
 * energy and quality code from `slot` and the series number `?3`.
 */
export async function cachedYearDistrict(name: string, buildings: number, kwhSql: string, qualitySql: string): Promise<string> {
  const file = join(CACHE, `${name}-${buildings}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const temp = `${file}.partial`;
  for (const s of ['', '-wal', '-shm']) rmSync(temp + s, { force: true });
  const store = await openStore(temp, { now: () => YEAR_TO });
  const d = district(buildings);
  await store.saveDistrict({ id: 'bench', name: 'bench', origin: { lat: 51.45, lon: 7.05 }, timezone: 'Europe/Berlin' }, d.buildings, d.devices, d.points);
  const series = await store.sqlite.all<{ pk: number }>('SELECT pk FROM series ORDER BY pk');
  const first = YEAR_FROM / INTERVAL_MS;
  const last = YEAR_TO / INTERVAL_MS - 1;
  for (let i = 0; i < series.length; i += 50) {
    await store.sqlite.transaction(async () => {
      for (const s of series.slice(i, i + 50))
        await store.sqlite.run(
          `WITH RECURSIVE g(slot) AS (SELECT ?1 UNION ALL SELECT slot + 1 FROM g WHERE slot < ?2)
           INSERT INTO intervals(series, slot, kwh, q) SELECT ?3, slot, ${kwhSql}, ${qualitySql} FROM g`,
          [first, last, s.pk],
        );
    });
  }
  await store.rebuildRollups();
  await store.close();
  renameSync(temp, file);
  return file;
}
