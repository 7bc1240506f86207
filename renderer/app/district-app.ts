/**
 * Wires the API to the scene and the panels: loads the district, colours buildings by the chosen metric over
 * "today" (local midnight of the collector's clock to now), follows status and live events, and keeps the selected
 * building's panel and charts fresh. All API traffic of the UI goes through here.
 */
import { historyPoints, openHistoryDialog } from '../panels/history-dialog.js';
import type { BuildingOverview, CollectorStatus, DistrictView, PlusTwinApi, PowerSample } from '../../models/contract/index.js';
import type { Result } from '../../models/result.js';
import type { ConnectionState } from '../api/http-client.js';
import type { I18n } from '../i18n/i18n.js';
import { COLOR_METRICS, metricScale, metricValue, type ColorMetric } from '../metrics/building-metrics.js';
import { BuildingList } from '../panels/building-list.js';
import { BuildingPanel } from '../panels/building-panel.js';
import { h } from '../panels/dom.js';
import { renderLegend } from '../panels/legend.js';
import { StatusLine } from '../panels/status-line.js';
import { LateDevices } from './late-devices.js';
import { TimeControl } from '../panels/time-control.js';
import { DistrictDashboard } from '../panels/district-dashboard.js';
import { activeAlarms, AlarmList } from '../panels/alarms.js';
import { PanelReplay, type ReplayPosition } from '../panels/panel-replay.js';
import { BuildingCosts } from '../panels/building-costs.js';
import { openTariffsDialog } from '../panels/tariffs-dialog.js';
import { LatestLoader } from '../time/latest-loader.js';
import { windowMaxAge } from '../time/replay-windows.js';
import { rgbToCss } from '../scene/color-scale.js';
import { DistrictScene, type SceneTheme } from '../scene/district-scene.js';
import { pvSystems } from '../scene/pv-systems.js';
import { FlatDistrictMap } from '../scene/flat-district-map.js';
import { webgl2Available } from '../scene/webgl-support.js';
import { safeTimeZone, startOfDay } from '../time/zoned-time.js';
import type { DebugInfo } from './debug-hooks.js';
import { AssetMapView } from './asset-map-view.js';
import { showSkipped } from './skipped-notice.js';
import { DeviceApiError, errorText } from '../devices/devices-api.js';

export interface AppElements {
  readonly canvas: HTMLCanvasElement;
  readonly list: HTMLElement;
  readonly panel: HTMLElement;
  readonly status: HTMLElement;
  readonly legend: HTMLElement;
  readonly metricSelect: HTMLSelectElement;
  /** Where the replay control (day/month/year slider, play, live) goes. */
  readonly timeBar: HTMLElement;
  /** The district dashboard (KPIs, energy-plus status, flows) over the same period. */
  readonly dashboard: HTMLElement;
  /** Devices that do not answer. */
  readonly alarms: HTMLElement;
  readonly notice: HTMLElement;
}

const BALANCE_REFRESH_MS = 3000;
const SERIES_REFRESH_MS = 10_000;

export class DistrictApp {
  private district: DistrictView | null = null;
  private status: CollectorStatus | null = null;
  private statusAt = 0;
  private balances = new Map<string, BuildingOverview>();
  private latestLive = new Map<string, PowerSample>();
  private metric: ColorMetric = 'net';
  private timeZone = 'UTC';
  /** The 3D district, or its 2D map where the browser has no WebGL 2. */
  private scene: DistrictScene | FlatDistrictMap;
  private list: BuildingList;
  private panel: BuildingPanel | null = null;
  private statusLine: StatusLine | null = null;
  private readonly lateDevices = new LateDevices(
    () => new Set(this.district?.devices.map((d) => d.id) ?? []),
    async () => {
      await this.reloadDistrict();
      // the building shown when the new district has arrived, not when the reload began: a click meanwhile wins
      const id = this.panel?.buildingId;
      if (id) await this.select(id);
      this.lateDeviceReloads++;
    },
  );
  private lateDeviceReloads = 0;
  private alarmList: AlarmList | null = null;
  private time: TimeControl | null = null;
  private dashboard: DistrictDashboard | null = null;
  /** Panel charts, dashboard and implausible alarms at the time bar's position. */
  private replay: PanelReplay | null = null;
  private costs: BuildingCosts | null = null;
  private balanceTimer: ReturnType<typeof setTimeout> | null = null;
  private seriesTimer: ReturnType<typeof setInterval> | null = null;
  private lastBalanceFetch = 0;
  /** Only the newest balance answer is shown: replay moves faster than some answers come back. */
  private readonly balanceLoader = new LatestLoader<{ from: number; to: number }, readonly BuildingOverview[]>({
    load: (p) => this.unwrap(this.api.call('district.balances', p), false),
    keyOf: (p) => `${p.from}|${p.to}`,
  });
  private ready = false;
  private error: string | null = null;
  /** Charge points and street lights on the 3D map (none on the flat map). */
  private assets: AssetMapView | null = null;

