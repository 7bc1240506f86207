/**
 * A building's heat supply, stored in the district file with the building (its JSON document: no new table), so
 * that the app, `plustwin balance` and every report use it. null returns the building to the default assumption.
 */
import type { HeatSupply } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import type { Building } from '../../../models/types.js';
import type { Store } from '../store/store.js';
import { checkOneHeatSupply } from './heat-supply.js';

export const storeHeatSupply = async (store: Store, buildingId: string, supply: HeatSupply | null): Promise<Result<Building>> => {
  const view = await store.getDistrict();
  if (view === null) return err('not-found', 'this data file holds no district yet');
  const b = view.buildings.find((x) => x.id === buildingId);
  if (b === undefined) return err('not-found', `no building '${buildingId}' in the district (buildings: ${view.buildings.map((x) => x.id).join(', ')})`, 'buildingId');
  if (supply !== null) {
    const checked = checkOneHeatSupply(supply, 'heatSupply');
    if (!checked.ok) return checked;
  }
  const { heatSupply: _old, ...rest } = b;
  const updated: Building = supply === null ? rest : { ...rest, heatSupply: { carrier: supply.carrier, efficiency: supply.efficiency } };
  await store.saveDistrict(view.site, [updated], [], []);
  return ok(updated);
};
