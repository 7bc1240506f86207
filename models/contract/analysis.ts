/** The one analysis: factor sets, heat supply, the district analysis, the CO2 path and the PV potential. */
import type { Carrier } from '../energy/carriers.js';
import type { AnalysisNote } from '../i18n/analysis-notes.js';
import type { Coverage } from '../energy/coverage.js';
import type { Period } from '../energy/period.js';
import type { BalanceResult, DistrictBalanceResult } from '../energy/balance.js';
import type { KpiResult } from '../energy/kpis.js';
import type { EnergyPlusStatus } from '../energy/energy-plus.js';
import type { SharingResult } from '../energy/sharing.js';
import type { Co2Path, DistrictCo2Year } from '../energy/co2.js';
import type { FactorBasis, FactorKind, FactorSetRef } from '../factors/factor-set.js';
import type { WeightedBalance } from '../factors/weigh.js';
import type { ExportCreditVariantId } from '../factors/factor-set.js';
import type { AnalysisResolution } from '../values.js';
import type { Building, HeatSupply } from '../types.js';
import type { MonthBalance, Verdict, ColourMetrics } from './overview.js';
import type { ConsumptionClasses } from './assets.js';
import type { PvPotentialOptions, RoofPotential } from '../solar/pv-potential.js';
import type { CostFigures, PeriodComparison } from './tariffs.js';

export type { HeatSupplyCarrier } from '../values.js';
export type { HeatSupply } from '../types.js';

/** One factor of a set, for listing. */
export interface FactorInfo {
  readonly carrier: Carrier;
  readonly value: number;
  readonly note?: string;
}

/** A factor set as 'factors.list' answers it: enough to pick one by id and to print its provenance. */
export interface FactorSetInfo {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: FactorKind;
  readonly unit: string;
  readonly basis: FactorBasis;
  readonly source: string;
  readonly factors: readonly FactorInfo[];
  readonly exportCredit: readonly FactorInfo[];
  /** The default for its kind in analyses. */
  readonly isDefault: boolean;
}

/** Heat supply per building id for one call; buildings not named use their stored heat supply, else the default (gas boiler, 0.9). */
export type HeatSupplyMap = Readonly<Record<string, HeatSupply>>;

/** The heat supply an analysis assumed for one building, stated in every result that uses it. */
export interface HeatSupplyUse extends HeatSupply {
  readonly buildingId: string;
  /**
   * 'default' when the building had none; 'building' for the heat supply stored in the district file; 'setting' for
   * the call's; 'planning' for the fuel entered in the building's planning attributes (default efficiency).
   */
  readonly origin: 'default' | 'setting' | 'building' | 'planning';
  readonly heatKwh: number;
  readonly deliveredKwh: number;
}

export interface AnalysisArgs {
  readonly from: number;
  readonly to: number;
  /** Factor set ids (see 'factors.list'); defaults geg-anlage-4 and geg-anlage-9. */
  readonly primarySetId?: string;
  readonly co2SetId?: string;
  /** How exported electricity is credited in primary energy (default 'effizienzhaus-plus'); results name it. */
  readonly exportCredit?: ExportCreditVariantId;
  readonly heatSupply?: HeatSupplyMap;
  /**
   * '15min' (default): KPIs as metered. 'hour': reads the hourly rollups, several times faster; balances,
   * energy-plus and CO2 are the same (sums), KPIs are then hourly (result.resolution says so).
   */
  readonly resolution?: AnalysisResolution;
  /** false: no 12-month window (the UI's quick overview of a day); energyPlus then equals energyPlusPeriod. */
  readonly rolling?: boolean;
  /** Coverage below which a verdict is provisional, 0..1; the setting (default 0.9) when omitted. */
  readonly minCoverage?: number;
  /** false: no comparison with the previous period and last year (comparison is then null); default true. */
  readonly compare?: boolean;
}

export interface BuildingAnalysis {
  readonly buildingId: string;
  readonly name: string;
  /** Per carrier over [from, to); 'heat' is useful heat (shown, never weighed), the fuel is derived from it. */
  readonly balance: BalanceResult;
  /** Electricity KPIs at the analysis' resolution; null when the building has no electricity meter. */
  readonly kpis: KpiResult | null;
  /** Final and primary energy over [from, to). */
  readonly energyPlusPeriod: EnergyPlusStatus;
  /** 12-month rolling status ending at 'to' (the Effizienzhaus Plus annual balance). */
  readonly energyPlus: EnergyPlusStatus;
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
  readonly heatSupply: HeatSupplyUse | null;
  /** Verdicts over the period and over the 12 months, with coverage. */
  readonly verdictPeriod: Verdict;
  readonly verdict: Verdict;
  /** Local calendar months of the period. */
  readonly months: readonly MonthBalance[];
  /** Colour values (PV potential is filled in by the API, which holds the weather year). */
  readonly colours: ColourMetrics;
  /** Costs under the building's tariffs over [from, to) (docs/costs.md). */
  readonly costs: CostFigures;
  /** The period beside the previous one and the same one last year; null when not asked for. */
  readonly comparison: PeriodComparison | null;
}

