/**
 * The heat-density colour mode's figures on a real district file: five houses in one 100 m cell with typology
 * estimates, and a school elsewhere without any heat. The figures are the heat plan's, worked by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { buildingHeatDensity } from '../../../main/core/planning/building-heat-density.js';
import { districtOverview } from '../../../main/core/analysis/district-overview.js';
import type { Building } from '../../../models/types.js';
import { SITE, building, tempDir } from '../store/district-fixture.js';

const FAR: Building['footprint'] = [
  [7.06, 51.46],
  [7.0601, 51.46],
  [7.0601, 51.4601],
];

const BUILDINGS: Building[] = [
  { ...building('M'), use: 'multi-family', planning: { yearBuilt: 1900, floorAreaM2: 300 } },
  ...['E1', 'E2', 'E3', 'E4'].map((id): Building => ({ ...building(id), planning: { yearBuilt: 1910, floorAreaM2: 150 } })),
  { ...building('S'), use: 'school', footprint: FAR },
];

describe('heat density per building', () => {
  const tmp = tempDir();
  let store: SqliteStore;
  beforeAll(async () => {
    store = await openStore(tmp.file('district.sqlite'));
    await store.saveDistrict(SITE, BUILDINGS, [], []);
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("gives each building its cell's density and class; a cell without any known heat has none", async () => {
    const view = (await store.getDistrict())!;
    const d = await buildingHeatDensity(store, view, 2025);
    // typology (TABULA DE, class B = 1860-1918): M multi-family 300 m² x (172.5 + 15) = 56,250 kWh; E1-E4
    // single-family 150 m² x (269.7 + 10) = 41,955 kWh each = 167,820 kWh; the cell: 224,070 kWh = 224.07 MWh on
    // 1 ha = 224.07 MWh/(ha*a) -> 175-415: low-temperature networks in existing buildings
    for (const id of ['M', 'E1', 'E2', 'E3', 'E4']) {
      expect(d.get(id)?.mwhPerHaA, id).toBeCloseTo(224.07, 9);
      expect(d.get(id)?.densityClass, id).toBe('existing-low-temperature');
    }
    expect(d.has('S')).toBe(false);
  });

  it("reaches the colour mode through district.balances' overview", async () => {
    const view = (await store.getDistrict())!;
    const density = await buildingHeatDensity(store, view, 2025);
    const r = await districtOverview(store, view, Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2), { minCoverage: 0.9, pvPotentialKwh: new Map(), heatDensity: density });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.find((b) => b.buildingId === 'E1')?.colours).toMatchObject({ heatDensityMwhPerHaA: expect.closeTo(224.07, 9), heatDensityClass: 'existing-low-temperature' });
    expect(r.value.find((b) => b.buildingId === 'S')?.colours).toMatchObject({ heatDensityMwhPerHaA: null, heatDensityClass: null });
  });
});
