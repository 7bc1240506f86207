import { describe, expect, it } from 'vitest';
import { heatPlanRow } from '../../../models/planning/heat-plan-row.js';
import { ageClassOf } from '../../../models/planning/typology.js';
import type { Building } from '../../../models/types.js';

const house = (planning: Building['planning'], use: Building['use'] = 'single-family'): Building => ({
  id: 'h1',
  name: 'Haus 1',
  use,
  footprint: [],
  heightM: 9,
  ...(planning === undefined ? {} : { planning }),
});
const square10: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('heat-plan row', () => {
  it('maps construction years to the IWU age classes', () => {
    expect([1859, 1860, 1918, 1919, 1957, 1958, 2001, 2002, 2009, 2024].map(ageClassOf)).toEqual(['A', 'B', 'B', 'C', 'D', 'E', 'I', 'J', 'J', 'J']);
  });

  it('estimates from the typology and the entered floor area, flagged estimated', () => {
    // single-family house of 1900 (class B): 113 kWh/(m²*a) x 150 m² = 16,950 kWh/a
    const r = heatPlanRow(house({ yearBuilt: 1900, floorAreaM2: 150 }), square10, []);
    expect(r).toMatchObject({ ageClass: 'B', heatKwh: 16_950, heatSource: 'estimated', typologyKwhPerM2a: 113, floorAreaEstimated: false, sector: 'households' });
  });

  it('estimates the floor area as 0.32 x footprint x height where none is entered', () => {
    // 10 m x 10 m = 100 m², 9 m high: V_e = 900 m³, A_N = 0.32 x 900 = 288 m²; multi-family 1910: 98 x 288 = 28,224 kWh
    const r = heatPlanRow(house({ yearBuilt: 1910 }, 'multi-family'), square10, []);
    expect(r.floorAreaM2).toBeCloseTo(288, 9);
    expect(r.floorAreaEstimated).toBe(true);
    expect(r.heatKwh).toBeCloseTo(28_224, 6);
  });

  it('takes the mean of the last three measured years over any estimate', () => {
    const measured = [2022, 2023, 2024, 2025].map((year, i) => ({ year, kwh: 9_000 + 1_000 * i }));
    const r = heatPlanRow(house({ yearBuilt: 1900, floorAreaM2: 150 }), square10, measured);
    // 2023-2025: (10,000 + 11,000 + 12,000) / 3 = 11,000
    expect(r.measured.map((m) => m.year)).toEqual([2023, 2024, 2025]);
    expect(r).toMatchObject({ heatKwh: 11_000, heatSource: 'measured', typologyKwhPerM2a: null });
  });

  it('says unknown where no typology value is cited, and a school sits in the municipal sector', () => {
    expect(heatPlanRow(house({ yearBuilt: 1965 }), square10, [])).toMatchObject({ ageClass: 'E', heatKwh: null, heatSource: 'unknown' });
    expect(heatPlanRow(house(undefined, 'school'), square10, [])).toMatchObject({ ageClass: null, heatSource: 'unknown', sector: 'municipal' });
  });
});
