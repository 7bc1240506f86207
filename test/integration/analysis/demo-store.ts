/**
 * A real district file for the analysis tests: the demo buildings with hand-made points (grid import and export
 * counters, a PV generation counter where the building has PV, a boiler heat counter where it has heat), filled
 * with the demo backfill over the year 2025 through the store's normal ingestion.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Device, Point } from '../../../models/types.js';
import { DEMO_BUILDINGS, DEMO_SITE, type DemoBuilding } from '../../../main/core/demo/demo-district.js';
import { buildDemoTracks, buildHeatTracks } from '../../../main/core/demo/demo-tracks.js';
import { backfillHistory, demoValues } from '../../../main/core/demo/demo-backfill.js';
import type { EnergyTrack } from '../../../main/core/demo/energy-track.js';
import type { HeatTrack } from '../../../main/core/demo/heat-track.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';

export const YEAR_FROM = Date.UTC(2025, 0, 1);
export const YEAR_TO = Date.UTC(2026, 0, 1);

export interface DemoStore {
  readonly file: string;
  readonly store: SqliteStore;
  readonly tracks: Map<string, EnergyTrack>;
  readonly heat: Map<string, HeatTrack>;
  readonly points: readonly Point[];
}

const point = (b: string, id: string, medium: Point['medium'], role: Point['role']): Point => ({
  id: `${b}.${id}`,
  deviceId: `${b}.dev`,
  buildingId: b,
  name: id,
  unit: 'kWh',
  medium,
  role,
  kind: 'energy-counter',
});

export function demoPoints(buildings: readonly DemoBuilding[]): { devices: Device[]; points: Point[] } {
  const devices: Device[] = [];
  const points: Point[] = [];
  for (const d of buildings) {
    const b = d.building.id;
    devices.push({ id: `${b}.dev`, name: `${b} meters`, buildingId: b, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'eastron-sdm630', pollIntervalMs: 15_000 });
    points.push(point(b, 'imp', 'electricity', 'import'), point(b, 'exp', 'electricity', 'export'));
    if (d.pvKwp > 0) points.push(point(b, 'gen', 'electricity', 'generation'));
    if (d.heatMwh !== undefined) points.push(point(b, 'heat', 'heat', 'consumption'));
  }
  return { devices, points };
}

/** Creates the file and fills [from, to) (plus one reading before, so that the first interval has a start). */
export async function createDemoStore(buildings: readonly DemoBuilding[] = DEMO_BUILDINGS, from = YEAR_FROM, to = YEAR_TO): Promise<DemoStore> {
  const file = join(mkdtempSync(join(tmpdir(), 'plustwin-analysis-')), 'district.sqlite');
  const store = await openStore(file, { now: () => to + INTERVAL_MS });
  const { devices, points } = demoPoints(buildings);
  await store.saveDistrict(DEMO_SITE, buildings.map((b) => b.building), devices, points);
  const tracks = buildDemoTracks(buildings);
  const heat = buildHeatTracks(buildings);
  await backfillHistory(store, demoValues(tracks, heat), points, from - INTERVAL_MS, to + INTERVAL_MS);
  return { file, store, tracks, heat, points };
}
