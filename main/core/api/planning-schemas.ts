/** The planning exports' argument schemas, spread into argSchemas (schemas.ts). */
import { z } from 'zod';
import { LANGUAGES, PLANNING_EXPORT_KINDS } from '../../../models/values.js';

export const planningArgSchemas = {
  'planning.export': z
    .object({
      kind: z.enum(PLANNING_EXPORT_KINDS),
      year: z.number().int().min(1990).max(2100),
      lang: z.enum(LANGUAGES).optional(),
    })
    .strict(),
};
