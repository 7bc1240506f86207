/**
 * What the district can be coloured by, computed from a building's balance over the shown period. The factors are
 * defaults from docs (GEG Anlage 9, DWD TRY region 5) and are shown in the legend so the user knows what is used.
 */
import type { BuildingBalance } from '../../models/contract/index.js';
import type { ColorMetric } from '../../models/values.js';
import { divergingScale, sequentialScale, type ColorScale } from '../scene/color-scale.js';

export { COLOR_METRICS, type ColorMetric } from '../../models/values.js';

/** GEG Anlage 9, grid electricity, g CO2e per kWh. */
export const GRID_CO2_G_PER_KWH = 560;
/** Rooftop PV defaults: usable roof share, m² per kWp, specific yield in the Ruhr area (south, 35°) kWh/kWp. */
export const PV_USABLE_SHARE = 0.6;
export const PV_M2_PER_KWP = 5.5;
export const PV_YIELD_KWH_PER_KWP = 951;

export interface MetricInput {
  readonly balance: BuildingBalance | undefined;
  readonly footprintAreaM2: number;
}

/** The metric's value for one building, or null when the data does not allow it. */
export function metricValue(metric: ColorMetric, input: MetricInput): number | null {
  const b = input.balance;
  switch (metric) {
    case 'net':
      return b ? b.netKwh : null;
    case 'selfSufficiency':
      // share of consumption not drawn from the grid, on the period totals (a lower bound of the 15-min KPI)
      if (!b || b.consumptionKwh <= 0) return null;
      return Math.min(1, Math.max(0, (b.consumptionKwh - b.importKwh) / b.consumptionKwh));
    case 'co2':
      // g CO2e per kWh consumed: only grid import carries emissions, own PV counts 0 (GEG Anlage 9)
      if (!b || b.consumptionKwh <= 0) return null;
      return (Math.max(0, b.importKwh) * GRID_CO2_G_PER_KWH) / b.consumptionKwh;
    case 'pvPotential':
      // flat-roof estimate from the footprint, kWh per year; LoD2 roof surfaces would refine it
      return input.footprintAreaM2 > 0 ? ((input.footprintAreaM2 * PV_USABLE_SHARE) / PV_M2_PER_KWP) * PV_YIELD_KWH_PER_KWP : null;
  }
}

export function metricScale(metric: ColorMetric, values: readonly (number | null)[]): ColorScale {
  switch (metric) {
    case 'net':
      return divergingScale(values, 0.1);
    case 'selfSufficiency':
      return sequentialScale('good-high', 0, 1);
    case 'co2':
      return sequentialScale('bad-high', 0, GRID_CO2_G_PER_KWH);
    case 'pvPotential': {
      const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
      return sequentialScale('sun', 0, Math.max(1, ...finite));
    }
  }
}
