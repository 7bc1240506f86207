/** The energy report's maths on a school worked by hand: size factor, comparison value, traffic light, trend. */
import { describe, expect, it } from 'vitest';
import { heatComparisonKwhPerM2, reportBuilding, sizeFactor, trafficLight, type BenchmarkTable, type YearFigures } from '../../../models/planning/energy-report.js';
import { readBenchmarks } from '../../../main/core/planning/benchmarks-file.js';

const table: BenchmarkTable = readBenchmarks();
const schools = table.categories.find((c) => c.no === 21)!;

describe('energy report maths', () => {
  it('reads the shipped comparison values with their source', () => {
    // Anlage 1 Tabelle 1, row 21 "Schulen": TEK Heizung 49.3, TEK Warmwasser 22.4 kWh/(m²a)
    expect(schools).toMatchObject({ name: 'Schulen', tekHeating: 49.3, tekHotWater: 22.4, uses: ['school'] });
    expect(table.title).toMatch(/15\. April 2021/);
    expect(table.categories.map((c) => c.uses).flat().sort()).toEqual(['office', 'school', 'shop', 'town-hall']);
  });

  it('scales TEK Heizung with the size factor and adds hot water', () => {
    // at or below 500 m² the factor is 1.46, at or above 50,000 m² 0.71
    expect(sizeFactor(table.sizeFactor, 300)).toBe(1.46);
    expect(sizeFactor(table.sizeFactor, 80_000)).toBe(0.71);
    // 2,000 m²: 4.53 x 2000^-0.215 + 0.27; ln 2000 = 7.600902, x 0.215 = 1.634194, e^-1.634194 = 0.195110,
    // x 4.53 = 0.883848, + 0.27 = 1.153848
    expect(sizeFactor(table.sizeFactor, 2000)).toBeCloseTo(1.153848, 5);
    // 49.3 x 1.153848 + 22.4 = 56.8847 + 22.4 = 79.2847 kWh/(m²a)
    expect(heatComparisonKwhPerM2(schools, table.sizeFactor, 2000)).toBeCloseTo(79.2847, 3);
  });

  it('gives green at or below the comparison value, amber up to 1.5 times, red above', () => {
    expect(trafficLight(79, 80)).toBe('green');
    expect(trafficLight(80, 80)).toBe('green');
    expect(trafficLight(120, 80)).toBe('amber');
    expect(trafficLight(120.1, 80)).toBe('red');
    expect(trafficLight(100, 80, 1.2)).toBe('red');
  });

  it('rates a school of 2,000 m² with three years, the last weather-corrected', () => {
    const b = reportBuilding(
      {
        id: 'S',
        name: 'Schule',
        use: 'school',
        floorAreaM2: 2000,
        floorAreaEstimated: false,
        years: [
          { year: 2023, heatKwh: 182_500, heatCoverage: 1, electricityKwh: 18_250, electricityCoverage: 1 },
          { year: 2024, heatKwh: 164_700, heatCoverage: 0.95, electricityKwh: 18_300, electricityCoverage: 1 },
          { year: 2025, heatKwh: 146_000, heatCoverage: 1, electricityKwh: 18_250, electricityCoverage: 0.5 },
        ],
      },
      table,
      [{ year: 2025, factor: 1.1, source: 'test' }],
      0.9,
    );
    // 2025: 146,000 kWh x 1.1 = 160,600 kWh / 2,000 m² = 80.3 kWh/m²; 2024: 82.35; 2023: 91.25
    expect(b.years.map((y) => y.heatKwhPerM2)).toEqual([91.25, 82.35, expect.closeTo(80.3, 9)]);
    expect(b.years.map((y) => y.weatherCorrected)).toEqual([false, false, true]);
    // 80.3 / 79.2847 = 1.0128 -> above the comparison value, below 1.5 x -> amber
    expect(b.heatRatio).toBeCloseTo(1.0128, 4);
    expect(b.heatLight).toBe('amber');
    expect(b.noBenchmark).toBeNull();
    // trend (80.3 - 91.25) / 91.25 = -0.12
    expect(b.heatTrend).toBeCloseTo(-0.12, 9);
    // electricity 2025 covers half the year: no value; trend from 2023 (9.125) to the empty report year: none
    expect(b.years.map((y) => y.electricityKwhPerM2)).toEqual([9.125, 9.15, null]);
    expect(b.electricityTrend).toBeNull();
  });

  it('names why a building has no benchmark', () => {
    const base = { id: 'x', name: 'x', floorAreaM2: 100, floorAreaEstimated: true };
    const year: YearFigures = { year: 2025, heatKwh: 10_000, heatCoverage: 1, electricityKwh: null, electricityCoverage: 0 };
    const of = (use: 'single-family' | 'other' | 'office', y = year) => reportBuilding({ ...base, use, years: [y] }, table, [], 0.9);
    expect(of('single-family').noBenchmark).toBe('residential');
    expect(of('single-family').heatComparisonKwhPerM2).toBeNull();
    expect(of('other').noBenchmark).toBe('no-category');
    expect(of('office', { ...year, heatKwh: null }).noBenchmark).toBe('no-heat');
    expect(of('office', { ...year, heatCoverage: 0.5 }).noBenchmark).toBe('incomplete');
    expect(of('office').heatLight).not.toBeNull();
  });
});
