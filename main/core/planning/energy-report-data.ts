/**
 * The energy report's figures: the one analysis of each of the three local calendar years up to the report year
 * (heat = final energy of fuels and district heat, the fuel behind metered heat included; electricity =
 * consumption), per building, divided by its floor area (entered, else estimated and flagged) and compared with
 * the benchmark table (models/planning/energy-report.ts).
 */
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import type { AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import { INTERNAL_CARRIERS } from '../../../models/energy/carriers.js';
import { DEFAULT_AMBER_LIMIT, reportBuilding, type BenchmarkTable, type ReportBuilding, type YearFigures } from '../../../models/planning/energy-report.js';
import { estimatedFloorAreaM2, ringAreaM2 } from '../../../models/planning/floor-area.js';
import { dailyMeans, degreeDays } from '../../../models/planning/degree-days.js';
import type { Klimafaktor, WeatherInputs, YearDegreeDays } from '../../../models/planning/weather-correction.js';
import { analyseDistrict } from '../analysis/district-analysis.js';
import { essenWeather } from '../analysis/weather.js';
import { zonedToUtc } from '../analysis/local-time.js';
import { coverageShare } from '../analysis/period-figures.js';
import type { Store } from '../store/store.js';
import { MIN_COVERAGE } from './measured-heat.js';
import { projectRing } from './metric-crs.js';

export const REPORT_YEARS = 3;

export interface EnergyReportOptions {
  readonly year: number;
  readonly klimafaktoren?: readonly Klimafaktor[];
  /** G20/15 of a year at the site (corrects against the Essen TRY where no Klimafaktor is given). */
  readonly degreeDays?: readonly YearDegreeDays[];
  readonly amberLimit?: number;
}

export interface EnergyReport {
  readonly year: number;
  readonly years: readonly number[];
  readonly siteName: string;
  readonly timeZone: string;
  readonly buildings: readonly ReportBuilding[];
  readonly benchmarks: BenchmarkTable;
  readonly klimafaktoren: readonly Klimafaktor[];
  readonly weather: WeatherInputs;
  readonly amberLimit: number;
  readonly minCoverage: number;
  /** The analysis' statements (heat supply assumed per building, sign convention, ...) of the report year. */
  readonly notes: readonly AnalysisNote[];
}

export class EnergyReportError extends Error {
  override readonly name = 'EnergyReportError';
}

const figuresOf = (a: DistrictAnalysis, id: string, year: number): YearFigures => {
  const b = a.buildings.find((x) => x.buildingId === id);
  const carriers = b?.balance.carriers ?? [];
  const heat = carriers.filter((c) => c.carrier !== 'electricity' && !INTERNAL_CARRIERS.includes(c.carrier));
  const el = carriers.find((c) => c.carrier === 'electricity');
  return {
    year,
    heatKwh: heat.length === 0 ? null : heat.reduce((s, c) => s + c.consumptionKwh, 0),
    heatCoverage: heat.length === 0 ? 0 : Math.min(...heat.map((c) => coverageShare(c.coverage))),
    electricityKwh: el === undefined ? null : el.consumptionKwh,
    electricityCoverage: el === undefined ? 0 : coverageShare(el.coverage),
  };
};

/** G20/15 of the shipped Essen TRY (an average year of DWD TRY region 5), Kd; null when it cannot be read. */
export async function tryDegreeDays(): Promise<number | null> {
  const w = await essenWeather();
  if (!w.ok) return null;
  return degreeDays(dailyMeans(w.value.tempC, Math.round(86_400_000 / w.value.stepMs)));
}

export async function energyReportData(store: Store, benchmarks: BenchmarkTable, o: EnergyReportOptions): Promise<EnergyReport> {
  const view = await store.getDistrict();
  if (view === null) throw new EnergyReportError(`the store ${store.path} holds no district yet`);
  const zone = view.site.timezone;
  const years = Array.from({ length: REPORT_YEARS }, (_, i) => o.year - REPORT_YEARS + 1 + i);
  const analyses: DistrictAnalysis[] = [];
  for (const y of years) {
    const r = await analyseDistrict(store, view, { from: zonedToUtc(y, 0, 1, zone), to: zonedToUtc(y + 1, 0, 1, zone), rolling: false, compare: false });
    if (!r.ok) throw new EnergyReportError(`${y}: ${r.error.where === undefined ? '' : `${r.error.where}: `}${r.error.message}`);
    analyses.push(r.value);
  }
  const klimafaktoren = o.klimafaktoren ?? [];
  const weather: WeatherInputs = { klimafaktoren, degreeDays: o.degreeDays ?? [], tryDegreeDays: await tryDegreeDays() };
  const amberLimit = o.amberLimit ?? DEFAULT_AMBER_LIMIT;
  const buildings = view.buildings.map((b) => {
    const entered = b.planning?.floorAreaM2;
    const floorAreaM2 = entered ?? estimatedFloorAreaM2(ringAreaM2(projectRing(b.footprint)), b);
    return reportBuilding(
      {
        id: b.id,
        name: b.name,
        use: b.use,
        floorAreaM2,
        floorAreaEstimated: entered === undefined,
        years: years.map((y, i) => figuresOf(analyses[i] as DistrictAnalysis, b.id, y)),
        ...(b.planning?.energyReportCategory === undefined ? {} : { categoryOverride: b.planning.energyReportCategory }),
      },
      benchmarks,
      weather,
      MIN_COVERAGE,
      amberLimit,
    );
  });
  return {
    year: o.year,
    years,
    siteName: view.site.name,
    timeZone: zone,
    buildings,
    benchmarks,
    klimafaktoren,
    weather,
    amberLimit,
    minCoverage: MIN_COVERAGE,
    notes: analyses[analyses.length - 1]?.notes ?? [],
  };
}
