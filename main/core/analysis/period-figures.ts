/**
 * Figures the analysis derives from its balances for every surface: local calendar months, verdicts with their
 * coverage, and the values the district is coloured by. Computed here once so that no surface does its own maths.
 */
import type { ColourMetrics, MonthBalance, Verdict } from '../../../models/contract/index.js';
import { carrierBalance, computeBalance, finalEnergyNetImport, type BalanceResult } from '../../../models/energy/balance.js';
import { INTERNAL_CARRIERS } from '../../../models/energy/carriers.js';
import type { EnergyPlusStatus } from '../../../models/energy/energy-plus.js';
import type { KpiResult } from '../../../models/energy/kpis.js';
import type { Period } from '../../../models/energy/period.js';
import { findSeries, type BuildingProfile } from '../../../models/energy/series.js';
import type { WeightedBalance } from '../../../models/factors/weigh.js';
import { nextLocalMonth } from './local-time.js';

/** Share of slots that hold a value (measured or estimated); missing and excluded ones do not. */
export const coverageShare = (c: { readonly slots: number; readonly missing: number }): number => (c.slots === 0 ? 0 : (c.slots - c.missing) / c.slots);

export const verdictOf = (s: EnergyPlusStatus, minCoverage: number): Verdict => {
  const coverage = coverageShare(s.coverage);
  return { energyPlus: s.energyPlus, coverage, provisional: coverage < minCoverage };
};

/** The period cut at local month starts; a month start that is not on the series' step stays inside its month. */
const monthPeriods = (period: Period, timeZone: string, stepMs: number): Period[] => {
  const out: Period[] = [];
  for (let a = period.from; a < period.to; ) {
    let b = Math.min(period.to, nextLocalMonth(a, timeZone));
    b = Math.min(period.to, Math.ceil(b / stepMs) * stepMs);
    out.push({ from: a, to: b });
    a = b;
  }
  return out;
};

export const monthBalances = (p: BuildingProfile, period: Period, timeZone: string): MonthBalance[] => {
  const e = findSeries(p, 'electricity');
  const stepMs = p.series[0]?.stepMs ?? 900_000;
  return monthPeriods(period, timeZone, stepMs).map((m) => {
    const all = computeBalance(p, m);
    const c = e === undefined ? null : carrierBalance(e, m);
    const coverage = p.series.length === 0 ? 0 : coverageShare(all.coverage);
    return {
      from: m.from,
      to: m.to,
      hasData: coverage > 0,
      consumptionKwh: c?.consumptionKwh ?? 0,
      generationKwh: c?.generationKwh ?? 0,
      importKwh: c?.importKwh ?? 0,
      exportKwh: c?.exportKwh ?? 0,
      selfConsumedKwh: c?.selfConsumedKwh ?? 0,
      netKwh: (c?.consumptionKwh ?? 0) - (c?.generationKwh ?? 0),
      finalEnergyNetKwh: finalEnergyNetImport(all.carriers),
      coverage,
    };
  });
};

/** The district's months: sums of the buildings' months; coverage weighted by each building's slots. */
export const districtMonths = (lists: readonly (readonly MonthBalance[])[]): MonthBalance[] => {
  const first = lists[0];
  if (first === undefined) return [];
  return first.map((m, k) => {
    const items = lists.map((l) => l[k] as MonthBalance);
    const sum = (f: (r: MonthBalance) => number): number => items.reduce((s, r) => s + f(r), 0);
    const coverage = sum((r) => r.coverage) / items.length;
    return {
      from: m.from,
      to: m.to,
      hasData: items.some((r) => r.hasData),
      consumptionKwh: sum((r) => r.consumptionKwh),
      generationKwh: sum((r) => r.generationKwh),
      importKwh: sum((r) => r.importKwh),
      exportKwh: sum((r) => r.exportKwh),
      selfConsumedKwh: sum((r) => r.selfConsumedKwh),
      netKwh: sum((r) => r.netKwh),
      finalEnergyNetKwh: sum((r) => r.finalEnergyNetKwh),
      coverage,
    };
  });
};

/** Final energy consumed: consumption of every carrier that crosses the boundary (not useful heat). */
export const finalConsumptionKwh = (b: BalanceResult): number =>
  b.carriers.reduce((s, c) => (INTERNAL_CARRIERS.includes(c.carrier) ? s : s + c.consumptionKwh), 0);

export const colourMetrics = (b: BalanceResult, kpis: KpiResult | null, co2: WeightedBalance, status: EnergyPlusStatus): ColourMetrics => {
  const hasData = b.carriers.length > 0 && coverageShare(b.coverage) > 0;
  const consumed = finalConsumptionKwh(b);
  return {
    netKwh: hasData ? status.finalEnergyNetKwh : null,
    selfSufficiency: kpis?.selfSufficiency ?? null,
    co2IntensityGPerKwh: hasData && consumed > 0 ? co2.total / consumed : null,
    pvPotentialKwh: null,
    heatDensityMwhPerHaA: null,
    heatDensityClass: null,
  };
};
