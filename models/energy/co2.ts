import { weighBalance, type WeightedBalance } from '../factors/weigh.js';
import type { FactorSet } from '../factors/factor-set.js';
import { setForYear } from '../factors/by-year.js';
import { err, ok, type Result } from '../result.js';
import { computeBalance } from './balance.js';
import { utcYearStart } from './calendar.js';
import { addCoverage, type Coverage } from './coverage.js';
import type { BuildingProfile } from './series.js';

export interface Co2Year {
  readonly year: number;
  /** t CO2e in the year (the set's g CO2e summed and divided by 1e6). */
  readonly tonnes: number;
  readonly weighted: WeightedBalance;
  readonly coverage: Coverage;
}

/** CO2e of a building (or a summed district profile) per UTC calendar year in [fromYear, toYear]. */
export const co2ByYear = (profile: BuildingProfile, set: FactorSet, fromYear: number, toYear: number): Result<Co2Year[]> => {
  if (set.kind !== 'co2') return err('validation', `set ${set.id} holds ${set.kind} factors, not co2`, 'set');
  const out: Co2Year[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    let balance;
    try {
      balance = computeBalance(profile, { from: utcYearStart(year), to: utcYearStart(year + 1) });
    } catch (e) {
      return err('validation', e instanceof Error ? e.message : String(e), `year ${year}`);
    }
    // a yearly set (BISKO) weighs each year with that year's factors
    const w = weighBalance(balance.carriers, setForYear(set, year));
    if (!w.ok) return w;
    out.push({ year, tonnes: w.value.total / 1e6, weighted: w.value, coverage: balance.coverage });
  }
  return ok(out);
};

export interface Co2PathOptions {
  /** Year of climate neutrality; 2045 is Germany's legal target (Klimaschutzgesetz). */
  readonly targetYear?: number;
  /** Emissions allowed in the target year, t; 0 by default. */
  readonly targetTonnes?: number;
}

export interface Co2Path {
  readonly baseYear: number;
  readonly baseTonnes: number;
  readonly targetYear: number;
  readonly targetTonnes: number;
  /** Straight-line reduction needed per year from the last measured year to the target, t/a (positive). */
  readonly neededPerYearTonnes: number;
  /** The same as a share of the base year's emissions. */
  readonly neededPerYearShare: number | null;
  /** Least-squares slope over the measured years, t/a (negative = falling); null with fewer than two years. */
  readonly trendPerYearTonnes: number | null;
  /** True when the measured trend falls at least as fast as needed. */
  readonly onTrack: boolean | null;
  /** Emissions in the target year if the trend continues. */
  readonly projectedTargetTonnes: number | null;
  /** Year the trend reaches the target, null when it never does. */
  readonly trendReachesTargetYear: number | null;
  /** Target path, one point per year from base to target year. */
  readonly path: readonly { readonly year: number; readonly tonnes: number }[];
  /** Measured share of each input year (from co2ByYear), so a trend on estimates is visible as such. */
  readonly measuredShare: readonly { readonly year: number; readonly share: number | null }[];
}

/** Reduction path from measured yearly emissions to the target year, next to the measured trend. */
export const co2Path = (
  years: readonly { readonly year: number; readonly tonnes: number; readonly coverage?: Coverage }[],
  options: Co2PathOptions = {},
): Result<Co2Path> => {
  const targetYear = options.targetYear ?? 2045;
  const targetTonnes = options.targetTonnes ?? 0;
  if (years.length === 0) return err('validation', 'at least one measured year is needed', 'years');
  const sorted = [...years].sort((a, b) => a.year - b.year);
  for (let i = 0; i < sorted.length; i++) {
    const y = sorted[i] as { year: number; tonnes: number };
    if (!Number.isInteger(y.year) || !Number.isFinite(y.tonnes)) return err('validation', `year ${y.year} has no finite value`, `years[${i}]`);
    if (i > 0 && (sorted[i - 1] as { year: number }).year === y.year) return err('validation', `year ${y.year} appears twice`, `years[${i}]`);
  }
  const base = sorted[sorted.length - 1] as { year: number; tonnes: number };
  if (targetYear <= base.year) return err('validation', `target year ${targetYear} is not after the last measured year ${base.year}`, 'targetYear');
  const span = targetYear - base.year;
  const needed = (base.tonnes - targetTonnes) / span;
  let trend: number | null = null;
  if (sorted.length >= 2) {
    const n = sorted.length;
    const mx = sorted.reduce((s, y) => s + y.year, 0) / n;
    const my = sorted.reduce((s, y) => s + y.tonnes, 0) / n;
    const sxy = sorted.reduce((s, y) => s + (y.year - mx) * (y.tonnes - my), 0);
    const sxx = sorted.reduce((s, y) => s + (y.year - mx) ** 2, 0);
    trend = sxy / sxx;
  }
  const projected = trend === null ? null : base.tonnes + trend * span;
  let reaches: number | null = null;
  if (trend !== null) {
    if (base.tonnes <= targetTonnes) reaches = base.year;
    else if (trend < 0) reaches = Math.ceil(base.year + (base.tonnes - targetTonnes) / -trend);
  }
  const path = Array.from({ length: span + 1 }, (_, k) => ({ year: base.year + k, tonnes: base.tonnes - needed * k }));
  return ok({
    baseYear: base.year,
    baseTonnes: base.tonnes,
    targetYear,
    targetTonnes,
    neededPerYearTonnes: needed,
    neededPerYearShare: base.tonnes > 0 ? needed / base.tonnes : null,
    trendPerYearTonnes: trend,
    onTrack: trend === null ? null : -trend >= needed,
    projectedTargetTonnes: projected,
    trendReachesTargetYear: reaches,
    path,
    measuredShare: sorted.map((y) => ({ year: y.year, share: y.coverage?.measuredShare ?? null })),
  });
};

export interface DistrictCo2Year {
  readonly year: number;
  readonly tonnes: number;
  readonly buildings: readonly { readonly buildingId: string; readonly tonnes: number }[];
  readonly coverage: Coverage;
}

/**
 * CO2e of a district per year as the sum of its buildings (each weighed behind its own meter, as a municipal
 * balance adds up its properties). For the district as one connection, pass sumProfiles(...) to co2ByYear.
 */
export const districtCo2ByYear = (
  profiles: readonly BuildingProfile[],
  set: FactorSet,
  fromYear: number,
  toYear: number,
): Result<DistrictCo2Year[]> => {
  const perBuilding: { buildingId: string; years: Co2Year[] }[] = [];
  for (const p of profiles) {
    const r = co2ByYear(p, set, fromYear, toYear);
    if (!r.ok) return err(r.error.kind, r.error.message, `${p.buildingId}: ${r.error.where ?? ''}`);
    perBuilding.push({ buildingId: p.buildingId, years: r.value });
  }
  const out: DistrictCo2Year[] = [];
  for (let k = 0; k <= toYear - fromYear; k++) {
    const buildings = perBuilding.map((b) => ({ buildingId: b.buildingId, tonnes: (b.years[k] as Co2Year).tonnes }));
    out.push({
      year: fromYear + k,
      tonnes: buildings.reduce((s, b) => s + b.tonnes, 0),
      buildings,
      coverage: addCoverage(perBuilding.map((b) => (b.years[k] as Co2Year).coverage)),
    });
  }
  return ok(out);
};
