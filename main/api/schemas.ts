/**
 * Argument schemas for every method of the contract. This is the one place where input from the UI (IPC or
 * HTTP) is checked; handlers receive only values that passed. `satisfies` keeps the list complete: a method added
 * to the contract without a schema fails the typecheck.
 */
import { z } from 'zod';
import type { MethodName } from '../../models/contract.js';

const empty = z.object({}).strict();
const epochMs = z.number().int().min(0).max(8.64e15);
const id = z.string().min(1).max(200);

const period = z
  .object({ from: epochMs, to: epochMs })
  .strict()
  .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'] });

export const argSchemas = {
  'app.info': empty,
  'district.get': empty,
  'district.balances': period,
  'building.series': z
    .object({
      buildingId: id,
      from: epochMs,
      to: epochMs,
      resolution: z.enum(['15min', 'hour', 'day', 'month']),
    })
    .strict()
    .refine((p) => p.to > p.from, { message: "'to' must be after 'from'", path: ['to'] }),
  'status.get': empty,
} satisfies Record<MethodName, z.ZodType>;
