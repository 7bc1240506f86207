/**
 * The one contract between the UI and the core. Electron's preload and serve mode's HTTP/WebSocket client both
 * implement PlusTwinApi; the renderer is written against it and never knows which transport carries it.
 * Every argument type here is validated again where it enters main/ (main/api/schemas.ts).
 */
import type { Building, Device, Point, RoofRing, Site, IntervalQuality, BuildingUse, DeviceProtocol, Medium, PointKind, PointRole, HeatSupply, HeatSupplyCarrier } from './types.js';
import type { Result } from './result.js';
import type { Carrier } from './energy/carriers.js';
import type { Coverage } from './energy/coverage.js';
import type { Period } from './energy/period.js';
import type { BalanceResult, DistrictBalanceResult } from './energy/balance.js';
import type { KpiResult } from './energy/kpis.js';
import type { EnergyPlusStatus } from './energy/energy-plus.js';
import type { SharingResult } from './energy/sharing.js';
import type { Co2Path, DistrictCo2Year } from './energy/co2.js';
import type { FactorBasis, FactorKind, FactorSetRef } from './factors/factor-set.js';
import type { WeightedBalance } from './factors/weigh.js';
import type { DistrictAssessment, MeasureEffect } from './scenarios/index.js';
import type { PvPotentialOptions, RoofPotential } from './solar/pv-potential.js';

export type Resolution = '15min' | 'hour' | 'day' | 'month';

export interface DistrictView {
  readonly site: Site;
  readonly buildings: readonly Building[];
  readonly devices: readonly Device[];
  readonly points: readonly Point[];
}

/**
 * The modelled roof of one building (LoD2 import): every roof polygon's outer ring. Buildings without one are
 * drawn as extruded footprints. A separate call from 'district.get' so that the district shows before roofs load.
 */
export interface RoofShape {
  readonly buildingId: string;
  readonly rings: readonly RoofRing[];
}

/** Energy totals of one building over a period, kWh, electricity (the store's quick look; the UI shows BuildingOverview). */
export interface BuildingBalance {
  readonly buildingId: string;
  readonly from: number;
  readonly to: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** consumption - generation (= import - export): positive = deficit (drawn from the grid), negative = surplus. */
  readonly netKwh: number;
  /** Share of the period's intervals that are measured (0..1). */
  readonly coverage: number;
}

// ---- one-number: the analysis' per-building figures for every surface (panel, colours, reports, CLI) ----

/**
 * An energy-plus verdict with the data it rests on. Below the coverage threshold (a setting, default 90 %) the
 * verdict is provisional and every surface says so, with the coverage.
 */
export interface Verdict {
  readonly energyPlus: boolean;
  /** Share of the window's slots (all carriers) that hold a value, 0..1; excluded (implausible) intervals count as missing. */
  readonly coverage: number;
  readonly provisional: boolean;
}

/** The values the district can be coloured by, computed by the analysis (the renderer only maps them to colours). */
export interface ColourMetrics {
  /** Final energy net, kWh: consumption - generation over every delivered carrier; positive = deficit. */
  readonly netKwh: number | null;
  /** Electricity self-sufficiency at the analysis' resolution, 0..1. */
  readonly selfSufficiency: number | null;
  /** g CO2e per kWh of final energy consumed (all delivered carriers, the CO2 factor set's values). */
  readonly co2IntensityGPerKwh: number | null;
  /** Rooftop PV potential, kWh/a (district.pvPotential's figure). */
  readonly pvPotentialKwh: number | null;
}

/** One building over the shown period as the UI shows it: electricity totals, final net, verdict and colour values. */
export interface BuildingOverview extends BuildingBalance {
  /** Final energy net over every delivered carrier, kWh, positive = deficit. */
  readonly finalEnergyNetKwh: number;
  readonly verdict: Verdict;
  readonly colours: ColourMetrics;
}

/** One local calendar month (clipped to the period) of one building or the district. */
export interface MonthBalance {
  readonly from: number;
  readonly to: number;
  /** false when no slot of the month holds a value: every surface shows "no data", never 0. */
  readonly hasData: boolean;
  /** Electricity, kWh. */
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  readonly selfConsumedKwh: number;
  /** Electricity consumption - generation, kWh: positive = deficit. */
  readonly netKwh: number;
  /** Final energy net over every delivered carrier, kWh: positive = deficit. */
  readonly finalEnergyNetKwh: number;
  /** Share of the month's slots (all carriers) with a value, 0..1. */
  readonly coverage: number;
}

