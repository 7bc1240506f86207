/**
 * The selected building: identity, today's balance with its energy-plus status and data coverage, live power,
 * its meters with their polling state, and three charts (power today, energy per hour today, per day this month).
 */
import type { BuildingBalance, BuildingSeries, CollectorStatus, DeviceState, PowerSample } from '../../models/contract.js';
import type { Building, Device, Point } from '../../models/types.js';
import { EnergyChart } from '../charts/energy-chart.js';
import { PowerChart } from '../charts/power-chart.js';
import type { I18n } from '../i18n/i18n.js';
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

export class BuildingPanel {
  private power: PowerChart | null = null;
  private daily: EnergyChart | null = null;
  private monthly: EnergyChart | null = null;
  private current: PanelContext | null = null;
  private readonly slots: Record<'balance' | 'live' | 'meters', HTMLElement>;

  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
  ) {
    this.slots = { balance: h('div'), live: h('div'), meters: h('div') };
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
    this.slots.balance = h('div', { class: 'balance', 'data-testid': 'panel-balance' });
    this.slots.live = h('dl', { class: 'live', 'data-testid': 'panel-live' });
    this.slots.meters = h('ul', { class: 'meters', 'data-testid': 'panel-meters' });
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
      h('h3', { text: i18n.t('panel.plusStatus') }),
      this.slots.balance,
      h('h3', { text: i18n.t('panel.live') }),
      this.slots.live,
      h('h3', { text: i18n.t('chart.power') }),
      h('div', { class: 'chart' }, powerCanvas),
      h('h3', { text: i18n.t('chart.daily') }),
      h('div', { class: 'chart' }, dailyCanvas),
      h('h3', { text: i18n.t('chart.monthly') }),
      h('div', { class: 'chart' }, monthlyCanvas),
      h('h3', { text: i18n.t('panel.meters') }),
      this.slots.meters,
    );
    this.power = new PowerChart(powerCanvas, i18n, this.timeZone);
    this.daily = new EnergyChart(dailyCanvas, i18n, (ts) => i18n.time(ts, this.timeZone));
    this.monthly = new EnergyChart(monthlyCanvas, i18n, (ts) => i18n.day(ts, this.timeZone));
    this.setBalance(undefined);
    this.setLive(undefined);
    this.setStatus(null);
  }

  setBalance(balance: BuildingBalance | undefined): void {
    const { i18n } = this;
    const el = this.slots.balance;
    if (!balance) {
      el.dataset['plus'] = 'unknown';
      el.replaceChildren(h('p', { class: 'badge unknown', text: i18n.t('panel.plus.unknown') }));
      return;
    }
    const plus = balance.netKwh > 0;
    el.dataset['plus'] = plus ? 'yes' : 'no';
    const kwh = (v: number): string => `${i18n.number(v, 1)} kWh`;
    el.replaceChildren(
      h('p', { class: `badge ${plus ? 'plus' : 'minus'}`, text: i18n.t(plus ? 'panel.plus.yes' : 'panel.plus.no') }),
      h(
        'dl',
        {},
        h('dt', { text: i18n.t('panel.net') }),
        h('dd', { 'data-testid': 'panel-net', text: `${balance.netKwh > 0 ? '+' : ''}${kwh(balance.netKwh)}` }),
        h('dt', { text: i18n.t('panel.generation') }),
        h('dd', { text: kwh(balance.generationKwh) }),
        h('dt', { text: i18n.t('panel.consumption') }),
        h('dd', { text: kwh(balance.consumptionKwh) }),
        h('dt', { text: i18n.t('panel.coverage') }),
        h('dd', { 'data-testid': 'panel-coverage', text: i18n.percent(balance.coverage) }),
      ),
    );
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

  /** Series of today (power samples + hourly energy); dayStart bounds the power chart. */
  setToday(series: BuildingSeries, dayStart: number): void {
    this.power?.set(series.power, dayStart);
    this.daily?.set(series.energy);
  }

  setMonth(series: BuildingSeries): void {
    this.monthly?.set(series.energy);
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
    this.power = this.daily = this.monthly = null;
  }
}
