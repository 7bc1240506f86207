import { describe, expect, it } from 'vitest';
import { LIFE_CYCLE_GEMIS } from '../../../models/factors/life-cycle.js';
import { biskoBalance, gradeOfValue, type BiskoInput } from '../../../models/planning/bisko.js';

describe('BISKO balance, three buildings by hand', () => {
  const inputs: BiskoInput[] = [
    { buildingId: 'H1', sector: 'households', carrier: 'electricity', kwh: 4_000, grade: 'A' },
    { buildingId: 'H1', sector: 'households', carrier: 'gas', kwh: 20_000, grade: 'A' },
    { buildingId: 'H2', sector: 'households', carrier: 'electricity', kwh: 3_000, grade: 'B' },
    { buildingId: 'H2', sector: 'households', carrier: 'gas', kwh: 15_000, grade: 'D' },
    { buildingId: 'S1', sector: 'municipal', carrier: 'electricity', kwh: 50_000, grade: 'A' },
    { buildingId: 'S1', sector: 'municipal', carrier: 'district-heat', kwh: 120_000, grade: 'A' },
  ];
  const b = biskoBalance(2025, inputs, LIFE_CYCLE_GEMIS);

  it('sums final energy and weighs it with the life-cycle factors per sector and carrier', () => {
    expect(b.cells.map((c) => [c.sector, c.carrier, c.buildings])).toEqual([
      ['households', 'electricity', 2],
      ['households', 'gas', 2],
      ['municipal', 'district-heat', 1],
      ['municipal', 'electricity', 1],
    ]);
    const [hEl, hGas, mDh, mEl] = b.cells;
    // 4,000 + 3,000 = 7,000 kWh = 7 MWh; x 565 g/kWh = 3,955,000 g = 3.955 t
    expect(hEl?.mwh).toBeCloseTo(7, 12);
    expect(hEl?.tCo2e).toBeCloseTo(3.955, 12);
    // 20,000 + 15,000 = 35,000 kWh x 250 g/kWh = 8.75 t
    expect(hGas?.tCo2e).toBeCloseTo(8.75, 12);
    // 50,000 kWh x 565 = 28.25 t
    expect(mEl?.tCo2e).toBeCloseTo(28.25, 12);
    // the GEMIS set has no district-heat factor: no CO2 for it, and the balance says so
    expect(mDh).toMatchObject({ mwh: 120, factorGPerKwh: null, tCo2e: null, grade: 'A' });
    expect(b.carriersWithoutFactor).toEqual(['district-heat']);
    // 7 + 35 + 120 + 50 = 212 MWh; 3.955 + 8.75 + 28.25 = 40.955 t
    expect(b.totalMwh).toBeCloseTo(212, 12);
    expect(b.totalTCo2e).toBeCloseTo(40.955, 12);
  });

  it('grades each cell by the energy-weighted mean of its inputs', () => {
    const [hEl, hGas] = b.cells;
    // (4,000 x 1 + 3,000 x 0.5) / 7,000 = 0.7857 -> B
    expect(hEl?.gradeValue).toBeCloseTo(5_500 / 7_000, 12);
    expect(hEl?.grade).toBe('B');
    // (20,000 x 1 + 15,000 x 0) / 35,000 = 0.5714 -> B
    expect(hGas?.gradeValue).toBeCloseTo(20_000 / 35_000, 12);
    expect(hGas?.grade).toBe('B');
    expect([1, 0.99, 0.5, 0.49, 0.25, 0.24, 0].map(gradeOfValue)).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
});