export interface SeriesBucket {
  readonly start: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** Worst quality among the intervals in the bucket. */
  readonly quality: IntervalQuality;
}

export interface PowerSample {
  readonly ts: number;
  /** Net power at the grid connection, kW: positive = import. */
  readonly gridKw: number;
  readonly generationKw: number;
  readonly consumptionKw: number;
}

export interface BuildingSeries {
  readonly buildingId: string;
  readonly resolution: Resolution;
  readonly energy: readonly SeriesBucket[];
  readonly power: readonly PowerSample[];
}

export type DeviceState = 'online' | 'offline' | 'backoff' | 'unknown';

export interface DeviceHealth {
  readonly deviceId: string;
  readonly state: DeviceState;
  readonly lastGoodTs: number | null;
  readonly lastError: string | null;
  readonly errorCount: number;
  readonly pollCount: number;
  readonly latencyMs: number | null;
}

export interface CollectorStatus {
  /** The collector's clock (simulated time in demo mode), UTC epoch ms. */
  readonly now: number;
  /** Simulated seconds per real second (1 in production). */
  readonly speed: number;
  readonly devicesOnline: number;
  readonly devicesTotal: number;
  readonly lastPollTs: number | null;
  readonly readingsStored: number;
  readonly devices: readonly DeviceHealth[];
}

export interface AppInfo {
  readonly version: string;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly transport: 'electron' | 'http';
}

export interface NewBuilding {
  readonly name: string;
  readonly use: BuildingUse;
}

/** One factor of a set, for listing. */
export interface FactorInfo {
  readonly carrier: Carrier;
  readonly value: number;
  readonly note?: string;
}

/** A factor set as 'factors.list' answers it: enough to pick one by id and to print its provenance. */
export interface FactorSetInfo {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: FactorKind;
  readonly unit: string;
  readonly basis: FactorBasis;
  readonly source: string;
  readonly factors: readonly FactorInfo[];
  readonly exportCredit: readonly FactorInfo[];
  /** The default for its kind in analyses. */
  readonly isDefault: boolean;
}

export type { HeatSupply, HeatSupplyCarrier };

/** Heat supply per building id for one call; buildings not named use their stored heat supply, else the default (gas boiler, 0.9). */
export type HeatSupplyMap = Readonly<Record<string, HeatSupply>>;

/** The heat supply an analysis assumed for one building, stated in every result that uses it. */
export interface HeatSupplyUse extends HeatSupply {
  readonly buildingId: string;
  /** 'default' when the building had none; 'building' for the heat supply stored in the district file; 'setting' for the call's. */
  readonly origin: 'default' | 'setting' | 'building';
  readonly heatKwh: number;
  readonly deliveredKwh: number;
}

export interface AnalysisArgs {
  readonly from: number;
  readonly to: number;
  /** Factor set ids (see 'factors.list'); defaults geg-anlage-4 and geg-anlage-9. */
  readonly primarySetId?: string;
  readonly co2SetId?: string;
  readonly heatSupply?: HeatSupplyMap;
  /**
   * '15min' (default): KPIs as metered. 'hour': reads the hourly rollups, several times faster; balances,
   * energy-plus and CO2 are the same (sums), KPIs are then hourly (result.resolution says so).
   */
  readonly resolution?: '15min' | 'hour';
  /** false: no 12-month window (the UI's quick overview of a day); energyPlus then equals energyPlusPeriod. */
  readonly rolling?: boolean;
  /** Coverage below which a verdict is provisional, 0..1; the setting (default 0.9) when omitted. */
  readonly minCoverage?: number;
}

