/**
 * The selected building: identity, the balance of the time bar's period with its energy-plus status and data
 * coverage, live power, its meters with their polling state, and three charts that follow the time bar: the power
 * of the day the slider stands in (marker at its instant), that day's energy per hour, and the days of its month
 * (months of its year in the year scope) with the slider's bar outlined.
 */
import { historyPoints } from './history-dialog.js';
import type { BuildingAnalysis, BuildingOverview, BuildingSeries, CarrierSeriesResult, CollectorStatus, DeviceState, PowerSample } from '../../models/contract/index.js';
import type { Building, Device, Point } from '../../models/types.js';
import { dayPower, hourlyBuckets } from '../charts/chart-data.js';
import { CarrierChart } from '../charts/carrier-chart.js';
import { EnergyChart } from '../charts/energy-chart.js';
import { PowerChart } from '../charts/power-chart.js';
import type { I18n } from '../i18n/i18n.js';
import { dateFormat } from '../time/date-format.js';
import { dayLabel, monthLabel, yearLabel } from '../time/period-label.js';
import type { Span } from '../time/replay-windows.js';
import { carrierTable } from './carrier-table.js';
import { h } from './dom.js';

export interface PanelContext {
  readonly building: Building;
  readonly devices: readonly Device[];
  readonly points: readonly Point[];
}

export interface ChartPoints {
  readonly power: number;
  readonly daily: number;
  readonly monthly: number;
  /** First and last timestamp in the power chart. */
  readonly powerSpan: { readonly first: number; readonly last: number } | null;
}

/** What the charts show now, for the debug hook (browser tests read the data behind the canvas here). */
export interface PanelChartsView {
  readonly buildingId: string | null;
  readonly focus: number | null;
  readonly day: Span | null;
  readonly bars: (Span & { readonly resolution: 'day' | 'month' }) | null;
  readonly hourly: EnergyChart['data'] | null;
  readonly barsData: EnergyChart['data'] | null;
  readonly powerFromEnergy: boolean;
  readonly titles: { readonly power: string; readonly hourly: string; readonly bars: string; readonly period: string; readonly carriers: string };
  /** The carriers in the table (from the analysis) and in the heat-and-fuel chart (from 'carriers.series'). */
  readonly carriers: { readonly table: readonly string[]; readonly chart: readonly string[]; readonly chartBuckets: number };
}

