import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpcUaDriver } from '../../../drivers/opcua/opcua-driver.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import {
  startBuildingAutomationSimulator,
  type BuildingAutomationSimulator,
} from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { DeviceError } from '../../../drivers/device-driver.js';
import type { Reading } from '../../../models/types.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { CLIENT_PKI, SIM_PKI, opcuaDevice, waitFor } from './helpers.js';

let sim: BuildingAutomationSimulator;

beforeAll(async () => {
  sim = await startBuildingAutomationSimulator({ pkiDir: SIM_PKI, buildings: fixtureBuildings, values: fixtureValues });
});
afterAll(async () => {
  await sim?.close();
});

// Each case uses its own electricity meter: the counter reset of one case must not disturb the other.
const points = (b = 'school-1'): OpcUaDeviceConfig['points'] => [
  { key: 'p', nodeId: sim.nodeId(b, 'M1', 'ActivePower'), name: 'Power', medium: 'electricity', role: 'import', kind: 'power' },
  { key: 'e', nodeId: sim.nodeId(b, 'M1', 'EnergyImport'), name: 'Energy', medium: 'electricity', role: 'import', kind: 'energy-counter' },
  { key: 't', nodeId: sim.nodeId('school-1', 'H1', 'FlowTemperature'), name: 'Flow temp', medium: 'heat', role: 'info', kind: 'temperature' },
];

const byKey = (rs: Reading[], key: string) => rs.find((r) => r.pointId.endsWith(`:${key}`));

describe.each([
  ['subscription', 'school-1'],
  ['poll', 'townhall'],
] as const)('OPC UA driver against the simulator (%s)', (acquisition, b) => {
  it('delivers values in canonical units with units from EUInformation', async () => {
    const driver = await createOpcUaDriver(
      opcuaDevice(sim.endpointUrl, `dev-${acquisition}`, 200),
      { acquisition, publishingIntervalMs: 100, points: points(b) },
      { pkiDir: CLIENT_PKI },
    );
    try {
      expect(driver.points.map((p) => [p.id, p.unit])).toEqual([
        [`dev-${acquisition}:p`, 'kW'],
        [`dev-${acquisition}:e`, 'kWh'],
        [`dev-${acquisition}:t`, '°C'],
      ]);
      const rs = await waitFor('three readings', async () => {
        const r = await driver.read(Date.now());
        return r.length === 3 ? r : undefined;
      });
      const now = Date.now();
      const expectP = fixtureValues({ buildingId: b, meterId: 'M1', quantity: 'ActivePower', now });
      const expectE = fixtureValues({ buildingId: b, meterId: 'M1', quantity: 'EnergyImport', now });
      expect(byKey(rs, 'p')?.value).toBeCloseTo(expectP, 0);
      expect(Math.abs((byKey(rs, 'e')?.value ?? 0) - expectE)).toBeLessThan(0.1);
      expect(byKey(rs, 't')?.value).toBe(fixtureValues({ buildingId: 'school-1', meterId: 'H1', quantity: 'FlowTemperature', now }));
      expect(rs.every((r) => r.quality === 'good')).toBe(true);

      // Bad status from the server becomes quality 'bad'
      sim.faults.setBadStatus(true, { buildingId: b, meterId: 'M1' });
      const bad = await waitFor('bad quality', async () => {
        const r = await driver.read(Date.now());
        return byKey(r, 'p')?.quality === 'bad' ? r : undefined;
      });
      expect(byKey(bad, 'e')?.quality).toBe('bad');
      expect(byKey(bad, 't')?.quality).toBe('good');
      sim.faults.setBadStatus(false, { buildingId: b, meterId: 'M1' });
      await waitFor('good again', async () => {
        const r = await driver.read(Date.now());
        return byKey(r, 'p')?.quality === 'good' ? r : undefined;
      });

      // counter reset: the counter starts again near zero
      sim.faults.resetCounter(b, 'M1', 'EnergyImport');
      const reset = await waitFor('counter reset', async () => {
        const r = await driver.read(Date.now());
        const e = byKey(r, 'e');
        return e && e.value < 1 ? e : undefined;
      });
      expect(reset.value).toBeGreaterThanOrEqual(0);
    } finally {
      await driver.close();
    }
  });
});

