import { weighBalance, type WeightedBalance } from '../factors/weigh.js';
import type { FactorSet } from '../factors/factor-set.js';
import { err, ok, type Result } from '../result.js';
import { computeBalance, finalEnergyNetImport, type CarrierBalance } from './balance.js';
import { addUtcMonths } from './calendar.js';
import { INTERNAL_CARRIERS, type Carrier } from './carriers.js';
import type { Coverage } from './coverage.js';
import type { Period } from './period.js';
import type { BuildingProfile } from './series.js';

export interface EnergyPlusStatus {
  readonly subject: string;
  readonly period: Period;
  /** Final energy drawn minus delivered across the boundary, kWh: negative = surplus. */
  readonly finalEnergyNetKwh: number;
  /** Primary energy (non-renewable) drawn minus credited, kWh, with the set that weighed it. */
  readonly primaryEnergy: WeightedBalance;
  readonly finalEnergyPlus: boolean;
  readonly primaryEnergyPlus: boolean;
  /** Effizienzhaus Plus: both balances negative. */
  readonly energyPlus: boolean;
  readonly carriers: readonly CarrierBalance[];
  readonly coverage: Coverage;
  /** True when no slot of the window is missing; a status on an incomplete year is provisional. */
  readonly complete: boolean;
}

export interface EnergyPlusOptions {
  readonly primarySet: FactorSet;
  /** End of the window (exclusive), UTC epoch ms. */
  readonly to: number;
  /** Window length in calendar months, 12 by default (the annual balance of Effizienzhaus Plus). */
  readonly months?: number;
  readonly internalCarriers?: readonly Carrier[];
}

/**
 * Energy-plus status of a building (or of a district passed as one summed profile, see sumProfiles) over the
 * months before `to`: the building is energy-plus only when both its final-energy and its primary-energy
 * balance are negative (BMI/BBSR Effizienzhaus Plus). Missing slots add nothing and lower coverage.
 */
export const energyPlusStatus = (profile: BuildingProfile, options: EnergyPlusOptions): Result<EnergyPlusStatus> => {
  const months = options.months ?? 12;
  if (!(Number.isInteger(months) && months > 0)) return err('validation', `months must be a positive integer, got ${months}`, 'months');
  return energyPlusForPeriod(profile, options.primarySet, { from: addUtcMonths(options.to, -months), to: options.to }, options.internalCarriers);
};

/** The same balance over any period (a scenario year, a heating season); energy-plus proper needs a year. */
export const energyPlusForPeriod = (
  profile: BuildingProfile,
  primarySet: FactorSet,
  period: Period,
  internal: readonly Carrier[] = INTERNAL_CARRIERS,
): Result<EnergyPlusStatus> => {
  if (primarySet.kind !== 'primary-energy') {
    return err('validation', `set ${primarySet.id} holds ${primarySet.kind} factors, not primary-energy`, 'primarySet');
  }
  let balance;
  try {
    balance = computeBalance(profile, period);
  } catch (e) {
    return err('validation', e instanceof Error ? e.message : String(e), 'period');
  }
  const primary = weighBalance(balance.carriers, primarySet, internal);
  if (!primary.ok) return primary;
  const finalNet = finalEnergyNetImport(balance.carriers, internal);
  const finalPlus = finalNet < 0;
  const primaryPlus = primary.value.total < 0;
  return ok({
    subject: profile.buildingId,
    period,
    finalEnergyNetKwh: finalNet,
    primaryEnergy: primary.value,
    finalEnergyPlus: finalPlus,
    primaryEnergyPlus: primaryPlus,
    energyPlus: finalPlus && primaryPlus,
    carriers: balance.carriers,
    coverage: balance.coverage,
    complete: balance.coverage.missing === 0,
  });
};

/**
 * The 12-month rolling status at every month end from firstTo to lastTo (both window ends, UTC): the "is it
 * energy-plus right now" line of a dashboard.
 */
export const rollingEnergyPlus = (
  profile: BuildingProfile,
  options: Omit<EnergyPlusOptions, 'to'> & { readonly firstTo: number; readonly lastTo: number },
): Result<EnergyPlusStatus[]> => {
  const out: EnergyPlusStatus[] = [];
  for (let k = 0, to = options.firstTo; to <= options.lastTo; k++, to = addUtcMonths(options.firstTo, k)) {
    const status = energyPlusStatus(profile, { ...options, to });
    if (!status.ok) return status;
    out.push(status.value);
  }
  return ok(out);
};
