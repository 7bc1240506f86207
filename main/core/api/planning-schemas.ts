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
  'planning.reportCategories': z.object({}).strict(),
  'planning.setReportCategory': z
    .object({
      buildingId: z.string().min(1).max(200),
      // the table's own numbers are checked where the value is stored (planning-attributes.ts)
      category: z.number().int().min(1).max(999).nullable(),
    })
    .strict(),
};
