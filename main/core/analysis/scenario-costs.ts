/**
 * The money of a scenario: the measured and the simulated profiles priced by the analysis' own cost code
 * (period-costs.ts -> models/tariffs/costs.ts), slot by slot under the same tariff windows, so a measure that moves
 * import into or out of a dynamic tariff's quarter hours is priced at those quarter hours' prices.
 */
import type { CostDifference, CostFigures, ScenarioCosts, StateCosts } from '../../../models/contract/index.js';
import type { Period } from '../../../models/energy/period.js';
import type { BuildingProfile } from '../../../models/energy/series.js';
import { districtCosts } from '../../../models/tariffs/costs.js';
import { buildingCosts, type CostInput } from './period-costs.js';

/** One state (measured or simulated): each building's costs and the district's, their sum as in the analysis. */
export const stateCosts = (profiles: readonly BuildingProfile[], period: Period, input: CostInput): StateCosts => {
  const buildings = profiles.map((p) => ({ buildingId: p.buildingId, costs: buildingCosts(p, period, input) }));
  return { district: districtCosts(buildings.map((b) => b.costs)), buildings };
};

/** simulated - measured per part, and per carrier either state prices. */
const differenceOf = (m: CostFigures, s: CostFigures): CostDifference => {
  const energy = (c: CostFigures, carrier: string) => c.carriers.find((x) => x.carrier === carrier)?.energyEur ?? 0;
  const carriers = [...new Set([...m.carriers, ...s.carriers].map((c) => c.carrier))];
  return {
    energyEur: s.energyEur - m.energyEur,
    fixedEur: s.fixedEur - m.fixedEur,
    feedInEur: s.feedInEur - m.feedInEur,
    netEur: s.netEur - m.netEur,
    carriers: carriers.map((carrier) => ({ carrier, energyEur: energy(s, carrier) - energy(m, carrier) })),
  };
};

/** Both states, their difference and the saving (measured net - simulated net; positive = the scenario costs less). */
export const scenarioCosts = (measured: readonly BuildingProfile[], simulated: readonly BuildingProfile[], period: Period, input: CostInput): ScenarioCosts => {
  const m = stateCosts(measured, period, input);
  const s = stateCosts(simulated, period, input);
  return { measured: m, simulated: s, difference: differenceOf(m.district, s.district), savingEur: m.district.netEur - s.district.netEur };
};

/** A building's net cost over the period, for pricing each measure's effect in runScenario. */
export const netCostOf =
  (period: Period, input: CostInput) =>
  (p: BuildingProfile): number =>
    buildingCosts(p, period, input).netEur;
