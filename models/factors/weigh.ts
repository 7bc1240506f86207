import { INTERNAL_CARRIERS, type Carrier } from '../energy/carriers.js';
import type { CarrierBalance } from '../energy/balance.js';
import { err, ok, type Result } from '../result.js';
import { applied, refOf, type AppliedFactor, type FactorSet, type FactorSetRef } from './factor-set.js';

/** The one wording of a missing factor, so that every output says the same. */
export const missingFactorMessage = (carrier: Carrier, set: FactorSet): string =>
  `missing factor for carrier '${carrier}' in set ${set.id}@${set.version} (${set.name}): nothing is weighed with 0 in its place; add the factor in a user set or choose another set`;

export interface WeightedCarrier {
  readonly carrier: Carrier;
  /** The final energy the factor multiplied (import, export or consumption), kWh. */
  readonly importKwh: number;
  readonly exportKwh: number;
  readonly consumptionKwh: number;
  /** In the set's unit x kWh: kWh primary energy, or g CO2e. */
  readonly weighted: number;
}

export interface WeightedBalance {
  readonly set: FactorSetRef;
  readonly unit: string;
  /** Sum over carriers; for 'delivered' sets import x f minus export x credit. */
  readonly total: number;
  readonly carriers: readonly WeightedCarrier[];
  readonly factorsUsed: readonly AppliedFactor[];
}

/**
 * Weighs carrier balances with a factor set. A carrier with energy but no factor is an error that names the
 * carrier and the set (silently weighing it with 0 would flatter the result). Internal carriers (useful heat
 * behind a generator) are skipped: their input energy is already in another carrier.
 */
export const weighBalance = (
  carriers: readonly CarrierBalance[],
  set: FactorSet,
  internal: readonly Carrier[] = INTERNAL_CARRIERS,
): Result<WeightedBalance> => {
  const used: AppliedFactor[] = [];
  const out: WeightedCarrier[] = [];
  let total = 0;
  for (const c of carriers) {
    if (internal.includes(c.carrier)) continue;
    const f = set.factors[c.carrier];
    const amount = set.basis === 'consumption' ? c.consumptionKwh : c.importKwh;
    let weighted = 0;
    if (amount !== 0) {
      if (f === undefined) {
        return err('validation', missingFactorMessage(c.carrier, set), `factors.${c.carrier}`);
      }
      weighted += amount * f.value;
      used.push(applied(set, c.carrier, set.basis === 'consumption' ? 'consumption' : 'import', f));
    }
    const credit = set.exportCredit[c.carrier];
    if (set.basis === 'delivered' && credit !== undefined && c.exportKwh !== 0) {
      weighted -= c.exportKwh * credit.value;
      used.push(applied(set, c.carrier, 'export-credit', credit));
    }
    total += weighted;
    out.push({ carrier: c.carrier, importKwh: c.importKwh, exportKwh: c.exportKwh, consumptionKwh: c.consumptionKwh, weighted });
  }
  return ok({ set: refOf(set), unit: set.unit, total, carriers: out, factorsUsed: used });
};
