/** 'carriers.series': its schema and its handler (every carrier of a building or the district over time). */
import { z } from 'zod';
import type { DistrictView } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { carrierSeries } from '../analysis/carrier-series.js';
import { ApiFailure } from '../base/failure.js';
import type { Store } from '../store/store.js';
import type { Handlers } from './dispatch.js';

const epochMs = z.number().int().min(0).max(8.64e15);

export const carrierArgSchemas = {
  'carriers.series': z
    .object({ buildingId: z.string().min(1).max(200).optional(), from: epochMs, to: epochMs, step: z.enum(['hour', 'day', 'month']) })
    .strict()
    .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'] }),
};

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new ApiFailure(r.error.kind, r.error.message, r.error.where);
  return r.value;
};

export function carrierHandlers(store: Store, district: () => Promise<DistrictView>): Pick<Handlers, 'carriers.series'> {
  return {
    'carriers.series': async (args) => unwrap(await carrierSeries(store, await district(), args)),
  };
}
