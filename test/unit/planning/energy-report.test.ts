/**
 * The energy report's maths worked by hand: size factor, heat comparison value and traffic light, the electricity
 * values of VDI 3807 and their traffic light, the category the user sets, the weather correction (Klimafaktor,
 * degree days against the TRY, the TRY default) and the trend.
 */
import { describe, expect, it } from 'vitest';
import {
  electricityLight,
  heatComparisonKwhPerM2,
  reportBuilding,
  sizeFactor,
  trafficLight,
  type BenchmarkTable,
  type ReportBuildingInput,
  type YearFigures,
} from '../../../models/planning/energy-report.js';
import { NO_WEATHER_INPUTS, type WeatherInputs } from '../../../models/planning/weather-correction.js';
import { readBenchmarks } from '../../../main/core/planning/benchmarks-file.js';

const table: BenchmarkTable = readBenchmarks();
const schools = table.categories.find((c) => c.no === 21)!;

describe('energy report maths', () => {
  it('reads the shipped comparison values with their source', () => {
    // Anlage 1 Tabelle 1, row 21 "Schulen": TEK Heizung 49.3, TEK Warmwasser 22.4 kWh/(m²a)
    expect(schools).toMatchObject({ name: 'Schulen', tekHeating: 49.3, tekHotWater: 22.4, uses: ['school'] });
    expect(schools.source).toMatch(/Anlage 1 Tabelle 1, lfd\. Nr\. 21/);
    expect(table.title).toMatch(/15\. April 2021/);
    // all 52 rows of Anlage 1 Tabelle 1, numbered 1..52, each with its row cited
    expect(table.categories.map((c) => c.no)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    for (const c of table.categories) expect(c.source).toContain(`lfd. Nr. ${c.no} `);
    expect(table.categories.map((c) => c.uses).flat().sort()).toEqual(['office', 'school', 'shop', 'town-hall']);
    // VDI 3807 electricity, row "Schulen": Grenzwert 14, Zielwert 6 kWh/(m²a), serving categories 20 and 21
    expect(table.electricity.rows.find((r) => r.categories.includes(21))).toMatchObject({ name: 'Schulen', limitKwhPerM2: 14, targetKwhPerM2: 6 });
    for (const r of table.electricity.rows) expect(r.source).toMatch(/VDI 3807.*een-sachsen\.de.*Grenzwert/);
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
      { ...NO_WEATHER_INPUTS, klimafaktoren: [{ year: 2025, factor: 1.1, source: 'test' }] },
      0.9,
    );
    // 2025: 146,000 kWh x 1.1 = 160,600 kWh / 2,000 m² = 80.3 kWh/m²; 2024: 82.35; 2023: 91.25
    expect(b.years.map((y) => y.heatKwhPerM2)).toEqual([91.25, 82.35, expect.closeTo(80.3, 9)]);
    expect(b.years.map((y) => y.weatherCorrected)).toEqual([false, false, true]);
    expect(b.years.map((y) => y.weatherBasis)).toEqual(['try-default', 'try-default', 'klimafaktor']);
    // 80.3 / 79.2847 = 1.0128 -> above the comparison value, below 1.5 x -> amber
    expect(b.heatRatio).toBeCloseTo(1.0128, 4);
    expect(b.heatLight).toBe('amber');
    expect(b.noBenchmark).toBeNull();
    // trend (80.3 - 91.25) / 91.25 = -0.12
    expect(b.heatTrend).toBeCloseTo(-0.12, 9);
    // electricity 2025 covers half the year: no value; trend from 2023 (9.125) to the empty report year: none
    expect(b.years.map((y) => y.electricityKwhPerM2)).toEqual([9.125, 9.15, null]);
    expect(b.electricityTrend).toBeNull();
    expect(b.electricityBenchmark).toEqual({ name: 'Schulen', targetKwhPerM2: 6, limitKwhPerM2: 14 });
    expect(b.electricityLight).toBeNull();
    expect(b.noElectricityBenchmark).toBe('incomplete');
  });

  it('names why a building has no benchmark', () => {
    const base = { id: 'x', name: 'x', floorAreaM2: 100, floorAreaEstimated: true };
    const year: YearFigures = { year: 2025, heatKwh: 10_000, heatCoverage: 1, electricityKwh: null, electricityCoverage: 0 };
    const of = (use: 'single-family' | 'other' | 'office', y = year) => reportBuilding({ ...base, use, years: [y] }, table, NO_WEATHER_INPUTS, 0.9);
    expect(of('single-family').noBenchmark).toBe('residential');
    expect(of('single-family').heatComparisonKwhPerM2).toBeNull();
    expect(of('other').noBenchmark).toBe('no-category');
    expect(of('office', { ...year, heatKwh: null }).noBenchmark).toBe('no-heat');
    expect(of('office', { ...year, heatCoverage: 0.5 }).noBenchmark).toBe('incomplete');
    expect(of('office').heatLight).not.toBeNull();
  });

  it('rates electricity against VDI 3807: green to the Zielwert, amber to the Grenzwert, red above', () => {
    expect(electricityLight(10, 10, 30)).toBe('green');
    expect(electricityLight(10.01, 10, 30)).toBe('amber');
    expect(electricityLight(30, 10, 30)).toBe('amber');
    expect(electricityLight(30.1, 10, 30)).toBe('red');
    // an office of 1,000 m² (category 7 Bürogebäude -> VDI 3807 row Verwaltungsgebäude, Zielwert 10, Grenzwert 30)
    const office = reportBuilding(
      { id: 'O', name: 'Büro', use: 'office', floorAreaM2: 1000, floorAreaEstimated: false, years: [{ year: 2025, heatKwh: 60_000, heatCoverage: 1, electricityKwh: 25_000, electricityCoverage: 1 }] },
      table,
      NO_WEATHER_INPUTS,
      0.9,
    );
    // 25,000 kWh / 1,000 m² = 25 kWh/m²: above 10, at most 30 -> amber; ratio 25 / 30 = 0.8333
    expect(office.electricityLight).toBe('amber');
    expect(office.electricityRatio).toBeCloseTo(0.833333, 6);
    // heat: f(1000) = 4.53 x 1000^-0.215 + 0.27; ln 1000 = 6.907755, x 0.215 = 1.485167, e^-1.485167 = 0.226464,
    // x 4.53 = 1.025884, + 0.27 = 1.295884; 49.0 x 1.295884 + 8.1 = 63.4983 + 8.1 = 71.5983; 60 / 71.5983 = 0.838
    // -> green
    expect(office.heatComparisonKwhPerM2).toBeCloseTo(71.5983, 3);
    expect(office.heatLight).toBe('green');
    // the same office at 31,000 kWh: 31 > 30 -> red; a shop has no VDI 3807 row
    const red = reportBuilding({ ...office, use: 'office', years: [{ year: 2025, heatKwh: 60_000, heatCoverage: 1, electricityKwh: 31_000, electricityCoverage: 1 }] }, table, NO_WEATHER_INPUTS, 0.9);
    expect(red.electricityLight).toBe('red');
    const shop = reportBuilding({ ...office, use: 'shop', years: red.years.map(() => ({ year: 2025, heatKwh: 1, heatCoverage: 1, electricityKwh: 1, electricityCoverage: 1 })) }, table, NO_WEATHER_INPUTS, 0.9);
    expect(shop.noElectricityBenchmark).toBe('no-row');
    expect(shop.electricityLight).toBeNull();
  });

  it('compares a building in the category the user set instead of the one its use suggests', () => {
    const shop: ReportBuildingInput = {
      id: 'L',
      name: 'Laden, heute Schule',
      use: 'shop',
      floorAreaM2: 1000,
      floorAreaEstimated: false,
      years: [{ year: 2025, heatKwh: 70_000, heatCoverage: 1, electricityKwh: 12_000, electricityCoverage: 1 }],
    };
    // by its use: 50 Läden, 46.8 x 1.295884 + 6.4 = 60.6474 + 6.4 = 67.0474; 70 / 67.0474 = 1.044 -> amber
    const byUse = reportBuilding(shop, table, NO_WEATHER_INPUTS, 0.9);
    expect(byUse.category).toEqual({ no: 50, name: 'Läden' });
    expect(byUse.categoryOverridden).toBe(false);
    expect(byUse.heatComparisonKwhPerM2).toBeCloseTo(67.0474, 3);
    expect(byUse.heatLight).toBe('amber');
    expect(byUse.electricityLight).toBeNull();
    // set to 21 Schulen: 49.3 x 1.295884 + 22.4 = 63.8871 + 22.4 = 86.2871; 70 / 86.2871 = 0.811 -> green;
    // electricity VDI 3807 Schulen: 12 kWh/m² above the Zielwert 6, at most the Grenzwert 14 -> amber, 12 / 14 = 0.857
    const set = reportBuilding({ ...shop, categoryOverride: 21 }, table, NO_WEATHER_INPUTS, 0.9);
    expect(set.category).toEqual({ no: 21, name: 'Schulen' });
    expect(set.categoryOverridden).toBe(true);
    expect(set.heatComparisonKwhPerM2).toBeCloseTo(86.2871, 3);
    expect(set.heatLight).toBe('green');
    expect(set.electricityLight).toBe('amber');
    expect(set.electricityRatio).toBeCloseTo(0.857143, 6);
    // a house used as a day-care centre (22 Kinderbetreuungseinrichtungen) is no longer exempt as residential:
    // 50.4 x 1.295884 + 17.3 = 65.3126 + 17.3 = 82.6126
    const house = reportBuilding({ ...shop, use: 'single-family', categoryOverride: 22 }, table, NO_WEATHER_INPUTS, 0.9);
    expect(house.noBenchmark).toBeNull();
    expect(house.heatComparisonKwhPerM2).toBeCloseTo(82.6126, 3);
    expect(house.noElectricityBenchmark).toBe('no-row');
  });

  it('corrects heat with degree days against the TRY, and labels the TRY default where nothing was entered', () => {
    const input: ReportBuildingInput = {
      id: 'V',
      name: 'Verwaltung',
      use: 'town-hall',
      floorAreaM2: 1000,
      floorAreaEstimated: false,
      years: [
        { year: 2024, heatKwh: 100_000, heatCoverage: 1, electricityKwh: null, electricityCoverage: 0 },
        { year: 2025, heatKwh: 100_000, heatCoverage: 1, electricityKwh: null, electricityCoverage: 0 },
      ],
    };
    const weather: WeatherInputs = { klimafaktoren: [], degreeDays: [{ year: 2025, g: 3000, source: 'test' }], tryDegreeDays: 3300 };
    const b = reportBuilding(input, table, weather, 0.9);
    // 2025: factor 3,300 / 3,000 = 1.1; 100,000 kWh x 1.1 = 110,000 kWh / 1,000 m² = 110 kWh/m²
    expect(b.years[1]).toMatchObject({ weatherBasis: 'degree-days', weatherCorrected: true });
    expect(b.years[1]?.weatherFactor).toBeCloseTo(1.1, 12);
    expect(b.years[1]?.heatKwhPerM2).toBeCloseTo(110, 9);
    // 2024: nothing entered -> TRY default, factor 1, 100 kWh/m², not counted as corrected
    expect(b.years[0]).toMatchObject({ weatherBasis: 'try-default', weatherFactor: 1, weatherCorrected: false, heatKwhPerM2: 100 });
    // a Klimafaktor of the year wins over degree days: 100,000 x 0.95 / 1,000 = 95
    const kf = reportBuilding(input, table, { ...weather, klimafaktoren: [{ year: 2025, factor: 0.95, source: 'DWD' }] }, 0.9);
    expect(kf.years[1]).toMatchObject({ weatherBasis: 'klimafaktor', heatKwhPerM2: 95 });
    // degree days without the TRY's (file unreadable) cannot correct: TRY default
    expect(reportBuilding(input, table, { ...weather, tryDegreeDays: null }, 0.9).years[1]).toMatchObject({ weatherBasis: 'try-default', heatKwhPerM2: 100 });
  });
});
