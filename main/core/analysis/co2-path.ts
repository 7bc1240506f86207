/**
 * 'district.co2Path': the district's CO2 per calendar year (hourly rollups; yearly totals need no 15-minute
 * data) and the reduction path to the target year (2045, Klimaschutzgesetz). The path rests on calendar years
 * covered well enough; when none is (a young data file), on the last 12 months of data, said so in the result.
 */
import type { Co2PathArgs, Co2PathResult, DistrictView } from '../../../models/contract/index.js';
import { computeBalance } from '../../../models/energy/balance.js';
import { addUtcMonths, utcYearStart } from '../../../models/energy/calendar.js';
import { co2Path, districtCo2ByYear } from '../../../models/energy/co2.js';
import { MISSING_CODE } from '../../../models/energy/quality.js';
import type { BuildingProfile } from '../../../models/energy/series.js';
import type { FactorSet } from '../../../models/factors/factor-set.js';
import { refOf } from '../../../models/factors/factor-set.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { balanceYearOf, setForYear } from '../../../models/factors/by-year.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HOUR_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import { resolveFactorSet } from './factor-sets.js';
import { checkHeatSupply, describeHeatSupply } from './heat-supply.js';
import { loadDistrictProfiles } from './load-profiles.js';

export const MAX_CO2_YEARS = 30;
export const DEFAULT_MIN_COVERAGE = 0.9;

/** End of the last slot any building has a value in, or null. */
const lastDataEnd = (profiles: readonly BuildingProfile[]): number | null => {
  let end: number | null = null;
  for (const p of profiles)
    for (const s of p.series)
      for (let i = s.quality.length - 1; i >= 0; i--)
        if (s.quality[i] !== MISSING_CODE) {
          const e = s.start + (i + 1) * s.stepMs;
          if (end === null || e > end) end = e;
          break;
        }
  return end;
};

const rollingTonnes = (profiles: readonly BuildingProfile[], set: FactorSet, from: number, to: number): Result<number> => {
  let grams = 0;
  for (const p of profiles) {
    const w = weighBalance(computeBalance(p, { from, to }).carriers, setForYear(set, balanceYearOf({ from, to })));
    if (!w.ok) return err(w.error.kind, `${p.buildingId}: ${w.error.message}`, w.error.where);
    grams += w.value.total;
  }
  return ok(grams / 1e6);
};

export const checkCo2Args = (a: Co2PathArgs): Result<true> => {
  if (!(Number.isInteger(a.fromYear) && Number.isInteger(a.toYear))) return err('validation', 'fromYear and toYear must be whole years', 'fromYear');
  if (a.toYear < a.fromYear) return err('validation', `toYear ${a.toYear} is before fromYear ${a.fromYear}`, 'toYear');
  if (a.toYear - a.fromYear + 1 > MAX_CO2_YEARS) return err('validation', `at most ${MAX_CO2_YEARS} years at once`, 'toYear');
  const target = a.targetYear ?? 2045;
  if (target <= a.toYear) return err('validation', `targetYear ${target} must be after toYear ${a.toYear}`, 'targetYear');
  return ok(true);
};

export const districtCo2Path = async (store: Store, view: DistrictView, a: Co2PathArgs): Promise<Result<Co2PathResult>> => {
  const checked = checkCo2Args(a);
  if (!checked.ok) return checked;
  const set = resolveFactorSet(a.co2SetId, 'co2', 'co2SetId');
  if (!set.ok) return set;
  const heatOk = checkHeatSupply(a.heatSupply, new Set(view.buildings.map((b) => b.id)));
  if (!heatOk.ok) return heatOk;
  const from = utcYearStart(a.fromYear);
  const to = utcYearStart(a.toYear + 1);
  const loaded = await loadDistrictProfiles(store, view, { from, to, step: 'hour', heatSupply: a.heatSupply });
  if (!loaded.ok) return loaded;
  const profiles = loaded.value.profiles;
  const years = districtCo2ByYear(profiles, set.value, a.fromYear, a.toYear);
  if (!years.ok) return years;
  const minCoverage = a.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const good = years.value.filter((y) => y.coverage.slots > 0 && 1 - y.coverage.missingShare >= minCoverage);
  const pathOptions = { targetYear: a.targetYear ?? 2045, targetTonnes: a.targetTonnes ?? 0 };
  const assumptions = [
    `CO2: ${set.value.name} (${set.value.id}, ${set.value.version}), basis '${set.value.basis}'; UTC calendar years from hourly rollups.`,
    `Target ${pathOptions.targetTonnes} t CO2e in ${pathOptions.targetYear} (Klimaschutzgesetz: climate neutrality in 2045).`,
    ...loaded.value.heat.map((h) => describeHeatSupply(h.buildingId, h.supply, h.origin)),
  ];
  if (good.length > 0) {
    const path = co2Path(good, pathOptions);
    if (!path.ok) return path;
    assumptions.push(`Years with at least ${minCoverage * 100} % of their hours covered enter the path: ${good.map((y) => y.year).join(', ')}.`);
    return ok({ co2Set: refOf(set.value), years: years.value, basis: { kind: 'calendar-years', years: good.map((y) => y.year) }, path: path.value, assumptions });
  }
  const end = lastDataEnd(profiles);
  if (end === null) {
    assumptions.push('No data in the years asked for: no path.');
    return ok({ co2Set: refOf(set.value), years: years.value, basis: { kind: 'calendar-years', years: [] }, path: null, assumptions });
  }
  const rTo = Math.ceil(end / HOUR_MS) * HOUR_MS;
  const rFrom = addUtcMonths(rTo, -12);
  const tonnes = rollingTonnes(profiles, set.value, rFrom, rTo);
  if (!tonnes.ok) return tonnes;
  const year = new Date(rTo - 1).getUTCFullYear();
  if (pathOptions.targetYear <= year) return err('validation', `targetYear ${pathOptions.targetYear} must be after ${year}`, 'targetYear');
  const path = co2Path([{ year, tonnes: tonnes.value }], pathOptions);
  if (!path.ok) return path;
  assumptions.push(
    `No calendar year is covered to ${minCoverage * 100} %: the path starts from the last 12 months of data ` +
      `(${new Date(rFrom).toISOString().slice(0, 10)} to ${new Date(rTo).toISOString().slice(0, 10)}), counted as ${year}; no trend from one value.`,
  );
  return ok({
    co2Set: refOf(set.value),
    years: years.value,
    basis: { kind: 'rolling-12-months', from: rFrom, to: rTo, tonnes: tonnes.value, year },
    path: path.value,
    assumptions,
  });
};
