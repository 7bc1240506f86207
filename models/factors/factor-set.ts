import type { Carrier } from '../energy/carriers.js';

/** How exported electricity is credited in primary energy (variants and sources in export-credit.ts). */
export type ExportCreditVariantId = 'effizienzhaus-plus' | 'grid-symmetric' | 'geg-none';

export interface ExportCreditVariant {
  readonly id: ExportCreditVariantId;
  readonly name: string;
  /** kWh primary energy (non-renewable) credited per kWh exported electricity. */
  readonly factor: number;
  readonly source: string;
}

/** One year's factor of a carrier with the source of exactly that number (see by-year.ts). */
export interface YearFactor {
  readonly year: number;
  readonly value: number;
  readonly source: string;
}

/** Factors that change with the balance year (BISKO: the federal electricity mix of the year balanced). */
export type YearlyFactors = Readonly<Partial<Record<Carrier, readonly YearFactor[]>>>;

/** What a set weighs final energy with. */
export type FactorKind = 'primary-energy' | 'co2';

/**
 * What the factors multiply.
 * 'delivered': energy across the building boundary: import x factor, minus export x export credit (GEG logic).
 * 'consumption': final energy consumption of each carrier x factor, no credit for on-site generation or export
 * (BISKO territorial logic with the federal electricity mix).
 */
export type FactorBasis = 'delivered' | 'consumption';

export interface FactorEntry {
  readonly value: number;
  /** Where this particular number comes from, when it differs from the set's source. */
  readonly note?: string;
}

/** A versioned factor set. Results name the set by id and version and print every factor they used. */
export interface FactorSet {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: FactorKind;
  /** '-' (kWh primary per kWh final) or 'g CO2e/kWh'. */
  readonly unit: string;
  readonly basis: FactorBasis;
  readonly source: string;
  readonly factors: Readonly<Partial<Record<Carrier, FactorEntry>>>;
  /** Factor that exported energy of a carrier is credited with (only with basis 'delivered'). */
  readonly exportCredit: Readonly<Partial<Record<Carrier, FactorEntry>>>;
  readonly userDefined: boolean;
  /** The rule that set the electricity export credit (primary energy); absent where none was applied. */
  readonly exportCreditVariant?: ExportCreditVariant;
  /** Carriers whose factor depends on the balance year (setForYear picks the row). */
  readonly yearly?: YearlyFactors;
  /** Set by setForYear: the year the factors were chosen for. */
  readonly balanceYear?: number;
}

/** One factor as applied in a result: enough to print it with its provenance. */
export interface AppliedFactor {
  readonly carrier: Carrier;
  readonly use: 'import' | 'export-credit' | 'consumption';
  readonly value: number;
  readonly unit: string;
  readonly setId: string;
  readonly version: string;
  readonly source: string;
}

export interface FactorSetRef {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly source: string;
  /** How exported electricity was credited (primary-energy sets weighed by the analysis). */
  readonly exportCredit?: ExportCreditVariant;
}

export const refOf = (set: FactorSet): FactorSetRef => ({
  id: set.id,
  version: set.version,
  name: set.name,
  source: set.source,
  ...(set.exportCreditVariant === undefined ? {} : { exportCredit: set.exportCreditVariant }),
});

export const applied = (set: FactorSet, carrier: Carrier, use: AppliedFactor['use'], entry: FactorEntry): AppliedFactor => ({
  carrier,
  use,
  value: entry.value,
  unit: set.unit,
  setId: set.id,
  version: set.version,
  source: entry.note === undefined ? set.source : `${set.source}; ${entry.note}`,
});
