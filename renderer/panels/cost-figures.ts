/**
 * Costs and the comparison with the previous period and last year, as the analysis computed them, for one building
 * or the district: a small block the building panel and the dashboard place where their layout wants it. Renders
 * only; every figure is the analysis' (CostFigures, PeriodComparison).
 */
import type { CostFigures, PeriodComparison, PeriodFigures } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { rangeLabel } from '../time/period-label.js';
import { h } from './dom.js';

const eur = (i18n: I18n, v: number): string => `${i18n.number(v, 2)} €`;

const costList = (i18n: I18n, c: CostFigures, testid: string): HTMLElement => {
  if (!c.hasTariffs) return h('p', { class: 'note', 'data-testid': `${testid}-none`, text: i18n.t('costs.noTariff') });
  const row = (key: 'costs.net' | 'costs.energy' | 'costs.fixed' | 'costs.feedIn' | 'costs.savings', v: number, id: string) => [
    h('dt', { text: i18n.t(key) }),
    h('dd', { 'data-testid': `${testid}-${id}`, 'data-value': String(v), text: eur(i18n, v) }),
  ];
  return h(
    'div',
    {},
    h(
      'dl',
      { class: 'costs' },
      ...row('costs.net', c.netEur, 'net'),
      ...row('costs.energy', c.energyEur, 'energy'),
      ...row('costs.fixed', c.fixedEur, 'fixed'),
      ...(c.feedInEur !== 0 ? row('costs.feedIn', c.feedInEur, 'feed-in') : []),
      ...(c.savingsEur !== 0 ? row('costs.savings', c.savingsEur, 'savings') : []),
    ),
    c.unpricedImportKwh > 0 ? h('p', { class: 'note provisional', text: i18n.t('costs.unpriced', { kwh: i18n.number(c.unpricedImportKwh, 0) }) }) : '',
  );
};

const comparisonTable = (i18n: I18n, c: PeriodComparison, timeZone: string, testid: string): HTMLElement => {
  const periods: readonly [PeriodFigures, 'compare.current' | 'compare.previous' | 'compare.lastYear', string][] = [
    [c.current, 'compare.current', 'current'],
    [c.previous, 'compare.previous', 'previous'],
    [c.lastYear, 'compare.lastYear', 'last-year'],
  ];
  const kwh = (p: PeriodFigures, v: number) => (p.hasData ? `${i18n.number(v, 0)} kWh` : i18n.t('compare.noData'));
  const cost = (p: PeriodFigures) => (p.costs.hasTariffs ? eur(i18n, p.costs.netEur) : '–');
  const cell = (text: string, id: string, p: PeriodFigures) => h('td', { class: 'num', 'data-testid': `${testid}-${id}`, 'data-from': String(p.from), text });
  return h(
    'table',
    { class: 'compare', 'data-testid': testid },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { text: '' }), ...periods.map(([p, key]) => h('th', { class: 'num', title: rangeLabel(i18n.locale, p.from, p.to, timeZone), text: i18n.t(key) }))),
    ),
    h(
      'tbody',
      {},
      h('tr', {}, h('th', { text: i18n.t('compare.consumption') }), ...periods.map(([p, , id]) => cell(kwh(p, p.consumptionKwh), `consumption-${id}`, p))),
      h('tr', {}, h('th', { text: i18n.t('compare.generation') }), ...periods.map(([p, , id]) => cell(kwh(p, p.generationKwh), `generation-${id}`, p))),
      h('tr', {}, h('th', { text: i18n.t('compare.net') }), ...periods.map(([p, , id]) => cell(cost(p), `net-${id}`, p))),
    ),
  );
};

/**
 * The block: costs of the period, then the comparison table when the analysis made one. testid prefixes the test
 * hooks. collapsed: a <details> that shows only its title (net cost) until opened, for places short of room such
 * as the dashboard floating over the 3D view.
 */
export const costFigures = (i18n: I18n, costs: CostFigures, comparison: PeriodComparison | null, timeZone: string, testid: string, collapsed = false): HTMLElement => {
  const body = [
    costList(i18n, costs, testid),
    comparison === null ? '' : h('h3', { text: i18n.t('compare.title') }),
    comparison === null ? '' : comparisonTable(i18n, comparison, timeZone, `${testid}-compare`),
  ];
  if (!collapsed) return h('section', { class: 'cost-figures', 'data-testid': testid }, h('h3', { text: i18n.t('costs.title') }), ...body);
  const title = costs.hasTariffs ? `${i18n.t('costs.title')}: ${eur(i18n, costs.netEur)}` : i18n.t('costs.title');
  return h('details', { class: 'cost-figures', 'data-testid': testid }, h('summary', { text: title }), ...body);
};