export interface BuildingAnalysis {
  readonly buildingId: string;
  readonly name: string;
  /** Per carrier over [from, to); 'heat' is useful heat (shown, never weighed), the fuel is derived from it. */
  readonly balance: BalanceResult;
  /** Electricity KPIs at the analysis' resolution; null when the building has no electricity meter. */
  readonly kpis: KpiResult | null;
  /** Final and primary energy over [from, to). */
  readonly energyPlusPeriod: EnergyPlusStatus;
  /** 12-month rolling status ending at 'to' (the Effizienzhaus Plus annual balance). */
  readonly energyPlus: EnergyPlusStatus;
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
  readonly heatSupply: HeatSupplyUse | null;
  /** Verdicts over the period and over the 12 months, with coverage. */
  readonly verdictPeriod: Verdict;
  readonly verdict: Verdict;
  /** Local calendar months of the period. */
  readonly months: readonly MonthBalance[];
  /** Colour values (PV potential is filled in by the API, which holds the weather year). */
  readonly colours: ColourMetrics;
}

export interface DistrictTotals {
  /** Sum of the single buildings per carrier. */
  readonly balance: DistrictBalanceResult;
  /** KPIs of the district as one connection (electricity); null without electricity. */
  readonly kpis: KpiResult | null;
  readonly energyPlusPeriod: EnergyPlusStatus;
  readonly energyPlus: EnergyPlusStatus;
  /** Sum of the buildings' CO2 (municipal logic: each building behind its own meter). */
  readonly co2: WeightedBalance;
  readonly co2Tonnes: number;
  /** What sharing electricity between the buildings is worth; null without electricity. */
  readonly sharing: SharingResult | null;
  readonly coverage: Coverage;
  readonly verdictPeriod: Verdict;
  readonly verdict: Verdict;
  readonly months: readonly MonthBalance[];
}

export interface DistrictAnalysis {
  readonly period: Period;
  /** Resolution of the KPIs ('15 min'). */
  readonly resolution: string;
  /** Start of the 12-month rolling window (its end is period.to). */
  readonly rollingFrom: number;
  readonly buildings: readonly BuildingAnalysis[];
  readonly district: DistrictTotals;
  readonly factorSets: { readonly primary: FactorSetRef; readonly co2: FactorSetRef };
  /** Every assumption the numbers rest on, in words (heat supply, boundaries, windows). */
  readonly assumptions: readonly string[];
  /** The site's time zone: days, months and years of the period are local to it. */
  readonly timeZone: string;
  /** The coverage threshold the verdicts used. */
  readonly minCoverage: number;
}

export interface Co2PathArgs {
  readonly fromYear: number;
  readonly toYear: number;
  readonly co2SetId?: string;
  /** Default 2045 (Klimaschutzgesetz). */
  readonly targetYear?: number;
  /** Default 0 t. */
  readonly targetTonnes?: number;
  /** Calendar years with at least this measured-or-estimated share enter the path (default 0.9). */
  readonly minCoverage?: number;
  readonly heatSupply?: HeatSupplyMap;
}

export interface Co2PathResult {
  readonly co2Set: FactorSetRef;
  /** District t CO2e per UTC calendar year with each building's share, from hourly rollups. */
  readonly years: readonly DistrictCo2Year[];
  /** The years the path rests on: complete enough calendar years, or else the last 12 months of data. */
  readonly basis:
    | { readonly kind: 'calendar-years'; readonly years: readonly number[] }
    | { readonly kind: 'rolling-12-months'; readonly from: number; readonly to: number; readonly tonnes: number; readonly year: number };
  /** null when no data at all lies in the years asked for. */
  readonly path: Co2Path | null;
  readonly assumptions: readonly string[];
}

export interface PvPotentialArgs {
  /** Share of the suitable potential to count (default 1). */
  readonly share?: number;
}

export interface BuildingPvPotentialView {
  readonly buildingId: string;
  readonly name: string;
  /** 'imported': roof surfaces stored from an import; 'assumed': from footprint and roof type (assumedRoofs). */
  readonly roofSource: 'imported' | 'assumed';
  readonly kwp: number;
  readonly annualKwh: number;
  readonly roofs: readonly RoofPotential[];
}

export interface DistrictPvPotential {
  readonly weatherSource: string;
  /** Every option the potential was computed with (printed under the assumptions of each output). */
  readonly options: PvPotentialOptions;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly kwp: number;
  readonly annualKwh: number;
  readonly buildings: readonly BuildingPvPotentialView[];
  readonly assumptions: readonly string[];
}

