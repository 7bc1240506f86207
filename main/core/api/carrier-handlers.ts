/** 'carriers.series': its handler (every carrier of a building or the district over time); the schema is carrier-schemas.ts. */
import type { DistrictView } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { carrierSeries } from '../analysis/carrier-series.js';
import { ApiFailure } from '../base/failure.js';
import type { Store } from '../store/store.js';
import type { Handlers } from './dispatch.js';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new ApiFailure(r.error.kind, r.error.message, r.error.where);
  return r.value;
};

export function carrierHandlers(store: Store, district: () => Promise<DistrictView>): Pick<Handlers, 'carriers.series'> {
  return {
    'carriers.series': async (args) => unwrap(await carrierSeries(store, await district(), args)),
  };
}
