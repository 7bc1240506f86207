/** The legend of the asset layer: the charge points' state colours and the street lights' lit, dimmed and off. */
import type { AssetMap } from '../../models/contract/index.js';
import { CHARGE_POINT_STATES } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { CHARGE_POINT_COLORS } from '../scene/asset-layer.js';
import { h } from './dom.js';

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;
const swatch = (color: string, label: string, testId?: string) =>
  h('span', { class: 'legend-nodata', ...(testId ? { 'data-testid': testId } : {}) }, h('span', { class: 'swatch', style: `background: ${color}` }), label);

/** Fills root with the legend, or empties it when the district has no charge points and no street lights. */
export function renderAssetLegend(root: HTMLElement, i18n: I18n, map: AssetMap): void {
  if (map.chargePoints.length === 0 && map.lights.length === 0) {
    root.replaceChildren();
    return;
  }
  const count = (state: string) => map.chargePoints.filter((c) => c.state === state).length;
  const lit = map.lights.filter((l) => l.percent >= 100).length;
  const dimmed = map.lights.filter((l) => l.percent > 0 && l.percent < 100).length;
  root.replaceChildren(
    ...(map.chargePoints.length === 0
      ? []
      : [
          h('div', { class: 'legend-title', text: i18n.t('assets.chargePoints') }),
          h('div', {}, ...CHARGE_POINT_STATES.map((s) => swatch(hex(CHARGE_POINT_COLORS[s]), `${i18n.t(`assets.state.${s}`)} (${count(s)})`, `asset-state-${s}`))),
        ]),
    ...(map.lights.length === 0
      ? []
      : [
          h('div', { class: 'legend-title', text: i18n.t('assets.lights') }),
          h(
            'div',
            {},
            swatch('#ffc83d', `${i18n.t('assets.light.lit')} (${lit})`),
            swatch('#b39a5c', `${i18n.t('assets.light.dimmed')} (${dimmed})`),
            swatch('#4a4f57', `${i18n.t('assets.light.off')} (${map.lights.length - lit - dimmed})`),
          ),
        ]),
  );
}
