/**
 * The annual municipal energy report (Energiebericht): per building the heat and electricity of a year per m² of
 * floor area, heat weather-corrected with the DWD Klimafaktor the user enters, compared with the heat comparison
 * value of the building's category (Bekanntmachung der Regeln für Energieverbrauchswerte und der Vergleichswerte
 * im Nichtwohngebäudebestand, 2021; the values and their source in assets/benchmarks/), a traffic light and the
 * trend over three years. Pure maths on figures the analysis computed; nothing here reads a store or a file.
 *
 * Traffic light (PlusTwin's convention, printed in every report; the Bekanntmachung defines no colours): green at
 * or below the comparison value, amber up to amberLimit x the comparison value (1.5 by default), red above.
 */
import type { BuildingUse } from '../types.js';
import { weatherCorrectedKwh, type Klimafaktor } from './weather-correction.js';

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
}

export interface BenchmarkTable {
  readonly id: string;
  readonly title: string;
  readonly table: string;
  readonly sizeFactor: SizeFactorRule & { readonly rule: string; readonly source: string };
  readonly electricity: string;
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

/** Why a building has no heat benchmark (the report names the reason). */
export type NoBenchmarkReason = 'residential' | 'no-category' | 'no-heat' | 'incomplete';

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
  readonly weatherCorrected: boolean;
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
  /** Oldest first; the last is the report year. */
  readonly years: readonly ReportYear[];
  readonly heatComparisonKwhPerM2: number | null;
  /** Report-year heat per m² / comparison value. */
  readonly heatRatio: number | null;
  readonly heatLight: TrafficLight | null;
  readonly noBenchmark: NoBenchmarkReason | null;
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
}

const RESIDENTIAL: ReadonlySet<BuildingUse> = new Set(['single-family', 'multi-family']);

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
  klimafaktoren: readonly Klimafaktor[],
  minCoverage: number,
  amberLimit = DEFAULT_AMBER_LIMIT,
): ReportBuilding {
  const perM2 = (kwh: number) => kwh / b.floorAreaM2;
  const years: ReportYear[] = [...b.years]
    .sort((x, y) => x.year - y.year)
    .map((y) => {
      const kf = klimafaktoren.find((k) => k.year === y.year);
      const heatOk = y.heatKwh !== null && y.heatCoverage >= minCoverage;
      const elOk = y.electricityKwh !== null && y.electricityCoverage >= minCoverage;
      return {
        year: y.year,
        heatKwhPerM2: heatOk ? perM2(kf === undefined ? (y.heatKwh as number) : weatherCorrectedKwh(y.heatKwh as number, kf.factor)) : null,
        weatherCorrected: heatOk && kf !== undefined,
        electricityKwhPerM2: elOk ? perM2(y.electricityKwh as number) : null,
        heatCoverage: y.heatCoverage,
        electricityCoverage: y.electricityCoverage,
      };
    });
  const category = table.categories.find((c) => c.uses.includes(b.use)) ?? null;
  const last = years[years.length - 1];
  const lastYear = b.years.find((y) => y.year === last?.year);
  const comparison = category === null ? null : heatComparisonKwhPerM2(category, table.sizeFactor, b.floorAreaM2);
  const heat = last?.heatKwhPerM2 ?? null;
  const noBenchmark: NoBenchmarkReason | null = RESIDENTIAL.has(b.use)
    ? 'residential'
    : category === null
      ? 'no-category'
      : lastYear?.heatKwh === null || lastYear === undefined
        ? 'no-heat'
        : heat === null
          ? 'incomplete'
          : null;
  const valued = noBenchmark === null && comparison !== null && heat !== null;
  return {
    id: b.id,
    name: b.name,
    use: b.use,
    floorAreaM2: b.floorAreaM2,
    floorAreaEstimated: b.floorAreaEstimated,
    category: category === null ? null : { no: category.no, name: category.name },
    years,
    heatComparisonKwhPerM2: RESIDENTIAL.has(b.use) ? null : comparison,
    heatRatio: valued ? heat / comparison : null,
    heatLight: valued ? trafficLight(heat, comparison, amberLimit) : null,
    noBenchmark,
    heatTrend: trend(years.map((y) => y.heatKwhPerM2)),
    electricityTrend: trend(years.map((y) => y.electricityKwhPerM2)),
  };
}
