/**
 * Keeps the building panel's charts, the district dashboard and the implausible-value alarms on the time bar's
 * position: in replay they show the window at the slider, live they follow the polling. Each of the four views
 * loads through its own LatestLoader, so dragging or playing the slider costs at most one call per view at a time,
 * windows already seen come from the cache, and a late answer for an old position never replaces a newer one.
 */
import type { BuildingSeries, CarrierSeriesArgs, CarrierSeriesResult, DistrictAnalysis, DistrictView, ImplausibleInterval, PlusTwinApi } from '../../models/contract/index.js';
import type { Result } from '../../models/result.js';
import type { I18n } from '../i18n/i18n.js';
import { analysisWindow } from '../time/analysis-window.js';
import { LatestLoader } from '../time/latest-loader.js';
import { carrierStep, carrierTitle } from '../time/carrier-window.js';
import { rangeLabel } from '../time/period-label.js';
import { panelWindows, spanKey, windowMaxAge } from '../time/replay-windows.js';
import type { TimeScope } from '../time/time-window.js';
import type { AlarmList } from './alarms.js';
import type { BuildingPanel } from './building-panel.js';
import type { BuildingCosts } from './building-costs.js';
import type { DistrictDashboard } from './district-dashboard.js';
import { implausibleAlarms, implausibleWindow } from './implausible-alarms.js';

/** Where the time bar stands. */
export interface ReplayPosition {
  readonly scope: TimeScope;
  readonly live: boolean;
  /** The time bar's period: the scope's start to the slider's instant (now when live). */
  readonly period: { readonly from: number; readonly to: number };
  /** The collector's clock. */
  readonly now: number;
  /** The whole day, week, month or year the slider moves in. */
  readonly frame: { readonly from: number; readonly to: number };
}

export interface ReplayViews {
  readonly panel: () => BuildingPanel | null;
  readonly dashboard: DistrictDashboard;
  readonly alarms: () => AlarmList | null;
  readonly district: () => DistrictView | null;
  /** The selected building's costs (building-costs.ts), fed with the dashboard's analysis. */
  readonly costs?: () => BuildingCosts | null;
}

interface SeriesArgs {
  readonly buildingId: string;
  readonly from: number;
  readonly to: number;
  readonly resolution: '15min' | 'day' | 'month';
}

/** Windows reaching now are loaded again after this long (the live refresh runs every few seconds). */
const LIVE_MAX_AGE_MS = 8000;
/** The analysis is heavier: live, at most every 30 s. */
const LIVE_ANALYSIS_MAX_AGE_MS = 30_000;

export class PanelReplay {
  private readonly day: LatestLoader<SeriesArgs, BuildingSeries>;
  private readonly bars: LatestLoader<SeriesArgs, BuildingSeries>;
  private readonly analysis: LatestLoader<ReturnType<typeof analysisWindow>, DistrictAnalysis>;
  private readonly implausible: LatestLoader<{ from: number; to: number }, readonly ImplausibleInterval[]>;
  /** Heat and fuels of the selected building and of the district over the scope's frame. */
  private readonly carriers: LatestLoader<CarrierSeriesArgs, CarrierSeriesResult>;
  private readonly districtCarriers: LatestLoader<CarrierSeriesArgs, CarrierSeriesResult>;
  private position: ReplayPosition | null = null;
  /** The day series the panel shows, so that a slider step inside it only moves the marker. */
  private shownDay: BuildingSeries | null = null;
  private shownBars: BuildingSeries | null = null;

  constructor(
    api: PlusTwinApi,
    private readonly views: ReplayViews,
    private readonly i18n: I18n,
    private readonly timeZone: string,
  ) {
    const value = async <T>(pending: Promise<Result<T>>, what: string): Promise<T | null> => {
      const r = await pending;
      if (r.ok) return r.value;
      console.warn(`PlusTwin API (${what}):`, r.error.message);
      return null;
    };
    const seriesKey = (a: SeriesArgs) => `${a.buildingId}|${spanKey(a.resolution, a)}`;
    this.day = new LatestLoader({ load: (a) => value(api.call('building.series', a), 'day'), keyOf: seriesKey });
    this.bars = new LatestLoader({ load: (a) => value(api.call('building.series', a), 'bars'), keyOf: seriesKey });
    this.analysis = new LatestLoader({
      load: async (w) => {
        const r = await api.call('district.analysis', w);
        if (!r.ok) this.views.dashboard.showError(r.error.message);
        return r.ok ? r.value : null;
      },
      keyOf: (w) => spanKey(w.resolution, w),
      capacity: 16,
    });
    this.implausible = new LatestLoader({ load: (w) => value(api.call('alarms.implausible', w), 'alarms'), keyOf: (w) => spanKey('', w) });
    const carrierKey = (a: CarrierSeriesArgs) => `${a.buildingId ?? ''}|${spanKey(a.step, a)}`;
    this.carriers = new LatestLoader({ load: (a) => value(api.call('carriers.series', a), 'carriers'), keyOf: carrierKey });
    this.districtCarriers = new LatestLoader({ load: (a) => value(api.call('carriers.series', a), 'district carriers'), keyOf: carrierKey, capacity: 16 });
  }