/** Measures as the UI sends them; 'pv-potential' takes the building's stored (or assumed) roofs. */
export type ScenarioMeasureInput =
  | { readonly kind: 'pv'; readonly buildingId: string; readonly kwp: number; readonly tiltDeg: number; readonly azimuthDeg: number }
  | { readonly kind: 'pv-potential'; readonly buildingId: string; readonly share?: number }
  | {
      readonly kind: 'battery';
      readonly buildingId: string;
      readonly capacityKwh: number;
      readonly powerKw: number;
      readonly roundTripEfficiency: number;
      readonly initialSoc?: number;
    }
  | {
      readonly kind: 'heat-pump';
      readonly buildingId: string;
      readonly scop: number;
      readonly replaces?: 'gas' | 'oil' | 'lpg';
      readonly boilerEfficiency?: number;
    }
  | { readonly kind: 'efficiency'; readonly buildingId: string; readonly carrier: Carrier | '*'; readonly saving: number };

export interface ScenarioArgs extends AnalysisArgs {
  readonly id?: string;
  readonly name?: string;
  readonly measures: readonly ScenarioMeasureInput[];
}

export interface ScenarioRunResult {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly period: Period;
  readonly factorSets: { readonly primary: FactorSetRef; readonly co2: FactorSetRef };
  readonly measured: DistrictAssessment;
  readonly simulated: DistrictAssessment;
  readonly effects: readonly MeasureEffect[];
  readonly assumptions: readonly string[];
}

/** A shipped Modbus device profile, for the device dialog's profile list. */
export interface DeviceProfileInfo {
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly source: string;
}

/** What 'devices.probe' ("test connection") answers; the same shape as the drivers' ProbeResult. */
export interface DeviceProbeView {
  readonly url: string;
  readonly protocol: DeviceProtocol;
  readonly identity: { readonly manufacturer?: string; readonly model?: string; readonly serial?: string; readonly version?: string };
  readonly values: readonly {
    readonly key: string;
    readonly name: string;
    readonly value: number | string | null;
    readonly unit: string;
    readonly quality: 'good' | 'uncertain' | 'bad';
  }[];
  readonly notes: readonly string[];
}

export type OpcUaSecurityChoice = 'None' | 'Sign:Basic256Sha256' | 'SignAndEncrypt:Basic256Sha256' | 'Sign:Aes128_Sha256_RsaOaep' | 'SignAndEncrypt:Aes128_Sha256_RsaOaep';

/** How to log in to an OPC UA server (a password is sent to the core, never stored in the renderer). */
export type OpcUaLogin =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'username'; readonly username: string; readonly password: string };

/** One variable picked in the tree browser, with the meaning the user gave it. */
export interface OpcUaPointChoice {
  readonly nodeId: string;
  readonly key: string;
  readonly name?: string;
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
}

/** A device as the add/edit dialog sends it; the core derives the protocol from the URL and the points from the profile. */
export interface DeviceInput {
  readonly name: string;
  readonly buildingId: string;
  /** modbus-tcp://host:502?unit=1, modbus-rtu:///dev/ttyUSB0?baud=9600&unit=3, modbus-rtu-tcp://gw:4001?unit=2, opc.tcp://host:4840 */
  readonly url: string;
  /** Modbus: a profile id from 'profiles.list' or 'sunspec'. Ignored for OPC UA. */
  readonly profile?: string;
  readonly pollIntervalMs?: number;
  /** Modbus profiles only: a role for the device's balance points (e.g. a profile meter used as 'generation'). */
  readonly role?: PointRole;
  readonly opcua?: {
    readonly security?: OpcUaSecurityChoice;
    readonly login?: OpcUaLogin;
    readonly points: readonly OpcUaPointChoice[];
  };
}

export type DeviceRunState = 'starting' | 'running' | 'retrying' | 'stopped';

/** One row of the device list: the stored device, its points and how it is doing. */
export interface DeviceListEntry {
  readonly device: Device;
  readonly points: readonly Point[];
  readonly run: DeviceRunState;
  /** Collector health once the device polls; null while its driver is being (re)created. */
  readonly health: DeviceHealth | null;
  /** The last error creating its driver (unreachable at startup, ...), null when none. */
  readonly startError: string | null;
  /** Started by the built-in demo, not editable here. */
  readonly demo: boolean;
}

