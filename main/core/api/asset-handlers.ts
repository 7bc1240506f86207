/**
 * The district-asset methods (models/contract/assets.ts): the street-light inventory, the OCPP endpoint and its
 * charge points, the LoRaWAN subscriber's settings and the map's asset layer. Changing the OCPP or LoRaWAN settings
 * asks the core to restart that listener (restartOcpp / restartLoRaWan), which the app core provides.
 */
import type { ChargePointView, LoRaWanSettingsView, StreetLightView } from '../../../models/contract/index.js';
import type { Language } from '../../../models/values.js';
import { inventoryProblemText, parseInventoryCsv, parseInventoryGeoJson, scheduleText, type InventoryParse } from '../../../models/lighting/index.js';
import { parseMapping } from '../../../models/lorawan/index.js';
import { ApiFailure, notFound } from '../base/failure.js';
import type { SecretCipher } from '../base/secret-cipher.js';
import { hashChargePointPassword } from '../ingest/ocpp/charge-point-password.js';
import type { ChargePointRecord, ChargingStore } from '../store/charging-store.js';
import { loadLoRaWanSettings, LORAWAN_SECRET_CONTEXT, saveLoRaWanSettings, type LoRaWanSettings } from '../store/lorawan-settings.js';
import type { Store } from '../store/store.js';
import type { StreetLightStore } from '../store/street-light-store.js';
import { buildAssetMap } from './asset-map.js';
import { lightingScenario } from '../analysis/lighting-scenario.js';
import type { Handlers } from './dispatch.js';

export type AssetMethodName =
  | 'lights.import'
  | 'lights.list'
  | 'lights.assignMeter'
  | 'ocpp.settings'
  | 'ocpp.setSettings'
  | 'ocpp.chargePoints'
  | 'ocpp.saveChargePoint'
  | 'ocpp.removeChargePoint'
  | 'lorawan.settings'
  | 'lorawan.setSettings'
  | 'assets.map'
  | 'scenario.lighting';

export type AssetHandlers = Pick<Handlers, AssetMethodName>;

export interface AssetContext {
  readonly store: Pick<Store, 'getDistrict' | 'getMeta' | 'setMeta'> & { readonly charging: ChargingStore; readonly streetLights: StreetLightStore };
  /** The collector's clock: a charge point unheard of for long is offline. */
  readonly now: () => number;
  /** The user's language, for problems of an imported file. */
  readonly language: () => Promise<Language>;
  readonly secrets: SecretCipher;
  readonly restartOcpp?: () => Promise<void>;
  readonly restartLoRaWan?: () => Promise<void>;
}

