/**
 * The schema of a device profile (drivers/profiles/<id>.json): a published register map turned into data.
 * Units in a profile are the device's own (W, Wh, kWh, V, ...); the driver converts to canonical units.
 * Defaults given once under "defaults" apply to every point that does not say otherwise.
 */
import { z } from 'zod';
import { MEDIA, MODBUS_PROTOCOLS, POINT_KINDS, POINT_ROLES } from '../../models/values.js';
import { DATA_TYPES } from '../modbus/register-types.js';

const medium = z.enum(MEDIA);
const role = z.enum(POINT_ROLES);
const kind = z.enum(POINT_KINDS);
const functionCode = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const order = z.enum(['big', 'little']);
const address = z.number().int().min(0).max(65535);

export const profilePointSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case, starting with a letter'),
    name: z.string().min(1),
    /** 0-based protocol address (register 30001 / 40001 is address 0). */
    address,
    functionCode: functionCode.optional(),
    type: z.enum(DATA_TYPES),
    /** Registers of a string point. */
    length: z.number().int().min(1).max(125).optional(),
    wordOrder: order.optional(),
    byteOrder: order.optional(),
    /** Multiplier from raw to the point's unit, e.g. 0.1 for a register in 0.1 V. */
    scale: z.number().finite().refine((v) => v !== 0, 'must not be 0').optional(),
    /** Address of an int16 register holding a power-of-ten exponent (SunSpec style), same function code. */
    scaleFactorAddress: address.optional(),
    unit: z.string(),
    medium: medium.optional(),
    role: role.optional(),
    kind: kind.optional(),
    /** Raw register patterns (as unsigned integers) that mean "not available", e.g. [65535]. */
    notImplemented: z.array(z.number().int().min(0)).optional(),
    /** Marks a string or number as the device's identity for the probe instead of a measurement. */
    identity: z.enum(['manufacturer', 'model', 'serial', 'version']).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.type === 'string' && p.length === undefined) {
      ctx.addIssue({ code: 'custom', path: ['length'], message: 'a string point needs "length" (registers)' });
    }
    if (p.type === 'string' && p.identity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['identity'], message: 'a string point must be an identity field' });
    }
    if (p.type === 'bool' && p.functionCode !== undefined && p.functionCode > 2) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'bool points are read with function code 1 or 2' });
    }
    if (p.scale !== undefined && p.scaleFactorAddress !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'give either "scale" or "scaleFactorAddress"' });
    }
  });

/**
 * A setting of the device that its registers do not reveal (e.g. the energy unit a heat meter was configured
 * with): the user must choose it when adding the device; it travels in the device URL as ?<key>=<choice>.
 */
export const profileParameterSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9]*$/, 'lower-case letters and digits (a URL query name)'),
    name: z.string().min(1),
    /** What the choice sets: the unit of the listed points. */
    sets: z.literal('unit'),
    points: z.array(z.string()).min(1),
    choices: z.array(z.string().min(1)).min(2),
  })
  .strict();

export const profileSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    manufacturer: z.string().min(1),
    model: z.string().min(1),
    description: z.string().optional(),
    /** The published register map this file was written from (document title, version, URL). */
    source: z.string().min(1),
    protocols: z.array(z.enum(MODBUS_PROTOCOLS)).min(1),
    defaults: z
      .object({
        functionCode: functionCode.optional(),
        wordOrder: order.optional(),
        byteOrder: order.optional(),
        medium: medium.optional(),
        unit: z.number().int().min(0).max(255).optional(),
      })
      .strict()
      .optional(),
    points: z.array(profilePointSchema).min(1),
    parameters: z.array(profileParameterSchema).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.parameters?.forEach((param, i) =>
      param.points.forEach((key, j) => {
        if (!p.points.some((pt) => pt.key === key)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'points', j], message: `no point "${key}"` });
      }),
    );
    const seen = new Set<string>();
    p.points.forEach((pt, i) => {
      if (seen.has(pt.key)) ctx.addIssue({ code: 'custom', path: ['points', i, 'key'], message: `duplicate key "${pt.key}"` });
      seen.add(pt.key);
      const fc = pt.functionCode ?? p.defaults?.functionCode;
      if (fc === undefined) {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'functionCode'], message: 'no function code here or in defaults' });
      }
      if (pt.identity === undefined && (pt.role ?? 'x') === 'x') {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'role'], message: 'a measurement needs a default role' });
      }
      if (pt.identity === undefined && pt.kind === undefined) {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'kind'], message: 'a measurement needs a kind' });
      }
      if (pt.identity === undefined && pt.medium === undefined && p.defaults?.medium === undefined) {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'medium'], message: 'no medium here or in defaults' });
      }
    });
  });

export type ProfileFile = z.infer<typeof profileSchema>;
export type ProfilePointFile = z.infer<typeof profilePointSchema>;
