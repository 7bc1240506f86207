import { computeBalance, computeDistrictBalance, type BalanceResult, type DistrictBalanceResult } from '../energy/balance.js';
import { sumProfiles } from '../energy/district.js';
import { energyPlusForPeriod, type EnergyPlusStatus } from '../energy/energy-plus.js';
import { computeKpis, type KpiResult } from '../energy/kpis.js';
import type { Period } from '../energy/period.js';
import { findSeries, type BuildingProfile } from '../energy/series.js';
import { districtSharing, type SharingResult } from '../energy/sharing.js';
import type { FactorSet } from '../factors/factor-set.js';
import { weighBalance, type WeightedBalance } from '../factors/weigh.js';
import { err, ok, type Result } from '../result.js';
import { ModelInputError } from '../energy/errors.js';

export interface AssessmentOptions {
  readonly period: Period;
  readonly primarySet: FactorSet;
  readonly co2Set: FactorSet;
}

export interface BuildingAssessment {
  readonly buildingId: string;
  readonly balance: BalanceResult;
  /** Electricity KPIs at the series' resolution; null without an electricity series. */
  readonly electricityKpis: KpiResult | null;
  readonly energyPlus: EnergyPlusStatus;
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
}

export interface DistrictAssessment {
  readonly period: Period;
  readonly buildings: readonly BuildingAssessment[];
  /** Sum of the single buildings. */
  readonly balance: DistrictBalanceResult;
  /** The district as one virtual connection (summed profile). */
  readonly energyPlus: EnergyPlusStatus;
  readonly sharing: SharingResult | null;
  readonly co2Tonnes: number;
}

/** Balances, KPIs, energy-plus status, CO2 and sharing of a district over one period: one column of a comparison. */
export const assessDistrict = (profiles: readonly BuildingProfile[], o: AssessmentOptions): Result<DistrictAssessment> => {
  const buildings: BuildingAssessment[] = [];
  for (const p of profiles) {
    const ep = energyPlusForPeriod(p, o.primarySet, o.period);
    if (!ep.ok) return ep;
    const balance = computeBalance(p, o.period);
    const co2 = weighBalance(balance.carriers, o.co2Set);
    if (!co2.ok) return co2;
    const e = findSeries(p, 'electricity');
    buildings.push({
      buildingId: p.buildingId,
      balance,
      electricityKpis: e === undefined ? null : computeKpis(e, o.period),
      energyPlus: ep.value,
      co2: co2.value,
      co2Tonnes: co2.value.total / 1e6,
    });
  }
  let district: BuildingProfile;
  let sharing: SharingResult | null;
  try {
    district = sumProfiles(profiles, o.period);
    const hasElectricity = profiles.some((p) => findSeries(p, 'electricity') !== undefined);
    sharing = hasElectricity ? districtSharing(profiles, o.period) : null;
  } catch (e) {
    if (e instanceof ModelInputError) return err('validation', `the buildings cannot be summed: ${e.message}`, e.where);
    throw e;
  }
  const ep = energyPlusForPeriod(district, o.primarySet, o.period);
  if (!ep.ok) return ep;
  return ok({
    period: o.period,
    buildings,
    balance: computeDistrictBalance(profiles, o.period),
    energyPlus: ep.value,
    sharing,
    co2Tonnes: buildings.reduce((s, b) => s + b.co2Tonnes, 0),
  });
};