describe('OPC UA driver config errors', () => {
  it('names the point whose node does not exist', async () => {
    const p = points();
    p[1] = { ...p[1]!, nodeId: 'ns=1;s=school-1/M1/Nope' };
    const err = await createOpcUaDriver(opcuaDevice(sim.endpointUrl), { points: p }, { pkiDir: CLIENT_PKI }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).code).toBe('config');
    expect((err as DeviceError).message).toMatch(/point 'e'.*does not exist/);
    expect(sim.sessionCount()).toBe(0);
  });

  it('refuses a unit that does not fit the kind', async () => {
    const p = points();
    p[0] = { ...p[0]!, kind: 'energy-counter' };
    const err = await createOpcUaDriver(opcuaDevice(sim.endpointUrl), { points: p }, { pkiDir: CLIENT_PKI }).catch((e: unknown) => e);
    expect((err as DeviceError).message).toMatch(/point 'p'.*unit 'kW' does not fit a energy-counter point/);
  });

  it('rejects a malformed config before connecting, naming the field', async () => {
    const err = await createOpcUaDriver(
      opcuaDevice(sim.endpointUrl),
      { securityMode: 'Sign', securityPolicy: 'None', points: [] },
      { pkiDir: CLIENT_PKI },
    ).catch((e: unknown) => e);
    expect((err as DeviceError).code).toBe('config');
    expect((err as DeviceError).message).toMatch(/securityPolicy: security mode Sign does not go with policy None/);
    expect((err as DeviceError).message).toMatch(/points: at least one point/);
  });

  it('reports an unreachable server as a connection error', async () => {
    const err = await createOpcUaDriver(opcuaDevice('opc.tcp://127.0.0.1:1'), { points: points() }, { pkiDir: CLIENT_PKI, connectTimeoutMs: 4000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeviceError);
    expect(['connection', 'timeout']).toContain((err as DeviceError).code);
  });
});

describe('monitored item parameters', () => {
  it('an absolute deadband suppresses small changes, without one every sample is delivered', async () => {
    const mk = (id: string, deadband?: { type: 'absolute'; value: number }) =>
      createOpcUaDriver(
        opcuaDevice(sim.endpointUrl, id, 100),
        {
          publishingIntervalMs: 100,
          points: [
            {
              key: 'p',
              nodeId: sim.nodeId('school-1', 'M1', 'ActivePower'),
              name: 'P',
              medium: 'electricity',
              role: 'import',
              kind: 'power',
              samplingIntervalMs: 100,
              queueSize: 5,
              ...(deadband ? { deadband } : {}),
            },
          ],
        },
        { pkiDir: CLIENT_PKI },
      );
    const plain = await mk('db-none');
    const damped = await mk('db-abs', { type: 'absolute', value: 100 });
    try {
      await new Promise((r) => setTimeout(r, 3000));
      const nPlain = plain.diagnostics().notifications;
      const nDamped = damped.diagnostics().notifications;
      // ActivePower changes a little on every sample, never by 100 kW
      expect(nDamped).toBe(1);
      expect(nPlain).toBeGreaterThan(5);
      expect(await damped.read(Date.now())).toHaveLength(1);
    } finally {
      await plain.close();
      await damped.close();
    }
  });
});

describe('one session per server', () => {
  it('devices on the same server share one session, closed with the last of them', async () => {
    const before = sim.sessionCount();
    const d1 = await createOpcUaDriver(opcuaDevice(sim.endpointUrl, 'share-1', 200), { points: points() }, { pkiDir: CLIENT_PKI });
    const d2 = await createOpcUaDriver(opcuaDevice(sim.endpointUrl, 'share-2', 200), { points: points('townhall') }, { pkiDir: CLIENT_PKI });
    try {
      expect(sim.sessionCount()).toBe(before + 1);
      for (const d of [d1, d2]) {
        await waitFor('readings', async () => ((await d.read(Date.now())).length === 3 ? true : undefined));
      }
      await d1.close();
      expect(sim.sessionCount()).toBe(before + 1);
      expect(await d2.read(Date.now())).toHaveLength(3);
      await expect(d1.read(Date.now())).rejects.toThrow(/driver is closed/);
    } finally {
      await d1.close();
      await d2.close();
    }
    await waitFor('the session to be closed', () => (sim.sessionCount() === before ? true : undefined), 5000);
  });
});
