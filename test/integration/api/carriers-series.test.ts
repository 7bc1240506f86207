/**
 * 'carriers.series' on a real district file: every carrier of a building or the district over local hours, days
 * or months, through dispatch (schema and handler). The values are worked by hand from the readings below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierSeriesResult } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import type { Point, Reading } from '../../../models/types.js';
import { zonedToUtc } from '../../../main/core/analysis/local-time.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { SITE, building, device, tempDir } from '../store/district-fixture.js';

const Q = 900_000;
const H = 3_600_000;
const TZ = SITE.timezone;
/** Monday 10 March 2025, local midnight (23:00 UTC the day before). */
const DAY = zonedToUtc(2025, 2, 10, TZ);
const NEXT = zonedToUtc(2025, 2, 11, TZ);

const counter = (id: string, buildingId: string, medium: Point['medium'], role: Point['role']): Point => ({
  id,
  deviceId: `dev-${buildingId}`,
  buildingId,
  name: id,
  unit: 'kWh',
  medium,
  role,
  kind: 'energy-counter',
});

/** A counter read at every quarter hour of [from, to], rising by kwh each time. */
const readings = (pointId: string, from: number, to: number, kwh: number): Reading[] => {
  const out: Reading[] = [];
  for (let ts = from, v = 1000; ts <= to; ts += Q, v += kwh) out.push({ pointId, ts, value: v, quality: 'good' });
  return out;
};

describe('carriers.series', () => {
  const tmp = tempDir();
  let store: SqliteStore;
  let handlers: Handlers;
  const call = async (args: unknown): Promise<Result<CarrierSeriesResult>> => (await dispatch(handlers, 'carriers.series', args)) as Result<CarrierSeriesResult>;
  const value = async (args: unknown): Promise<CarrierSeriesResult> => {
    const r = await call(args);
    if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message} (${r.error.where})`);
    return r.value;
  };

  beforeAll(async () => {
    store = await openStore(tmp.file('district.sqlite'));
    // S1: a school with a grid meter and a boiler heat meter (no gas meter: the analysis derives the gas behind the
    // heat with the default gas boiler, efficiency 0.9); H1: a house with a gas meter of its own
    await store.saveDistrict(SITE, [{ ...building('S1'), use: 'school' }, building('H1')], [device('dev-S1', 'S1'), device('dev-H1', 'H1')], [
      counter('S1.el', 'S1', 'electricity', 'import'),
      counter('S1.heat', 'S1', 'heat', 'consumption'),
      counter('H1.gas', 'H1', 'gas', 'consumption'),
    ]);
    // 10 March only: electricity 0.5 kWh, heat 1 kWh and H1's gas 2 kWh a quarter hour
    await store.ingest(readings('S1.el', DAY, NEXT, 0.5));
    await store.ingest(readings('S1.heat', DAY, NEXT, 1));
    await store.ingest(readings('H1.gas', DAY, NEXT, 2));
    await store.flush();
    handlers = createHandlers({ store, collector: { status: () => ({}) } as unknown as Collector, info: { version: 'test', dataDir: tmp.file(''), dbPath: tmp.file('district.sqlite'), transport: 'http' } });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    tmp.cleanup();
  });

  it('a building by local hour: electricity, the metered heat and the gas derived behind it', async () => {
    const r = await value({ buildingId: 'S1', from: DAY, to: NEXT, step: 'hour' });
    expect(r).toMatchObject({ buildingId: 'S1', from: DAY, to: NEXT, step: 'hour', timeZone: TZ, heatSupply: { carrier: 'gas', efficiency: 0.9, origin: 'default' } });
    expect(r.carriers.map((c) => [c.carrier, c.source])).toEqual([
      ['electricity', 'metered'],
      ['heat', 'metered'],
      ['gas', 'derived'],
    ]);
    const [el, heat, gas] = r.carriers;
    // 24 hours; per hour 4 quarters: electricity 4 x 0.5 = 2 kWh, heat 4 x 1 = 4 kWh, gas 4 / 0.9 = 4.444 kWh
    expect(heat!.buckets).toHaveLength(24);
    expect(heat!.buckets[0]).toEqual({ start: DAY, consumptionKwh: 4, generationKwh: 0, coverage: 1 });
    expect(heat!.buckets[23]!.start).toBe(DAY + 23 * H);
    expect(el!.buckets.every((b) => Math.abs(b.consumptionKwh - 2) < 1e-9)).toBe(true);
    expect(gas!.buckets[5]!.consumptionKwh).toBeCloseTo(4 / 0.9, 9);
    // the day: 96 quarters of 1 kWh heat = 96 kWh; gas 96 / 0.9 = 106.667 kWh; electricity 48 kWh
    expect(heat!.consumptionKwh).toBeCloseTo(96, 9);
    expect(gas!.consumptionKwh).toBeCloseTo(96 / 0.9, 9);
    expect(el!.consumptionKwh).toBeCloseTo(48, 9);
  });

  it('by local day and month: days without data have coverage 0, never a 0 kWh of data', async () => {
    // 9 to 12 March: only the 10th has readings
    const days = await value({ buildingId: 'S1', from: zonedToUtc(2025, 2, 9, TZ), to: zonedToUtc(2025, 2, 12, TZ), step: 'day' });
    const heat = days.carriers.find((c) => c.carrier === 'heat')!;
    expect(heat.buckets.map((b) => [b.start, b.consumptionKwh, b.coverage])).toEqual([
      [zonedToUtc(2025, 2, 9, TZ), 0, 0],
      [DAY, 96, 1],
      [NEXT, 0, 0],
    ]);
    // March 2025 has 743 local hours (the clocks go forward on the 30th); 24 of them hold values
    const month = await value({ buildingId: 'S1', from: zonedToUtc(2025, 2, 1, TZ), to: zonedToUtc(2025, 3, 1, TZ), step: 'month' });
    const m = month.carriers.find((c) => c.carrier === 'heat')!.buckets;
    expect(m).toHaveLength(1);
    expect(m[0]!.start).toBe(zonedToUtc(2025, 2, 1, TZ));
    expect(m[0]!.consumptionKwh).toBeCloseTo(96, 9);
    expect(m[0]!.coverage).toBeCloseTo(24 / 743, 12);
  });

  it('the district sums its buildings per carrier: derived and metered gas together are metered', async () => {
    const r = await value({ from: DAY, to: NEXT, step: 'day' });
    expect(r.buildingId).toBeNull();
    expect(r.heatSupply).toBeNull();
    const gas = r.carriers.find((c) => c.carrier === 'gas')!;
    // H1's metered 96 x 2 = 192 kWh plus S1's derived 106.667 kWh
    expect(gas.source).toBe('metered');
    expect(gas.consumptionKwh).toBeCloseTo(192 + 96 / 0.9, 9);
    expect(r.carriers.map((c) => c.carrier)).toEqual(['electricity', 'heat', 'gas']);
  });

  it('names what is wrong: an unknown building, a period of more than 367 days, a bad step', async () => {
    const unknown = await call({ buildingId: 'nope', from: DAY, to: NEXT, step: 'day' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatchObject({ kind: 'not-found', where: 'buildingId' });
    const long = await call({ from: DAY, to: DAY + 400 * 24 * H, step: 'month' });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toMatchObject({ kind: 'validation', where: 'to' });
    const step = await call({ from: DAY, to: NEXT, step: 'week' });
    expect(step.ok).toBe(false);
    if (!step.ok) expect(step.error.kind).toBe('validation');
  });
});
