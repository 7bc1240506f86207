import { describe, expect, it } from 'vitest';
import { heatPlanRow } from '../../../models/planning/heat-plan-row.js';
import { AGE_CLASSES, ageClassOf, typologyDemand } from '../../../models/planning/typology.js';
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
    // single-family house of 1900 (class B): TABULA DE.N.SFH.02.Gen.ReEx.001.001, q_h_nd 269.7 + q_w_nd 10 =
    // 279.7 kWh/(m²*a) x 150 m² = 41,955 kWh/a
    const r = heatPlanRow(house({ yearBuilt: 1900, floorAreaM2: 150 }), square10, []);
    expect(r).toMatchObject({ ageClass: 'B', heatKwh: 41_955, heatSource: 'estimated', typologyKwhPerM2a: 279.7, floorAreaEstimated: false, sector: 'households' });
    expect(r.typologySource).toMatch(/^TABULA DE .*DE\.N\.SFH\.02\.Gen\.ReEx\.001\.001.*q_h_nd 269,7 \+ Warmwasser q_w_nd 10 /);
  });

  it('estimates the floor area as 0.32 x footprint x height where none is entered', () => {
    // 10 m x 10 m = 100 m², 9 m high: V_e = 900 m³, A_N = 0.32 x 900 = 288 m²; multi-family 1910 (class B, TABULA
    // DE.N.MFH.02: 172.5 + 15 = 187.5 kWh/(m²*a)): 187.5 x 288 = 54,000 kWh
    const r = heatPlanRow(house({ yearBuilt: 1910 }, 'multi-family'), square10, []);
    expect(r.floorAreaM2).toBeCloseTo(288, 9);
    expect(r.floorAreaEstimated).toBe(true);
    expect(r.heatKwh).toBeCloseTo(54_000, 6);
  });

  it('estimates a non-residential floor area as 0.85 x footprint x storeys where the storeys are known', () => {
    // a school of 3 storeys on 10 m x 10 m, 12 m high: BGF = 100 m² x 3 = 300 m², NGF = 0.85 x 300 = 255 m²
    // (the residential rule would give 0.32 x 1,200 m³ = 384 m²); without storeys that rule stands in
    const school: Building = { ...house(undefined, 'school'), heightM: 12, storeys: 3 };
    expect(heatPlanRow(school, square10, []).floorAreaM2).toBeCloseTo(255, 9);
    expect(heatPlanRow({ ...school, storeys: undefined } as Building, square10, []).floorAreaM2).toBeCloseTo(384, 9);
    // a house with storeys keeps the residential rule: 0.32 x 100 m² x 9 m = 288 m²
    expect(heatPlanRow({ ...house(undefined), storeys: 3 }, square10, []).floorAreaM2).toBeCloseTo(288, 9);
  });

  it('takes the mean of the last three measured years over any estimate', () => {
    const measured = [2022, 2023, 2024, 2025].map((year, i) => ({ year, kwh: 9_000 + 1_000 * i }));
    const r = heatPlanRow(house({ yearBuilt: 1900, floorAreaM2: 150 }), square10, measured);
    // 2023-2025: (10,000 + 11,000 + 12,000) / 3 = 11,000
    expect(r.measured.map((m) => m.year)).toEqual([2023, 2024, 2025]);
    expect(r).toMatchObject({ heatKwh: 11_000, heatSource: 'measured', typologyKwhPerM2a: null });
  });

  it('says unknown without a year of construction or for a use the typology has no type for; a school is municipal', () => {
    expect(heatPlanRow(house({ floorAreaM2: 150 }), square10, [])).toMatchObject({ ageClass: null, heatKwh: null, heatSource: 'unknown' });
    expect(heatPlanRow(house({ yearBuilt: 1965 }, 'office'), square10, [])).toMatchObject({ ageClass: 'E', heatKwh: null, heatSource: 'unknown' });
    expect(heatPlanRow(house(undefined, 'school'), square10, [])).toMatchObject({ ageClass: null, heatSource: 'unknown', sector: 'municipal' });
  });
});

describe('typology values (TABULA DE, original state, q_h_nd + q_w_nd)', () => {
  it('has every class of both types, each naming its TABULA row', () => {
    // rows DE.N.SFH.01 .. 10 and DE.N.MFH.01 .. 10 .Gen.ReEx.001.001 of tabula_DE_complete.csv (see typology.ts)
    const sfh = [292.7, 279.7, 228.5, 282.9, 275.3, 205.3, 140.6, 161.7, 108.2, 80.1];
    const mfh = [299.9, 187.5, 233.5, 208.7, 155.2, 162.9, 137.6, 142.6, 95.6, 64.9];
    expect(AGE_CLASSES.map((c) => typologyDemand('single-family', c)?.kwhPerM2a)).toEqual(sfh);
    expect(AGE_CLASSES.map((c) => typologyDemand('multi-family', c)?.kwhPerM2a)).toEqual(mfh);
    expect(typologyDemand('multi-family', 'J')?.source).toContain('DE.N.MFH.10.Gen.ReEx.001.001');
    expect(typologyDemand('school', 'C')).toBeNull();
  });
});
