/**
 * 'district.balances': each building over the period the time bar shows, as the panel, the building list and the
 * colour modes show it. The same analysis as everywhere (no 12-month window: the quick look follows the slider),
 * on the analysis' grid: quarter hours up to two days, hours beyond (the UI's analysis windows do the same).
 */
import type { BuildingOverview, DistrictView } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { HeatDensityClass } from '../../../models/planning/heat-density.js';
import type { Store } from '../store/store.js';
import { analyseDistrict } from './district-analysis.js';

const QUARTER_HOUR_LIMIT_MS = 2 * 86_400_000;

export interface OverviewOptions {
  readonly minCoverage: number;
  /** kWh/a per building id from district.pvPotential (the weather year lives with the API). */
  readonly pvPotentialKwh: ReadonlyMap<string, number>;
  /** The heat plan's cell density per building id (core/planning), for the heat-density colour mode. */
  readonly heatDensity?: ReadonlyMap<string, { readonly mwhPerHaA: number; readonly densityClass: HeatDensityClass }>;
}

export const districtOverview = async (store: Store, view: DistrictView, from: number, to: number, o: OverviewOptions): Promise<Result<BuildingOverview[]>> => {
  const step = to - from <= QUARTER_HOUR_LIMIT_MS ? '15min' : 'hour';
  const stepMs = step === '15min' ? INTERVAL_MS : HOUR_MS;
  // The slider's instant is not on the grid: the period ends with the last whole step (and spans one at least).
  const a = Math.floor(from / stepMs) * stepMs;
  const b = Math.max(a + stepMs, Math.floor(to / stepMs) * stepMs);
  const r = await analyseDistrict(store, view, { from: a, to: b, rolling: false, compare: false, minCoverage: o.minCoverage }, step);
  if (!r.ok) return r;
  if (view.buildings.length !== r.value.buildings.length) return err('internal', 'the analysis lost a building', 'buildings');
  return ok(
    r.value.buildings.map((x) => {
      const e = x.balance.carriers.find((c) => c.carrier === 'electricity');
      const consumption = e?.consumptionKwh ?? 0;
      const generation = e?.generationKwh ?? 0;
      return {
        buildingId: x.buildingId,
        from: a,
        to: b,
        consumptionKwh: consumption,
        generationKwh: generation,
        importKwh: e?.importKwh ?? 0,
        exportKwh: e?.exportKwh ?? 0,
        netKwh: consumption - generation,
        coverage: x.verdictPeriod.coverage,
        finalEnergyNetKwh: x.energyPlusPeriod.finalEnergyNetKwh,
        verdict: x.verdictPeriod,
        colours: {
          ...x.colours,
          pvPotentialKwh: o.pvPotentialKwh.get(x.buildingId) ?? null,
          heatDensityMwhPerHaA: o.heatDensity?.get(x.buildingId)?.mwhPerHaA ?? null,
          heatDensityClass: o.heatDensity?.get(x.buildingId)?.densityClass ?? null,
        },
      };
    }),
  );
};
