/**
 * Compile-time proof that each zod schema accepts exactly the contract's argument type: a field added, dropped,
 * renamed, made optional or given another type on either side fails `tsc`. The contract writes `readonly` and
 * `?: T` where zod infers mutable fields and `?: T | undefined`; both are normalised away first because neither
 * changes which JSON a caller may send.
 */
import type { z } from 'zod';

/** Mutable, no explicit `undefined` on fields, recursively; functions and primitives as they are. */
export type Normalized<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? Normalized<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Normalized<Exclude<T[K], undefined>> }
      : T;

/** true only when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Per method: does the schema's input type equal the contract's argument type? */
export type SchemaMatches<Schemas extends { [M in keyof Methods]: z.ZodType }, Methods extends { [M in keyof Methods]: { args: unknown } }> = {
  [M in keyof Methods]: Equal<Normalized<z.input<Schemas[M]>>, Normalized<Methods[M]['args']>>;
};

/** Accepts only a map whose every entry is true; the error names the method whose entry is false. */
export type AllTrue<T extends Record<PropertyKey, true>> = T;
