/**
 * What each building contributes to the BISKO balance of a local calendar year, per carrier, with its grade, read
 * from the one analysis (analyseDistrictWithProfiles over the year at 15 minutes), so that `plustwin bisko`,
 * `plustwin balance` and the app show the same final energy:
 * - every carrier the analysis balances from meters (electricity: grid meter, or consumption meters, self-used PV
 *   included, BISKO weighs all final energy used; gas, oil, district heat, ...): its consumption; coverage >=
 *   MIN_COVERAGE grades A, less is extrapolated to the year (kWh / coverage) and graded B;
 * - the carrier the analysis derives from metered useful heat (heat / the building's heat-supply efficiency: its
 *   stored supply, else its planning fuel, else the default): graded B (measured, with an assumption), extrapolated
 *   the same way; when the supply is only the default assumption (no stored supply, no planning fuel) the building's
 *   heat is left out and named, as BISKO needs the real carrier; a building heated by a heat pump ('electricity'
 *   fuel) adds nothing here: its electricity is metered already;
 * - a building with no heat or fuel meter and a typology estimate (the heat plan's row) and a known fuel: the
 *   estimated heat over the building's boiler efficiency (as for metered heat; district heat 1:1) as that fuel's
 *   final energy, graded D. Without a known fuel it is left out and named.
 */
import { analyseDistrictWithProfiles } from '../analysis/district-analysis.js';
import { DEFAULT_HEAT_SUPPLY, heatSupplyOf } from '../analysis/heat-supply.js';
import { coverageShare } from '../analysis/period-figures.js';
import type { Carrier } from '../../../models/energy/carriers.js';
import type { HeatingFuel } from '../../../models/planning/attributes.js';
import type { BiskoInput, Grade } from '../../../models/planning/bisko.js';
import { heatPlanRow } from '../../../models/planning/heat-plan-row.js';
import { sectorFromUse } from '../../../models/planning/sector.js';
import type { Store } from '../store/store.js';
import { zonedToUtc } from '../analysis/local-time.js';
import { MIN_COVERAGE } from './measured-heat.js';
import { projectRing } from './metric-crs.js';

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

export interface BiskoInputs {
  readonly inputs: readonly BiskoInput[];
  /** Buildings whose heat could not be placed on a carrier (no meter, no estimate or no fuel). */
  readonly leftOut: readonly string[];
}

export class BiskoAnalysisError extends Error {
  override readonly name = 'BiskoAnalysisError';
}

export async function biskoInputs(store: Store, year: number): Promise<BiskoInputs> {
  const view = await store.getDistrict();
  if (view === null) return { inputs: [], leftOut: [] };
  const zone = view.site.timezone;
  const from = zonedToUtc(year, 0, 1, zone);
  const to = zonedToUtc(year + 1, 0, 1, zone);
  const analysed = await analyseDistrictWithProfiles(store, view, { from, to, rolling: false, compare: false });
  if (!analysed.ok) throw new BiskoAnalysisError(`${analysed.error.where === undefined ? '' : `${analysed.error.where}: `}${analysed.error.message}`);
  const { analysis, loaded } = analysed.value;
  const derived = new Map(loaded.heat.map((h) => [h.buildingId, h]));
  const inputs: BiskoInput[] = [];
  const leftOut: string[] = [];
  const buildings = new Map(view.buildings.map((b) => [b.id, b]));
  const sectorOf = (id: string) => {
    const b = buildings.get(id);
    return b?.planning?.sector ?? sectorFromUse(b?.use ?? 'other');
  };
  const graded = (coverage: number, kwh: number, measuredGrade: Grade): { kwh: number; grade: Grade } =>
    coverage >= MIN_COVERAGE ? { kwh, grade: measuredGrade } : { kwh: kwh / coverage, grade: 'B' };
  // buildings whose heat is in the balance (or is metered as electricity); the rest get the typology pass below,
  // so that a heat meter without data in the year does not make a building vanish from the balance and the notes
  const placed = new Set<string>();
  const push = (i: BiskoInput): void => {
    inputs.push(i);
    if (i.carrier !== 'electricity') placed.add(i.buildingId);
  };

  for (const a of analysis.buildings) {
    const heatDerivation = derived.get(a.buildingId);
    for (const c of a.balance.carriers) {
      const coverage = coverageShare(c.coverage);
      if (c.carrier === 'heat' || coverage === 0 || c.consumptionKwh <= 0) continue;
      const isDerived = heatDerivation !== undefined && heatDerivation.supply.carrier === c.carrier;
      if (!isDerived) {
        push({ buildingId: a.buildingId, sector: sectorOf(a.buildingId), carrier: c.carrier, ...graded(coverage, c.consumptionKwh, 'A') });
        continue;
      }
      if (heatDerivation.origin !== 'default') {
        push({ buildingId: a.buildingId, sector: sectorOf(a.buildingId), carrier: c.carrier, ...graded(coverage, c.consumptionKwh, 'B') });
        placed.add(a.buildingId); // a heat pump's derived electricity is its heat, too
        continue;
      }
      // the analysis only assumed a gas boiler: BISKO needs the carrier the building really burns
      const fuel = buildings.get(a.buildingId)?.planning?.fuel ?? 'unknown';
      if (fuel === 'electricity') {
        placed.add(a.buildingId);
        continue;
      }
      const carrier = FUEL_CARRIER[fuel];
      const heat = a.balance.carriers.find((x) => x.carrier === 'heat');
      if (carrier === null || heat === undefined) {
        leftOut.push(a.buildingId);
        continue;
      }
      // a fuel the heat supply cannot name (coal): the metered heat over the default boiler efficiency
      const kwh = carrier === 'district-heat' ? heat.consumptionKwh : heat.consumptionKwh / DEFAULT_HEAT_SUPPLY.efficiency;
      push({ buildingId: a.buildingId, sector: sectorOf(a.buildingId), carrier, ...graded(coverageShare(heat.coverage), kwh, 'B') });
    }
  }

  // a heat pump whose electricity is metered: its heat is in the electricity already
  for (const id of loaded.heatWithMeteredSupply) {
    const b = buildings.get(id);
    if (b !== undefined && heatSupplyOf(undefined, b).supply.carrier === 'electricity') placed.add(id);
  }

  for (const b of view.buildings) {
    if (placed.has(b.id)) continue;
    const row = heatPlanRow(b, projectRing(b.footprint), []);
    const carrier = FUEL_CARRIER[b.planning?.fuel ?? 'unknown'];
    if (row.heatKwh === null || carrier === null) {
      if (b.planning?.fuel !== 'electricity') leftOut.push(b.id);
      continue;
    }
    // the typology gives the heat the building needs (TABULA: energy need for heating and hot water); BISKO counts
    // the fuel burnt for it: over the building's boiler efficiency as for metered heat, district heat 1:1
    const supply = heatSupplyOf(undefined, b).supply;
    const efficiency = carrier === 'district-heat' ? 1 : supply.carrier === carrier ? supply.efficiency : DEFAULT_HEAT_SUPPLY.efficiency;
    inputs.push({ buildingId: b.id, sector: row.sector, carrier, kwh: row.heatKwh / efficiency, grade: 'D' });
  }
  return { inputs, leftOut: [...new Set(leftOut)] };
}