export interface OpcUaBrowseNodeView {
  readonly nodeId: string;
  readonly browseName: string;
  readonly displayName: string;
  readonly nodeClass: string;
  readonly dataType?: string;
  /** Absent when the node was not browsed (deeper than asked) or has no children. */
  readonly children?: readonly OpcUaBrowseNodeView[];
}

export interface OpcUaBrowseResult {
  readonly nodes: readonly OpcUaBrowseNodeView[];
  /** With a search text: the matching nodes and their display-name path from the start node. */
  readonly matches?: readonly { readonly node: OpcUaBrowseNodeView; readonly path: readonly string[] }[];
}

export interface OpcUaConnectArgs {
  readonly url: string;
  readonly security?: OpcUaSecurityChoice;
  readonly login?: OpcUaLogin;
}

/** A server certificate the app's PKI holds, for the trust dialog. */
export interface ServerCertificateView {
  readonly status: 'unknown' | 'trusted' | 'rejected';
  readonly subject: string;
  readonly issuer: string;
  readonly thumbprint: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly currentlyValid: boolean;
  readonly applicationUri?: string;
}

/** The user's settings (persisted in the data folder; validated by main/settings/settings-schema.ts). */
export interface AppSettings {
  readonly language: 'de' | 'en';
  readonly theme: 'light' | 'dark';
  readonly units: { readonly power: 'W' | 'kW' | 'MW'; readonly energy: 'kWh' | 'MWh' };
  /** Factor set ids used by default (see 'factors.list'). */
  readonly factorSets: { readonly primary: string; readonly co2: string };
  /** Defaults for new devices, ms. */
  readonly polling: { readonly intervalMs: number; readonly timeoutMs: number };
  /** Desktop only: closing the window keeps collecting from the tray. */
  readonly keepCollectingWhenClosed: boolean;
  readonly startAtLogin: boolean;
  /** The sun casts shadows in the 3D district. */
  readonly shadows: boolean;
  /** Coverage (0..1) below which an energy-plus verdict is shown as provisional. */
  readonly verdictMinCoverage: number;
}

/** A change to the settings: any field, groups in part. */
export type AppSettingsPatch = {
  readonly [K in keyof AppSettings]?: AppSettings[K] extends object ? Partial<AppSettings[K]> : AppSettings[K];
};

/** A meter's history as CSV text (readings or a 15-minute load profile), for preview or import into one point. */
export interface HistoryCsvArgs {
  readonly csv: string;
  /** When the columns do not say: cumulative readings, kWh per quarter hour, or mean kW. */
  readonly kind?: HistoryKind;
  /** A profile's times mark the quarter hour's start or end (guessed from the first row). */
  readonly stampMarks?: 'start' | 'end';
}

export type HistoryKind = 'readings' | 'profile-kwh' | 'profile-kw';

/** What a history file holds, as the import would read it. Errors are listed with their line numbers. */
export interface HistoryPreviewView {
  readonly kind: HistoryKind;
  readonly delimiter: string;
  readonly decimalComma: boolean;
  readonly stampMarks: 'start' | 'end';
  readonly rows: number;
  /** First and last time in the file, UTC epoch ms; null without rows. */
  readonly first: number | null;
  readonly last: number | null;
  /** Quarter hours and energy the import would write (0 when there are errors). */
  readonly intervals: number;
  readonly kwh: number;
  /** The first rows as read, for the user to check the columns were understood. */
  readonly sample: readonly { readonly line: number; readonly ts: number; readonly value: number }[];
  /** Bad lines (at most 100 listed), and how many there are in all. */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  readonly errorCount: number;
}

export interface HistoryImportResult {
  readonly pointId: string;
  readonly intervals: number;
  readonly rows: number;
  readonly kind: HistoryKind;
}

/** One 15-minute interval the interval engine flagged 'implausible' (kept for inspection, never in a balance). */
export interface ImplausibleInterval {
  readonly pointId: string;
  readonly buildingId: string;
  /** Start of the interval, UTC epoch ms. */
  readonly start: number;
  /** Energy the interval holds (not counted in any balance), kWh. */
  readonly kwh: number;
  /** Average power over the 15 minutes, kW (kwh / 0.25 h). */
  readonly avgKw: number;
  /** Largest |power| sample of a power point inside the interval while raw samples are kept; else null. */
  readonly peakKw: number | null;
  /** The point's maximum plausible power the engine applied, kW. */
  readonly limitKw: number;
}

