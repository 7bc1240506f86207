/**
 * How metered useful heat turns into a delivered carrier. The demo's heat meters sit behind gas boilers; real
 * buildings may burn oil or take district heat, which the user sets per building. Until then the default
 * (gas boiler, seasonal efficiency 0.9) applies and is stated in every result.
 */
import type { HeatSupply, HeatSupplyMap } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HEAT_SUPPLY_CARRIERS } from '../../../models/values.js';

export const DEFAULT_HEAT_SUPPLY: HeatSupply = { carrier: 'gas', efficiency: 0.9 };

/** Seasonal efficiencies outside this range are unit mistakes (a percentage typed as 90), not boilers. */
export const MIN_EFFICIENCY = 0.3;
export const MAX_EFFICIENCY = 1.1;

export const checkHeatSupply = (map: HeatSupplyMap | undefined, buildingIds: ReadonlySet<string>): Result<true> => {
  for (const [id, s] of Object.entries(map ?? {})) {
    const where = `heatSupply.${id}`;
    if (!buildingIds.has(id)) return err('validation', `no building '${id}' in the district`, where);
    if (!(HEAT_SUPPLY_CARRIERS as readonly string[]).includes(s.carrier)) return err('validation', `unknown heat supply carrier '${String(s.carrier)}'`, `${where}.carrier`);
    if (!(s.efficiency >= MIN_EFFICIENCY && s.efficiency <= MAX_EFFICIENCY)) {
      return err('validation', `efficiency must be between ${MIN_EFFICIENCY} and ${MAX_EFFICIENCY}, got ${s.efficiency}`, `${where}.efficiency`);
    }
  }
  return ok(true);
};

export const heatSupplyOf = (map: HeatSupplyMap | undefined, buildingId: string): { supply: HeatSupply; origin: 'default' | 'setting' } => {
  const s = map?.[buildingId];
  return s === undefined ? { supply: DEFAULT_HEAT_SUPPLY, origin: 'default' } : { supply: s, origin: 'setting' };
};

export const describeHeatSupply = (buildingId: string, s: HeatSupply, origin: 'default' | 'setting'): string =>
  `${buildingId}: metered heat is supplied by ${s.carrier === 'district-heat' ? 'district heat' : `a ${s.carrier} boiler`}; ` +
  `${s.carrier} = heat / ${s.efficiency}${origin === 'default' ? ' (default assumption, change it in the building\'s heat supply setting)' : ' (building setting)'}`;
