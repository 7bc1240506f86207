/**
 * One way to turn a stored Device into a running DeviceDriver, whatever its protocol: Modbus TCP, RTU and
 * RTU-over-TCP through the Modbus driver (a profile or SunSpec discovery), OPC UA with the app's PKI folder.
 * A device whose config asks for a balance role (a profile meter used as a PV or sub-meter) gets its points
 * re-labelled here, so the collector, the store and the map all see the same points.
 */
import type { Device, Point, PointRole } from '../../../../models/types.js';
import { DeviceError, type DeviceDriver } from '../../../../drivers/device-driver.js';
import { createModbusDriver } from '../../../../drivers/modbus/index.js';
import { createOpcUaDriver, type OpcUaDeviceConfig } from '../../../../drivers/opcua/index.js';

export type DriverFactory = (device: Device) => Promise<DeviceDriver>;

export interface DriverFactoryOptions {
  /** <data>/pki: client certificate and the server certificates the user trusted. */
  readonly pkiDir: string;
  /** Folder of Modbus profile files (tests); the shipped profiles by default. */
  readonly profileDir?: string;
  /** First connection of an OPC UA device, ms. */
  readonly connectTimeoutMs?: number;
}

/** Roles a user may give a whole Modbus device; anything else keeps the profile's roles. */
export const DEVICE_ROLES = ['generation', 'consumption'] as const satisfies readonly PointRole[];

/**
 * A sub-meter measures one direction: its forward ('import') points become the chosen role and its reverse
 * ('export') points become 'info', so nothing is counted twice. A grid meter keeps the profile's roles.
 */
export function relabelPoints(points: readonly Point[], role: PointRole | undefined): Point[] {
  if (role === undefined || !(DEVICE_ROLES as readonly string[]).includes(role)) return [...points];
  return points.map((p) => (p.role === 'import' ? { ...p, role } : p.role === 'export' ? { ...p, role: 'info' as const } : p));
}

const withPoints = (driver: DeviceDriver, points: readonly Point[]): DeviceDriver => ({
  deviceId: driver.deviceId,
  points,
  read: (now) => driver.read(now),
  close: () => driver.close(),
});

export function createDriverFactory(options: DriverFactoryOptions): DriverFactory {
  return async (device) => {
    switch (device.protocol) {
      case 'modbus-tcp':
      case 'modbus-rtu':
      case 'modbus-rtu-tcp': {
        const driver = await createModbusDriver(device, options.profileDir ? { profileDir: options.profileDir } : {});
        const role = device.config?.['role'] as PointRole | undefined;
        return role === undefined ? driver : withPoints(driver, relabelPoints(driver.points, role));
      }
      case 'opcua':
        return createOpcUaDriver(device, (device.config ?? {}) as unknown as OpcUaDeviceConfig, {
          pkiDir: options.pkiDir,
          ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
        });
      default:
        throw new DeviceError('config', `${device.id}: unknown protocol '${String((device as Device).protocol)}'`, device.id);
    }
  };
}
