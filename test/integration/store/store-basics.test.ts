import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Reading } from '../../../models/types.js';
import { MIN, T0, tempDir, twoBuildings } from './district-fixture.js';

const good = (pointId: string, ts: number, value: number): Reading => ({ pointId, ts, value, quality: 'good' });

describe('store on a real file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('keeps the district and upserts by id without dropping rows it is not given', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    expect(await store.getDistrict()).toBeNull();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.saveDistrict(d.site, [{ ...d.buildings[0]!, name: 'Renamed' }], [], []);
    await store.close();
    const again = await openStore(tmp.file('d.sqlite'), OPTS);
    const view = await again.getDistrict();
    expect(view?.site.id).toBe('site-1');
    expect(view?.buildings.map((b) => b.name)).toEqual(['Renamed', 'Haus B']);
    expect(view?.points.map((p) => p.id)).toEqual(d.points.map((p) => p.id));
    await again.close();
  });

  it('turns counter deltas into 15-minute energies, rollups and balances', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    // A: import counter +1 kWh per 5 min (12 kWh/h), PV counter +0.5 kWh per 5 min, export flat. 2 hours.
    const readings: Reading[] = [];
    for (let i = 0; i <= 24; i++) {
      const ts = T0 + i * 5 * MIN;
      readings.push(good('A.imp', ts, 100 + i), good('A.exp', ts, 50), good('A.pv', ts, 10 + i * 0.5));
    }
    await store.ingest(readings);
    await store.flush();

    const quarter = await store.buildingSeries('A', T0, T0 + 2 * 60 * MIN, '15min');
    expect(quarter).toHaveLength(8);
    for (const q of quarter) {
      expect(q.importKwh).toBeCloseTo(3, 9);
      expect(q.generationKwh).toBeCloseTo(1.5, 9);
      expect(q.exportKwh).toBe(0);
      expect(q.consumptionKwh).toBeCloseTo(4.5, 9);
      expect(q.quality).toBe('measured');
    }
    const hours = await store.buildingSeries('A', T0, T0 + 2 * 60 * MIN, 'hour');
    expect(hours.map((h) => h.importKwh)).toEqual([12, 12].map((v) => expect.closeTo(v, 9)));
    const days = await store.buildingSeries('A', T0 - 86_400_000, T0 + 86_400_000, 'day');
    // 2024-06-03 local midnight is 2024-06-02 22:00 UTC
    expect(days.map((x) => x.start)).toEqual([Date.UTC(2024, 5, 2, 22)]);
    expect(days[0]!.importKwh).toBeCloseTo(24, 9);
    const months = await store.buildingSeries('A', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1), 'month');
    expect(months.map((x) => x.start)).toEqual([Date.UTC(2024, 4, 31, 22)]);
    expect(months[0]!.generationKwh).toBeCloseTo(12, 9);

    // A ragged period: 00:30 to 01:45 UTC = 5 intervals
    const [a, b] = await store.buildingBalances(T0 + 30 * MIN, T0 + 105 * MIN);
    expect(a!.buildingId).toBe('A');
    expect(a!.importKwh).toBeCloseTo(15, 9);
    expect(a!.generationKwh).toBeCloseTo(7.5, 9);
    expect(a!.consumptionKwh).toBeCloseTo(22.5, 9);
    // net = consumption - generation (positive = deficit): 22.5 - 7.5
    expect(a!.netKwh).toBeCloseTo(15, 9);
    // A has 3 counter series (the grid power point is not integrated: counters exist; PV power neither)
    expect(a!.coverage).toBeCloseTo(1, 9);
    expect(b!.coverage).toBe(0);
    // A whole month read from the monthly rollup equals the sum of its intervals
    const [june] = await store.buildingBalances(Date.UTC(2024, 4, 31, 22), Date.UTC(2024, 5, 30, 22));
    expect(june!.importKwh).toBeCloseTo(24, 9);
    expect(june!.coverage).toBeCloseTo(8 * 3 / (2880 * 3), 9);
    await store.close();
  });

  it('integrates signed grid power into import and export where there is no counter', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    // B: 4 kW import for 15 min, then a ramp from +4 to -4 kW over 15 min, then -4 kW (export) for 15 min.
    const rs: Reading[] = [good('B.grid', T0, 4), good('B.grid', T0 + 15 * MIN, 4), good('B.grid', T0 + 30 * MIN, -4), good('B.grid', T0 + 45 * MIN, -4)];
    await store.ingest(rs);
    await store.flush();
    const q = await store.buildingSeries('B', T0, T0 + 45 * MIN, '15min');
    expect(q.map((x) => x.importKwh)).toEqual([1, 0.25, 0].map((v) => expect.closeTo(v, 9)));
    expect(q.map((x) => x.exportKwh)).toEqual([0, 0.25, 1].map((v) => expect.closeTo(v, 9)));
    expect(q.map((x) => x.consumptionKwh)).toEqual([1, 0, -1].map((v) => expect.closeTo(v, 9)));
    const power = await store.powerSeries('B', T0, T0 + HOUR);
    expect(power.map((p) => p.gridKw)).toEqual([4, 4, -4, -4]);
    await store.close();
  });

  it('buckets power samples of one poll round and carries values forward', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.ingest([
      good('A.grid', T0, 2),
      good('A.pvkw', T0 + 40, 3),
      good('A.grid', T0 + 10_000, -1),
      good('A.pvkw', T0 + 20_030, 5),
      { pointId: 'A.grid', ts: T0 + 20_050, value: 999, quality: 'bad' },
    ]);
    await store.flush();
    const power = await store.powerSeries('A', T0, T0 + HOUR);
    expect(power).toEqual([
      { ts: T0, gridKw: 2, generationKw: 3, consumptionKw: 5 },
      { ts: T0 + 10_000, gridKw: -1, generationKw: 3, consumptionKw: 2 },
      { ts: T0 + 20_030, gridKw: -1, generationKw: 5, consumptionKw: 4 },
    ]);
    await store.close();
  });

  it('replaces roofs per building and keeps the others', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.saveRoofs(['A', 'B'], [
      { buildingId: 'A', areaM2: 40, tiltDeg: 35, azimuthDeg: 180 },
      { buildingId: 'B', areaM2: 80, tiltDeg: 0, azimuthDeg: 180 },
    ]);
    await store.saveRoofs(['A'], [
      { buildingId: 'A', areaM2: 20, tiltDeg: 30, azimuthDeg: 90 },
      { buildingId: 'A', areaM2: 20, tiltDeg: 30, azimuthDeg: 270 },
    ]);
    await expect(store.saveRoofs(['A'], [{ buildingId: 'B', areaM2: 1, tiltDeg: 0, azimuthDeg: 0 }])).rejects.toThrow(
      /building B, which is not among/,
    );
    expect((await store.getRoofs('A')).map((r) => r.azimuthDeg)).toEqual([90, 270]);
    expect(await store.getRoofs('B')).toEqual([{ buildingId: 'B', areaM2: 80, tiltDeg: 0, azimuthDeg: 180 }]);
    expect(await store.getRoofs()).toHaveLength(3);
    await store.close();
  });

  it('drops readings of unknown points and non-numbers, counting them, and stores the rest', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.ingest([
      good('A.imp', T0, 1),
      good('ghost', T0, 1),
      good('A.imp', T0 + MIN, Number.NaN),
      good('A.imp', Number.POSITIVE_INFINITY, 2),
      good('A.imp', T0 + 2 * MIN, 1.5),
    ]);
    await store.flush();
    expect(store.stats()).toMatchObject({ stored: 2, unknownPoint: 1, rejected: 2, buffered: 0 });
    const [a] = await store.buildingBalances(T0, T0 + 15 * MIN);
    expect(a!.importKwh).toBeCloseTo(0.5, 12);
    await store.close();
    await expect(store.ingest([good('A.imp', T0 + 3 * MIN, 2)])).rejects.toThrow(/is closed/);
  });

  it('streams intervals per point in time order', async () => {
    const d = twoBuildings();
    const store = await openStore(tmp.file('d.sqlite'), OPTS);
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.ingest([good('A.imp', T0, 0), good('A.imp', T0 + 30 * MIN, 2)]);
    await store.flush();
    const got = [];
    for await (const i of store.intervals(['A.imp', 'nope'], T0, T0 + HOUR)) got.push(i);
    expect(got).toEqual([
      // one step of 30 minutes: bridged, so interpolated
      { pointId: 'A.imp', start: T0, kwh: 1, quality: 'interpolated' },
      { pointId: 'A.imp', start: T0 + 15 * MIN, kwh: 1, quality: 'interpolated' },
    ]);
    await store.close();
  });
});

const HOUR = 60 * MIN;
/** The clock of the test data, so that retention keeps the samples. */
const OPTS = { now: () => T0 + 86_400_000 };