  constructor(
    private readonly api: PlusTwinApi,
    private readonly onConnection: (listener: (state: ConnectionState) => void) => () => void,
    private readonly els: AppElements,
    private readonly i18n: I18n,
    theme: SceneTheme,
    private readonly transport: 'electron' | 'http',
  ) {
    this.scene = this.createScene(theme);
    this.list = new BuildingList(els.list, i18n, (id) => void this.select(id));
    this.setupMetricSelect();
    this.setupCanvasClicks();
  }

  private createScene(theme: SceneTheme): DistrictScene | FlatDistrictMap {
    if (webgl2Available(document)) {
      try {
        return new DistrictScene({ canvas: this.els.canvas, theme });
      } catch (e) {
        console.warn(`3D view unavailable: ${(e as Error).message}`);
      }
    }
    // everything else (list, panels, dashboard) works as before; the map says why it is flat
    this.els.canvas.setAttribute('aria-label', this.i18n.t('scene.flatLabel'));
    this.els.canvas.after(h('p', { class: 'scene-notice', role: 'status', 'data-testid': 'no-webgl', text: this.i18n.t('scene.noWebgl') }));
    return new FlatDistrictMap(this.els.canvas, theme);
  }

  async start(): Promise<void> {
    const district = await this.unwrap(this.api.call('district.get', {}));
    const status = await this.unwrap(this.api.call('status.get', {}));
    if (!district || !status) return;
    this.district = district;
    this.timeZone = safeTimeZone(district.site.timezone);
    this.statusLine = new StatusLine(this.els.status, this.i18n, this.timeZone);
    this.dashboard = new DistrictDashboard(this.els.dashboard, this.i18n, this.timeZone);
    this.alarmList = new AlarmList(this.els.alarms, this.i18n, this.timeZone, (id) => void this.select(id));
    this.panel = new BuildingPanel(this.els.panel, this.i18n, this.timeZone, (ctx) => {
      void openHistoryDialog(this.api, this.i18n, this.timeZone, historyPoints(ctx.points, ctx.building.id), () => void this.reloadDistrict(ctx.building.id), this.district?.devices);
    });
    // a saved tariff changes the costs: the analysis is asked again for the same position
    this.costs = new BuildingCosts(this.i18n, this.timeZone, (b) => void openTariffsDialog(this.api, this.i18n, b, () => this.replay?.refreshAnalysis()));
    this.replay = new PanelReplay(
      this.api,
      { panel: () => this.panel, dashboard: this.dashboard, alarms: () => this.alarmList, district: () => this.district, costs: () => this.costs },
      this.i18n,
      this.timeZone,
    );
    this.time = new TimeControl(this.els.timeBar, this.i18n, this.timeZone, () => this.now(), () => void this.refreshBalances());
    this.onStatus(status);
    const skipped = this.scene.setDistrict(district.site.origin, district.buildings, { pv: pvSystems(district.buildings, district.points) });
    if (this.scene instanceof DistrictScene) this.assets = new AssetMapView(this.api, this.scene, district.site.origin, this.els.legend, this.i18n);
    // modelled roofs come in a second call, so that a large district shows before they are read
    void this.loadRoofShapes();
    showSkipped(this.els.notice, this.i18n, skipped, district.buildings);
    this.list.render(district.buildings);
    this.onConnection((state) => this.statusLine?.setConnection(state));
    this.api.on('status', (s) => this.onStatus(s));
    this.api.on('live', (live) => this.onLive(live));
    await this.refreshBalances();
    this.seriesTimer = setInterval(() => void this.refreshSeries(), SERIES_REFRESH_MS);
    this.ready = true;
  }

  setShadows(on: boolean): void {
    this.scene.setShadows(on);
  }

  /** Switches the scene and re-creates the charts so that their colours follow the theme. */
  setTheme(theme: SceneTheme): void {
    this.scene.setTheme(theme);
    const id = this.panel?.buildingId;
    if (id) void this.select(id);
  }

