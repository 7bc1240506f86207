/**
 * The annual municipal energy report (Energiebericht): per building the heat and electricity of a year per m² of
 * floor area, heat weather-corrected (weather-correction.ts: the DWD Klimafaktor the user enters, else degree days
 * against the Essen TRY, else the labelled TRY default), compared with the heat comparison value of the building's
 * category (Bekanntmachung der Regeln für Energieverbrauchswerte und der Vergleichswerte im
 * Nichtwohngebäudebestand, 2021) and with the electricity values of VDI 3807 (the values and their sources in
 * assets/benchmarks/), traffic lights and the trend over three years. The category follows from the building's use
 * unless the user set one (PlanningAttributes.energyReportCategory). Pure maths on figures the analysis computed;
 * nothing here reads a store or a file.
 *
 * Heat traffic light (PlusTwin's convention, printed in every report; the Bekanntmachung defines no colours): green
 * at or below the comparison value, amber up to amberLimit x the comparison value (1.5 by default), red above.
 * Electricity traffic light (from the two values VDI 3807 gives): green up to the Zielwert, amber up to the
 * Grenzwert, red above.
 */
import type { BuildingUse } from '../types.js';
import { isResidential } from './sector.js';
import { weatherCorrectedKwh, yearCorrection, type WeatherBasis, type WeatherInputs } from './weather-correction.js';

export interface SizeFactorRule {
  readonly smallLimitM2: number;
  readonly smallFactor: number;
  readonly largeLimitM2: number;
  readonly largeFactor: number;
  readonly a: number;
  readonly exponent: number;
  readonly b: number;
}

export interface BenchmarkCategory {
  readonly no: number;
  readonly name: string;
  /** Teilenergiekennwert Heizung, kWh/(m²·a). */
  readonly tekHeating: number;
  /** Teilenergiekennwert Warmwasser, kWh/(m²·a). */
  readonly tekHotWater: number;
  readonly uses: readonly BuildingUse[];
  /** Document, table and row the values come from. */
  readonly source: string;
}

/** One row of the electricity values (VDI 3807), kWh/(m²·a), and the heat categories it serves. */
export interface ElectricityBenchmark {
  readonly id: string;
  readonly name: string;
  readonly targetKwhPerM2: number;
  readonly limitKwhPerM2: number;
  readonly categories: readonly number[];
  readonly source: string;
}

export interface BenchmarkTable {
  readonly id: string;
  readonly title: string;
  readonly table: string;
  readonly sizeFactor: SizeFactorRule & { readonly rule: string; readonly source: string };
  readonly electricity: { readonly title: string; readonly source: string; readonly rows: readonly ElectricityBenchmark[] };
  readonly categories: readonly BenchmarkCategory[];
}

/** The size factor on TEK Heizung: larger buildings need less heat per m² (Nummer 6.3.1). */
export const sizeFactor = (r: SizeFactorRule, areaM2: number): number =>
  areaM2 <= r.smallLimitM2 ? r.smallFactor : areaM2 >= r.largeLimitM2 ? r.largeFactor : r.a * areaM2 ** r.exponent + r.b;

/** Vergleichswert Wärme, kWh/(m²·a): TEK Heizung x size factor + TEK Warmwasser. */
export const heatComparisonKwhPerM2 = (c: BenchmarkCategory, r: SizeFactorRule, areaM2: number): number => c.tekHeating * sizeFactor(r, areaM2) + c.tekHotWater;

