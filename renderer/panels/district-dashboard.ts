/**
 * The district at a glance for the period the time bar shows: energy-plus status in final and primary energy,
 * self-consumption, self-sufficiency, what sharing between the buildings is worth, CO2, and the electricity flows.
 */
import type { DistrictAnalysis } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';
import { bandPath, layoutFlows, type FlowTotals } from './energy-flow.js';
import { costFigures } from './cost-figures.js';

const SVG = 'http://www.w3.org/2000/svg';
const FLOW_W = 260;
const FLOW_H = 120;
const LABEL_W = 70;
const MIN_LABELLED_PX = 9;

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

export class DistrictDashboard {
  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
  ) {}

  /** periodLabel names the analysed period (locale-formatted by the caller). */
  show(a: DistrictAnalysis, periodLabel?: string): void {
    const t = this.i18n;
    const d = a.district;
    const el = d.balance.carriers.find((c) => c.carrier === 'electricity');
    const kwh = (v: number) => `${t.number(v, 0)} kWh`;
    const share = (v: number | null | undefined) => (v === null || v === undefined ? '–' : t.percent(v));
    const plus = d.energyPlusPeriod;
    const verdict = d.verdictPeriod;
    const rows: Array<[string, string]> = [
      [t.t('dashboard.finalNet'), kwh(plus.finalEnergyNetKwh)],
      [t.t('dashboard.primaryNet'), kwh(plus.primaryEnergy.total)],
      [t.t('dashboard.selfConsumption'), share(d.kpis?.selfConsumption)],
      [t.t('dashboard.selfSufficiency'), share(d.kpis?.selfSufficiency)],
      [t.t('dashboard.sharingGain'), d.sharing ? kwh(d.sharing.gainKwh) : '–'],
      [t.t('dashboard.co2'), `${t.number(d.co2Tonnes, 1)} t`],
    ];
    this.root.replaceChildren(
      h('h2', { text: t.t('dashboard.title') }),
      periodLabel ? h('p', { class: 'period', 'data-testid': 'dashboard-period', text: t.t('dashboard.period', { period: periodLabel }) }) : '',
      h('p', {
        class: verdict.energyPlus ? 'badge plus' : 'badge minus',
        'data-testid': 'dashboard-status',
        text: t.t(verdict.energyPlus ? 'dashboard.plus' : 'dashboard.notPlus'),
      }),
      // a verdict on too little data says so, with its coverage (the threshold is the setting verdictMinCoverage)
      h('p', {
        class: verdict.provisional ? 'note provisional' : 'note',
        'data-testid': 'dashboard-coverage',
        'data-provisional': String(verdict.provisional),
        text: t.t(verdict.provisional ? 'dashboard.provisional' : 'dashboard.coverage', { coverage: t.percent(verdict.coverage) }),
      }),
      h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
      el ? this.flows({ generationKwh: el.generationKwh, selfUsedKwh: el.selfConsumedKwh, exportKwh: el.exportKwh, importKwh: el.importKwh, consumptionKwh: el.consumptionKwh }) : '',
      costFigures(t, d.costs, d.comparison, a.timeZone, 'dashboard-costs', true),
      h('p', { class: 'note', text: t.t('dashboard.sign') }),
      h('p', { class: 'note', text: t.t('dashboard.factors', { primary: a.factorSets.primary.name, co2: a.factorSets.co2.name, resolution: a.resolution }) }),
      a.factorSets.primary.exportCredit === undefined
        ? ''
        : h('p', { class: 'note', 'data-testid': 'dashboard-export-credit', text: t.t('dashboard.exportCredit', { name: t.t(`exportCredit.${a.factorSets.primary.exportCredit.id}`), factor: t.number(a.factorSets.primary.exportCredit.factor, 1) }) }),
      h('p', { class: 'note', 'data-testid': 'dashboard-zone', text: t.t('dashboard.zone', { zone: a.timeZone }) }),
    );
  }

  showError(message: string): void {
    this.root.replaceChildren(h('h2', { text: this.i18n.t('dashboard.title') }), h('p', { class: 'note', text: message }));
  }

  private flows(totals: FlowTotals): Element {
    const t = this.i18n;
    const layout = layoutFlows(totals, FLOW_H);
    const root = svg('svg', {
      viewBox: `0 0 ${FLOW_W} ${FLOW_H}`,
      width: '100%',
      role: 'img',
      'data-testid': 'dashboard-flows',
      'aria-label': t.t('dashboard.flowsLabel', {
        self: t.number(totals.selfUsedKwh, 0),
        export: t.number(totals.exportKwh, 0),
        import: t.number(totals.importKwh, 0),
      }),
    });
    for (const band of layout.bands) {
      const path = svg('path', { d: bandPath(band, LABEL_W, FLOW_W - LABEL_W), class: `flow flow-${band.key}` });
      const title = svg('title', {});
      title.textContent = `${t.t(`dashboard.flow.${band.key}`)}: ${t.number(band.kwh, 0)} kWh`;
      path.append(title);
      root.append(path);
      const label = (x: number, y: number, text: string, anchor: string) => {
        const el = svg('text', { x: String(x), y: String(y), 'text-anchor': anchor, class: 'flow-label' });
        el.textContent = text;
        root.append(el);
      };
      const mid = (s: readonly [number, number]) => (s[0] + s[1]) / 2 + 4;
      // a hair-thin band (a little PV at dawn) keeps its tooltip but gets no label that would overlap the others
      if (band.left[1] - band.left[0] < MIN_LABELLED_PX) continue;
      if (band.key !== 'import') label(LABEL_W - 4, mid(band.left), t.t('dashboard.node.generation'), 'end');
      else label(LABEL_W - 4, mid(band.left), t.t('dashboard.node.import'), 'end');
      if (band.key !== 'export') label(FLOW_W - LABEL_W + 4, mid(band.right), t.t('dashboard.node.consumption'), 'start');
      else label(FLOW_W - LABEL_W + 4, mid(band.right), t.t('dashboard.node.export'), 'start');
    }
    return root;
  }
}
