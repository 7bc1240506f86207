/** The core's side of the contract: each method's work, on validated arguments. */
import type { AppInfo } from '../../models/contract.js';
import type { Store } from '../store/store.js';
import type { Collector } from '../collector/collector.js';
import type { Handlers } from './dispatch.js';
import { ApiFailure, notFound } from './api-failure.js';

export interface HandlerContext {
  readonly store: Store;
  readonly collector: Collector;
  readonly info: AppInfo;
}

export function createHandlers({ store, collector, info }: HandlerContext): Handlers {
  const district = async () => {
    const view = await store.getDistrict();
    if (!view) throw new ApiFailure('not-found', 'this data file holds no district yet');
    return view;
  };
  return {
    'app.info': async () => info,
    'district.get': district,
    'district.balances': ({ from, to }) => store.buildingBalances(from, to),
    'building.series': async ({ buildingId, from, to, resolution }) => {
      const { buildings } = await district();
      if (!buildings.some((b) => b.id === buildingId)) throw notFound('building', buildingId);
      const [energy, power] = await Promise.all([
        store.buildingSeries(buildingId, from, to, resolution),
        store.powerSeries(buildingId, from, to),
      ]);
      return { buildingId, resolution, energy, power };
    },
    'status.get': async () => collector.status(),
  };
}