export const TRAFFIC_LIGHTS = ['green', 'amber', 'red'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const DEFAULT_AMBER_LIMIT = 1.5;

export const trafficLight = (valueKwhPerM2: number, comparisonKwhPerM2: number, amberLimit = DEFAULT_AMBER_LIMIT): TrafficLight =>
  valueKwhPerM2 <= comparisonKwhPerM2 ? 'green' : valueKwhPerM2 <= comparisonKwhPerM2 * amberLimit ? 'amber' : 'red';

/** Electricity: green up to the Zielwert (target), amber up to the Grenzwert (limit), red above. */
export const electricityLight = (valueKwhPerM2: number, targetKwhPerM2: number, limitKwhPerM2: number): TrafficLight =>
  valueKwhPerM2 <= targetKwhPerM2 ? 'green' : valueKwhPerM2 <= limitKwhPerM2 ? 'amber' : 'red';

/** Why a building has no heat benchmark (the report names the reason). */
export type NoBenchmarkReason = 'residential' | 'no-category' | 'no-heat' | 'incomplete';

/** Why a building has no electricity benchmark. */
export type NoElectricityBenchmarkReason = 'residential' | 'no-category' | 'no-row' | 'no-electricity' | 'incomplete';

/** The category a building is compared in: the one the user set, else the first whose uses include its use. */
export function reportCategory(table: BenchmarkTable, use: BuildingUse, override?: number): { readonly category: BenchmarkCategory | null; readonly overridden: boolean } {
  if (override !== undefined) return { category: table.categories.find((c) => c.no === override) ?? null, overridden: true };
  return { category: table.categories.find((c) => c.uses.includes(use)) ?? null, overridden: false };
}

/** What the analysis measured for one building in one local calendar year. */
export interface YearFigures {
  readonly year: number;
  /** Final energy for heat (fuels and district heat, the fuel behind metered heat included), kWh; null: no heat meter. */
  readonly heatKwh: number | null;
  /** Share of the year's intervals the heat figure rests on (the least covered of its carriers). */
  readonly heatCoverage: number;
  readonly electricityKwh: number | null;
  readonly electricityCoverage: number;
}

export interface ReportYear {
  readonly year: number;
  /** Heat per m², weather-corrected when the year's Klimafaktor is given; null when not measured or incomplete. */
  readonly heatKwhPerM2: number | null;
  /** True when a Klimafaktor or degree days corrected the year (false under the TRY default). */
  readonly weatherCorrected: boolean;
  /** How the heat was corrected, and by which factor; null when there is no heat value. */
  readonly weatherBasis: WeatherBasis | null;
  readonly weatherFactor: number | null;
  readonly electricityKwhPerM2: number | null;
  readonly heatCoverage: number;
  readonly electricityCoverage: number;
}

export interface ReportBuilding {
  readonly id: string;
  readonly name: string;
  readonly use: BuildingUse;
  readonly floorAreaM2: number;
  readonly floorAreaEstimated: boolean;
  readonly category: { readonly no: number; readonly name: string } | null;
  /** True when the user set the category (else it follows from the use). */
  readonly categoryOverridden: boolean;
  /** Oldest first; the last is the report year. */
  readonly years: readonly ReportYear[];
  readonly heatComparisonKwhPerM2: number | null;
  /** Report-year heat per m² / comparison value. */
  readonly heatRatio: number | null;
  readonly heatLight: TrafficLight | null;
  readonly noBenchmark: NoBenchmarkReason | null;
  readonly electricityBenchmark: { readonly name: string; readonly targetKwhPerM2: number; readonly limitKwhPerM2: number } | null;
  /** Report-year electricity per m² / Grenzwert. */
  readonly electricityRatio: number | null;
  readonly electricityLight: TrafficLight | null;
  readonly noElectricityBenchmark: NoElectricityBenchmarkReason | null;
  /** Relative change from the oldest valued year to the report year (-0.1 = 10 % less); null with fewer than two. */
  readonly heatTrend: number | null;
  readonly electricityTrend: number | null;
}

export interface ReportBuildingInput {
  readonly id: string;
  readonly name: string;
  readonly use: BuildingUse;
  readonly floorAreaM2: number;
  readonly floorAreaEstimated: boolean;
  readonly years: readonly YearFigures[];
  /** Lfd. Nr. of the category the user set (PlanningAttributes.energyReportCategory). */
  readonly categoryOverride?: number;
}

const trend = (values: readonly (number | null)[]): number | null => {
  const valued = values.filter((v): v is number => v !== null);
  const first = valued[0];
  const last = values[values.length - 1];
  if (valued.length < 2 || first === undefined || last === null || last === undefined || first === 0) return null;
  return (last - first) / first;
};

export function reportBuilding(
  b: ReportBuildingInput,
  table: BenchmarkTable,
  weather: WeatherInputs,
  minCoverage: number,
  amberLimit = DEFAULT_AMBER_LIMIT,
): ReportBuilding {
  const perM2 = (kwh: number) => kwh / b.floorAreaM2;
  const years: ReportYear[] = [...b.years]
    .sort((x, y) => x.year - y.year)
    .map((y) => {
      const heatOk = y.heatKwh !== null && y.heatCoverage >= minCoverage;
      const elOk = y.electricityKwh !== null && y.electricityCoverage >= minCoverage;
      const c = yearCorrection(y.year, weather);
      return {
        year: y.year,
        heatKwhPerM2: heatOk ? perM2(weatherCorrectedKwh(y.heatKwh as number, c.factor)) : null,
        weatherCorrected: heatOk && c.basis !== 'try-default',
        weatherBasis: heatOk ? c.basis : null,
        weatherFactor: heatOk ? c.factor : null,
        electricityKwhPerM2: elOk ? perM2(y.electricityKwh as number) : null,
        heatCoverage: y.heatCoverage,
        electricityCoverage: y.electricityCoverage,
      };
    });
  const { category, overridden } = reportCategory(table, b.use, b.categoryOverride);
  const residential = isResidential(b.use) && !overridden;
  const last = years[years.length - 1];
  const lastYear = b.years.find((y) => y.year === last?.year);
  const comparison = category === null || residential ? null : heatComparisonKwhPerM2(category, table.sizeFactor, b.floorAreaM2);
  const heat = last?.heatKwhPerM2 ?? null;
  const noBenchmark: NoBenchmarkReason | null = residential
    ? 'residential'
    : category === null
      ? 'no-category'
      : lastYear?.heatKwh === null || lastYear === undefined
        ? 'no-heat'
        : heat === null
          ? 'incomplete'
          : null;
  const valued = noBenchmark === null && comparison !== null && heat !== null;
  const elRow = category === null || residential ? undefined : table.electricity.rows.find((r) => r.categories.includes(category.no));
  const el = last?.electricityKwhPerM2 ?? null;
  const noElectricityBenchmark: NoElectricityBenchmarkReason | null = residential
    ? 'residential'
    : category === null
      ? 'no-category'
      : elRow === undefined
        ? 'no-row'
        : lastYear?.electricityKwh === null || lastYear === undefined
          ? 'no-electricity'
          : el === null
            ? 'incomplete'
            : null;
  const elValued = noElectricityBenchmark === null && elRow !== undefined && el !== null;
  return {
    id: b.id,
    name: b.name,
    use: b.use,
    floorAreaM2: b.floorAreaM2,
    floorAreaEstimated: b.floorAreaEstimated,
    category: category === null ? null : { no: category.no, name: category.name },
    categoryOverridden: overridden,
    years,
    heatComparisonKwhPerM2: comparison,
    heatRatio: valued ? heat / comparison : null,
    heatLight: valued ? trafficLight(heat, comparison, amberLimit) : null,
    noBenchmark,
    electricityBenchmark: elRow === undefined ? null : { name: elRow.name, targetKwhPerM2: elRow.targetKwhPerM2, limitKwhPerM2: elRow.limitKwhPerM2 },
    electricityRatio: elValued ? el / elRow.limitKwhPerM2 : null,
    electricityLight: elValued ? electricityLight(el, elRow.targetKwhPerM2, elRow.limitKwhPerM2) : null,
    noElectricityBenchmark,
    heatTrend: trend(years.map((y) => y.heatKwhPerM2)),
    electricityTrend: trend(years.map((y) => y.electricityKwhPerM2)),
  };
}
