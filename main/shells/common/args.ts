/**
 * A small, strict argument parser: unknown flags are errors (a typo must not silently do something else).
 * Flags take a value (`--port 8080`, `--port=8080`) unless declared boolean; repeated value flags collect.
 */
import { UsageError } from './command.js';

export interface FlagSpec {
  readonly [name: string]: 'string' | 'boolean' | 'list';
}

export interface ParsedArgs<S extends FlagSpec> {
  readonly positional: readonly string[];
  readonly flags: {
    readonly [K in keyof S]?: S[K] extends 'boolean' ? boolean : S[K] extends 'list' ? readonly string[] : string;
  };
}

export function parseArgs<S extends FlagSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const positional: string[] = [];
  const flags: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option --${name}`, { key: 'args.unknownOption', params: { name } });
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`, { key: 'args.noValue', params: { name } });
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`option --${name} needs a value`, { key: 'args.needsValue', params: { name } });
    }
    if (kind === 'list') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positional, flags: flags as ParsedArgs<S>['flags'] };
}

/** Parse an integer option within bounds, with an error that names the option. */
export function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    // the bounds as text: a year must not print as 1.990 in German
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'`, { key: 'args.int', params: { name, min: String(min), max: String(max), got: raw } });
  }
  return value;
}

/** Parse a positive number option (e.g. a simulation speed). */
export function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got '${raw}'`, { key: 'args.number', params: { name, min: String(min), max: String(max), got: raw } });
  }
  return value;
}
