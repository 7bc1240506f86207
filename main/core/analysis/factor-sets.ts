/** The factor sets an analysis can be asked for by id, and how 'factors.list' shows them. */
import type { FactorInfo, FactorSetInfo } from '../../../models/contract/index.js';
import type { Carrier } from '../../../models/energy/carriers.js';
import { BUILT_IN_FACTOR_SETS, GEG_ANLAGE_4, GEG_ANLAGE_9, type FactorEntry, type FactorKind, type FactorSet } from '../../../models/factors/index.js';
import { err, ok, type Result } from '../../../models/result.js';

export const DEFAULT_SET_IDS: Readonly<Record<FactorKind, string>> = { 'primary-energy': GEG_ANLAGE_4.id, co2: GEG_ANLAGE_9.id };

const entries = (f: Readonly<Partial<Record<Carrier, FactorEntry>>>): FactorInfo[] =>
  Object.entries(f).map(([carrier, e]) => ({
    carrier: carrier as Carrier,
    value: (e as FactorEntry).value,
    ...((e as FactorEntry).note === undefined ? {} : { note: (e as FactorEntry).note as string }),
  }));

export const factorSetInfo = (s: FactorSet): FactorSetInfo => ({
  id: s.id,
  version: s.version,
  name: s.name,
  kind: s.kind,
  unit: s.unit,
  basis: s.basis,
  source: s.source,
  factors: entries(s.factors),
  exportCredit: entries(s.exportCredit),
  isDefault: DEFAULT_SET_IDS[s.kind] === s.id,
});

export const listFactorSets = (sets: readonly FactorSet[] = BUILT_IN_FACTOR_SETS): FactorSetInfo[] => sets.map(factorSetInfo);

/** The set with this id (the default of its kind when id is undefined); an error names the known ids. */
export const resolveFactorSet = (
  id: string | undefined,
  kind: FactorKind,
  where: string,
  sets: readonly FactorSet[] = BUILT_IN_FACTOR_SETS,
): Result<FactorSet> => {
  const wanted = id ?? DEFAULT_SET_IDS[kind];
  const found = sets.find((s) => s.id === wanted);
  const known = sets.filter((s) => s.kind === kind).map((s) => s.id);
  if (found === undefined) return err('validation', `unknown factor set '${wanted}' (known ${kind} sets: ${known.join(', ')})`, where);
  if (found.kind !== kind) return err('validation', `factor set '${wanted}' holds ${found.kind} factors, not ${kind} (use one of ${known.join(', ')})`, where);
  return ok(found);
};
