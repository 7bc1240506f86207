/**
 * What each building contributes to the BISKO balance of a local calendar year, per carrier, with its grade:
 * - electricity: the store's consumption per building (grid meter, or consumption meters; self-used PV included,
 *   BISKO weighs all final energy used); coverage >= MIN_COVERAGE grades A, less is extrapolated to the year (B);
 * - gas, oil, district heat: the meters of that medium (role consumption or import), graded the same way;
 * - metered useful heat (medium heat) behind a boiler: the fuel the building's planning attributes name, as heat /
 *   the building's heat-supply efficiency (the analysis' heatSupplyOf: its stored supply, else a gas boiler at
 *   0.9), graded B (measured, with an assumption); behind a heat pump nothing (its electricity is metered already);
 *   district heat 1:1;
 * - a building with no heat or fuel meter and a typology estimate (the heat plan's row) and a known fuel: the
 *   estimate as that fuel's final energy, graded D. Without a known fuel it is left out and named.
 */
import { heatSupplyOf } from '../analysis/heat-supply.js';
import type { Carrier } from '../../../models/energy/carriers.js';
import type { HeatingFuel } from '../../../models/planning/attributes.js';
import type { BiskoInput } from '../../../models/planning/bisko.js';
import { heatPlanRow } from '../../../models/planning/heat-plan-row.js';
import { sectorFromUse } from '../../../models/planning/sector.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import { zonedToUtc } from '../analysis/local-time.js';
import { ENERGY_IN_ROLES, MIN_COVERAGE } from './measured-heat.js';
import { projectRing } from './metric-crs.js';
import { pointSums } from './year-sums.js';


const FUEL_CARRIER: Readonly<Record<HeatingFuel, Carrier | null>> = {
  gas: 'gas',
  oil: 'oil',
  lpg: 'lpg',
  biogas: 'biogas',
  wood: 'wood',
  pellets: 'pellets',
  'district-heat': 'district-heat',
  electricity: null,
  coal: 'hard-coal',
  unknown: null,
};

const MEDIUM_CARRIER: Readonly<Record<string, Carrier>> = { gas: 'gas', oil: 'oil', 'district-heat': 'district-heat' };

export interface BiskoInputs {
  readonly inputs: readonly BiskoInput[];
  /** Buildings whose heat could not be placed on a carrier (no meter, no estimate or no fuel). */
  readonly leftOut: readonly string[];
}

export async function biskoInputs(store: Store, year: number): Promise<BiskoInputs> {
  const view = await store.getDistrict();
  if (view === null) return { inputs: [], leftOut: [] };
  const zone = view.site.timezone;
  const from = zonedToUtc(year, 0, 1, zone);
  const to = zonedToUtc(year + 1, 0, 1, zone);
  const slots = (to - from) / INTERVAL_MS;
  const inputs: BiskoInput[] = [];
  const leftOut: string[] = [];
  const buildings = new Map(view.buildings.map((b) => [b.id, b]));
  const sectorOf = (id: string) => {
    const b = buildings.get(id);
    return b?.planning?.sector ?? sectorFromUse(b?.use ?? 'other');
  };
  const graded = (coverage: number, kwh: number): { kwh: number; grade: 'A' | 'B' } =>
    coverage >= MIN_COVERAGE ? { kwh, grade: 'A' } : { kwh: kwh / coverage, grade: 'B' };

  for (const bal of await store.buildingBalances(from, to)) {
    if (bal.coverage > 0 && bal.consumptionKwh > 0) inputs.push({ buildingId: bal.buildingId, sector: sectorOf(bal.buildingId), carrier: 'electricity', ...graded(bal.coverage, bal.consumptionKwh) });
  }

  const fuelPoints = view.points.filter((p) => ENERGY_IN_ROLES.has(p.role) && (p.medium in MEDIUM_CARRIER || p.medium === 'heat'));
  const sums = await pointSums(store, fuelPoints.map((p) => p.id), from, to);
  const withHeatMeter = new Set<string>();
  for (const p of fuelPoints) {
    withHeatMeter.add(p.buildingId);
    const s = sums.get(p.id);
    if (s === undefined || s.n === 0) continue;
    const coverage = Math.min(1, s.n / slots);
    const direct = MEDIUM_CARRIER[p.medium];
    if (direct !== undefined) {
      inputs.push({ buildingId: p.buildingId, sector: sectorOf(p.buildingId), carrier: direct, ...graded(coverage, s.kwh) });
      continue;
    }
    const b = buildings.get(p.buildingId);
    const fuel = b?.planning?.fuel ?? 'unknown';
    const carrier = FUEL_CARRIER[fuel];
    if (fuel === 'electricity') continue;
    if (carrier === null) {
      leftOut.push(p.buildingId);
      continue;
    }
    // the boiler's efficiency as the analysis takes it: the building's stored heat supply, else its default
    const kwh = carrier === 'district-heat' ? s.kwh : s.kwh / heatSupplyOf(undefined, b ?? p.buildingId).supply.efficiency;
    inputs.push({ buildingId: p.buildingId, sector: sectorOf(p.buildingId), carrier, kwh: kwh / coverage, grade: 'B' });
  }

  for (const b of view.buildings) {
    if (withHeatMeter.has(b.id)) continue;
    const row = heatPlanRow(b, projectRing(b.footprint), []);
    const carrier = FUEL_CARRIER[b.planning?.fuel ?? 'unknown'];
    if (row.heatKwh === null || carrier === null) {
      if (b.planning?.fuel !== 'electricity') leftOut.push(b.id);
      continue;
    }
    inputs.push({ buildingId: b.id, sector: row.sector, carrier, kwh: row.heatKwh, grade: 'D' });
  }
  return { inputs, leftOut: [...new Set(leftOut)] };
}
