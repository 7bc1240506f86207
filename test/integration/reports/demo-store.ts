/**
 * A real SQLite district file with the demo district's history, made without starting any server: the demo's
 * buildings and EnergyTracks, one grid meter and (with PV) one inverter per building as counter points, and the
 * demo backfill pushed through the store's normal ingestion.
 */
import { backfillHistory, demoValues } from '../../../main/core/demo/demo-backfill.js';
import { DEMO_BUILDINGS, DEMO_SITE } from '../../../main/core/demo/demo-district.js';
import { buildDemoTracks, buildHeatTracks } from '../../../main/core/demo/demo-tracks.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Store } from '../../../main/core/store/store.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Device, Point } from '../../../models/types.js';

export const demoStructure = (): { devices: Device[]; points: Point[] } => {
  const devices: Device[] = [];
  const points: Point[] = [];
  for (const d of DEMO_BUILDINGS) {
    const id = d.building.id;
    devices.push({ id: `${id}-meter`, name: `${d.building.name}: Netzzähler`, buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502?unit=1', profile: 'eastron-sdm630', pollIntervalMs: 15_000 });
    const counter = (suffix: string, role: Point['role'], deviceId: string, name: string, medium: Point['medium'] = 'electricity'): Point => ({
      id: `${id}.${suffix}`,
      deviceId,
      buildingId: id,
      name,
      unit: 'kWh',
      medium,
      role,
      kind: 'energy-counter',
    });
    points.push(counter('import', 'import', `${id}-meter`, 'Bezug'), counter('export', 'export', `${id}-meter`, 'Einspeisung'));
    if (d.pvKwp > 0) {
      devices.push({ id: `${id}-pv`, name: `${d.building.name}: PV`, buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502?unit=2', profile: 'sunspec', pollIntervalMs: 15_000 });
      points.push(counter('pv', 'generation', `${id}-pv`, 'PV-Erzeugung'));
    }
    if (d.heatMwh !== undefined) {
      devices.push({ id: `${id}-heat`, name: `${d.building.name}: Wärmemengenzähler`, buildingId: id, protocol: 'opcua', url: 'opc.tcp://127.0.0.1:4840', profile: 'opcua', pollIntervalMs: 60_000 });
      points.push(counter('heat', 'consumption', `${id}-heat`, 'Wärme', 'heat'));
    }
  }
  return { devices, points };
};

/** Opens file and fills it with history over [from, to) (one interval earlier, so the first interval has a delta). */
export const makeDemoStore = async (file: string, from: number, to: number): Promise<Store> => {
  const store = await openStore(file);
  const { devices, points } = demoStructure();
  await store.saveDistrict(DEMO_SITE, DEMO_BUILDINGS.map((b) => b.building), devices, points);
  await backfillHistory(store, demoValues(buildDemoTracks(), buildHeatTracks()), points, from - INTERVAL_MS, to + INTERVAL_MS);
  return store;
};
