/**
 * The heat-density colour mode's legend: one row per KEA-BW suitability class with its colour, its range in
 * MWh/(ha*a) and what it means for heat networks (the classes of models/planning/heat-density.ts).
 */
import { HEAT_DENSITY_BOUNDS, HEAT_DENSITY_CLASSES } from '../../models/planning/heat-density.js';
import type { I18n } from '../i18n/i18n.js';
import { HEAT_DENSITY_COLOURS } from '../metrics/building-metrics.js';
import { h } from './dom.js';

export function heatDensityClassRows(i18n: I18n): HTMLDivElement[] {
  return HEAT_DENSITY_CLASSES.map((c, i) => {
    const lo = i === 0 ? 0 : HEAT_DENSITY_BOUNDS[i - 1];
    const hi = HEAT_DENSITY_BOUNDS[i];
    const range = hi === undefined ? `> ${i18n.number(lo ?? 0, 0)}` : `${i18n.number(lo ?? 0, 0)}–${i18n.number(hi, 0)}`;
    return h(
      'div',
      { class: 'legend-nodata legend-class', 'data-class': c },
      h('span', { class: 'swatch', style: `background: ${HEAT_DENSITY_COLOURS[i] ?? 'transparent'}` }),
      `${range}: ${i18n.t(`heatDensity.${c}`)}`,
    );
  });
}
