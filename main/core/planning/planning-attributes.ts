/**
 * Entering a building's planning attributes (year built, heating, floor area, sector, Energiebericht category)
 * where the import had none. Checked here, where they enter the core, so a wrong value names itself and nothing is
 * stored. The category must be a row of the shipped comparison table (assets/benchmarks/).
 */
import { BISKO_SECTORS, HEATING_FUELS, HEATING_TYPES, type PlanningAttributes } from '../../../models/planning/attributes.js';
import { err, ok, type Result } from '../../../models/result.js';
import type { Store } from '../store/store.js';
import { readBenchmarks } from './benchmarks-file.js';

const YEAR_MIN = 1000;

export function checkPlanningAttributes(p: PlanningAttributes, thisYear: number): Result<PlanningAttributes> {
  const year = (name: keyof PlanningAttributes, v: number | undefined) =>
    v === undefined || (Number.isInteger(v) && v >= YEAR_MIN && v <= thisYear) ? null : err('validation', `${name} must be a year from ${YEAR_MIN} to ${thisYear}, got ${v}`, name);
  const bad =
    year('yearBuilt', p.yearBuilt) ??
    year('heaterYear', p.heaterYear) ??
    (p.floorAreaM2 !== undefined && !(p.floorAreaM2 > 0 && Number.isFinite(p.floorAreaM2)) ? err('validation', `floorAreaM2 must be a positive number of m², got ${p.floorAreaM2}`, 'floorAreaM2') : null) ??
    (p.heatingType !== undefined && !HEATING_TYPES.includes(p.heatingType) ? err('validation', `heatingType must be one of ${HEATING_TYPES.join(', ')}`, 'heatingType') : null) ??
    (p.fuel !== undefined && !HEATING_FUELS.includes(p.fuel) ? err('validation', `fuel must be one of ${HEATING_FUELS.join(', ')}`, 'fuel') : null) ??
    (p.sector !== undefined && !BISKO_SECTORS.includes(p.sector) ? err('validation', `sector must be one of ${BISKO_SECTORS.join(', ')}`, 'sector') : null) ??
    checkCategory(p.energyReportCategory);
  return bad ?? ok(p);
}

function checkCategory(no: number | undefined): Result<never> | null {
  if (no === undefined) return null;
  const numbers = readBenchmarks().categories.map((c) => c.no);
  return Number.isInteger(no) && numbers.includes(no)
    ? null
    : err('validation', `energyReportCategory must be the number of a category of the comparison table (${Math.min(...numbers)}-${Math.max(...numbers)}), got ${no}`, 'energyReportCategory');
}

/** Sets the building's Energiebericht category, or clears it (null) so that it follows the use again. */
export async function setReportCategory(store: Store, buildingId: string, category: number | null): Promise<Result<number | null>> {
  const bad = checkCategory(category ?? undefined);
  if (bad !== null) return bad;
  const view = await store.getDistrict();
  const b = view?.buildings.find((x) => x.id === buildingId);
  if (view === null || b === undefined) return err('not-found', `no building '${buildingId}' in the district`, 'building');
  const { energyReportCategory: _old, ...rest } = b.planning ?? {};
  const planning: PlanningAttributes = category === null ? rest : { ...rest, energyReportCategory: category };
  await store.saveDistrict(view.site, [{ ...b, planning }], [], []);
  return ok(category);
}

/** Merges the given attributes into the building's (an absent field keeps its value). */
export async function setPlanningAttributes(store: Store, buildingId: string, patch: PlanningAttributes, thisYear: number): Promise<Result<PlanningAttributes>> {
  const checked = checkPlanningAttributes(patch, thisYear);
  if (!checked.ok) return checked;
  const view = await store.getDistrict();
  const b = view?.buildings.find((x) => x.id === buildingId);
  if (view === null || b === undefined) return err('not-found', `no building '${buildingId}' in the district`, 'building');
  const planning: PlanningAttributes = { ...b.planning, ...patch };
  await store.saveDistrict(view.site, [{ ...b, planning }], [], []);
  return ok(planning);
}
