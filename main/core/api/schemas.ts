/**
 * Argument schemas for every method of the contract. This is the one place where input from the UI (IPC or
 * HTTP) is checked; handlers receive only values that passed. `satisfies` keeps the list complete: a method added
 * to the contract without a schema fails the typecheck, and SchemasMatchContract (below) fails it when a schema's
 * input drifts from the contract's argument type. Value lists come from models/values.ts.
 */
import { z } from 'zod';
import type { ApiMethods, MethodName } from '../../../models/contract/index.js';
import { CARRIERS } from '../../../models/energy/carriers.js';
import { efficiencyRange } from '../analysis/heat-supply.js';
import { EXPORT_CREDIT_VARIANT_IDS } from '../../../models/factors/export-credit.js';
import { HEAT_PUMP_REPLACES } from '../../../models/scenarios/measures.js';
import { ANALYSIS_RESOLUTIONS, HEAT_SUPPLY_CARRIERS, HISTORY_KINDS, HISTORY_UNITS, RESOLUTIONS } from '../../../models/values.js';
import { carrierArgSchemas } from './carrier-schemas.js';
import { deviceArgSchemas } from './device-schemas.js';
import { fileArgSchemas } from './file-schemas.js';
import { planningArgSchemas } from './planning-schemas.js';
import type { AllTrue, SchemaMatches } from './schema-check.js';
import { settingsArgSchemas } from './settings-api.js';
import { assetArgSchemas } from './asset-schemas.js';
import { tariffArgSchemas } from './tariff-schemas.js';
import { siteArgSchemas } from './site-schemas.js';

const empty = z.object({}).strict();
const epochMs = z.number().int().min(0).max(8.64e15);
const id = z.string().min(1).max(200);

const period = z
  .object({ from: epochMs, to: epochMs })
  .strict()
  .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'], params: { code: 'input.order', after: 'from' } });

const share = z.number().min(0).max(1);
const setId = z.string().min(1).max(100);
const year = z.number().int().min(1990).max(2100);

/** A boiler's efficiency (0.3..1.1) or a heat pump's SCOP (1..7): checked per carrier where it enters. */
const oneHeatSupply = z
  .object({ carrier: z.enum(HEAT_SUPPLY_CARRIERS), efficiency: z.number().positive() })
  .strict()
  .superRefine((s, ctx) => {
    const [lo, hi] = efficiencyRange(s.carrier);
    if (s.efficiency < lo || s.efficiency > hi) {
      ctx.addIssue({ code: 'custom', path: ['efficiency'], message: `${s.carrier === 'electricity' ? "the heat pump's SCOP" : 'efficiency'} must be between ${lo} and ${hi}`, params: { code: 'input.between', min: lo, max: hi } });
    }
  });
const heatSupply = z.record(id, oneHeatSupply);

const analysisFields = {
  from: epochMs,
  to: epochMs,
  primarySetId: setId.optional(),
  co2SetId: setId.optional(),
  exportCredit: z.enum(EXPORT_CREDIT_VARIANT_IDS).optional(),
  heatSupply: heatSupply.optional(),
  resolution: z.enum(ANALYSIS_RESOLUTIONS).optional(),
  rolling: z.boolean().optional(),
  minCoverage: share.optional(),
  compare: z.boolean().optional(),
};

const afterFrom = (p: { from: number; to: number }) => p.to > p.from;
const afterFromMessage = { message: "'to' must be after 'from'", path: ['to'], params: { code: 'input.order', after: 'from' } };

const measure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pv'), buildingId: id, kwp: z.number().positive().max(1e6), tiltDeg: z.number().min(0).max(90), azimuthDeg: z.number().min(0).max(360) }).strict(),
  z.object({ kind: z.literal('pv-potential'), buildingId: id, share: share.optional() }).strict(),
  z
    .object({
      kind: z.literal('battery'),
      buildingId: id,
      capacityKwh: z.number().positive().max(1e6),
      powerKw: z.number().positive().max(1e6),
      roundTripEfficiency: z.number().gt(0).max(1),
      initialSoc: share.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('heat-pump'),
      buildingId: id,
      scop: z.number().positive().max(10),
      replaces: z.enum(HEAT_PUMP_REPLACES).optional(),
      boilerEfficiency: z.number().gt(0).max(1.1).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('efficiency'), buildingId: id, carrier: z.enum([...CARRIERS, '*']), saving: share }).strict(),
]);

/** History CSV as text: a year of 15-minute values is under 1 MB; 8 MB leaves room for years of readings. */
const historyCsv = z
  .object({
    csv: z.string().min(1, 'the file is empty').max(8 << 20, 'the file is larger than 8 MB'),
    kind: z.enum(HISTORY_KINDS).optional(),
    stampMarks: z.enum(['start', 'end']).optional(),
    unit: z.enum(HISTORY_UNITS).optional(),
  })
  .strict();

export const argSchemas = {
  'app.info': empty,
  'district.get': empty,
  'district.roofShapes': empty,
  'district.balances': period,
  'building.series': z
    .object({
      buildingId: id,
      from: epochMs,
      to: epochMs,
      resolution: z.enum(RESOLUTIONS),
    })
    .strict()
    .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'], params: { code: 'input.order', after: 'from' } }),
  'status.get': empty,
  'factors.list': empty,
  'district.analysis': z.object(analysisFields).strict().refine(afterFrom, afterFromMessage),
  'district.setHeatSupply': z.object({ buildingId: id, heatSupply: oneHeatSupply.nullable() }).strict(),
  'district.co2Path': z
    .object({
      fromYear: year,
      toYear: year,
      co2SetId: setId.optional(),
      targetYear: year.optional(),
      targetTonnes: z.number().min(0).optional(),
      minCoverage: share.optional(),
      heatSupply: heatSupply.optional(),
    })
    .strict()
    .refine((p) => p.toYear >= p.fromYear, { message: "'toYear' must not be before 'fromYear'", path: ['toYear'], params: { code: 'input.order', after: 'fromYear' } }),
  'district.pvPotential': z.object({ share: share.optional() }).strict(),
  'scenario.run': z
    .object({ ...analysisFields, id: id.optional(), name: z.string().max(200).optional(), measures: z.array(measure).max(1000) })
    .strict()
    .refine(afterFrom, afterFromMessage),
  'alarms.implausible': z
    .object({ from: epochMs, to: epochMs, perPoint: z.number().int().min(1).max(100).optional() })
    .strict()
    .refine(afterFrom, afterFromMessage),
  'history.preview': historyCsv,
  'history.import': historyCsv.extend({ pointId: id }),
  ...carrierArgSchemas,
  ...deviceArgSchemas,
  ...fileArgSchemas,
  ...settingsArgSchemas,
  ...assetArgSchemas,
  ...tariffArgSchemas,
  ...siteArgSchemas,
  ...planningArgSchemas,
} satisfies Record<MethodName, z.ZodType>;

/** Fails the typecheck, naming the method, when a schema's input is not the contract's argument type. */
export type SchemasMatchContract = AllTrue<SchemaMatches<typeof argSchemas, ApiMethods>>;