export class BuildingPanel {
  private power: PowerChart | null = null;
  private daily: EnergyChart | null = null;
  private monthly: EnergyChart | null = null;
  private carrierChart: CarrierChart | null = null;
  private tableCarriers: readonly string[] = [];
  private current: PanelContext | null = null;
  private readonly slots: Record<'balance' | 'live' | 'meters' | 'carriers', HTMLElement>;
  private titles: Record<'power' | 'hourly' | 'bars' | 'period' | 'powerNote' | 'carriers' | 'carriersNone', HTMLElement> | null = null;
  private carrierBox: HTMLElement | null = null;
  /** The analysis' primary energy of the building, shown under the balance. */
  private primaryNet: number | null = null;
  private balance: BuildingOverview | undefined;
  private focus: number | null = null;
  private day: Span | null = null;
  private bars: (Span & { readonly resolution: 'day' | 'month' }) | null = null;
  private powerFromEnergy = false;
  /** "Current power" belongs to now: shown only while the time bar follows the collector, hidden in replay. */
  private liveMode = true;
  private liveSection: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
    /** Opens the history import for the building shown (the panel has no API of its own). */
    private readonly onImportHistory?: (ctx: PanelContext) => void,
  ) {
    this.slots = { balance: h('div'), live: h('div'), meters: h('div'), carriers: h('div') };
    this.showNone();
  }

  get buildingId(): string | null {
    return this.current?.building.id ?? null;
  }

  showNone(): void {
    this.destroyCharts();
    this.current = null;
    this.root.replaceChildren(h('p', { class: 'hint', 'data-testid': 'panel-empty', text: this.i18n.t('panel.none') }));
  }

  show(ctx: PanelContext): void {
    this.destroyCharts();
    this.current = ctx;
    const { i18n } = this;
    const b = ctx.building;
    const canvas = (testid: string, label: string): HTMLCanvasElement =>
      h('canvas', { 'data-testid': testid, role: 'img', 'aria-label': label });
    const powerCanvas = canvas('chart-power', i18n.t('chart.power'));
    const dailyCanvas = canvas('chart-daily', i18n.t('chart.daily'));
    const monthlyCanvas = canvas('chart-monthly', i18n.t('chart.monthly'));
    const carrierCanvas = canvas('chart-carriers', i18n.t('carriers.title'));
    this.slots.carriers = h('div', { 'data-testid': 'panel-carriers' });
    this.slots.balance = h('div', { class: 'balance', 'data-testid': 'panel-balance' });
    this.slots.live = h('dl', { class: 'live', 'data-testid': 'panel-live' });
    this.slots.meters = h('ul', { class: 'meters', 'data-testid': 'panel-meters' });
    this.titles = {
      power: h('h3', { 'data-testid': 'chart-power-title', text: i18n.t('chart.power') }),
      hourly: h('h3', { 'data-testid': 'chart-daily-title', text: i18n.t('chart.daily') }),
      bars: h('h3', { 'data-testid': 'chart-monthly-title', text: i18n.t('chart.monthly') }),
      period: h('p', { class: 'period', 'data-testid': 'panel-period', 'aria-live': 'polite' }),
      powerNote: h('p', { class: 'note', 'data-testid': 'chart-power-note', hidden: true, text: i18n.t('chart.powerFromEnergy') }),
      carriers: h('h3', { 'data-testid': 'chart-carriers-title', text: i18n.t('carriers.title') }),
      carriersNone: h('p', { class: 'hint', 'data-testid': 'chart-carriers-none', hidden: true, text: i18n.t('carriers.none') }),
    };
    this.carrierBox = h('div', { class: 'chart' }, carrierCanvas);
    this.tableCarriers = [];
    this.primaryNet = null;
    this.focus = this.day = this.bars = null;
    this.powerFromEnergy = false;
    this.root.replaceChildren(
      h('h2', { 'data-testid': 'panel-title', 'data-building-id': b.id, text: b.name }),
      h(
        'dl',
        { class: 'facts' },
        h('dt', { text: i18n.t('panel.use') }),
        h('dd', { text: i18n.t(`use.${b.use}`) }),
        b.address ? h('dt', { text: i18n.t('panel.address') }) : null,
        b.address ? h('dd', { text: b.address }) : null,
        h('dt', { text: i18n.t('panel.height') }),
        h('dd', { text: `${i18n.number(b.heightM, 1)} m` }),
      ),
      h('h3', { text: i18n.t('panel.plusStatus.period') }),
      this.titles.period,
      this.slots.balance,
      (this.liveSection = h('section', { 'data-testid': 'panel-live-section', hidden: !this.liveMode }, h('h3', { text: i18n.t('panel.live') }), this.slots.live)),
      h('h3', { text: i18n.t('carriers.title') }),
      this.slots.carriers,
      this.titles.carriers,
      this.carrierBox,
      this.titles.carriersNone,
      this.titles.power,
      h('div', { class: 'chart' }, powerCanvas),
      this.titles.powerNote,
      this.titles.hourly,
      h('div', { class: 'chart' }, dailyCanvas),
      this.titles.bars,
      h('div', { class: 'chart' }, monthlyCanvas),
      h('h3', { text: i18n.t('panel.meters') }),
      this.slots.meters,
    );
    if (this.onImportHistory && historyPoints(ctx.points, b.id).length > 0) {
      const open = h('button', { type: 'button', class: 'history-open', 'data-testid': 'history-open', text: i18n.t('history.open') });
      open.addEventListener('click', () => this.onImportHistory?.(ctx));
      this.root.append(open);
    }
    this.power = new PowerChart(powerCanvas, i18n, this.timeZone);
    this.daily = new EnergyChart(dailyCanvas, i18n, (ts) => i18n.time(ts, this.timeZone));
    this.monthly = new EnergyChart(monthlyCanvas, i18n, (ts) => i18n.day(ts, this.timeZone));
    this.carrierChart = new CarrierChart(carrierCanvas, i18n);
    this.setBalance(undefined);
    this.setLive(undefined);
    this.setStatus(null);
  }

  /** The analysis' overview of the building: the verdict (final and primary energy) with its coverage, never own maths. */
  setBalance(balance: BuildingOverview | undefined): void {
    this.balance = balance;
    const { i18n } = this;
    const el = this.slots.balance;
    if (!balance || balance.verdict.coverage === 0) {
      el.dataset['plus'] = 'unknown';
      el.replaceChildren(h('p', { class: 'badge unknown', text: i18n.t('panel.plus.unknown') }));
      return;
    }
    const plus = balance.verdict.energyPlus;
    el.dataset['plus'] = plus ? 'yes' : 'no';
    el.dataset['provisional'] = String(balance.verdict.provisional);
    const kwh = (v: number): string => `${i18n.number(v, 1)} kWh`;
    const badge = i18n.t(plus ? 'panel.plus.yes' : 'panel.plus.no');
    el.replaceChildren(
      h('p', { class: `badge ${plus ? 'plus' : 'minus'}`, text: badge }),
      balance.verdict.provisional
        ? h('p', { class: 'note provisional', 'data-testid': 'panel-provisional', text: i18n.t('panel.provisional', { coverage: i18n.percent(balance.verdict.coverage) }) })
        : '',
      h(
        'dl',
        {},
        h('dt', { text: i18n.t('panel.net') }),
        h('dd', { 'data-testid': 'panel-net', text: `${balance.finalEnergyNetKwh > 0 ? '+' : ''}${kwh(balance.finalEnergyNetKwh)}` }),
        this.primaryNet === null ? null : h('dt', { text: i18n.t('panel.primaryNet') }),
        this.primaryNet === null ? null : h('dd', { 'data-testid': 'panel-primary-net', text: `${this.primaryNet > 0 ? '+' : ''}${kwh(this.primaryNet)}` }),
        h('dt', { text: i18n.t('panel.generation') }),
        h('dd', { text: kwh(balance.generationKwh) }),
        h('dt', { text: i18n.t('panel.consumption') }),
        h('dd', { text: kwh(balance.consumptionKwh) }),
        h('dt', { text: i18n.t('panel.coverage') }),
        h('dd', { 'data-testid': 'panel-coverage', text: i18n.percent(balance.coverage) }),
      ),
    );
  }

  /**
   * The building in the one analysis of the period: every carrier it balanced (the fuel derived behind metered heat
   * named with its heat supply) and the primary energy; undefined clears them (another period is loading).
   */
  setAnalysis(analysis: BuildingAnalysis | undefined): void {
    if (!this.current || (analysis && analysis.buildingId !== this.current.building.id)) return;
    const { i18n } = this;
    this.primaryNet = analysis ? analysis.energyPlusPeriod.primaryEnergy.total : null;
    this.setBalance(this.balance);
    if (!analysis) {
      this.tableCarriers = [];
      this.slots.carriers.replaceChildren(h('p', { class: 'hint', text: i18n.t('panel.loading') }));
      return;
    }
    const derived = new Set(analysis.heatSupply ? [analysis.heatSupply.carrier] : []);
    const carriers = analysis.balance.carriers.filter((c) => c.coverage.slots > 0);
    this.tableCarriers = carriers.map((c) => c.carrier);
    this.slots.carriers.replaceChildren(carrierTable(i18n, { carriers, heatSupply: analysis.heatSupply, derived }, 'panel-carrier-table'));
  }

  /** Heat and the fuels of the scope's period (hours of the day, days of the week or month, months of the year). */
  setCarriers(series: CarrierSeriesResult, title: string): void {
    if (!this.titles || !this.carrierBox || series.buildingId !== this.current?.building.id) return;
    const { i18n, timeZone } = this;
    const monthShort = dateFormat(i18n.locale, timeZone, { month: 'short' });
    const labelOf = series.step === 'hour' ? (ts: number) => i18n.time(ts, timeZone) : series.step === 'day' ? (ts: number) => i18n.day(ts, timeZone) : (ts: number) => monthShort.format(ts);
    const any = series.carriers.some((c) => c.carrier !== 'electricity');
    this.carrierChart?.set(series, labelOf);
    this.titles.carriers.textContent = title;
    this.titles.carriers.hidden = !any;
    this.carrierBox.hidden = !any;
    this.titles.carriersNone.hidden = any;
    this.root.querySelector('[data-testid="chart-carriers"]')?.setAttribute('aria-label', title);
  }

  setLiveMode(live: boolean): void {
    this.liveMode = live;
    if (this.liveSection) this.liveSection.hidden = !live;
  }

  setLive(sample: PowerSample | undefined): void {
    const { i18n } = this;
    const kw = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '–' : `${i18n.number(v, 2)} kW`);
    this.slots.live.replaceChildren(
      h('dt', { text: i18n.t('panel.grid') }),
      h('dd', { text: kw(sample?.gridKw) }),
      h('dt', { text: i18n.t('panel.generation') }),
      h('dd', { text: kw(sample?.generationKw) }),
      h('dt', { text: i18n.t('panel.consumption') }),
      h('dd', { text: kw(sample?.consumptionKw) }),
    );
    if (sample) this.slots.live.dataset['ts'] = String(sample.ts);
  }

  /** Meter list with each device's polling state from the collector. */
  setStatus(status: CollectorStatus | null): void {
    const ctx = this.current;
    if (!ctx) return;
    const { i18n } = this;
    const health = new Map(status?.devices.map((d) => [d.deviceId, d]) ?? []);
    const devices = ctx.devices.filter((d) => d.buildingId === ctx.building.id);
    this.slots.meters.replaceChildren(
      ...devices.map((d) => {
        const state: DeviceState = health.get(d.id)?.state ?? 'unknown';
        const count = ctx.points.filter((p) => p.deviceId === d.id).length;
        return h(
          'li',
          { 'data-device-id': d.id },
          h('span', { class: `state ${state}`, text: i18n.t(`device.${state}`) }),
          h('span', { class: 'name', text: d.name }),
          h('span', { class: 'detail', text: `${d.protocol} · ${i18n.t('panel.points', { count })}` }),
        );
      }),
    );
  }

  /** Names the period the balance covers (the time bar's period). */
  setPeriod(label: string): void {
    if (this.titles) this.titles.period.textContent = this.i18n.t('panel.period', { period: label });
  }

  /**
   * One day at quarter-hour resolution (with its raw power samples): the power curve (quarter-hour averages where
   * no raw samples are kept) and the energy per hour; the marker stands at focus.
   */
  setDay(series: BuildingSeries, day: Span, focus: number): void {
    if (!this.titles) return;
    const label = dayLabel(this.i18n.locale, day.from, this.timeZone);
    this.day = day;
    this.focus = focus;
    const power = dayPower(series.energy, series.power);
    this.powerFromEnergy = power.averaged;
    this.power?.setDay(power.samples, day.from, day.to, focus);
    this.daily?.set(hourlyBuckets(series.energy));
    this.daily?.setFocus(focus - 1);
    this.titles.power.textContent = this.i18n.t('chart.power.day', { day: label });
    this.titles.hourly.textContent = this.i18n.t('chart.hourly.day', { day: label });
    this.titles.powerNote.hidden = !this.powerFromEnergy;
    this.canvasLabel('chart-power', this.titles.power.textContent, focus);
    this.canvasLabel('chart-daily', this.titles.hourly.textContent, focus);
  }

  /** Days of a month or months of a year, the bar holding focus outlined. */
  setBars(series: BuildingSeries, bars: Span & { readonly resolution: 'day' | 'month' }, focus: number): void {
    if (!this.titles) return;
    const { i18n, timeZone } = this;
    this.bars = bars;
    const byMonth = bars.resolution === 'month';
    const monthShort = dateFormat(i18n.locale, timeZone, { month: 'short' });
    this.monthly?.set(series.energy, byMonth ? (ts) => monthShort.format(ts) : (ts) => i18n.day(ts, timeZone));
    this.monthly?.setFocus(focus - 1);
    this.titles.bars.textContent = byMonth
      ? i18n.t('chart.bars.year', { year: yearLabel(i18n.locale, bars.from, timeZone) })
      : i18n.t('chart.bars.month', { month: monthLabel(i18n.locale, bars.from, timeZone) });
    this.canvasLabel('chart-monthly', this.titles.bars.textContent, focus);
  }

  /** Moves the marker and the outlined bars without new data (the slider moved inside the loaded windows). */
  setFocus(focus: number): void {
    this.focus = focus;
    this.power?.setMarker(focus);
    this.daily?.setFocus(focus - 1);
    this.monthly?.setFocus(focus - 1);
  }

  chartsView(): PanelChartsView {
    const t = this.titles;
    return {
      buildingId: this.buildingId,
      focus: this.focus,
      day: this.day,
      bars: this.bars,
      hourly: this.daily?.data ?? null,
      barsData: this.monthly?.data ?? null,
      powerFromEnergy: this.powerFromEnergy,
      titles: { power: t?.power.textContent ?? '', hourly: t?.hourly.textContent ?? '', bars: t?.bars.textContent ?? '', period: t?.period.textContent ?? '', carriers: t?.carriers.textContent ?? '' },
      carriers: { table: this.tableCarriers, chart: this.carrierChart?.shown.carriers ?? [], chartBuckets: this.carrierChart?.shown.buckets ?? 0 },
    };
  }

  /** The canvas's accessible name says what it shows and where the time bar stands. */
  private canvasLabel(testid: string, title: string, focus: number): void {
    const canvas = this.root.querySelector(`[data-testid="${testid}"]`);
    canvas?.setAttribute('aria-label', `${title}; ${this.i18n.t('chart.marker', { at: this.i18n.dateTime(focus, this.timeZone) })}`);
  }

  appendLive(sample: PowerSample): void {
    this.power?.append(sample);
    this.setLive(sample);
  }

  chartPointCounts(): ChartPoints {
    return {
      power: this.power?.pointCount ?? 0,
      daily: this.daily?.pointCount ?? 0,
      monthly: this.monthly?.pointCount ?? 0,
      powerSpan: this.power?.span ?? null,
    };
  }

  private destroyCharts(): void {
    this.power?.destroy();
    this.daily?.destroy();
    this.monthly?.destroy();
    this.carrierChart?.destroy();
    this.carrierChart = null;
    this.power = this.daily = this.monthly = null;
    this.titles = null;
  }
}
