/**
 * Report data assembly: runs the one analysis (main/core/analysis) over the selected buildings and period and
 * arranges its result for print. PDF, XLSX and the summary all print from the ReportData this returns; no figure
 * is computed here that the analysis does not compute (the quality tables count the analysis' own slots).
 */
import { noteText } from '../../../models/i18n/analysis-notes.js';
import type { CarrierBalance } from '../../../models/energy/balance.js';
import { SLOT_QUALITIES, type SlotQuality } from '../../../models/energy/quality.js';
import { findSeries } from '../../../models/energy/series.js';
import type { AppliedFactor, FactorSet } from '../../../models/factors/factor-set.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { withExportCredit } from '../../../models/factors/export-credit.js';
import { balanceYearOf, setForYear } from '../../../models/factors/by-year.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import { analyseDistrictWithProfiles, DEFAULT_MIN_COVERAGE } from '../analysis/district-analysis.js';
import { loadCostInput } from '../analysis/period-costs.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import type { Language } from '../../../models/values.js';
import { buildPvSection } from './pv-section.js';
import { costSection } from './cost-section.js';
import { qualityStats, ReportDataError } from './quality-stats.js';
import type { BuildingReport, PvSection, QualityCounts, ReportData } from './report-data.js';
import type { ReportPeriod } from './report-period.js';

/** Reports progress as a share 0..1 and what is being done. */
export type ProgressFn = (share: number, what: string) => void;

export interface ReportOptions {
  readonly period: ReportPeriod;
  readonly lang?: Language;
  /** Buildings to report on, in this order; all buildings of the district when omitted. */
  readonly buildingIds?: readonly string[];
  /** GEG Anlage 4 with the Effizienzhaus Plus export credit by default. */
  readonly primarySet?: FactorSet;
  /** GEG Anlage 9 by default. */
  readonly co2Set?: FactorSet;
  /** A typical weather year (e.g. the DWD TRY of the region): enables PV potential and the scenario. */
  readonly weather?: WeatherSeries;
  readonly appVersion?: string;
  /** Creation time printed on the cover; now by default. */
  readonly createdAt?: number;
  readonly onProgress?: ProgressFn;
  /** Coverage below which a verdict is provisional (the setting; 0.9 by default). */
  readonly minCoverage?: number;
}

export { ReportDataError };

const sumQuality = (items: readonly QualityCounts[]): QualityCounts =>
  Object.fromEntries(SLOT_QUALITIES.map((q) => [q, items.reduce((s, c) => s + c[q], 0)])) as Record<SlotQuality, number>;

const uniqueFactors = (lists: readonly (readonly AppliedFactor[])[]): AppliedFactor[] => {
  const seen = new Map<string, AppliedFactor>();
  for (const f of lists.flat()) seen.set(`${f.setId}|${f.version}|${f.carrier}|${f.use}`, f);
  return [...seen.values()];
};

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string; where?: string } }, what: string): T => {
  if (!r.ok) throw new ReportDataError(`${what}: ${r.error.message}${r.error.where === undefined ? '' : ` (${r.error.where})`}`);
  return r.value;
};