/** A file's text as the inventory parser of its kind reads it: GeoJSON when it is a JSON object, else CSV. */
export function parseInventoryFile(text: string): InventoryParse {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{')) return parseInventoryCsv(text);
  try {
    return parseInventoryGeoJson(JSON.parse(trimmed));
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${(e as Error).message}`], issues: [{ code: 'notCollection', params: {} }] };
  }
}

/** Every problem as "file: line 3: text" (or "feature 4"), in lang. */
export function inventoryProblemLines(fileName: string, r: Extract<InventoryParse, { ok: false }>, lang: Language): string[] {
  // "lights.csv: Zeile 3: ..." names the file, then the place in the user's words
  return r.issues.map((p) => `${fileName}: ${inventoryProblemText(p, lang)}`);
}

const lightView = (l: { id: string; lon: number; lat: number; powerW: number; led: boolean; schedule: Parameters<typeof scheduleText>[0]; meterPointId: string | null }): StreetLightView => ({
  id: l.id,
  lon: l.lon,
  lat: l.lat,
  powerW: l.powerW,
  led: l.led,
  schedule: scheduleText(l.schedule),
  meterPointId: l.meterPointId,
});

const cpView = (cp: ChargePointRecord): ChargePointView => ({
  id: cp.id,
  buildingId: cp.buildingId,
  lon: cp.lon,
  lat: cp.lat,
  hasPassword: cp.passwordHash !== null,
  lastSeen: cp.lastSeen,
});

const loraView = (s: LoRaWanSettings): LoRaWanSettingsView => ({
  enabled: s.enabled,
  url: s.url,
  topics: s.topics,
  username: s.username,
  hasPassword: s.sealedPassword !== null,
  mapping: s.mapping,
});

export function assetHandlers(c: AssetContext): AssetHandlers {
  const { store } = c;
  const buildingIds = async (): Promise<Set<string>> => new Set((await store.getDistrict())?.buildings.map((b) => b.id) ?? []);
  const checkBuilding = async (id: string | null | undefined, where: string): Promise<void> => {
    if (id === null || id === undefined) return;
    if (!(await buildingIds()).has(id)) throw new ApiFailure('not-found', `no building '${id}' in the district`, where);
  };
  return {
    'lights.import': async ({ fileName, text, lang }) => {
      const r = parseInventoryFile(text);
      if (!r.ok) {
        const lines = inventoryProblemLines(fileName, r, lang ?? (await c.language()));
        throw new ApiFailure('validation', lines.join('\n'), 'text');
      }
      const counts = await store.streetLights.replaceStreetLights(r.lights);
      return { count: r.lights.length, ...counts };
    },
    'lights.list': async () => (await store.streetLights.streetLights()).map(lightView),
    'lights.assignMeter': async ({ lightIds, pointId }) => {
      if (pointId !== null) {
        const p = (await store.getDistrict())?.points.find((x) => x.id === pointId);
        if (p === undefined) throw notFound('energy point', pointId);
        if (p.medium !== 'electricity') throw new ApiFailure('validation', `${pointId} does not meter electricity`, 'pointId');
      }
      if (!(await store.streetLights.assignLightingMeter(lightIds, pointId))) throw new ApiFailure('not-found', 'a street light of the list is not in the inventory', 'lightIds');
      return { assigned: lightIds.length };
    },
    'ocpp.settings': async () => store.charging.ocppSettings(),
    'ocpp.setSettings': async (s) => {
      await checkBuilding(s.unknownBuildingId, 'unknownBuildingId');
      await store.charging.saveOcppSettings(s);
      await c.restartOcpp?.();
      return store.charging.ocppSettings();
    },
    'ocpp.chargePoints': async () => (await store.charging.chargePoints()).map(cpView),
    'ocpp.saveChargePoint': async ({ id, password, buildingId, position }) => {
      await checkBuilding(buildingId, 'buildingId');
      await store.charging.saveChargePoint({
        id,
        ...(password === undefined ? {} : { passwordHash: password === null ? null : await hashChargePointPassword(password) }),
        ...(buildingId === undefined ? {} : { buildingId }),
        ...(position === undefined ? {} : { position }),
      });
      return cpView((await store.charging.chargePoint(id)) as ChargePointRecord);
    },
    'ocpp.removeChargePoint': async ({ id }) => ({ removed: await store.charging.removeChargePoint(id) }),
    'lorawan.settings': async () => loraView(await loadLoRaWanSettings(store)),
    'lorawan.setSettings': async ({ enabled, url, topics, username, password, mapping }) => {
      const m = parseMapping(mapping);
      if (!m.ok) throw new ApiFailure('validation', m.problems.join('\n'), 'mapping');
      const known = await buildingIds();
      const unknown = Object.entries(m.mapping.devices).find(([, d]) => !known.has(d.buildingId));
      if (unknown) throw new ApiFailure('not-found', `devices.${unknown[0]}.buildingId: no building '${unknown[1].buildingId}' in the district`, 'mapping');
      const before = await loadLoRaWanSettings(store);
      const sealedPassword = password === undefined ? before.sealedPassword : password === null ? null : c.secrets.seal(password, LORAWAN_SECRET_CONTEXT);
      await saveLoRaWanSettings(store, { enabled, url, topics, username: username ?? null, sealedPassword, mapping });
      await c.restartLoRaWan?.();
      return loraView(await loadLoRaWanSettings(store));
    },
    'assets.map': async ({ at }) => {
      const [view, cps, statuses, ocpp, lights] = await Promise.all([
        store.getDistrict(),
        store.charging.chargePoints(),
        store.charging.connectorStatuses(),
        store.charging.ocppSettings(),
        store.streetLights.streetLights(),
      ]);
      return buildAssetMap(at, c.now(), view, cps, statuses, ocpp, lights);
    },
    'scenario.lighting': async (args) => {
      const r = await lightingScenario(store.streetLights, args);
      if (!r.ok) throw new ApiFailure(r.error.kind, r.error.message, r.error.where);
      return r.value;
    },
  };
}

const unavailable = (): never => {
  throw new ApiFailure('internal', 'district assets are not available in this core');
};

export function unavailableAssetHandlers(): AssetHandlers {
  return {
    'lights.import': unavailable,
    'lights.list': unavailable,
    'lights.assignMeter': unavailable,
    'ocpp.settings': unavailable,
    'ocpp.setSettings': unavailable,
    'ocpp.chargePoints': unavailable,
    'ocpp.saveChargePoint': unavailable,
    'ocpp.removeChargePoint': unavailable,
    'lorawan.settings': unavailable,
    'lorawan.setSettings': unavailable,
    'assets.map': unavailable,
    'scenario.lighting': unavailable,
  };
}
