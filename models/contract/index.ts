/**
 * The one contract between the UI and the core. Electron's preload and serve mode's HTTP/WebSocket client both
 * implement PlusTwinApi; the renderer is written against it and never knows which transport carries it.
 * Each feature file declares its types and its slice of the method and event maps; this file composes them.
 * Every argument type is validated again where it enters main/ (main/core/api/schemas.ts), and a compile-time
 * check there fails when a schema's input drifts from the argument type here.
 */
import type { Result } from '../result.js';
import type { AlarmMethods } from './alarms.js';
import type { AnalysisMethods } from './analysis.js';
import type { AssetMethods } from './assets.js';
import type { CarrierMethods } from './carriers.js';
import type { DeviceMethods } from './devices.js';
import type { DistrictMethods } from './district.js';
import type { FileMethods } from './files.js';
import type { HistoryMethods } from './history.js';
import type { OpcUaMethods } from './opcua.js';
import type { PlanningMethods } from './planning.js';
import type { PlanningCategoryMethods } from './planning-categories.js';
import type { ScenarioMethods } from './scenarios.js';
import type { SettingsMethods } from './settings.js';
import type { StatusEvents, StatusMethods } from './status.js';
import type { TariffMethods } from './tariffs.js';

export type * from './alarms.js';
export type * from './analysis.js';
export * from './assets.js';
export type * from './carriers.js';
export type * from './devices.js';
export type * from './district.js';
export type * from './history.js';
export type * from './opcua.js';
export type * from './overview.js';
export type * from './planning.js';
export type * from './planning-categories.js';
export type * from './scenarios.js';
export type * from './settings.js';
export type * from './status.js';
export type * from './tariffs.js';
export * from './wire.js';
export * from './files.js';

/** method name -> [argument, result] */
export type ApiMethods = StatusMethods &
  DistrictMethods &
  AnalysisMethods &
  CarrierMethods &
  ScenarioMethods &
  DeviceMethods &
  OpcUaMethods &
  SettingsMethods &
  AlarmMethods &
  HistoryMethods &
  AssetMethods &
  TariffMethods &
  FileMethods &
  PlanningMethods &
  PlanningCategoryMethods;

/** event name -> payload */
export type ApiEvents = StatusEvents;

export type MethodName = keyof ApiMethods;
export type ArgsOf<M extends MethodName> = ApiMethods[M]['args'];
export type ResultOf<M extends MethodName> = ApiMethods[M]['result'];
export type EventName = keyof ApiEvents;

export interface PlusTwinApi {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

export interface WireEvent<E extends EventName = EventName> {
  readonly event: E;
  readonly payload: ApiEvents[E];
}
