/**
 * The compile-time check that every argument schema matches the contract (main/core/api/schema-check.ts) must
 * bite: each `@ts-expect-error` below is a drift that `tsc -b` has to reject, or the directive itself fails the
 * typecheck ("unused '@ts-expect-error'"). The runtime part only shows the real map is all true.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { argSchemas, type SchemasMatchContract } from '../../../main/core/api/schemas.js';
import type { AllTrue, SchemaMatches } from '../../../main/core/api/schema-check.js';
import type { ApiMethods, MethodName } from '../../../models/contract/index.js';

type Check<S extends { [M in keyof A]: z.ZodType }, A extends { [M in keyof A]: { args: unknown } }> = SchemaMatches<S, A>;

const periodSchema = z.object({ from: z.number(), to: z.number(), share: z.number().optional() }).strict();
type PeriodSchema = typeof periodSchema;
interface PeriodArgs {
  readonly from: number;
  readonly to: number;
  readonly share?: number;
}

describe('schema/contract check', () => {
  it('holds for every method of the real contract', () => {
    expectTypeOf<SchemasMatchContract>().toEqualTypeOf<{ [M in MethodName]: true }>();
    expect(Object.keys(argSchemas).length).toBeGreaterThanOrEqual(26);
  });

  it('accepts readonly and optional fields written the contract way', () => {
    expect(periodSchema.safeParse({ from: 0, to: 1 }).success).toBe(true);
    expectTypeOf<Check<{ m: PeriodSchema }, { m: { args: PeriodArgs } }>>().toEqualTypeOf<{ m: true }>();
  });

  it('rejects a field of another type, a missing, an extra or a no longer optional field', () => {
    // @ts-expect-error the schema says string where the contract says number
    type WrongType = AllTrue<Check<{ m: PeriodSchema }, { m: { args: { from: number; to: string; share?: number } } }>>;
    // @ts-expect-error the contract has a field the schema would refuse
    type Missing = AllTrue<Check<{ m: PeriodSchema }, { m: { args: PeriodArgs & { readonly label?: string } } }>>;
    // @ts-expect-error the schema accepts a field the contract does not name
    type Extra = AllTrue<Check<{ m: PeriodSchema }, { m: { args: { from: number; to: number } } }>>;
    // @ts-expect-error optional in the schema, required in the contract
    type Required = AllTrue<Check<{ m: PeriodSchema }, { m: { args: { from: number; to: number; share: number } } }>>;
    expectTypeOf<[WrongType, Missing, Extra, Required]>().not.toBeNever();
  });

  it('rejects a drift in the real schema map, naming the method', () => {
    const drifted = { ...argSchemas, 'district.balances': z.object({ from: z.number(), to: z.string() }).strict() };
    // @ts-expect-error 'district.balances' takes `to: number` in the contract
    type Drifted = AllTrue<SchemaMatches<typeof drifted, ApiMethods>>;
    const devices = { ...argSchemas, 'devices.remove': z.object({ id: z.string(), force: z.boolean().optional() }).strict() };
    // @ts-expect-error 'devices.remove' (main/core/api/device-schemas.ts) gained a field the contract does not have
    type DeviceDrift = AllTrue<SchemaMatches<typeof devices, ApiMethods>>;
    expectTypeOf<[Drifted, DeviceDrift]>().not.toBeNever();
    expect(Object.keys(drifted)).toEqual(Object.keys(argSchemas));
    expect(Object.keys(devices)).toEqual(Object.keys(argSchemas));
  });
});
