/**
 * Core domain types shared by every layer. Canonical units inside PlusTwin:
 * power in kW, energy in kWh, temperatures in °C, time as UTC epoch milliseconds.
 * Drivers convert device units to these before a Reading leaves drivers/.
 */

import type { DeviceProtocol, HeatSupplyCarrier, InboundProtocol, Medium, PointKind, PointRole } from './values.js';
import type { PlanningAttributes } from './planning/attributes.js';

export type { DeviceProtocol, InboundProtocol, Medium, PointKind, PointRole } from './values.js';

/** Quality of a raw sample, as the device or protocol reported it. */
export type SampleQuality = 'good' | 'uncertain' | 'bad';

/** Where a 15-minute interval energy came from (see docs/time-series.md). */
export type IntervalQuality =
  | 'measured'
  | 'interpolated'
  | 'recovered'
  | 'counter-reset'
  | 'rollover'
  | 'meter-replaced'
  | 'implausible'
  | 'estimated';

export type BuildingUse =
  | 'single-family'
  | 'multi-family'
  | 'school'
  | 'office'
  | 'town-hall'
  | 'shop'
  | 'other';

/** WGS84 longitude/latitude pair, degrees. */
export type LonLat = readonly [lon: number, lat: number];

export interface Building {
  readonly id: string;
  readonly name: string;
  readonly use: BuildingUse;
  /** Closed or open outer ring in WGS84; the first point is not repeated. */
  readonly footprint: readonly LonLat[];
  /** Eaves/total height above ground in metres. */
  readonly heightM: number;
  readonly storeys?: number;
  readonly roofType?: 'flat' | 'gable' | 'hip' | 'shed' | 'other';
  readonly address?: string;
  /** Installed PV peak power, kWp, where known (the scene sizes the drawn panels by it). */
  readonly pvKwp?: number;
  /** Heat-planning and BISKO attributes (year built, heating, floor area, sector), imported or entered. */
  readonly planning?: PlanningAttributes;
  /** How the building's metered useful heat is supplied; the analysis assumes a gas boiler (0.9) without it. */
  readonly heatSupply?: HeatSupply;
}

/**
 * The delivered carrier is heat / efficiency: a boiler's seasonal efficiency, 1 for district heat (the transfer
 * station's losses aside), a heat pump's seasonal COP (SCOP) for electricity.
 */
export interface HeatSupply {
  readonly carrier: HeatSupplyCarrier;
  readonly efficiency: number;
}

export interface Site {
  readonly id: string;
  readonly name: string;
  /** Reference point for local metric coordinates in the scene. */
  readonly origin: { readonly lat: number; readonly lon: number };
  readonly timezone: string;
}


export interface Device {
  readonly id: string;
  readonly name: string;
  readonly buildingId: string;
  readonly protocol: DeviceProtocol | InboundProtocol;
  /** modbus-tcp://host:port?unit=1, modbus-rtu:///dev/ttyUSB0?baud=9600&unit=3, opc.tcp://host:4840, ocpp://<chargePointId> */
  readonly url: string;
  /** Profile id from drivers/profiles, or 'sunspec' for auto discovery, or 'opcua' for picked nodes. */
  readonly profile: string;
  readonly pollIntervalMs: number;
  /** Protocol-specific settings (e.g. OPC UA security, identity and picked nodes), validated by the driver. */
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface Point {
  readonly id: string;
  readonly deviceId: string;
  readonly buildingId: string;
  readonly name: string;
  readonly unit: string;
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
}

/** One raw sample as read from a device, already in canonical units. */
export interface Reading {
  readonly pointId: string;
  readonly ts: number;
  readonly value: number;
  readonly quality: SampleQuality;
}

/** One energy value on the 15-minute UTC grid. */
export interface Interval {
  readonly pointId: string;
  /** Start of the interval, UTC epoch ms, a multiple of 15 minutes. */
  readonly start: number;
  readonly kwh: number;
  readonly quality: IntervalQuality;
}

/** One planar roof surface, as read from LoD2 geometry or assumed for flat / LoD1 roofs. */
export interface RoofSurface {
  readonly buildingId: string;
  /** Sloped area of the surface, m². */
  readonly areaM2: number;
  /** 0 = horizontal, 90 = vertical. */
  readonly tiltDeg: number;
  /** Compass azimuth the surface faces: 0 = north, 90 = east, 180 = south, 270 = west. */
  readonly azimuthDeg: number;
  /** LoD2 imports: the outer ring of each polygon of the surface, as modelled (absent for assumed roofs). */
  readonly outlines?: readonly RoofRing[];
}

/** A roof polygon's corner: WGS84 longitude, latitude and height above the building's ground, m. */
export type RoofPoint = readonly [lon: number, lat: number, heightM: number];

/** One planar roof polygon's outer ring, the first point not repeated. */
export type RoofRing = readonly RoofPoint[];
