import { CARRIERS, isCarrier, type Carrier } from '../energy/carriers.js';
import { err, ok, type Result } from '../result.js';
import type { FactorBasis, FactorEntry, FactorKind, FactorSet } from './factor-set.js';
import { DISTRICT_HEAT_ANLAGE_9, DISTRICT_HEAT_ROW, GEG_ANLAGE_9 } from './geg-anlage9.js';
import { ANLAGE_9_ROWS, anlage9Row } from './geg-anlage9-rows.js';
import { GEG_ANLAGE_4 } from './geg-anlage4.js';
import { LIFE_CYCLE_GEMIS } from './life-cycle.js';

export const BUILT_IN_FACTOR_SETS: readonly FactorSet[] = [GEG_ANLAGE_4, GEG_ANLAGE_9, LIFE_CYCLE_GEMIS];

export const findFactorSet = (
  sets: readonly FactorSet[],
  id: string,
  version?: string,
): FactorSet | undefined => sets.find((s) => s.id === id && (version === undefined || s.version === version));

/** A user-defined set as it arrives from a form or a file: checked field by field before anything uses it. */
export interface FactorSetInput {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: FactorKind;
  readonly basis: FactorBasis;
  readonly source: string;
  readonly factors: Readonly<Record<string, number | FactorEntry>>;
  readonly exportCredit?: Readonly<Record<string, number | FactorEntry>>;
}

const UNITS: Record<FactorKind, string> = { 'primary-energy': '-', co2: 'g CO2e/kWh' };
/** Plausibility ceilings: a primary factor above 5 or 2 kg CO2e per kWh is a typo (e.g. kg entered as g). */
const CEILING: Record<FactorKind, number> = { 'primary-energy': 5, co2: 2000 };

const entries = (
  raw: Readonly<Record<string, number | FactorEntry>>,
  kind: FactorKind,
  where: string,
): Result<Partial<Record<Carrier, FactorEntry>>> => {
  const out: Partial<Record<Carrier, FactorEntry>> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (!isCarrier(key)) return err('validation', `unknown carrier '${key}' (known: ${CARRIERS.join(', ')})`, `${where}.${key}`);
    const entry: FactorEntry = typeof v === 'number' ? { value: v } : v;
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value) || entry.value < 0) {
      return err('validation', `factor must be a finite number >= 0, got ${String(entry.value)}`, `${where}.${key}`);
    }
    if (entry.value > CEILING[kind]) {
      return err('validation', `factor ${entry.value} is above ${CEILING[kind]} ${UNITS[kind]}; check the unit`, `${where}.${key}`);
    }
    out[key] = entry;
  }
  return ok(out);
};

export const defineFactorSet = (input: FactorSetInput): Result<FactorSet> => {
  for (const field of ['id', 'version', 'name', 'source'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') {
      return err('validation', `${field} must be a non-empty text (every printed factor names it)`, field);
    }
  }
  if (input.kind !== 'primary-energy' && input.kind !== 'co2') return err('validation', `unknown kind '${String(input.kind)}'`, 'kind');
  if (input.basis !== 'delivered' && input.basis !== 'consumption') return err('validation', `unknown basis '${String(input.basis)}'`, 'basis');
  if (BUILT_IN_FACTOR_SETS.some((s) => s.id === input.id && s.version === input.version)) {
    return err('validation', `id and version ${input.id}@${input.version} belong to a built-in set`, 'id');
  }
  const factors = entries(input.factors, input.kind, 'factors');
  if (!factors.ok) return factors;
  const credit = entries(input.exportCredit ?? {}, input.kind, 'exportCredit');
  if (!credit.ok) return credit;
  return ok({
    id: input.id,
    version: input.version,
    name: input.name,
    kind: input.kind,
    unit: UNITS[input.kind],
    basis: input.basis,
    source: input.source,
    factors: factors.value,
    exportCredit: credit.value,
    userDefined: true,
  });
};

/** A user set derived from another: the base's factors with some replaced, under a new id and version. */
export const withOverrides = (
  base: FactorSet,
  change: {
    readonly id: string;
    readonly version: string;
    readonly source: string;
    readonly factors?: Readonly<Record<string, number | FactorEntry>>;
    readonly exportCredit?: Readonly<Record<string, number | FactorEntry>>;
  },
): Result<FactorSet> =>
  defineFactorSet({
    id: change.id,
    version: change.version,
    name: `${base.name} (angepasst)`,
    kind: base.kind,
    basis: base.basis,
    source: `${change.source}; Basis: ${base.id}@${base.version} (${base.source})`,
    factors: { ...base.factors, ...change.factors },
    exportCredit: { ...base.exportCredit, ...change.exportCredit },
  });

/**
 * GEG Anlage 9 with one carrier weighed by another row of the law (e.g. biogas by Nr. 7 "gebäudenah erzeugt",
 * allowed only under § 22 Abs. 1 Nr. 1 or 2), as a derived set that names the row.
 */
export const withAnlage9Row = (carrier: Carrier, nr: number, base: FactorSet = GEG_ANLAGE_9): Result<FactorSet> => {
  const row = anlage9Row(nr);
  if (row === undefined) return err('validation', `GEG Anlage 9 Nr. 3 has rows 1 to ${ANLAGE_9_ROWS.length}, not ${nr}`, 'nr');
  if (row.value === null) return err('validation', `GEG Anlage 9 row ${nr} (${row.name}) gives a procedure, not a number: enter the factor in a user set`, 'nr');
  return withOverrides(base, {
    id: `${base.id}+${carrier}-nr${nr}`,
    version: base.version,
    source: `GEG Anlage 9 Nr. 3 Zeile ${nr} (${row.category}: ${row.name}) für ${carrier}`,
    factors: { [carrier]: { value: row.value, note: `Nr. ${nr} ${row.name}` } },
  });
};

/** GEG Anlage 9 with the district-heat row of the user's network. */
export const withDistrictHeat = (row: keyof typeof DISTRICT_HEAT_ANLAGE_9): Result<FactorSet> =>
  withOverrides(GEG_ANLAGE_9, {
    id: `geg-anlage-9+fw-${row}`,
    version: GEG_ANLAGE_9.version,
    source: `GEG Anlage 9 Nr. 3 Zeile ${DISTRICT_HEAT_ROW[row]}, Fernwärme ${row}`,
    factors: { 'district-heat': { value: DISTRICT_HEAT_ANLAGE_9[row], note: `Nr. ${DISTRICT_HEAT_ROW[row]} Fernwärme ${row}` } },
  });
