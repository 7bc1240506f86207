/**
 * Every carrier of a building or the district over the period, as the analysis balanced it: consumption and
 * generation per carrier, the fuel derived behind metered heat named with the heat supply it rests on, and a note
 * that metered heat is shown but not balanced. Only renders the analysis' figures.
 */
import type { HeatSupplyUse } from '../../models/contract/index.js';
import type { CarrierBalance } from '../../models/energy/balance.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';

export interface CarrierRows {
  readonly carriers: readonly CarrierBalance[];
  /** The heat supply behind metered heat (a building's); null for none or for the district. */
  readonly heatSupply: HeatSupplyUse | null;
  /** Carriers the analysis derived (the district: the union of its buildings' derived fuels). */
  readonly derived: ReadonlySet<string>;
}

/** Electricity first, then heat, the fuels and district heat in the analysis' order. */
const rank = (c: string): number => (c === 'electricity' ? 0 : c === 'heat' ? 1 : 2);

export function carrierTable(i18n: I18n, rows: CarrierRows, testid: string): HTMLElement {
  const kwh = (v: number): string => `${i18n.number(v, v !== 0 && Math.abs(v) < 10 ? 1 : 0)} kWh`;
  const sorted = [...rows.carriers].sort((a, b) => rank(a.carrier) - rank(b.carrier));
  const withGeneration = sorted.some((c) => c.generationKwh > 0);
  const hs = rows.heatSupply;
  const table = h(
    'table',
    { class: 'carriers', 'data-testid': testid },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: i18n.t('carriers.col.carrier') }),
        h('th', { scope: 'col', class: 'num', text: i18n.t('carriers.col.consumption') }),
        withGeneration ? h('th', { scope: 'col', class: 'num', text: i18n.t('carriers.col.generation') }) : null,
      ),
    ),
    h(
      'tbody',
      {},
      ...sorted.map((c) =>
        h(
          'tr',
          { 'data-carrier': c.carrier, 'data-derived': String(rows.derived.has(c.carrier)) },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: `carrier-swatch carrier-${c.carrier}` }),
            i18n.t(`carrier.${c.carrier}`),
            rows.derived.has(c.carrier) ? h('span', { class: 'sub', text: ` (${i18n.t('carriers.derivedShort')})` }) : null,
          ),
          h('td', { class: 'num', text: kwh(c.consumptionKwh) }),
          withGeneration ? h('td', { class: 'num', text: c.generationKwh > 0 ? kwh(c.generationKwh) : '–' }) : null,
        ),
      ),
    ),
  );
  const notes: HTMLElement[] = [];
  if (hs && rows.derived.has(hs.carrier)) {
    notes.push(
      h('p', {
        class: 'note',
        'data-testid': `${testid}-derived`,
        text: i18n.t('carriers.derived', { carrier: i18n.t(`carrier.${hs.carrier}`), efficiency: i18n.number(hs.efficiency, 2), origin: i18n.t(`carriers.origin.${hs.origin}`) }),
      }),
    );
  }
  if (sorted.some((c) => c.carrier === 'heat')) notes.push(h('p', { class: 'note', text: i18n.t('carriers.heatNote') }));
  return h('div', { class: 'carriers-box' }, h('div', { class: 'table-scroll' }, table), ...notes);
}