/** Assembles everything a report prints. Throws ReportDataError for an empty store or unknown buildings. */
export const assembleReport = async (store: Store, options: ReportOptions): Promise<ReportData> => {
  const progress = options.onProgress ?? (() => {});
  const { period } = options;
  const basePrimary = options.primarySet ?? GEG_ANLAGE_4;
  // a set without an export-credit rule gets the default one, so the report always names it
  const primarySet = basePrimary.exportCreditVariant === undefined ? withExportCredit(basePrimary) : basePrimary;
  const co2Set = setForYear(options.co2Set ?? GEG_ANLAGE_9, balanceYearOf(period));
  if (primarySet.kind !== 'primary-energy') throw new ReportDataError(`factor set ${primarySet.id} is not a primary-energy set`);
  if (co2Set.kind !== 'co2') throw new ReportDataError(`factor set ${co2Set.id} is not a CO2 set`);
  progress(0, 'district');
  const district = await store.getDistrict();
  if (district === null) throw new ReportDataError(`the store ${store.path} holds no district yet`);
  const timeZone = district.site.timezone;
  const ids = options.buildingIds ?? district.buildings.map((b) => b.id);
  const unknown = ids.filter((id) => !district.buildings.some((b) => b.id === id));
  if (unknown.length > 0) {
    throw new ReportDataError(`no building ${unknown.map((u) => `'${u}'`).join(', ')} in the district (known: ${district.buildings.map((b) => b.id).join(', ')})`);
  }
  if (ids.length === 0) throw new ReportDataError('no buildings selected');
  const buildings = ids.map((id) => district.buildings.find((b) => b.id === id)!);
  // The district of the report is the selected buildings: the same analysis over that view.
  const view = { ...district, buildings, points: district.points.filter((p) => ids.includes(p.buildingId)), devices: district.devices.filter((d) => ids.includes(d.buildingId)) };
  const loadShare = options.weather === undefined ? 0.9 : 0.6;
  progress(0.05, 'analysis');
  const run = await analyseDistrictWithProfiles(
    store,
    view,
    { from: period.from, to: period.to, rolling: false, compare: false, minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE },
    '15min',
    { primary: primarySet, co2: co2Set },
  );
  const { analysis, loaded } = unwrap(run, 'analysis');
  const slots = (period.to - period.from) / INTERVAL_MS;
  const reports: BuildingReport[] = analysis.buildings.map((a, k) => {
    const building = buildings[k]!;
    const profile = loaded.profiles[k]!;
    const e = findSeries(profile, 'electricity');
    const i0 = e === undefined ? 0 : (period.from - e.start) / e.stepMs;
    const q = qualityStats(e, i0, slots);
    return {
      building,
      points: district.points.filter((p) => p.buildingId === building.id),
      balance: a.balance,
      electricity: a.balance.carriers.find((c) => c.carrier === 'electricity') ?? null,
      months: a.months,
      kpis: a.kpis,
      energyPlus: a.energyPlusPeriod,
      verdict: a.verdictPeriod,
      co2: a.co2,
      co2Tonnes: a.co2Tonnes,
      heatSupply: a.heatSupply,
      quality: q.counts,
      longestGapSlots: q.longestGap,
    };
  });
  progress(loadShare, 'district balance');
  const d = analysis.district;

  let pv: PvSection | null = null;
  if (options.weather !== undefined) {
    progress(loadShare + 0.05, 'PV potential and scenario');
    const costInput = unwrap(await loadCostInput(store, district, period.from, period.to, null), 'tariffs');
    pv = await buildPvSection(store, district.site, buildings, loaded.profiles, options.weather, period, { primarySet, co2Set }, costInput);
  }
  progress(1, 'done');
  return {
    lang: options.lang ?? 'de',
    createdAt: options.createdAt ?? Date.now(),
    appVersion: options.appVersion ?? '',
    site: district.site,
    timeZone,
    period,
    stepMs: INTERVAL_MS,
    primarySet,
    co2Set,
    buildings: reports,
    district: {
      balance: d.balance,
      electricity: d.balance.carriers.find((c): c is CarrierBalance => c.carrier === 'electricity') ?? null,
      energyPlus: d.energyPlusPeriod,
      verdict: d.verdictPeriod,
      kpis: d.kpis,
      co2Tonnes: d.co2Tonnes,
      months: d.months,
      quality: sumQuality(reports.map((r) => r.quality)),
      sharing: d.sharing,
      energyPlusCount: reports.filter((r) => r.verdict.energyPlus).length,
      consumptionClasses: analysis.consumptionClasses,
    },
    pv,
    factorsUsed: uniqueFactors([...reports.flatMap((r) => [r.energyPlus.primaryEnergy.factorsUsed, r.co2.factorsUsed]), d.energyPlusPeriod.primaryEnergy.factorsUsed]),
    assumptions: analysis.notes.map((n) => noteText(options.lang ?? 'de', n)),
    minCoverage: analysis.minCoverage,
    costs: costSection(analysis),
  };
};