export interface DistrictTotals {
  /** Sum of the single buildings per carrier. */
  readonly balance: DistrictBalanceResult;
  /** KPIs of the district as one connection (electricity); null without electricity. */
  readonly kpis: KpiResult | null;
  readonly energyPlusPeriod: EnergyPlusStatus;
  readonly energyPlus: EnergyPlusStatus;
  /** Sum of the buildings' CO2 (municipal logic: each building behind its own meter). */
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
  /** What sharing electricity between the buildings is worth; null without electricity. */
  readonly sharing: SharingResult | null;
  readonly coverage: Coverage;
  readonly verdictPeriod: Verdict;
  readonly verdict: Verdict;
  readonly months: readonly MonthBalance[];
  /** Sum of the buildings' costs (each behind its own meter, as the balance). */
  readonly costs: CostFigures;
  readonly comparison: PeriodComparison | null;
}

export interface DistrictAnalysis {
  readonly period: Period;
  /** Resolution of the KPIs ('15 min'). */
  readonly resolution: string;
  /** Start of the 12-month rolling window (its end is period.to). */
  readonly rollingFrom: number;
  readonly buildings: readonly BuildingAnalysis[];
  readonly district: DistrictTotals;
  readonly factorSets: { readonly primary: FactorSetRef; readonly co2: FactorSetRef };
  /** Every assumption the numbers rest on, in words (heat supply, boundaries, windows), in English. */
  readonly assumptions: readonly string[];
  /** The same assumptions as notes each surface prints in its language (models/i18n/analysis-notes.ts). */
  readonly notes: readonly AnalysisNote[];
  /** The site's time zone: days, months and years of the period are local to it. */
  readonly timeZone: string;
  /** The coverage threshold the verdicts used. */
  readonly minCoverage: number;
  /** E-Mobilität and public lighting with their PV and surplus shares (absent where no store was read). */
  readonly consumptionClasses?: ConsumptionClasses;
}

export interface Co2PathArgs {
  readonly fromYear: number;
  readonly toYear: number;
  readonly co2SetId?: string;
  /** Default 2045 (Klimaschutzgesetz). */
  readonly targetYear?: number;
  /** Default 0 t. */
  readonly targetTonnes?: number;
  /** Calendar years with at least this measured-or-estimated share enter the path (default 0.9). */
  readonly minCoverage?: number;
  readonly heatSupply?: HeatSupplyMap;
}

export interface Co2PathResult {
  readonly co2Set: FactorSetRef;
  /** District t CO2e per UTC calendar year with each building's share, from hourly rollups. */
  readonly years: readonly DistrictCo2Year[];
  /** The years the path rests on: complete enough calendar years, or else the last 12 months of data. */
  readonly basis:
    | { readonly kind: 'calendar-years'; readonly years: readonly number[] }
    | { readonly kind: 'rolling-12-months'; readonly from: number; readonly to: number; readonly tonnes: number; readonly year: number };
  /** null when no data at all lies in the years asked for. */
  readonly path: Co2Path | null;
  readonly assumptions: readonly string[];
  /** The same assumptions as notes each surface prints in its language (models/i18n/analysis-notes.ts). */
  readonly notes: readonly AnalysisNote[];
}

export interface PvPotentialArgs {
  /** Share of the suitable potential to count (default 1). */
  readonly share?: number;
}

export interface BuildingPvPotentialView {
  readonly buildingId: string;
  readonly name: string;
  /** 'imported': roof surfaces stored from an import; 'assumed': from footprint and roof type (assumedRoofs). */
  readonly roofSource: 'imported' | 'assumed';
  readonly kwp: number;
  readonly annualKwh: number;
  readonly roofs: readonly RoofPotential[];
}

export interface DistrictPvPotential {
  readonly weatherSource: string;
  /** Every option the potential was computed with (printed under the assumptions of each output). */
  readonly options: PvPotentialOptions;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly kwp: number;
  readonly annualKwh: number;
  readonly buildings: readonly BuildingPvPotentialView[];
  readonly assumptions: readonly string[];
  /** The same assumptions as notes each surface prints in its language (models/i18n/analysis-notes.ts). */
  readonly notes: readonly AnalysisNote[];
}

export interface AnalysisMethods {
  'factors.list': { args: Record<string, never>; result: readonly FactorSetInfo[] };
  'district.analysis': { args: AnalysisArgs; result: DistrictAnalysis };
  /** Stores a building's heat supply in the district file (null: back to the default assumption). */
  'district.setHeatSupply': { args: { buildingId: string; heatSupply: HeatSupply | null }; result: Building };
  'district.co2Path': { args: Co2PathArgs; result: Co2PathResult };
  'district.pvPotential': { args: PvPotentialArgs; result: DistrictPvPotential };
}
