/**
 * What the district can be coloured by. Every value is the analysis' own (BuildingOverview.colours from
 * 'district.balances'): the renderer holds no factor and computes no figure, it only maps values to colours.
 */
import type { BuildingOverview } from '../../models/contract/index.js';
import type { ColorMetric } from '../../models/values.js';
import { HEAT_DENSITY_BOUNDS } from '../../models/planning/heat-density.js';
import { classScale, divergingScale, sequentialScale, type ColorScale } from '../scene/color-scale.js';

/**
 * The heat-density classes' colours (KEA-BW suitability classes, models/planning/heat-density.ts), light to dark;
 * the lightest is still distinct from the grey of buildings without data.
 */
export const HEAT_DENSITY_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c', '#800026'] as const;

export { COLOR_METRICS, type ColorMetric } from '../../models/values.js';

/** The metric's value for one building as the analysis delivered it, or null when it has none. */
export function metricValue(metric: ColorMetric, overview: BuildingOverview | undefined): number | null {
  const c = overview?.colours;
  if (c === undefined) return null;
  switch (metric) {
    case 'net':
      return c.netKwh;
    case 'selfSufficiency':
      return c.selfSufficiency;
    case 'co2':
      return c.co2IntensityGPerKwh;
    case 'pvPotential':
      return c.pvPotentialKwh;
    case 'heatDensity':
      return c.heatDensityMwhPerHaA;
  }
}

const upperEnd = (values: readonly (number | null)[]): number => Math.max(1, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));

export function metricScale(metric: ColorMetric, values: readonly (number | null)[]): ColorScale {
  switch (metric) {
    case 'net':
      // net = consumption - generation: positive is a deficit (red), negative a surplus (green)
      return divergingScale(values, 0.1, true);
    case 'selfSufficiency':
      return sequentialScale('good-high', 0, 1);
    case 'co2':
      return sequentialScale('bad-high', 0, upperEnd(values));
    case 'pvPotential':
      return sequentialScale('sun', 0, upperEnd(values));
    case 'heatDensity':
      // fixed classes, not the district's range: a class means the same in every district
      return classScale(HEAT_DENSITY_BOUNDS, HEAT_DENSITY_COLOURS);
  }
}
