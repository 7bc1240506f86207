import { describe, expect, it } from 'vitest';
import type { CollectorStatus, DeviceHealth, DistrictView } from '../../../models/contract/index.js';
import { activeAlarms } from '../../../renderer/panels/alarms.js';

const health = (deviceId: string, state: DeviceHealth['state'], lastGoodTs: number | null): DeviceHealth => ({
  deviceId, state, lastGoodTs, lastError: state === 'online' ? null : 'timeout', errorCount: 1, pollCount: 5, latencyMs: null,
});

const status = (devices: DeviceHealth[]): CollectorStatus => ({
  now: 0, speed: 1, devicesOnline: 0, devicesTotal: devices.length, lastPollTs: null, readingsStored: 0, devices,
});

const district = {
  site: { id: 's', name: 's', origin: { lat: 51, lon: 7 }, timezone: 'Europe/Berlin' },
  buildings: [{ id: 'b1', name: 'Schule', use: 'school', footprint: [], heightM: 9 }],
  devices: [{ id: 'm1', name: 'Netzzähler', buildingId: 'b1', protocol: 'modbus-tcp', url: 'x', profile: 'p', pollIntervalMs: 1000 }],
  points: [],
} as unknown as DistrictView;

describe('alarms', () => {
  it('lists devices that are offline or backing off, longest without data first, with their building', () => {
    const alarms = activeAlarms(
      status([health('ok', 'online', 50), health('m1', 'backoff', 20), health('x', 'offline', null), health('u', 'unknown', null)]),
      district,
    );
    expect(alarms.map((a) => a.deviceId)).toEqual(['x', 'm1']);
    expect(alarms[1]).toMatchObject({ deviceName: 'Netzzähler', buildingId: 'b1', buildingName: 'Schule' });
    expect(alarms[0]).toMatchObject({ deviceName: 'x', buildingId: null });
  });
  it('is empty when every device answers', () => {
    expect(activeAlarms(status([health('a', 'online', 1)]), district)).toEqual([]);
  });
});
