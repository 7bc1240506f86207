/**
 * Measured heat per building and local calendar year, from the building's heat meters (medium heat or district
 * heat, role consumption or import). A year counts only when its meters cover at least MIN_COVERAGE of its
 * quarter hours with plausible intervals, so a meter installed in November does not pass for a year's heat.
 */
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { MeasuredYear } from '../../../models/planning/heat-plan-row.js';
import type { DistrictView } from '../../../models/contract/index.js';
import type { Store } from '../store/store.js';
import { zonedToUtc } from '../analysis/local-time.js';
import { pointSums } from './year-sums.js';

export const MIN_COVERAGE = 0.9;

export const HEAT_MEDIA = new Set(['heat', 'district-heat']);
export const ENERGY_IN_ROLES = new Set(['consumption', 'import']);

export async function measuredHeat(store: Store, view: DistrictView, lastYear: number, years = 3): Promise<Map<string, MeasuredYear[]>> {
  const out = new Map<string, MeasuredYear[]>();
  const heatPoints = view.points.filter((p) => HEAT_MEDIA.has(p.medium) && ENERGY_IN_ROLES.has(p.role));
  const zone = view.site.timezone;
  for (let year = lastYear - years + 1; year <= lastYear; year++) {
    const from = zonedToUtc(year, 0, 1, zone);
    const to = zonedToUtc(year + 1, 0, 1, zone);
    const slots = (to - from) / INTERVAL_MS;
    const perPoint = await pointSums(store, heatPoints.map((p) => p.id), from, to);
    const byBuilding = new Map<string, { kwh: number; complete: boolean }>();
    for (const p of heatPoints) {
      const s = perPoint.get(p.id);
      const b = byBuilding.get(p.buildingId) ?? { kwh: 0, complete: true };
      b.kwh += s?.kwh ?? 0;
      b.complete &&= s !== undefined && s.n >= MIN_COVERAGE * slots;
      byBuilding.set(p.buildingId, b);
    }
    for (const [id, b] of byBuilding) if (b.complete) out.set(id, [...(out.get(id) ?? []), { year, kwh: b.kwh }]);
  }
  return out;
}
