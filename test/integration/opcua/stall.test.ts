import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import { createOpcUaDriver } from '../../../drivers/opcua/opcua-driver.js';
import {
  startBuildingAutomationSimulator,
  type BuildingAutomationSimulator,
} from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { simNodeId } from '../../../drivers/simulators/opcua/building-model.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { CLIENT_PKI, SIM_PKI, opcuaDevice, waitFor } from './helpers.js';

let a: BuildingAutomationSimulator;
let b: BuildingAutomationSimulator;

beforeAll(async () => {
  a = await startBuildingAutomationSimulator({ pkiDir: SIM_PKI, buildings: fixtureBuildings, values: fixtureValues });
  b = await startBuildingAutomationSimulator({ pkiDir: SIM_PKI, buildings: fixtureBuildings, values: fixtureValues });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const cfg = (acquisition: 'subscription' | 'poll'): OpcUaDeviceConfig => ({
  acquisition,
  publishingIntervalMs: 100,
  requestTimeoutMs: 1000,
  points: [{ key: 'p', nodeId: simNodeId('townhall', 'M1', 'ActivePower'), name: 'P', medium: 'electricity', role: 'import', kind: 'power' }],
});

/**
 * The read's outcome, or 'late' if a timer of `ms` started just before it fires first. Load delays the read and the
 * timer alike, so this checks an order (did the read wait for a timeout?) rather than a wall-clock bound.
 */
async function beforeTimer<T>(ms: number, fn: () => Promise<T>): Promise<T | Error | 'late'> {
  const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), ms));
  return Promise.race([fn().catch((e: unknown) => e as Error), timer]);
}

describe('a stalled OPC UA server', () => {
  it.each(['subscription', 'poll'] as const)('does not block other servers (%s)', async (acquisition) => {
    const opts = { pkiDir: CLIENT_PKI, staleAfterMs: 2000 };
    const da = await createOpcUaDriver(opcuaDevice(a.endpointUrl, `stall-a-${acquisition}`, 100), cfg(acquisition), opts);
    const db = await createOpcUaDriver(opcuaDevice(b.endpointUrl, `stall-b-${acquisition}`, 100), cfg(acquisition), opts);
    try {
      for (const d of [da, db]) {
        await waitFor('first reading', async () => ((await d.read(Date.now())).length === 1 ? true : undefined));
      }
      a.faults.stall();
      // the healthy server keeps answering while a read of the other one hangs: the healthy read settles first
      for (let i = 0; i < 5; i++) {
        let stalledOutcome: unknown = 'pending';
        const stalled = da.read(Date.now()).then(
          (r) => (stalledOutcome = r),
          (e: unknown) => (stalledOutcome = e),
        );
        const rb = await db.read(Date.now());
        expect(rb).toHaveLength(1);
        // polling: either the stalled request is still waiting, or it was refused at once (connection known lost);
        // a timed-out request settling first would mean the healthy read queued behind it
        if (acquisition === 'poll' && stalledOutcome !== 'pending') expect((stalledOutcome as DeviceError).code).toBe('connection');
        await stalled;
        await new Promise((r) => setTimeout(r, 300));
      }
      // the stalled one answers within its request timeout (before a timer of 1.5 x that timeout started with it), and
      // soon with an error instead of stale values
      const failure = await waitFor('the stalled server to be reported', async () => {
        const ra = await beforeTimer(1500, () => da.read(Date.now()));
        expect(ra).not.toBe('late');
        return ra instanceof DeviceError ? ra : undefined;
      });
      expect(['timeout', 'connection']).toContain(failure.code);
      a.faults.resume();
      await waitFor('data again from the stalled server', async () => ((await da.read(Date.now())).length === 1 ? true : undefined), 40_000);
      expect(a.sessionCount()).toBe(1);
    } finally {
      await da.close();
      await db.close();
    }
  });
});

describe('simulator restart fault', () => {
  it('the driver comes back on its own with one session', async () => {
    const d = await createOpcUaDriver(opcuaDevice(b.endpointUrl, 'restart-fault', 100), cfg('subscription'), { pkiDir: CLIENT_PKI });
    try {
      await waitFor('first reading', async () => ((await d.read(Date.now())).length === 1 ? true : undefined));
      const restarting = b.faults.restart(2000);
      await waitFor('a failed read while the server is down', async () =>
        d.read(Date.now()).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      await restarting;
      await waitFor('data after the restart', async () => ((await d.read(Date.now())).length === 1 ? true : undefined), 40_000);
      expect(b.sessionCount()).toBe(1);
      expect(b.cumulatedSessionCount()).toBe(1);
    } finally {
      await d.close();
    }
  });
});

describe('network loss', () => {
  it('the same session is reused and unchanged values come back', async () => {
    const constant: OpcUaDeviceConfig = {
      publishingIntervalMs: 100,
      points: [{ key: 't', nodeId: simNodeId('school-1', 'H1', 'FlowTemperature'), name: 'T', medium: 'heat', role: 'info', kind: 'temperature' }],
    };
    const states: string[] = [];
    const d = await createOpcUaDriver(opcuaDevice(a.endpointUrl, 'net-loss', 100), constant, {
      pkiDir: CLIENT_PKI,
      onStateChange: (s) => states.push(s),
    });
    try {
      await waitFor('first reading', async () => ((await d.read(Date.now())).length === 1 ? true : undefined));
      const sessionsBefore = a.cumulatedSessionCount();
      a.faults.dropConnections();
      await waitFor('the loss to be noticed', () => (states.includes('reconnecting') ? true : undefined));
      const back = await waitFor('the constant value after the loss', async () => {
        const r = await d.read(Date.now());
        return r.length === 1 ? r[0] : undefined;
      });
      expect(back.value).toBe(70 + (('school-1'.length + 2) % 5));
      expect(a.sessionCount()).toBe(1);
      expect(a.cumulatedSessionCount()).toBe(sessionsBefore);
    } finally {
      await d.close();
    }
  });
});
