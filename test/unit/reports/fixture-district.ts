/**
 * A small district with known 15-minute values for report tests: a house with PV that ends in surplus, a school
 * with PV and gas heating, and a shop that draws from the grid and has a gap and interpolated intervals.
 */
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Interval, IntervalQuality, Point, Site } from '../../../models/types.js';
import { FakeStore } from './fake-store.js';

export const SITE: Site = { id: 'test-site', name: 'Teststadt Quartier', origin: { lat: 51.52, lon: 6.93 }, timezone: 'Europe/Berlin' };

const square = (lon: number, lat: number, d: number): Building['footprint'] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d * 0.62],
  [lon, lat + d * 0.62],
];

export const BUILDINGS: Building[] = [
  { id: 'house', name: 'Haus Sonnenweg 1', use: 'single-family', footprint: square(6.93, 51.52, 0.0002), heightM: 8, roofType: 'gable' },
  { id: 'school', name: 'Grundschule Am Park', use: 'school', footprint: square(6.931, 51.521, 0.0008), heightM: 12, roofType: 'flat' },
  { id: 'shop', name: 'Markt 3', use: 'shop', footprint: square(6.932, 51.522, 0.0003), heightM: 6 },
];

const device = (id: string, buildingId: string): Device => ({
  id,
  name: id,
  buildingId,
  protocol: 'modbus-tcp',
  url: 'modbus-tcp://127.0.0.1:502?unit=1',
  profile: 'test',
  pollIntervalMs: 60_000,
});

export const DEVICES: Device[] = BUILDINGS.map((b) => device(`${b.id}-meter`, b.id));

const point = (id: string, buildingId: string, role: Point['role'], medium: Point['medium'] = 'electricity'): Point => ({
  id,
  deviceId: `${buildingId}-meter`,
  buildingId,
  name: id,
  unit: 'kWh',
  medium,
  role,
  kind: 'energy-counter',
});

export const POINTS: Point[] = [
  point('house.import', 'house', 'import'),
  point('house.export', 'house', 'export'),
  point('house.pv', 'house', 'generation'),
  point('school.import', 'school', 'import'),
  point('school.export', 'school', 'export'),
  point('school.pv', 'school', 'generation'),
  point('school.gas', 'school', 'consumption', 'gas'),
  point('shop.import', 'shop', 'import'),
  point('shop.voltage', 'shop', 'info'),
];

/** PV per slot: a sine over local daytime (06-18 UTC), peak kWh per slot given. */
const pvAt = (ts: number, peak: number): number => {
  const h = ((ts % 86_400_000) / 3_600_000 + 0.125) % 24;
  return h >= 6 && h < 18 ? peak * Math.sin(((h - 6) / 12) * Math.PI) : 0;
};

export interface Fixture {
  readonly store: FakeStore;
  readonly from: number;
  readonly to: number;
  /** Index range of the shop's gap (missing slots) and its interpolated slots. */
  readonly shopGap: readonly [number, number];
  readonly shopInterpolated: readonly [number, number];
}

/** Builds the district over [from, to); values depend only on the time stamp, so tests can recompute them. */
export const makeFixture = async (from: number, to: number): Promise<Fixture> => {
  const store = new FakeStore();
  await store.saveDistrict(SITE, BUILDINGS, DEVICES, POINTS);
  const out: Interval[] = [];
  const add = (pointId: string, start: number, kwh: number, quality: IntervalQuality = 'measured') => out.push({ pointId, start, kwh, quality });
  const n = (to - from) / INTERVAL_MS;
  const shopGap: [number, number] = [100, 140];
  const shopInterpolated: [number, number] = [200, 208];
  for (let i = 0; i < n; i++) {
    const ts = from + i * INTERVAL_MS;
    // house: 0.1 kWh load per slot, PV peak 0.6 kWh per slot -> surplus
    const hg = pvAt(ts, 0.6);
    const hl = 0.1;
    add('house.pv', ts, hg);
    add('house.import', ts, Math.max(0, hl - hg));
    add('house.export', ts, Math.max(0, hg - hl));
    // school: 1.5 kWh load, PV peak 3 kWh, gas 2 kWh per slot
    const sg = pvAt(ts, 3);
    const sl = 1.5;
    add('school.pv', ts, sg);
    add('school.import', ts, Math.max(0, sl - sg));
    add('school.export', ts, Math.max(0, sg - sl));
    add('school.gas', ts, 2);
    // shop: 0.5 kWh per slot from the grid, a gap and interpolated slots
    if (i >= shopGap[0] && i < shopGap[1]) continue;
    add('shop.import', ts, 0.5, i >= shopInterpolated[0] && i < shopInterpolated[1] ? 'interpolated' : 'measured');
  }
  store.addIntervals(out);
  return { store, from, to, shopGap, shopInterpolated };
};
