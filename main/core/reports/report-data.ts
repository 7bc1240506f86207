/** What a report holds once assembled: every number the PDF, XLSX and summary print, computed once. */
import type { AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import type { HeatSupplyUse, MonthBalance, Verdict } from '../../../models/contract/index.js';
import type { BalanceResult, CarrierBalance, DistrictBalanceResult } from '../../../models/energy/balance.js';
import type { EnergyPlusStatus } from '../../../models/energy/energy-plus.js';
import type { KpiResult } from '../../../models/energy/kpis.js';
import type { SlotQuality } from '../../../models/energy/quality.js';
import type { SharingResult } from '../../../models/energy/sharing.js';
import type { ConsumptionClasses } from '../../../models/contract/index.js';
import type { AppliedFactor, FactorSet } from '../../../models/factors/factor-set.js';
import type { WeightedBalance } from '../../../models/factors/weigh.js';
import type { PvPotentialOptions } from '../../../models/solar/pv-potential.js';
import type { Building, Point, Site } from '../../../models/types.js';
import type { Language } from '../../../models/values.js';
import type { ReportPeriod } from './report-period.js';
import type { CostSection } from './cost-section.js';

/** A local calendar month as the analysis computed it (no data: hasData false, printed as "no data"). */
export type MonthRow = MonthBalance;

export type QualityCounts = Readonly<Record<SlotQuality, number>>;

export interface BuildingReport {
  readonly building: Building;
  readonly points: readonly Point[];
  /** Every carrier the building has meters for, and the fuel derived from metered heat. */
  readonly balance: BalanceResult;
  readonly electricity: CarrierBalance | null;
  readonly months: readonly MonthRow[];
  readonly kpis: KpiResult | null;
  /** Final and primary energy over the report period. */
  readonly energyPlus: EnergyPlusStatus;
  readonly verdict: Verdict;
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
  readonly heatSupply: HeatSupplyUse | null;
  /** Electricity slots per quality. */
  readonly quality: QualityCounts;
  /** Longest run of missing electricity slots. */
  readonly longestGapSlots: number;
}

export interface DistrictReport {
  /** Sum of the single buildings. */
  readonly balance: DistrictBalanceResult;
  readonly electricity: CarrierBalance | null;
  /** The district as one virtual connection. */
  readonly energyPlus: EnergyPlusStatus;
  readonly verdict: Verdict;
  /** KPIs of the district as one connection (electricity). */
  readonly kpis: KpiResult | null;
  readonly co2Tonnes: number;
  readonly months: readonly MonthRow[];
  readonly quality: QualityCounts;
  readonly sharing: SharingResult | null;
  readonly energyPlusCount: number;
  /** E-Mobilität and public lighting with their coverage, from the analysis. */
  readonly consumptionClasses?: ConsumptionClasses | undefined;
}

export interface PvBuildingRow {
  readonly buildingId: string;
  readonly roofSource: 'lod2' | 'assumed';
  readonly roofs: number;
  readonly suitableRoofs: number;
  readonly kwp: number;
  readonly annualKwh: number;
  readonly specificYieldKwhPerKwp: number | null;
}

export interface ScenarioColumn {
  readonly finalEnergyNetKwh: number;
  readonly primaryEnergyNetKwh: number;
  readonly co2Tonnes: number;
  readonly selfSufficiency: number | null;
  readonly energyPlusBuildings: number;
  readonly districtEnergyPlus: boolean;
  /** Per building id: energy-plus yes/no. */
  readonly perBuilding: Readonly<Record<string, boolean>>;
  /** Net cost under the buildings' tariffs (the analysis' cost code), EUR; null when no tariff covers the period. */
  readonly netCostEur: number | null;
}

export interface PvSection {
  readonly weatherSource: string;
  readonly options: PvPotentialOptions;
  /** The potential's assumptions, printed in the report's language. */
  readonly notes: readonly AnalysisNote[];
  readonly buildings: readonly PvBuildingRow[];
  readonly scenario: {
    readonly measured: ScenarioColumn;
    readonly pvPotential: ScenarioColumn;
    /** measured net cost - with the potential used, EUR; null without a tariff. */
    readonly savingEur: number | null;
  } | null;
  /** Why the scenario could not run, when it could not. */
  readonly scenarioError: string | null;
}

export interface ReportData {
  readonly lang: Language;
  readonly createdAt: number;
  readonly appVersion: string;
  readonly site: Site;
  readonly timeZone: string;
  readonly period: ReportPeriod;
  /** Grid of every balance and KPI, ms (15 minutes). */
  readonly stepMs: number;
  readonly primarySet: FactorSet;
  readonly co2Set: FactorSet;
  readonly buildings: readonly BuildingReport[];
  readonly district: DistrictReport;
  readonly pv: PvSection | null;
  /** Each factor any result used, once. */
  readonly factorsUsed: readonly AppliedFactor[];
  /** The analysis' assumptions in words (heat supply, roles, sign convention, coverage rule, time zone). */
  readonly assumptions: readonly string[];
  /** Coverage below which a verdict is provisional. */
  readonly minCoverage: number;
  /** Costs under the stored tariffs (the analysis' figures); absent in reports assembled without them. */
  readonly costs?: CostSection;
}
