/** The colour legend: a gradient bar drawn from the same stops the scene uses, with the scale's ends labelled. */
import type { ColorMetric } from '../metrics/building-metrics.js';
import { NO_DATA_RGB, rgbToCss, type ColorScale } from '../scene/color-scale.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';
import { heatDensityClassRows } from './heat-density-legend.js';

export function renderLegend(root: HTMLElement, i18n: I18n, metric: ColorMetric, scale: ColorScale): void {
  const gradient = scale.stops.map((s) => `${rgbToCss(s.rgb)} ${Math.round(s.at * 100)}%`).join(', ');
  const fmt = (v: number): string => {
    switch (metric) {
      case 'selfSufficiency':
        return i18n.percent(v);
      case 'net':
        return `${v > 0 ? '+' : ''}${i18n.number(v, Math.abs(v) < 10 ? 1 : 0)}`;
      default:
        return i18n.number(v, 0);
    }
  };
  // numbers on one line under the bar, the words for the net metric's ends on the next: a narrow dock never runs
  // "Überschuss" into "0"
  const ends = metric === 'net' ? [fmt(scale.min), '0', fmt(scale.max)] : [fmt(scale.min), fmt((scale.min + scale.max) / 2), fmt(scale.max)];
  const words = metric === 'net' ? [i18n.t('legend.surplus'), i18n.t('legend.deficit')] : null;
  // the values come from the analysis; the note says on what they rest
  const note = i18n.t(`legend.note.${metric}`);
  root.replaceChildren(
    ...[
    h('div', { class: 'legend-title', text: i18n.t(`metric.${metric}`) }),
    // heat density has fixed classes: a row each instead of a gradient
    ...(metric === 'heatDensity'
      ? heatDensityClassRows(i18n)
      : [
          h('div', { class: 'legend-bar', style: `background: linear-gradient(to right, ${gradient})`, role: 'img', 'aria-label': words ? `${ends[0]} ${words[0]} … ${ends[2]} ${words[1]}` : ends.join(' … ') }),
          h('div', { class: 'legend-ticks' }, ...ends.map((t) => h('span', { text: t }))),
          words ? h('div', { class: 'legend-words' }, ...words.map((t) => h('span', { text: t }))) : null,
        ]),
    h(
      'div',
      { class: 'legend-nodata' },
      h('span', { class: 'swatch', style: `background: ${rgbToCss(NO_DATA_RGB)}` }),
      i18n.t('legend.noData'),
    ),
    note ? h('div', { class: 'legend-note', text: note }) : null,
    ].filter((n): n is HTMLDivElement => n !== null),
  );
  root.dataset['metric'] = metric;
  root.dataset['min'] = String(scale.min);
  root.dataset['max'] = String(scale.max);
}
