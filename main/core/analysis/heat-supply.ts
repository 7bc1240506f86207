/**
 * How metered useful heat turns into a delivered carrier. Each building may store its heat supply in the district
 * file (gas/oil/... boiler with its seasonal efficiency, district heat, a heat pump with its SCOP); a call may
 * override it; otherwise the default (gas boiler, seasonal efficiency 0.9) applies. Every result states which.
 */
import { note, noteText, type AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import type { HeatSupply, HeatSupplyMap } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import type { Building } from '../../../models/types.js';
import { HEAT_SUPPLY_CARRIERS, type HeatSupplyCarrier } from '../../../models/values.js';

export { HEAT_SUPPLY_CARRIERS };

export const DEFAULT_HEAT_SUPPLY: HeatSupply = { carrier: 'gas', efficiency: 0.9 };

/** Boiler efficiencies outside this range are unit mistakes (a percentage typed as 90), not boilers. */
export const MIN_EFFICIENCY = 0.3;
export const MAX_EFFICIENCY = 1.1;
/** A heat pump's seasonal COP (electricity): below 1 it would be a heating rod, above 7 no real installation. */
export const MIN_SCOP = 1;
export const MAX_SCOP = 7;

export const efficiencyRange = (carrier: HeatSupplyCarrier): readonly [number, number] =>
  carrier === 'electricity' ? [MIN_SCOP, MAX_SCOP] : [MIN_EFFICIENCY, MAX_EFFICIENCY];

export const checkOneHeatSupply = (s: HeatSupply, where: string): Result<true> => {
  if (!(HEAT_SUPPLY_CARRIERS as readonly string[]).includes(s.carrier)) return err('validation', `unknown heat supply carrier '${String(s.carrier)}'`, `${where}.carrier`);
  const [lo, hi] = efficiencyRange(s.carrier);
  const name = s.carrier === 'electricity' ? 'the heat pump\'s SCOP' : 'efficiency';
  if (!(s.efficiency >= lo && s.efficiency <= hi)) return err('validation', `${name} must be between ${lo} and ${hi}, got ${s.efficiency}`, `${where}.efficiency`);
  return ok(true);
};

export const checkHeatSupply = (map: HeatSupplyMap | undefined, buildingIds: ReadonlySet<string>): Result<true> => {
  for (const [id, s] of Object.entries(map ?? {})) {
    const where = `heatSupply.${id}`;
    if (!buildingIds.has(id)) return err('validation', `no building '${id}' in the district`, where);
    const one = checkOneHeatSupply(s, where);
    if (!one.ok) return one;
  }
  return ok(true);
};

export type HeatSupplyOrigin = 'default' | 'setting' | 'building' | 'planning';

/**
 * A boiler fuel or district heat entered as the building's planning fuel (plustwin heat-plan set --fuel), with the
 * default boiler efficiency (district heat 1:1). A heat pump ('electricity') has no SCOP there, and coal is no heat
 * supply carrier: those stay with the default.
 */
const planningSupply = (b: Pick<Building, 'planning'>): HeatSupply | null => {
  const fuel = b.planning?.fuel;
  if (fuel === undefined || fuel === 'electricity' || !(HEAT_SUPPLY_CARRIERS as readonly string[]).includes(fuel)) return null;
  const carrier = fuel as HeatSupplyCarrier;
  return { carrier, efficiency: carrier === 'district-heat' ? 1 : DEFAULT_HEAT_SUPPLY.efficiency };
};

/**
 * The call's heat supply for the building, else the one stored with the building, else the fuel of its planning
 * attributes, else the default. The analysis and the BISKO balance both take it from here, so they agree.
 */
export const heatSupplyOf = (map: HeatSupplyMap | undefined, building: Pick<Building, 'id' | 'heatSupply' | 'planning'> | string): { supply: HeatSupply; origin: HeatSupplyOrigin } => {
  const b = typeof building === 'string' ? { id: building } : building;
  const s = map?.[b.id];
  if (s !== undefined) return { supply: s, origin: 'setting' };
  if (b.heatSupply !== undefined) return { supply: b.heatSupply, origin: 'building' };
  const planned = planningSupply(b);
  if (planned !== null) return { supply: planned, origin: 'planning' };
  return { supply: DEFAULT_HEAT_SUPPLY, origin: 'default' };
};

/** The note naming a building's heat supply, in every language (models/i18n/analysis-notes.ts). */
export const heatSupplyNote = (buildingId: string, s: HeatSupply, origin: HeatSupplyOrigin): AnalysisNote => {
  const common = { building: buildingId, efficiency: s.efficiency, origin };
  if (s.carrier === 'district-heat') return note('note.heat.districtHeat', common);
  if (s.carrier === 'electricity') return note('note.heat.heatPump', common);
  return note('note.heat.boiler', { ...common, boiler: s.carrier, carrier: s.carrier });
};

export const describeHeatSupply = (buildingId: string, s: HeatSupply, origin: HeatSupplyOrigin): string =>
  noteText('en', heatSupplyNote(buildingId, s, origin));
