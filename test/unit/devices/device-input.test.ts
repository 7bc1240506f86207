import { describe, expect, it } from 'vitest';
import type { Point } from '../../../models/types.js';
import { newDeviceId, protocolOf, securityOf, toDevice } from '../../../main/core/ingest/devices/device-input.js';
import { relabelPoints } from '../../../main/core/ingest/devices/driver-factory.js';
import { deviceArgSchemas } from '../../../main/core/api/device-schemas.js';

describe('device input', () => {
  it('derives the protocol from the URL scheme', () => {
    expect(protocolOf('modbus-tcp://h:502?unit=1')).toBe('modbus-tcp');
    expect(protocolOf('modbus-rtu:///dev/ttyUSB0?unit=3')).toBe('modbus-rtu');
    expect(protocolOf('modbus-rtu-tcp://gw:4001?unit=2')).toBe('modbus-rtu-tcp');
    expect(protocolOf('opc.tcp://bms:4840')).toBe('opcua');
  });

  it('makes readable unique ids', () => {
    expect(newDeviceId('Zähler Turnhalle', () => 0.5)).toBe('dev-zahler-turnhalle-7fffff');
    expect(newDeviceId('***', () => 0)).toBe('dev-device-000000');
  });

  it('splits the security choice into mode and policy', () => {
    expect(securityOf('SignAndEncrypt:Basic256Sha256')).toEqual({ securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256' });
    expect(securityOf(undefined)).toEqual({ securityMode: 'None', securityPolicy: 'None' });
  });

  it('builds an OPC UA device config from picked variables', () => {
    const d = toDevice('dev-1', {
      name: 'BMS',
      buildingId: 'b1',
      url: 'opc.tcp://127.0.0.1:4840',
      opcua: { security: 'None', points: [{ nodeId: 'ns=1;s=X', key: 'heat', medium: 'heat', role: 'consumption', kind: 'energy-counter' }] },
    });
    expect(d.protocol).toBe('opcua');
    expect(d.profile).toBe('opcua');
    expect(d.config).toMatchObject({ securityMode: 'None', publishingIntervalMs: 1000, identity: { kind: 'anonymous' }, points: [{ name: 'heat', nodeId: 'ns=1;s=X' }] });
  });

  it('relabels a sub-meter: forward points take the role, reverse ones become info', () => {
    const p = (key: string, role: Point['role']): Point => ({ id: key, deviceId: 'd', buildingId: 'b', name: key, unit: 'kW', medium: 'electricity', role, kind: 'power' });
    const out = relabelPoints([p('imp', 'import'), p('exp', 'export'), p('v', 'info')], 'generation');
    expect(out.map((x) => x.role)).toEqual(['generation', 'info', 'info']);
    expect(relabelPoints([p('imp', 'import')], undefined)[0]?.role).toBe('import');
  });

  it('rejects bad input with the field that is wrong', () => {
    const add = deviceArgSchemas['devices.add'];
    const bad = (v: unknown) => {
      const r = add.safeParse(v);
      return r.success ? null : { path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message };
    };
    expect(bad({ name: 'M', buildingId: 'b', url: 'http://x', profile: 'sunspec' })).toMatchObject({ path: 'url' });
    expect(bad({ name: 'M', buildingId: 'b', url: 'modbus-tcp://h:502' })).toMatchObject({ path: 'profile' });
    expect(bad({ name: 'M', buildingId: 'b', url: 'opc.tcp://h:4840' })).toMatchObject({ path: 'opcua' });
    expect(bad({ name: 'M', buildingId: 'b', url: 'modbus-tcp://h', profile: 'Bad Profile' })).toMatchObject({ path: 'profile' });
    expect(bad({ name: 'M', buildingId: 'b', url: 'modbus-tcp://h', profile: 'sunspec' })).toBeNull();
  });
});
