/**
 * The one contract between the UI and the core. Electron's preload and serve mode's HTTP/WebSocket client both
 * implement PlusTwinApi; the renderer is written against it and never knows which transport carries it.
 * Every argument type here is validated again where it enters main/ (main/api/schemas.ts).
 */
import type { Building, Device, Point, Site, IntervalQuality, BuildingUse } from './types.js';
import type { Result } from './result.js';

export type Resolution = '15min' | 'hour' | 'day' | 'month';

export interface DistrictView {
  readonly site: Site;
  readonly buildings: readonly Building[];
  readonly devices: readonly Device[];
  readonly points: readonly Point[];
}

/** Energy totals of one building over a period, kWh, electricity. */
export interface BuildingBalance {
  readonly buildingId: string;
  readonly from: number;
  readonly to: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** generation - consumption: positive means the building produced more than it used. */
  readonly netKwh: number;
  /** Share of the period's intervals that are measured (0..1). */
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

/** method name -> [argument, result] */
export interface ApiMethods {
  'app.info': { args: Record<string, never>; result: AppInfo };
  'district.get': { args: Record<string, never>; result: DistrictView };
  'district.balances': { args: { from: number; to: number }; result: readonly BuildingBalance[] };
  'building.series': {
    args: { buildingId: string; from: number; to: number; resolution: Resolution };
    result: BuildingSeries;
  };
  'status.get': { args: Record<string, never>; result: CollectorStatus };
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
