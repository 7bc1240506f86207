/**
 * Converts what a server publishes (EUInformation: UNECE common code packed into unitId, plus a display name) into
 * PlusTwin's canonical units: kW for power, kWh for energy, °C for temperature.
 */
import type { PointKind } from '../../models/types.js';

/** canonical = raw * factor + offset */
export interface UnitConversion {
  readonly canonicalUnit: string;
  readonly factor: number;
  readonly offset: number;
}

/** OPC UA packs the UNECE common code (2-3 ASCII letters/digits) into an Int32, one byte per character. */
export function uneceCodeToUnitId(code: string): number {
  let id = 0;
  for (const ch of code.toUpperCase()) id = (id << 8) | ch.charCodeAt(0);
  return id;
}

interface UnitEntry {
  readonly code: string;
  readonly symbols: readonly string[];
  readonly canonicalUnit: string;
  readonly factor: number;
  readonly offset?: number;
}

const UNITS: readonly UnitEntry[] = [
  { code: 'WTT', symbols: ['W'], canonicalUnit: 'kW', factor: 0.001 },
  { code: 'KWT', symbols: ['kW'], canonicalUnit: 'kW', factor: 1 },
  { code: 'MAW', symbols: ['MW'], canonicalUnit: 'kW', factor: 1000 },
  { code: 'WHR', symbols: ['Wh', 'W·h', 'W h'], canonicalUnit: 'kWh', factor: 0.001 },
  { code: 'KWH', symbols: ['kWh', 'kW·h', 'kW h'], canonicalUnit: 'kWh', factor: 1 },
  { code: 'MWH', symbols: ['MWh', 'MW·h', 'MW h'], canonicalUnit: 'kWh', factor: 1000 },
  { code: '3B', symbols: ['MJ'], canonicalUnit: 'kWh', factor: 1 / 3.6 },
  { code: 'GV', symbols: ['GJ'], canonicalUnit: 'kWh', factor: 1000 / 3.6 },
  { code: 'CEL', symbols: ['°C', 'degC', '℃'], canonicalUnit: '°C', factor: 1 },
  { code: 'KEL', symbols: ['K'], canonicalUnit: '°C', factor: 1, offset: -273.15 },
  { code: 'MQH', symbols: ['m³/h', 'm3/h'], canonicalUnit: 'm³/h', factor: 1 },
  { code: 'VLT', symbols: ['V'], canonicalUnit: 'V', factor: 1 },
  { code: 'AMP', symbols: ['A'], canonicalUnit: 'A', factor: 1 },
  { code: 'HTZ', symbols: ['Hz'], canonicalUnit: 'Hz', factor: 1 },
];

const BY_ID = new Map(UNITS.map((u) => [uneceCodeToUnitId(u.code), u]));
const BY_SYMBOL = new Map(UNITS.flatMap((u) => u.symbols.map((s) => [s.toLowerCase(), u] as const)));

/** Finds the unit by UNECE id first (unambiguous), then by display symbol. */
export function findUnit(unit: { unitId?: number; symbol?: string }): UnitEntry | undefined {
  if (unit.unitId !== undefined && unit.unitId > 0) {
    const byId = BY_ID.get(unit.unitId);
    if (byId) return byId;
  }
  const symbol = unit.symbol?.trim();
  return symbol ? BY_SYMBOL.get(symbol.toLowerCase()) : undefined;
}

const KIND_CANONICAL: Partial<Record<PointKind, string>> = {
  power: 'kW',
  'energy-counter': 'kWh',
  temperature: '°C',
};

/**
 * The conversion for a point of `kind` published in `unit`. Power, energy and temperature must convert to their
 * canonical unit, because balances are computed from them; other kinds pass through unchanged when unknown.
 * Throws with a message naming the unit and the kind when the two do not fit.
 */
export function conversionFor(kind: PointKind, unit: { unitId?: number; symbol?: string }): UnitConversion {
  const entry = findUnit(unit);
  const wanted = KIND_CANONICAL[kind];
  if (wanted === undefined) {
    return entry
      ? { canonicalUnit: entry.canonicalUnit, factor: entry.factor, offset: entry.offset ?? 0 }
      : { canonicalUnit: unit.symbol ?? '', factor: 1, offset: 0 };
  }
  const label = unit.symbol ?? (unit.unitId !== undefined ? `unitId ${unit.unitId}` : 'no unit');
  if (!entry) throw new Error(`unit '${label}' is not known for a ${kind} point (expected something convertible to ${wanted})`);
  if (entry.canonicalUnit !== wanted) throw new Error(`unit '${label}' does not fit a ${kind} point (expected ${wanted})`);
  return { canonicalUnit: wanted, factor: entry.factor, offset: entry.offset ?? 0 };
}

export function applyConversion(c: UnitConversion, raw: number): number {
  return raw * c.factor + c.offset;
}