export interface ImplausibleArgs {
  readonly from: number;
  readonly to: number;
  /** Newest intervals per point (default 5, at most 100). */
  readonly perPoint?: number;
}

/** method name -> [argument, result] */
export interface ApiMethods {
  'app.info': { args: Record<string, never>; result: AppInfo };
  'district.get': { args: Record<string, never>; result: DistrictView };
  'district.roofShapes': { args: Record<string, never>; result: readonly RoofShape[] };
  'district.balances': { args: { from: number; to: number }; result: readonly BuildingOverview[] };
  'building.series': {
    args: { buildingId: string; from: number; to: number; resolution: Resolution };
    result: BuildingSeries;
  };
  'status.get': { args: Record<string, never>; result: CollectorStatus };
  'factors.list': { args: Record<string, never>; result: readonly FactorSetInfo[] };
  'district.analysis': { args: AnalysisArgs; result: DistrictAnalysis };
  /** Stores a building's heat supply in the district file (null: back to the default assumption). */
  'district.setHeatSupply': { args: { buildingId: string; heatSupply: HeatSupply | null }; result: Building };
  'district.co2Path': { args: Co2PathArgs; result: Co2PathResult };
  'district.pvPotential': { args: PvPotentialArgs; result: DistrictPvPotential };
  'scenario.run': { args: ScenarioArgs; result: ScenarioRunResult };
  'profiles.list': { args: Record<string, never>; result: readonly DeviceProfileInfo[] };
  'devices.probe': { args: { url: string; profile?: string; security?: OpcUaSecurityChoice; login?: OpcUaLogin }; result: DeviceProbeView };
  'devices.list': { args: Record<string, never>; result: readonly DeviceListEntry[] };
  'devices.add': { args: DeviceInput; result: DeviceListEntry };
  'devices.update': { args: { id: string; device: DeviceInput }; result: DeviceListEntry };
  'devices.remove': { args: { id: string }; result: { readonly id: string } };
  'opcua.browse': { args: OpcUaConnectArgs & { nodeId?: string; depth?: number; search?: string }; result: OpcUaBrowseResult };
  'opcua.certificates': { args: Record<string, never>; result: readonly ServerCertificateView[] };
  'opcua.trust': { args: { thumbprint: string }; result: ServerCertificateView };
  'opcua.reject': { args: { thumbprint: string }; result: ServerCertificateView };
  'settings.get': { args: Record<string, never>; result: AppSettings };
  'settings.set': { args: AppSettingsPatch; result: AppSettings };
  'alarms.implausible': { args: ImplausibleArgs; result: readonly ImplausibleInterval[] };
  'history.preview': { args: HistoryCsvArgs; result: HistoryPreviewView };
  'history.import': { args: HistoryCsvArgs & { readonly pointId: string }; result: HistoryImportResult };
}

/** event name -> payload */
export interface ApiEvents {
  status: CollectorStatus;
  /** Latest power per building after a poll round, kW. */
  live: { readonly ts: number; readonly buildings: Readonly<Record<string, PowerSample>> };
}

export type MethodName = keyof ApiMethods;
export type ArgsOf<M extends MethodName> = ApiMethods[M]['args'];
export type ResultOf<M extends MethodName> = ApiMethods[M]['result'];
export type EventName = keyof ApiEvents;

export interface PlusTwinApi {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** The name under which Electron's preload exposes the api on window. */
export const API_GLOBAL = 'plustwin';

/** Serve mode wire format: POST {method, args} to HTTP_CALL_PATH answers a Result; events arrive on WS_EVENTS_PATH. */
export const HTTP_CALL_PATH = '/api/call';
export const WS_EVENTS_PATH = '/api/events';

export interface WireCall {
  readonly method: string;
  readonly args: unknown;
}

export interface WireEvent<E extends EventName = EventName> {
  readonly event: E;
  readonly payload: ApiEvents[E];
}
