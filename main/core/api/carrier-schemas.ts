/** The argument schema of 'carriers.series' (apart from its handler, which imports dispatch: no cycle). */
import { z } from 'zod';

const epochMs = z.number().int().min(0).max(8.64e15);

export const carrierArgSchemas = {
  'carriers.series': z
    .object({ buildingId: z.string().min(1).max(200).optional(), from: epochMs, to: epochMs, step: z.enum(['hour', 'day', 'month']) })
    .strict()
    .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'], params: { code: 'input.order', after: 'from' } }),
};
