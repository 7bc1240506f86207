/** Argument schemas of the district-asset methods (models/contract/assets.ts), spread into schemas.ts. */
import { z } from 'zod';
import { LANGUAGES } from '../../../models/values.js';

const id = z.string().min(1).max(200);
const position = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict();
/** A street-light inventory of a city (Dortmund: about 60,000 lights) as CSV is a few MB; 32 MB leaves room. */
const inventoryText = z.string().max(32 * 2 ** 20);
/** The id is the last path segment of the charge point's URL: printable ASCII, bounded for sanity. */
const chargePointId = z.string().min(1).max(48).regex(/^[\x21-\x7e]+$/, 'a charge point id is printable ASCII without spaces');

const ocppSettings = z
  .object({
    enabled: z.boolean(),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    allowUnknown: z.boolean(),
    unknownBuildingId: id.nullable(),
    heartbeatS: z.number().int().min(10).max(86_400),
  })
  .strict();

export const assetArgSchemas = {
  'lights.import': z.object({ fileName: z.string().min(1).max(500), text: inventoryText, lang: z.enum(LANGUAGES).optional() }).strict(),
  'lights.list': z.object({}).strict(),
  'lights.assignMeter': z.object({ lightIds: z.array(id).min(1).max(100_000), pointId: id.nullable() }).strict(),
  'ocpp.settings': z.object({}).strict(),
  'ocpp.setSettings': ocppSettings,
  'ocpp.chargePoints': z.object({}).strict(),
  'ocpp.saveChargePoint': z
    .object({
      id: chargePointId,
      // a sanity bound only; the charge point's own limits apply to what it can store
      password: z.string().min(1).max(100).nullable().optional(),
      buildingId: id.nullable().optional(),
      position: position.nullable().optional(),
    })
    .strict(),
  'ocpp.removeChargePoint': z.object({ id: chargePointId }).strict(),
  'lorawan.settings': z.object({}).strict(),
  'lorawan.setSettings': z
    .object({
      enabled: z.boolean(),
      url: z.string().regex(/^mqtts?:\/\/[^\s]+$/, 'the broker is mqtt://host:port or mqtts://host:port'),
      topics: z.array(z.string().min(1).max(500)).max(100),
      username: z.string().max(200).nullable().optional(),
      password: z.string().max(500).nullable().optional(),
      mapping: z.unknown(),
    })
    .strict(),
  'assets.map': z.object({ at: z.number().int().min(0).max(8.64e15) }).strict(),
  'scenario.lighting': z
    .object({
      from: z.number().int().min(0).max(8.64e15),
      to: z.number().int().min(0).max(8.64e15),
      ledPowerShare: z.number().gt(0).max(1).optional(),
      dimming: z.string().max(200).optional(),
      priceEurPerKwh: z.number().min(0).max(10).optional(),
      co2SetId: z.string().min(1).max(100).optional(),
    })
    .strict()
    .refine((a) => a.to > a.from, { message: "'to' must be after 'from'", path: ['to'], params: { code: 'input.order', after: 'from' } }),
};