  /** The time bar moved, or the live refresh ticked: every view follows. */
  update(position: ReplayPosition): void {
    this.position = position;
    this.updatePanel();
    this.updateDashboard();
    this.updateAlarms();
  }

  /** Stored inputs of the analysis changed (a tariff was saved): forget its cached windows and load again. */
  refreshAnalysis(): void {
    this.analysis.clear();
    this.updateDashboard();
  }

  /** Another building is shown in the panel: load its windows at the current position. */
  selectionChanged(): void {
    this.shownDay = this.shownBars = null;
    this.views.panel()?.setAnalysis(undefined);
    this.updatePanel();
    // the analysis of the position is cached: the new building's carriers and primary energy show at once
    this.updateDashboard();
  }

  /** Calls made so far per view (the debug hook shows them: playing a day must not flood the core). */
  callCounts(): { readonly day: number; readonly bars: number; readonly analysis: number; readonly implausible: number } {
    return { day: this.day.callCount, bars: this.bars.callCount, analysis: this.analysis.callCount, implausible: this.implausible.callCount };
  }

  dispose(): void {
    for (const l of [this.day, this.bars, this.analysis, this.implausible, this.carriers, this.districtCarriers]) l.dispose();
  }

  private label(from: number, to: number): string {
    return rangeLabel(this.i18n.locale, from, to, this.timeZone);
  }

  /** The position's period on the analysis' grid: what every view of the screen names and shows. */
  private shown(pos: ReplayPosition): { from: number; to: number } {
    const w = analysisWindow(pos.period.from, pos.period.to);
    return { from: w.from, to: w.to };
  }

  private updatePanel(): void {
    const pos = this.position;
    const panel = this.views.panel();
    const buildingId = panel?.buildingId;
    if (!pos || !panel || !buildingId) return;
    const focus = pos.period.to;
    const w = panelWindows(pos.scope, focus, this.timeZone);
    const shown = this.shown(pos);
    panel.setPeriod(this.label(shown.from, shown.to));
    panel.setFocus(focus);
    const shows = (p: BuildingPanel | null): p is BuildingPanel => p !== null && p.buildingId === buildingId;
    this.day.request(
      { buildingId, ...w.day, resolution: '15min' },
      (series) => {
        const p = this.views.panel();
        if (!shows(p) || series === this.shownDay) return;
        this.shownDay = series;
        p.setDay(series, w.day, focus);
        p.setFocus(this.position?.period.to ?? focus);
      },
      windowMaxAge(w.day, pos.now, LIVE_MAX_AGE_MS),
    );
    this.bars.request(
      { buildingId, from: w.bars.from, to: w.bars.to, resolution: w.bars.resolution },
      (series) => {
        const p = this.views.panel();
        if (!shows(p) || series === this.shownBars) return;
        this.shownBars = series;
        p.setBars(series, w.bars, focus);
        p.setFocus(this.position?.period.to ?? focus);
      },
      windowMaxAge(w.bars, pos.now, LIVE_MAX_AGE_MS),
    );
    const step = carrierStep(pos.scope);
    const title = carrierTitle(this.i18n, step, pos.frame, this.timeZone);
    this.carriers.request(
      { buildingId, from: pos.frame.from, to: pos.frame.to, step },
      (series) => {
        const p = this.views.panel();
        if (shows(p)) p.setCarriers(series, title);
      },
      windowMaxAge(pos.frame, pos.now, LIVE_ANALYSIS_MAX_AGE_MS),
    );
  }

  private updateDashboard(): void {
    const pos = this.position;
    if (!pos) return;
    const w = analysisWindow(pos.period.from, pos.period.to);
    const maxAge = w.to > pos.now - 15 * 60 * 1000 ? LIVE_ANALYSIS_MAX_AGE_MS : Infinity;
    this.analysis.request(
      w,
      (a) => {
        this.views.dashboard.show(a, this.label(a.period.from, a.period.to));
        const panel = this.views.panel();
        const id = panel?.buildingId;
        if (id) panel?.setAnalysis(a.buildings.find((b) => b.buildingId === id));
        this.views.costs?.()?.show(a);
      },
      maxAge,
    );
    const step = carrierStep(pos.scope);
    const title = carrierTitle(this.i18n, step, pos.frame, this.timeZone);
    this.districtCarriers.request(
      { from: pos.frame.from, to: pos.frame.to, step },
      (series) => this.views.dashboard.setCarriers(series, title),
      windowMaxAge(pos.frame, pos.now, LIVE_ANALYSIS_MAX_AGE_MS),
    );
  }

  private updateAlarms(): void {
    const pos = this.position;
    if (!pos) return;
    const shown = this.shown(pos);
    const w = implausibleWindow(pos.live, shown, pos.now);
    // the same period as every other view names; live, the running quarter hour is searched too (a spike read a
    // moment ago) and the note says so
    const period = this.label(shown.from, shown.to);
    this.implausible.request(
      w,
      (intervals) =>
        this.views.alarms()?.showImplausible(
          implausibleAlarms(intervals, this.views.district(), undefined, this.i18n.lang),
          this.i18n.t(pos.live ? 'alarms.implausible.periodLive' : 'alarms.implausible.period', { period }),
        ),
      windowMaxAge(w, pos.now, LIVE_MAX_AGE_MS),
    );
  }
}
