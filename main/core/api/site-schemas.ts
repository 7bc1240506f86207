/** Argument schemas of the sites methods (models/contract/sites.ts), spread into schemas.ts. */
import { z } from 'zod';

export const siteArgSchemas = {
  'sites.list': z.object({}).strict(),
  'sites.select': z.object({ site: z.string().min(1).max(200) }).strict(),
};
