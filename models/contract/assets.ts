/**
 * District assets beyond buildings (docs/district-assets.md): the street-light inventory, the OCPP endpoint and its
 * registered charge points, the LoRaWAN subscriber's settings, and what the map shows of them at a time.
 */
import type { Language } from '../values.js';
import type { RetrofitResult } from '../scenarios/lighting-retrofit.js';

export const CHARGE_POINT_STATES = ['available', 'charging', 'faulted', 'offline'] as const;
/** The four colours of a charge point on the map, from its connectors' OCPP status and its last contact. */
export type ChargePointState = (typeof CHARGE_POINT_STATES)[number];

export interface LightsImportArgs {
  /** The file's name, for the problems' places ("lights.csv:3: ..."). */
  readonly fileName: string;
  /** The file's text: CSV (id, lon, lat, power_w, led, schedule) or a GeoJSON FeatureCollection of Points. */
  readonly text: string;
  /** Language of the problems; default the user's setting. */
  readonly lang?: Language;
}

export interface LightsImportResult {
  readonly count: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
}

export interface StreetLightView {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly powerW: number;
  readonly led: boolean;
  /** As the inventory writes it: "100@22:00 50@05:00 100"; "" = full power all night. */
  readonly schedule: string;
  readonly meterPointId: string | null;
}

/** The district's OCPP endpoint (ws://host:port/ocpp/<chargePointId>). */
export interface OcppSettingsView {
  readonly enabled: boolean;
  readonly host: string;
  readonly port: number;
  readonly allowUnknown: boolean;
  readonly unknownBuildingId: string | null;
  readonly heartbeatS: number;
}

export interface ChargePointView {
  readonly id: string;
  readonly buildingId: string | null;
  readonly lon: number | null;
  readonly lat: number | null;
  /** Whether a password is set (the password itself is stored hashed and never returned). */
  readonly hasPassword: boolean;
  readonly lastSeen: number | null;
}

export interface ChargePointSaveArgs {
  readonly id: string;
  /** A new basic-auth password (stored as a scrypt hash); null removes it; absent keeps it. */
  readonly password?: string | null;
  readonly buildingId?: string | null;
  readonly position?: { readonly lon: number; readonly lat: number } | null;
}

/** MQTT of a LoRaWAN network server (The Things Stack v3 or ChirpStack v4) and the mapping of uplink fields. */
export interface LoRaWanSettingsView {
  readonly enabled: boolean;
  readonly url: string;
  readonly topics: readonly string[];
  readonly username: string | null;
  /** Whether a password is stored (sealed; never returned). */
  readonly hasPassword: boolean;
  /** The mapping file's content (docs/district-assets.md, "LoRaWAN sensors"). */
  readonly mapping: unknown;
}

export interface LoRaWanSettingsArgs {
  readonly enabled: boolean;
  readonly url: string;
  readonly topics: readonly string[];
  readonly username?: string | null;
  /** absent keeps the stored password, null removes it. */
  readonly password?: string | null;
  readonly mapping: unknown;
}

export interface AssetMapArgs {
  /** The time slider's time (UTC ms): lights are lit or dimmed as they are then. */
  readonly at: number;
}

export interface ChargePointMarker {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** When the charge point has no position of its own: the building it is drawn at. */
  readonly buildingId: string | null;
  readonly state: ChargePointState;
  /** The OCPP status the state comes from (the worst of its connectors'), or null when none was reported. */
  readonly ocppStatus: string | null;
}

export interface StreetLightMarker {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** 0 = off (daylight), else the dimming level in % at that time. */
  readonly percent: number;
}

export interface AssetMap {
  readonly at: number;
  readonly chargePoints: readonly ChargePointMarker[];
  readonly lights: readonly StreetLightMarker[];
}

export interface AssetMethods {
  'lights.import': { args: LightsImportArgs; result: LightsImportResult };
  'lights.list': { args: Record<string, never>; result: readonly StreetLightView[] };
  'lights.assignMeter': { args: { readonly lightIds: readonly string[]; readonly pointId: string | null }; result: { readonly assigned: number } };
  'ocpp.settings': { args: Record<string, never>; result: OcppSettingsView };
  'ocpp.setSettings': { args: OcppSettingsView; result: OcppSettingsView };
  'ocpp.chargePoints': { args: Record<string, never>; result: readonly ChargePointView[] };
  'ocpp.saveChargePoint': { args: ChargePointSaveArgs; result: ChargePointView };
  'ocpp.removeChargePoint': { args: { readonly id: string }; result: { readonly removed: boolean } };
  'lorawan.settings': { args: Record<string, never>; result: LoRaWanSettingsView };
  'lorawan.setSettings': { args: LoRaWanSettingsArgs; result: LoRaWanSettingsView };
  'assets.map': { args: AssetMapArgs; result: AssetMap };
  'scenario.lighting': { args: LightingScenarioArgs; result: LightingScenarioResult };
}

/** One consumption class of the analysis with how its energy was covered (models/energy/consumption-classes.ts). */
export interface ConsumptionClassResult {
  readonly kwh: number;
  readonly pvKwh: number;
  readonly surplusKwh: number;
  readonly gridKwh: number;
  readonly unknownKwh: number;
  readonly steps: number;
  readonly peakKw: number;
}

export interface EMobilityClass extends ConsumptionClassResult {
  /** Charge point and wallbox meters read (OCPP connectors, Modbus wallbox profiles). */
  readonly meters: number;
  /** Of kwh: from OCPP sessions of charge points attached to no building (spread evenly over each session). */
  readonly sessionKwh: number;
  readonly sessions: number;
}

export interface PublicLightingClass extends ConsumptionClassResult {
  readonly lights: number;
  /** Of kwh: computed from twilight and schedule, and measured on assigned lighting-circuit meters. */
  readonly computedKwh: number;
  readonly measuredKwh: number;
}

/** "E-Mobilität" and "Öffentliche Beleuchtung" over the analysis' period, at its resolution. */
export interface ConsumptionClasses {
  readonly eMobility: EMobilityClass;
  readonly publicLighting: PublicLightingClass;
  /** Every rule the figures rest on, in words. */
  readonly assumptions: readonly string[];
}

export interface LightingScenarioArgs {
  readonly from: number;
  readonly to: number;
  /** LED power as a share of the replaced lamp's (default 0.7, cited in the result). */
  readonly ledPowerShare?: number;
  /** Schedule for lights at full power all night, "100@22:00 50@05:00 100" (default Dortmund's). */
  readonly dimming?: string;
  /** Electricity price in EUR/kWh (default cited in the result). */
  readonly priceEurPerKwh?: number;
  /** CO2 factor set (see 'factors.list'); its electricity factor of the balance year weighs the savings. */
  readonly co2SetId?: string;
}

/** The retrofit's figures (models/scenarios/lighting-retrofit.ts) with the period and the parameters they rest on. */
export interface LightingScenarioResult extends RetrofitResult {
  readonly period: { readonly from: number; readonly to: number };
  readonly ledPowerShare: number;
  readonly dimming: string;
  readonly priceEurPerKwh: number;
  readonly co2GPerKwh: number;
  readonly co2Set: { readonly id: string; readonly version: string };
  /** Where each default came from, and the rules of the computation. */
  readonly assumptions: readonly string[];
}
