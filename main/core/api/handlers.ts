/** The core's side of the contract: each method's work, on validated arguments. */
import type { AppInfo } from '../../../models/contract/index.js';
import type { Store } from '../store/store.js';
import type { Collector } from '../ingest/collector/collector.js';
import type { Handlers } from './dispatch.js';
import { ApiFailure, notFound } from '../base/failure.js';
import type { Result } from '../../../models/result.js';
import { listFactorSets } from '../analysis/factor-sets.js';
import { analyseDistrict, DEFAULT_MIN_COVERAGE } from '../analysis/district-analysis.js';
import { districtOverview } from '../analysis/district-overview.js';
import { storeHeatSupply } from '../analysis/store-heat-supply.js';
import { districtCo2Path } from '../analysis/co2-path.js';
import { districtPvPotential, roofsFor } from '../analysis/district-pv.js';
import { runDistrictScenario } from '../analysis/scenario.js';
import { essenWeather } from '../analysis/weather.js';
import { localParts } from '../analysis/local-time.js';
import { buildingHeatDensity, type BuildingDensity } from '../planning/building-heat-density.js';
import { unavailableDeviceHandlers, type DeviceHandlers } from './device-handlers.js';
import { districtForUi } from './district-for-ui.js';
import { carrierHandlers } from './carrier-handlers.js';
import { exportsDirOf } from './download-file.js';
import { fileHandlers } from './file-handlers.js';
import { FileJobs } from './file-jobs.js';
import { historyHandlers } from './history-handlers.js';
import { tariffHandlers } from './tariff-handlers.js';
import { siteHandlers } from './site-handlers.js';
import { planningHandlers } from './planning-handlers.js';
import { roofShapesOf, withoutOutlines } from './roof-shapes.js';
import { unavailableSettingsHandlers, type SettingsHandlers } from './settings-api.js';
import { unavailableAssetHandlers, type AssetHandlers } from './asset-handlers.js';

/** An analysis' error value becomes the typed failure dispatch() answers. */
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new ApiFailure(r.error.kind, r.error.message, r.error.where);
  return r.value;
};

export interface HandlerContext {
  readonly store: Store;
  readonly collector: Collector;
  readonly info: AppInfo;
  /** Device management (main/devices); without it those methods answer an error. */
  readonly devices?: DeviceHandlers;
  /** The user's settings (main/settings); without them those methods answer an error. */
  readonly settings?: SettingsHandlers;
  /** District assets (street lights, OCPP, LoRaWAN, the map layer); without them those methods answer an error. */
  readonly assets?: AssetHandlers;
}

export function createHandlers({ store, collector, info, devices, settings, assets }: HandlerContext): Handlers {
  const district = async () => {
    const view = await store.getDistrict();
    if (!view) throw new ApiFailure('not-found', 'this data file holds no district yet');
    return view;
  };
  const minCoverage = async (): Promise<number> => (settings === undefined ? DEFAULT_MIN_COVERAGE : (await settings['settings.get']({})).verdictMinCoverage);
  const pvPotential = async (share?: number) => {
    const view = await district();
    const weather = unwrap(await essenWeather());
    const roofs = roofsFor(view.buildings, withoutOutlines(await store.getRoofs()));
    return unwrap(districtPvPotential({ buildings: view.buildings, roofs, weather, latDeg: view.site.origin.lat, lonDeg: view.site.origin.lon, share }));
  };
  // The colour mode's PV potential is district.pvPotential's figure; roofs change only on an import, so it is kept
  // per set of buildings and roof count rather than recomputed on every refresh of the time bar.
  let fileJobs: FileJobs | null = null;
  let pvCache: { key: string; kwh: Map<string, number> } | null = null;
  const pvPerBuilding = async (view: { buildings: readonly { id: string }[] }): Promise<Map<string, number>> => {
    const key = `${view.buildings.map((b) => b.id).join('|')}#${(await store.getRoofs()).length}`;
    if (pvCache?.key !== key) pvCache = { key, kwh: new Map((await pvPotential()).buildings.map((b) => [b.buildingId, b.annualKwh])) };
    return pvCache.kwh;
  };
  // The heat-density colour mode reads three years of heat meters: kept per year and set of buildings for an hour
  // (the current year's heat grows while the app runs).
  let densityCache: { key: string; density: Map<string, BuildingDensity> } | null = null;
  const heatDensityPerBuilding = async (view: Awaited<ReturnType<typeof district>>, to: number): Promise<Map<string, BuildingDensity>> => {
    const year = localParts(to, view.site.timezone).year;
    const key = `${view.buildings.map((b) => b.id).join('|')}#${year}#${Math.floor(Date.now() / 3_600_000)}`;
    if (densityCache?.key !== key) densityCache = { key, density: await buildingHeatDensity(store, view, year) };
    return densityCache.density;
  };
  return {
    'app.info': async () => info,
    'district.get': async () => districtForUi(await district()),
    'district.roofShapes': async () => roofShapesOf(await store.getRoofs()),
    'district.balances': async ({ from, to }) => {
      const view = await district();
      return unwrap(
        await districtOverview(store, view, from, to, { minCoverage: await minCoverage(), pvPotentialKwh: await pvPerBuilding(view), heatDensity: await heatDensityPerBuilding(view, to) }),
      );
    },
    'building.series': async ({ buildingId, from, to, resolution }) => {
      const { buildings } = await district();
      if (!buildings.some((b) => b.id === buildingId)) throw notFound('building', buildingId);
      const [energy, power] = await Promise.all([
        store.buildingSeries(buildingId, from, to, resolution),
        store.powerSeries(buildingId, from, to),
      ]);
      return { buildingId, resolution, energy, power };
    },
    'status.get': async () => collector.status(),
    'factors.list': async () => listFactorSets(),
    'district.analysis': async (args) =>
      unwrap(await analyseDistrict(store, await district(), { ...args, minCoverage: args.minCoverage ?? (await minCoverage()) }, args.resolution)),
    'district.setHeatSupply': async ({ buildingId, heatSupply }) => unwrap(await storeHeatSupply(store, buildingId, heatSupply)),
    'district.co2Path': async (args) => unwrap(await districtCo2Path(store, await district(), args)),
    'district.pvPotential': async ({ share }) => pvPotential(share),
    'scenario.run': async (args) => unwrap(await runDistrictScenario(store, await district(), args)),
    'alarms.implausible': async ({ from, to, perPoint }) => {
      if (store.implausibleIntervals === undefined) throw new ApiFailure('internal', 'this store keeps no interval qualities');
      return store.implausibleIntervals(from, to, perPoint ?? 5);
    },
    ...carrierHandlers(store, district),
    ...historyHandlers(store),
    ...tariffHandlers(store),
    ...siteHandlers(store, async () => (settings === undefined ? 'en' : (await settings['settings.get']({})).language)),
    ...fileHandlers(store, () => (fileJobs ??= new FileJobs(exportsDirOf(info.dataDir)))),
    ...planningHandlers(store),
    ...(devices ?? unavailableDeviceHandlers()),
    ...(settings ?? unavailableSettingsHandlers()),
    ...(assets ?? unavailableAssetHandlers()),
  };
}
