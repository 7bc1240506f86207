/**
 * The analysis reads a charge point's and a lighting circuit's meter once: the consumption classes take their
 * columns from the analysis' own profile load (LoadOptions.keep) instead of asking the store again, and their
 * figures are the ones a second read gave (worked by hand in consumption-classes.test.ts, same quarter hour).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Device, Point } from '../../../models/types.js';
import { analyseDistrict } from '../../../main/core/analysis/district-analysis.js';
import { chargePointDevice, connectorPoints } from '../../../main/core/ingest/ocpp/charge-point-points.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { Store } from '../../../main/core/store/store.js';
import { parseSchedule, type DimmingSchedule } from '../../../models/lighting/index.js';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';

const T0 = Date.UTC(2026, 5, 3, 10);
const QH = 900_000;
let tmp: ReturnType<typeof tempDir>;
let store: SqliteStore;

beforeEach(async () => {
  tmp = tempDir();
  store = await openStore(tmp.file('district.sqlite'), { now: () => T0 + 86_400_000 });
  const devices: Device[] = [device('m-school', 'school'), device('pv-school', 'school'), device('m-light', 'school'), chargePointDevice('CP-1', 'school', 300)];
  const points: Point[] = [
    point('school.imp', 'm-school', 'school', 'import', 'energy-counter'),
    point('school.exp', 'm-school', 'school', 'export', 'energy-counter'),
    point('school.pv', 'pv-school', 'school', 'generation', 'energy-counter'),
    point('light.circuit', 'm-light', 'school', 'consumption', 'energy-counter'),
    ...connectorPoints('CP-1', 'school', 1),
  ];
  await store.saveDistrict(SITE, [building('school')], devices, points);
  const at = (ts: number, values: Record<string, number>) => Object.entries(values).map(([pointId, value]) => ({ pointId, ts, value, quality: 'good' as const }));
  await store.ingest([
    ...at(T0, { 'school.imp': 100, 'school.exp': 50, 'school.pv': 10, 'light.circuit': 5, 'ocpp-CP-1:c1.energy': 1000 }),
    ...at(T0 + QH, { 'school.imp': 112, 'school.exp': 50, 'school.pv': 18, 'light.circuit': 5.5, 'ocpp-CP-1:c1.energy': 1010 }),
  ]);
  await store.flush();
  await store.streetLights.replaceStreetLights([
    { id: 'L1', lon: 7.05, lat: 51.45, powerW: 60, led: true, schedule: parseSchedule('100') as DimmingSchedule },
  ]);
  await store.streetLights.assignLightingMeter(['L1'], 'light.circuit');
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

it('asks the store once for the intervals of each class meter', async () => {
  const asked: number[] = [];
  // the store with seriesSteps counted: every key the analysis asks intervals for
  const counted = new Proxy(store, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'seriesSteps')
        return (keys: readonly number[], ...rest: [number, number, '15min' | 'hour']) => {
          asked.push(...keys);
          return target.seriesSteps(keys, ...rest);
        };
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as SqliteStore & Store;
  const view = await store.getDistrict();
  if (!view) throw new Error('no district');
  const r = await analyseDistrict(counted, view, { from: T0, to: T0 + QH, rolling: false, compare: false });
  if (!r.ok) throw new Error(r.error.message);

  const keyOf = async (pointId: string) => (await store.balanceSeries()).find((s) => s.pointId === pointId && s.role === 'consumption')?.key;
  for (const pointId of ['ocpp-CP-1:c1.energy', 'light.circuit']) {
    const key = await keyOf(pointId);
    expect(key, pointId).toBeDefined();
    expect(asked.filter((k) => k === key), pointId).toHaveLength(1);
  }
  // the charge point drew 1010 - 1000 = 10 kWh; the lighting circuit 5.5 - 5 = 0.5 kWh, measured
  expect(r.value.consumptionClasses?.eMobility.kwh).toBeCloseTo(10, 9);
  expect(r.value.consumptionClasses?.publicLighting.measuredKwh).toBeCloseTo(0.5, 9);
});
