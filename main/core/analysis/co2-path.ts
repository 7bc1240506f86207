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
import { checkHeatSupply, heatSupplyNote } from './heat-supply.js';
import { note, noteText, type AnalysisNote } from '../../../models/i18n/analysis-notes.js';
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
  // years as text: a number 2045 would print as 2.045 in German
  const notes: AnalysisNote[] = [
    note('note.co2.set', { name: set.value.name, id: set.value.id, version: set.value.version, basis: set.value.basis }),
    note('note.co2.target', { tonnes: pathOptions.targetTonnes, year: String(pathOptions.targetYear) }),
    ...loaded.value.heat.map((h) => heatSupplyNote(h.buildingId, h.supply, h.origin)),
  ];
  const assumptions = (): string[] => notes.map((n) => noteText('en', n));
  if (good.length > 0) {
    const path = co2Path(good, pathOptions);
    if (!path.ok) return path;
    notes.push(note('note.co2.years', { share: minCoverage * 100, years: good.map((y) => y.year).join(', ') }));
    return ok({ co2Set: refOf(set.value), years: years.value, basis: { kind: 'calendar-years', years: good.map((y) => y.year) }, path: path.value, assumptions: assumptions(), notes });
  }
  const end = lastDataEnd(profiles);
  if (end === null) {
    notes.push(note('note.co2.noData'));
    return ok({ co2Set: refOf(set.value), years: years.value, basis: { kind: 'calendar-years', years: [] }, path: null, assumptions: assumptions(), notes });
  }
  const rTo = Math.ceil(end / HOUR_MS) * HOUR_MS;
  const rFrom = addUtcMonths(rTo, -12);
  const tonnes = rollingTonnes(profiles, set.value, rFrom, rTo);
  if (!tonnes.ok) return tonnes;
  const year = new Date(rTo - 1).getUTCFullYear();
  if (pathOptions.targetYear <= year) return err('validation', `targetYear ${pathOptions.targetYear} must be after ${year}`, 'targetYear');
  const path = co2Path([{ year, tonnes: tonnes.value }], pathOptions);
  if (!path.ok) return path;
  notes.push(
    note('note.co2.rolling', {
      share: minCoverage * 100,
      fromDay: new Date(rFrom).toISOString().slice(0, 10),
      toDay: new Date(rTo).toISOString().slice(0, 10),
      year: String(year),
    }),
  );
  return ok({
    co2Set: refOf(set.value),
    years: years.value,
    basis: { kind: 'rolling-12-months', from: rFrom, to: rTo, tonnes: tonnes.value, year },
    path: path.value,
    assumptions: assumptions(),
    notes,
  });
};
