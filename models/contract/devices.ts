/** Device management: shipped profiles, "test connection", add / edit / remove and the device list. */
import type { Device, DeviceProtocol, Point, PointRole } from '../types.js';
import type { DeviceHealth } from './status.js';
import type { OpcUaLogin, OpcUaPointChoice, OpcUaSecurityChoice } from './opcua.js';

/** A shipped Modbus device profile, for the device dialog's profile list. */
export interface DeviceProfileInfo {
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly source: string;
  /** Choices the user must make when adding the device (e.g. a heat meter's energy unit); they go into the URL query. */
  readonly parameters?: readonly { readonly key: string; readonly choices: readonly string[] }[];
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

export interface DeviceMethods {
  'profiles.list': { args: Record<string, never>; result: readonly DeviceProfileInfo[] };
  'devices.probe': { args: { url: string; profile?: string; security?: OpcUaSecurityChoice; login?: OpcUaLogin }; result: DeviceProbeView };
  'devices.list': { args: Record<string, never>; result: readonly DeviceListEntry[] };
  'devices.add': { args: DeviceInput; result: DeviceListEntry };
  'devices.update': { args: { id: string; device: DeviceInput }; result: DeviceListEntry };
  'devices.remove': { args: { id: string }; result: { readonly id: string } };
}
