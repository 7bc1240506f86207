/**
 * Report data assembly: reads the district and its measured profiles through the Store interface and runs the
 * pure energy models over them once. PDF, XLSX and the summary all print from the ReportData this returns.
 */
import { carrierBalance, computeBalance, computeDistrictBalance, type CarrierBalance } from '../../../models/energy/balance.js';
import { addCoverage } from '../../../models/energy/coverage.js';
import { sumProfiles } from '../../../models/energy/district.js';
import { energyPlusForPeriod } from '../../../models/energy/energy-plus.js';
import { computeKpis } from '../../../models/energy/kpis.js';
import { SLOT_QUALITIES, type SlotQuality } from '../../../models/energy/quality.js';
import { findSeries, type BuildingProfile, type CarrierSeries } from '../../../models/energy/series.js';
import { districtSharing } from '../../../models/energy/sharing.js';
import type { AppliedFactor, FactorSet } from '../../../models/factors/factor-set.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { withExportCredit } from '../../../models/factors/export-credit.js';
import { balanceYearOf, setForYear } from '../../../models/factors/by-year.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import type { Store } from '../store/store.js';
import { nextLocalMonth } from './local-time.js';
import { loadBuildingProfile, qualityStats, ReportDataError } from './load-profiles.js';
import type { Language } from '../../../models/values.js';
import { buildPvSection } from './pv-section.js';
import type { BuildingReport, MonthRow, PvSection, QualityCounts, ReportData } from './report-data.js';
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
}

export { ReportDataError };

const monthsOf = (s: CarrierSeries | undefined, from: number, to: number, timeZone: string): MonthRow[] => {
  const rows: MonthRow[] = [];
  for (let a = from; a < to; ) {
    const b = Math.min(to, nextLocalMonth(a, timeZone));
    const c = s === undefined ? null : carrierBalance(s, { from: a, to: b });
    const slots = (b - a) / INTERVAL_MS;
    rows.push({
      from: a,
      to: b,
      consumptionKwh: c?.consumptionKwh ?? 0,
      generationKwh: c?.generationKwh ?? 0,
      importKwh: c?.importKwh ?? 0,
      exportKwh: c?.exportKwh ?? 0,
      selfConsumedKwh: c?.selfConsumedKwh ?? 0,
      netKwh: (c?.generationKwh ?? 0) - (c?.consumptionKwh ?? 0),
      coverage: c?.coverage ?? addCoverage([{ slots, measured: 0, estimated: 0, missing: slots, measuredShare: 0, estimatedShare: 0, missingShare: 1 }]),
    });
    a = b;
  }
  return rows;
};

const sumMonths = (lists: readonly (readonly MonthRow[])[], template: readonly MonthRow[]): MonthRow[] =>
  template.map((m, k) => {
    const items = lists.map((l) => l[k] as MonthRow);
    const sum = (f: (r: MonthRow) => number): number => items.reduce((s, r) => s + f(r), 0);
    return {
      from: m.from,
      to: m.to,
      consumptionKwh: sum((r) => r.consumptionKwh),
      generationKwh: sum((r) => r.generationKwh),
      importKwh: sum((r) => r.importKwh),
      exportKwh: sum((r) => r.exportKwh),
      selfConsumedKwh: sum((r) => r.selfConsumedKwh),
      netKwh: sum((r) => r.netKwh),
      coverage: addCoverage(items.map((r) => r.coverage)),
    };
  });

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
  const apiBalances = await store.buildingBalances(period.from, period.to);
  const slots = (period.to - period.from) / INTERVAL_MS;

  const profiles: BuildingProfile[] = [];
  const reports: BuildingReport[] = [];
  const loadShare = options.weather === undefined ? 0.9 : 0.6;
  for (const [k, building] of buildings.entries()) {
    progress((k / buildings.length) * loadShare, `building ${building.id}`);
    const profile = await loadBuildingProfile(store, building.id, district.points, period.from, period.to);
    profiles.push(profile);
    const balance = computeBalance(profile, period);
    const e = findSeries(profile, 'electricity');
    const energyPlus = unwrap(energyPlusForPeriod(profile, primarySet, period), `building ${building.id}: primary energy`);
    const co2 = unwrap(weighBalance(balance.carriers, co2Set), `building ${building.id}: CO2`);
    const q = qualityStats(e, slots);
    reports.push({
      building,
      points: district.points.filter((p) => p.buildingId === building.id),
      apiBalance: apiBalances.find((b) => b.buildingId === building.id) ?? null,
      balance,
      electricity: balance.carriers.find((c) => c.carrier === 'electricity') ?? null,
      months: monthsOf(e, period.from, period.to, timeZone),
      kpis: e === undefined ? null : computeKpis(e, period),
      energyPlus,
      co2,
      co2Tonnes: co2.total / 1e6,
      quality: q.counts,
      longestGapSlots: q.longestGap,
    });
  }
  progress(loadShare, 'district balance');
  const withSeries = profiles.filter((p) => p.series.length > 0);
  const summed = withSeries.length > 0 ? sumProfiles(withSeries, period) : { buildingId: 'district', series: [] };
  const districtPlus = unwrap(energyPlusForPeriod(summed, primarySet, period), 'district: primary energy');
  const districtBalance = computeDistrictBalance(profiles, period);
  const hasElectricity = profiles.some((p) => findSeries(p, 'electricity') !== undefined);
  const monthTemplate = monthsOf(undefined, period.from, period.to, timeZone);

  let pv: PvSection | null = null;
  if (options.weather !== undefined) {
    progress(loadShare + 0.05, 'PV potential and scenario');
    pv = await buildPvSection(store, district.site, buildings, profiles, options.weather, period, { primarySet, co2Set });
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
      balance: districtBalance,
      electricity: districtBalance.carriers.find((c): c is CarrierBalance => c.carrier === 'electricity') ?? null,
      energyPlus: districtPlus,
      co2Tonnes: reports.reduce((s, r) => s + r.co2Tonnes, 0),
      months: sumMonths(reports.map((r) => r.months), monthTemplate),
      quality: sumQuality(reports.map((r) => r.quality)),
      sharing: hasElectricity ? districtSharing(profiles, period) : null,
      energyPlusCount: reports.filter((r) => r.energyPlus.energyPlus).length,
    },
    pv,
    factorsUsed: uniqueFactors([...reports.flatMap((r) => [r.energyPlus.primaryEnergy.factorsUsed, r.co2.factorsUsed]), districtPlus.primaryEnergy.factorsUsed]),
  };
};
