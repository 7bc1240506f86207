/**
 * The district at a glance for the period the time bar shows: energy-plus status in final and primary energy,
 * self-consumption, self-sufficiency, what sharing between the buildings is worth, CO2, and the electricity flows.
 */
import type { CarrierSeriesResult, DistrictAnalysis } from '../../models/contract/index.js';
import { CarrierChart } from '../charts/carrier-chart.js';
import type { I18n } from '../i18n/i18n.js';
import { dateFormat } from '../time/date-format.js';
import { carrierTable } from './carrier-table.js';
import { h } from './dom.js';
import { bandPath, layoutFlows, type FlowBand, type FlowTotals } from './energy-flow.js';
import { costFigures } from './cost-figures.js';

const SVG = 'http://www.w3.org/2000/svg';
const FLOW_W = 250;
const FLOW_H = 130;
const LABEL_W = 76;

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

/** Carriers the analysis derived behind metered heat in every building that has them (none metered directly). */
function derivedCarriers(a: DistrictAnalysis): Set<string> {
  const derived = new Set<string>();
  const metered = new Set<string>();
  for (const b of a.buildings) {
    const fuel = b.heatSupply?.carrier;
    for (const c of b.balance.carriers) (c.carrier === fuel ? derived : metered).add(c.carrier);
  }
  return new Set([...derived].filter((c) => !metered.has(c)));
}

export class DistrictDashboard {
  private chart: CarrierChart | null = null;
  private readonly chartTitle: HTMLElement;
  private readonly chartBox: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private analysis: DistrictAnalysis | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
  ) {
    this.chartTitle = h('h3', { 'data-testid': 'dashboard-carriers-title', text: i18n.t('carriers.title') });
    this.canvas = h('canvas', { 'data-testid': 'dashboard-chart-carriers', role: 'img', 'aria-label': i18n.t('carriers.title') });
    this.chartBox = h('div', { class: 'chart small' }, this.canvas);
  }

  /** The analysis shown (for the building panel, which shows its building from the same analysis). */
  get shown(): DistrictAnalysis | null {
    return this.analysis;
  }

  /** Heat and fuels of the district over the scope's period, from 'carriers.series'. */
  setCarriers(series: CarrierSeriesResult, title: string): void {
    const { i18n, timeZone } = this;
    if (!this.chart) this.chart = new CarrierChart(this.canvas, i18n);
    const monthShort = dateFormat(i18n.locale, timeZone, { month: 'short' });
    const labelOf = series.step === 'hour' ? (ts: number) => i18n.time(ts, timeZone) : series.step === 'day' ? (ts: number) => i18n.day(ts, timeZone) : (ts: number) => monthShort.format(ts);
    const any = series.carriers.some((c) => c.carrier !== 'electricity');
    this.chart.set(series, labelOf);
    this.chartTitle.textContent = title;
    this.chartTitle.hidden = this.chartBox.hidden = !any;
    this.canvas.setAttribute('aria-label', title);
  }

  /** periodLabel names the analysed period (locale-formatted by the caller). */
  show(a: DistrictAnalysis, periodLabel?: string): void {
    this.analysis = a;
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
      h('h3', { text: t.t('carriers.title') }),
      carrierTable(t, { carriers: d.balance.carriers.filter((c) => c.coverage.slots > 0), heatSupply: null, derived: derivedCarriers(a) }, 'dashboard-carrier-table'),
      this.chartTitle,
      this.chartBox,
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
    this.analysis = null;
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
    }
    // each node once, named with its energy: generation and grid import on the left, consumption and export on the right
    const band = (key: FlowBand['key']) => layout.bands.find((b) => b.key === key);
    const span = (a: FlowBand | undefined, b: FlowBand | undefined, side: 'left' | 'right'): [number, number] | null => {
      const parts = [a, b].filter((x): x is FlowBand => x !== undefined).map((x) => x[side]);
      return parts.length === 0 ? null : [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))];
    };
    const node = (s: [number, number] | null, name: string, kwh: number, x: number, anchor: 'start' | 'end', key: string) => {
      if (s === null) return;
      // a node too thin for two lines still gets them, centred on it and kept inside the picture
      const mid = Math.min(FLOW_H - 14, Math.max(10, (s[0] + s[1]) / 2 - 2));
      const text = svg('text', { x: String(x), y: String(mid), 'text-anchor': anchor, class: 'flow-label', 'data-node': key });
      const line1 = svg('tspan', { x: String(x), dy: '0' });
      line1.textContent = name;
      const line2 = svg('tspan', { x: String(x), dy: '1.1em', class: 'flow-kwh' });
      line2.textContent = `${t.number(kwh, 0)} kWh`;
      text.append(line1, line2);
      root.append(text);
    };
    const self = band('self-use');
    const exp = band('export');
    const imp = band('import');
    node(span(self, exp, 'left'), t.t('dashboard.node.generation'), totals.generationKwh, LABEL_W - 4, 'end', 'generation');
    node(span(imp, undefined, 'left'), t.t('dashboard.node.import'), totals.importKwh, LABEL_W - 4, 'end', 'import');
    node(span(self, imp, 'right'), t.t('dashboard.node.consumption'), totals.consumptionKwh, FLOW_W - LABEL_W + 4, 'start', 'consumption');
    node(span(exp, undefined, 'right'), t.t('dashboard.node.export'), totals.exportKwh, FLOW_W - LABEL_W + 4, 'start', 'export');
    return root;
  }
}
