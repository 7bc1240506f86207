/**
 * The Energiebericht category a user sets per building, through dispatch() on a real SQLite file: listed with the
 * category the use gives, set, used by the report (another comparison value), still there after the file is closed
 * and opened again, cleared; a category the table lacks or an unknown building is a typed error that stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { readBenchmarks } from '../../../main/core/planning/benchmarks-file.js';
import { energyReportData } from '../../../main/core/planning/energy-report-data.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { ReportCategories } from '../../../models/contract/index.js';
import type { Building } from '../../../models/types.js';
import { SITE, building, tempDir } from '../store/district-fixture.js';

// a shop of 1,000 m² that is a school today
const BUILDINGS: Building[] = [{ ...building('L'), name: 'Laden', use: 'shop', planning: { floorAreaM2: 1000, yearBuilt: 1960 } }];

describe('Energiebericht category per building', () => {
  const tmp = tempDir();
  const db = tmp.file('c.sqlite');
  let store: SqliteStore;
  const open = async () => {
    store = await openStore(db);
    const collector = { status: () => ({}) } as unknown as Collector;
    return createHandlers({ store, collector, info: { version: 'test', dataDir: tmp.dir, dbPath: store.path, transport: 'http' } });
  };
  const list = async (h: ReturnType<typeof createHandlers>) => {
    const r = await dispatch(h, 'planning.reportCategories', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ReportCategories;
  };

  beforeAll(async () => {
    const s = await openStore(db);
    await s.saveDistrict(SITE, BUILDINGS, [], []);
    await s.close();
  });
  afterAll(() => tmp.cleanup());

  it('sets a category that changes the comparison value and survives a reload', async () => {
    let h = await open();
    const before = await list(h);
    expect(before.categories).toHaveLength(52);
    expect(before.categories.find((c) => c.no === 21)).toEqual({ no: 21, name: 'Schulen', electricity: 'Schulen' });
    expect(before.buildings).toEqual([{ id: 'L', name: 'Laden', use: 'shop', category: 50, derived: 50, overridden: false }]);
    // by its use: 50 Läden, f(1000) = 1.295884 (worked in the unit test); 46.8 x 1.295884 + 6.4 = 67.0474
    const byUse = await energyReportData(store, readBenchmarks(), { year: 2025 });
    expect(byUse.buildings[0]?.heatComparisonKwhPerM2).toBeCloseTo(67.0474, 3);

    expect(await dispatch(h, 'planning.setReportCategory', { buildingId: 'L', category: 21 })).toEqual({ ok: true, value: { buildingId: 'L', category: 21 } });
    await store.close();

    h = await open();
    expect((await list(h)).buildings[0]).toMatchObject({ category: 21, derived: 50, overridden: true });
    // the other attributes are kept
    expect((await store.getDistrict())?.buildings[0]?.planning).toEqual({ floorAreaM2: 1000, yearBuilt: 1960, energyReportCategory: 21 });
    // 21 Schulen: 49.3 x 1.295884 + 22.4 = 86.2871; electricity compared with VDI 3807 "Schulen"
    const set = await energyReportData(store, readBenchmarks(), { year: 2025 });
    expect(set.buildings[0]).toMatchObject({ category: { no: 21, name: 'Schulen' }, categoryOverridden: true, electricityBenchmark: { name: 'Schulen', targetKwhPerM2: 6, limitKwhPerM2: 14 } });
    expect(set.buildings[0]?.heatComparisonKwhPerM2).toBeCloseTo(86.2871, 3);

    // cleared: the use decides again, the other attributes stay
    expect((await dispatch(h, 'planning.setReportCategory', { buildingId: 'L', category: null })).ok).toBe(true);
    expect((await list(h)).buildings[0]).toMatchObject({ category: 50, overridden: false });
    expect((await store.getDistrict())?.buildings[0]?.planning).toEqual({ floorAreaM2: 1000, yearBuilt: 1960 });
    await store.close();
  });

  it('refuses a category the table lacks and an unknown building, storing nothing', async () => {
    const h = await open();
    try {
      const bad = await dispatch(h, 'planning.setReportCategory', { buildingId: 'L', category: 99 });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error).toMatchObject({ kind: 'validation', where: 'energyReportCategory' });
        expect(bad.error.message).toMatch(/\(1-52\), got 99/);
      }
      const badType = await dispatch(h, 'planning.setReportCategory', { buildingId: 'L', category: 2.5 });
      expect(badType.ok).toBe(false);
      if (!badType.ok) expect(badType.error).toMatchObject({ kind: 'validation', where: 'category' });
      const missing = await dispatch(h, 'planning.setReportCategory', { buildingId: 'nope', category: 21 });
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.error.kind).toBe('not-found');
      expect((await store.getDistrict())?.buildings[0]?.planning).toEqual({ floorAreaM2: 1000, yearBuilt: 1960 });
    } finally {
      await store.close();
    }
  });
});