  debugInfo(): DebugInfo {
    const state = (): { ready: boolean; error: string | null } => ({ ready: this.ready, error: this.error });
    return Object.freeze({
      get ready() {
        return state().ready;
      },
      get error() {
        return state().error;
      },
      transport: this.transport,
      apiBuildingCount: () => this.district?.buildings.length ?? 0,
      sceneBuildingCount: () => this.scene.buildingCount,
      buildingIds: () => this.scene.buildingIds,
      selectedId: () => this.scene.selected,
      lateDeviceReloads: () => this.lateDeviceReloads,
      drawCalls: () => {
        this.scene.render();
        return this.scene instanceof DistrictScene ? this.scene.renderer.info.render.calls : 0;
      },
      memory: () => {
        if (!(this.scene instanceof DistrictScene)) return { geometries: 0, textures: 0, programs: 0 };
        const info = this.scene.renderer.info;
        return { geometries: info.memory.geometries, textures: info.memory.textures, programs: info.programs?.length ?? 0 };
      },
      chartPoints: () => this.panel?.chartPointCounts() ?? { power: 0, daily: 0, monthly: 0, powerSpan: null },
      panelCharts: () => this.panel?.chartsView() ?? null,
      replayCalls: () => this.replay?.callCounts() ?? { day: 0, bars: 0, analysis: 0, implausible: 0 },
      shadows: () => this.scene.shadows,
      screenPositionOf: (id: string) => this.scene.screenPositionOf(id),
      pickAt: (x: number, y: number) => this.scene.pickAtClient(x, y),
      metric: () => this.metric,
      modelledRoof: (id: string) => this.scene.slot(id)?.modelledRoof ?? false,
      silhouette: (id: string, azimuthDeg: number, elevationDeg: number) => this.scene.silhouette(id, azimuthDeg, elevationDeg),
      assetMarkers: () => this.assets?.markers() ?? [],
      assetScreenPositionOf: (id: string) => this.assets?.screenPositionOf(id) ?? null,
      lightLevel: (id: string) => this.assets?.lightLevel(id) ?? null,
      districtBox: () => {
        if (!(this.scene instanceof DistrictScene)) return null;
        const box = this.scene.projectedDistrictBox();
        const r = this.els.canvas.getBoundingClientRect();
        return box && { box, canvas: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
      },
      viewDirection: () => (this.scene instanceof DistrictScene ? this.scene.viewDirection() : null),
    });
  }

  private async loadRoofShapes(): Promise<void> {
    const shapes = await this.unwrap(this.api.call('district.roofShapes', {}), false);
    if (shapes && shapes.length > 0) this.scene.setRoofShapes(shapes);
  }

  /** Re-reads the district after its devices changed (renderer/devices) and shows that building on the map. */
  async reloadDistrict(selectId?: string): Promise<void> {
    const district = await this.unwrap(this.api.call('district.get', {}), false);
    if (!district) return;
    const before = pvSystems(this.district?.buildings ?? [], this.district?.points ?? []);
    const pv = pvSystems(district.buildings, district.points);
    this.district = district;
    // a new or removed inverter puts panels on a roof or takes them off
    if (JSON.stringify([...pv]) !== JSON.stringify([...before])) this.scene.setPvSystems(pv);
    if (selectId) await this.select(selectId);
  }

  /** Re-reads the district after an import added or changed buildings, and draws it anew. */
  async reloadBuildings(): Promise<void> {
    const district = await this.unwrap(this.api.call('district.get', {}), false);
    if (!district) return;
    this.district = district;
    const skipped = this.scene.setDistrict(district.site.origin, district.buildings, { pv: pvSystems(district.buildings, district.points) });
    showSkipped(this.els.notice, this.i18n, skipped, district.buildings);
    void this.loadRoofShapes();
    this.list.render(district.buildings);
    this.recolor();
  }

  async select(id: string): Promise<void> {
    const d = this.district;
    const building = d?.buildings.find((b) => b.id === id);
    if (!d || !building || !this.panel) return;
    this.scene.select(id);
    this.list.setSelected(id);
    this.panel.show({ building, devices: d.devices, points: d.points });
    this.panel.setBalance(this.balances.get(id));
    this.panel.setStatus(this.status);
    this.panel.setLive(this.latestLive.get(id));
    this.panel.setLiveMode(this.time?.isLive ?? true);
    this.costs?.attach(this.els.panel, building);
    this.replay?.selectionChanged();
  }

  /** The collector's clock now, extrapolated between status events with its speed. */
  private now(): number {
    if (!this.status) return Date.now();
    return this.status.now + (Date.now() - this.statusAt) * Math.max(0, this.status.speed);
  }

  private onStatus(status: CollectorStatus): void {
    this.status = status;
    this.statusAt = Date.now();
    this.statusLine?.setStatus(status);
    this.panel?.setStatus(status);
    this.alarmList?.show(activeAlarms(status, this.district));
    if (this.ready) void this.lateDevices.seen(status.devices);
    this.scheduleBalances();
  }

  private onLive(live: { readonly ts: number; readonly buildings: Readonly<Record<string, PowerSample>> }): void {
    for (const [id, sample] of Object.entries(live.buildings)) this.latestLive.set(id, sample);
    const selected = this.panel?.buildingId;
    const sample = selected ? live.buildings[selected] : undefined;
    if (sample) this.panel?.appendLive(sample);
  }

  private scheduleBalances(): void {
    if (this.balanceTimer || !this.district) return;
    const wait = Math.max(0, this.lastBalanceFetch + BALANCE_REFRESH_MS - Date.now());
    this.balanceTimer = setTimeout(() => {
      this.balanceTimer = null;
      void this.refreshBalances();
    }, wait);
  }

  private async refreshBalances(): Promise<void> {
    this.lastBalanceFetch = Date.now();
    const now = this.now();
    const today = { from: startOfDay(now, this.timeZone), to: Math.max(startOfDay(now, this.timeZone) + 1, now) };
    const { from, to } = this.time?.period() ?? today;
    this.replay?.update(this.replayPosition({ from, to }, now));
    // lights lit or dimmed at the slider's time; charge point states as they are now
    void this.assets?.update(this.time?.isLive === false ? to : now);
    this.panel?.setLiveMode(this.time?.isLive ?? true);
    // dragging or playing the slider: one call at a time, the newest position wins, periods seen come from the cache
    await this.balanceLoader.request(
      { from, to },
      (balances) => {
        this.balances = new Map(balances.map((b) => [b.buildingId, b]));
        this.recolor();
        const selected = this.panel?.buildingId;
        if (selected) this.panel?.setBalance(this.balances.get(selected));
      },
      windowMaxAge({ from, to }, now, BALANCE_REFRESH_MS),
    );
  }

  private recolor(): void {
    const d = this.district;
    if (!d) return;
    const values = new Map(
      this.scene.buildingIds.map((id) => [
        id,
        metricValue(this.metric, this.balances.get(id)),
      ]),
    );
    const scale = metricScale(this.metric, [...values.values()]);
    this.scene.setColors((id) => scale.color(values.get(id) ?? null));
    for (const b of d.buildings) {
      const v = values.get(b.id) ?? null;
      this.list.setColor(b.id, rgbToCss(scale.color(v)), v === null ? this.i18n.t('legend.noData') : this.i18n.number(v, 1));
    }
    renderLegend(this.els.legend, this.i18n, this.metric, scale);
  }

  private replayPosition(period: { from: number; to: number }, now: number): ReplayPosition {
    return { scope: this.time?.scopeName ?? 'day', live: this.time?.isLive ?? true, period, now, frame: this.time?.frameSpan() ?? period };
  }

  /** The panel's charts for a newly selected building, or again on the live refresh tick. */
  private async refreshSeries(): Promise<void> {
    if (!this.panel?.buildingId || !this.time) return;
    const now = this.now();
    this.replay?.update(this.replayPosition(this.time.period(), now));
  }

  private setupMetricSelect(): void {
    const select = this.els.metricSelect;
    select.replaceChildren(...COLOR_METRICS.map((m) => h('option', { value: m, text: this.i18n.t(`metric.${m}`) })));
    select.value = this.metric;
    select.addEventListener('change', () => {
      this.metric = COLOR_METRICS.find((m) => m === select.value) ?? 'net';
      this.recolor();
    });
  }

  /** A click selects; a drag (the orbit camera) does not. */
  private setupCanvasClicks(): void {
    let down: { x: number; y: number } | null = null;
    this.els.canvas.addEventListener('pointerdown', (e) => {
      down = { x: e.clientX, y: e.clientY };
    });
    this.els.canvas.addEventListener('pointerup', (e) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return;
      down = null;
      const id = this.scene.pickAtClient(e.clientX, e.clientY);
      if (id) void this.select(id);
    });
  }

  private async unwrap<T>(pending: Promise<Result<T>>, fatal = true): Promise<T | null> {
    const result = await pending;
    if (result.ok) return result.value;
    // a coded failure in the user's language; anything else as the core says it
    const message = result.error.code ? errorText(new DeviceApiError(result.error), this.i18n) : `${result.error.message}${result.error.where ? ` (${result.error.where})` : ''}`;
    if (fatal) {
      this.error = message;
      this.els.notice.textContent = this.i18n.t('app.error', { message });
      this.els.notice.classList.add('error');
    } else {
      console.warn('PlusTwin API:', message);
    }
    return null;
  }

  dispose(): void {
    this.time?.dispose();
    this.replay?.dispose();
    this.balanceLoader.dispose();
    if (this.balanceTimer) clearTimeout(this.balanceTimer);
    if (this.seriesTimer) clearInterval(this.seriesTimer);
    this.assets?.dispose();
    this.scene.dispose();
  }
}
