/** Argument schemas of the tariff methods (models/contract/tariffs.ts), spread into schemas.ts. */
import { z } from 'zod';
import { PRICE_LIMIT_CT, TARIFF_CARRIERS, TARIFF_KINDS, localDateParts } from '../../../models/tariffs/tariff.js';

const id = z.string().min(1).max(200);
const localDate = z.string().refine((s) => localDateParts(s) !== null, { message: 'must be a date like 2025-01-01', params: { code: 'input.format', format: 'date' } });
const ct = z.number().min(0).max(PRICE_LIMIT_CT);

/** A year of quarter hours as CSV is about 1.3 MB; 16 MB leaves room for several years. */
const pricesCsv = z
  .object({
    csv: z.string().min(1, 'the file is empty').max(16 << 20, 'the file is larger than 16 MB'),
    file: z.string().min(1).max(500),
  })
  .strict();

export const tariffArgSchemas = {
  'tariffs.list': z.object({ buildingId: id.optional() }).strict(),
  'tariffs.save': z
    .object({
      id: id.optional(),
      buildingId: id,
      carrier: z.enum(TARIFF_CARRIERS),
      kind: z.enum(TARIFF_KINDS),
      name: z.string().max(200).optional(),
      validFrom: localDate,
      validTo: localDate.nullable().optional(),
      energyCtPerKwh: ct,
      fixedEurPerMonth: z.number().min(0).max(1e7),
      feedInCtPerKwh: ct.optional(),
      prices: pricesCsv.optional(),
    })
    .strict()
    .refine((t) => t.validTo === undefined || t.validTo === null || t.validTo > t.validFrom, { message: "'validTo' must be after 'validFrom'", path: ['validTo'], params: { code: 'input.order', after: 'validFrom' } })
    .refine((t) => t.kind === 'dynamic' || t.prices === undefined, { message: 'quarter-hour prices belong to a dynamic tariff', path: ['prices'] }),
  'tariffs.remove': z.object({ id }).strict(),
};
