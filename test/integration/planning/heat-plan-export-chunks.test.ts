/**
 * The heat-plan export written chunk by chunk (export-heat-plan.ts): 4,500 buildings are three chunks (2,000, 2,000,
 * 500), and the files must hold every building once, in the district's order, exactly as the rows computed all at
 * once (allHeatPlanRows) give them. An export that fails halfway (its CSV cannot be created) leaves neither the
 * GeoPackage nor any part file behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeatPlan } from '../../../main/core/planning/export-heat-plan.js';
import { allHeatPlanRows, gridInputOf } from '../../../main/core/planning/heat-plan.js';
import { buildingsColumns, buildingValues } from '../../../main/core/planning/heat-plan-layers.js';
import { writeCsv } from '../../../main/core/planning/table-csv.js';
import { aggregateGrid } from '../../../models/planning/grid-cells.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { Building } from '../../../models/types.js';
import { SITE, tempDir } from '../store/district-fixture.js';

const N = 4_500;

/** Small squares on a 20 m grid near Essen; every other house built 1925 (class C), so rows differ. */
const BUILDINGS: Building[] = Array.from({ length: N }, (_, i) => {
  const lon = 7.0 + (i % 60) * 0.0003;
  const lat = 51.45 + Math.floor(i / 60) * 0.0002;
  return {
    id: `h${String(i).padStart(4, '0')}`,
    name: `Haus ${i}`,
    use: i % 3 === 0 ? 'multi-family' : 'single-family',
    footprint: [[lon, lat], [lon + 0.0001, lat], [lon + 0.0001, lat + 0.0001], [lon, lat + 0.0001]],
    heightM: 7,
    ...(i % 2 === 0 ? { planning: { yearBuilt: 1925 } } : {}),
  };
});

describe('heat-plan export in chunks', () => {
  const tmp = tempDir();
  let store: SqliteStore;
  beforeAll(async () => {
    store = await openStore(tmp.file('district.sqlite'));
    await store.saveDistrict(SITE, BUILDINGS, [], []);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('writes every building once, in order, as the rows computed at once', async () => {
    const csv = tmp.file('plan.csv');
    const r = await exportHeatPlan(store, { gpkg: tmp.file('plan.gpkg'), csv, lastYear: 2025, dialect: 'intl' });
    if (!r.ok) throw new Error(r.error.message);
    // 2,250 built 1925 have a typology value; the 2,250 without a year of construction are unknown
    expect(r.value).toMatchObject({ buildings: N, bySource: { measured: 0, estimated: 2_250, unknown: 2_250 } });
    const view = (await store.getDistrict())!;
    const whole = await allHeatPlanRows(store, view, 2025);
    // the same rows written in one go; a header, 4,500 lines and the empty string after the last line break
    const oneGo = tmp.file('one-go.csv');
    await writeCsv(oneGo, { columns: buildingsColumns(2025), rows: whole.map((row) => buildingValues(row, 2025)) }, 'intl');
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(oneGo, 'utf8'));
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(N + 2);
    expect(r.value.grid).toEqual(aggregateGrid(whole.map(gridInputOf)));
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  }, 60_000);

  it('leaves no GeoPackage and no part file when the export fails halfway', async () => {
    const gpkg = tmp.file('failed.gpkg');
    await expect(exportHeatPlan(store, { gpkg, csv: join(tmp.dir, 'no-such-folder', 'plan.csv'), lastYear: 2025 })).rejects.toThrow(/ENOENT/);
    expect(existsSync(gpkg)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('failed') || f.endsWith('.part'))).toEqual([]);
  });
});
