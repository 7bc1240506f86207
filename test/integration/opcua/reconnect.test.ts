import { afterEach, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import { createOpcUaDriver } from '../../../drivers/opcua/opcua-driver.js';
import {
  startBuildingAutomationSimulator,
  type BuildingAutomationSimulator,
} from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { simNodeId } from '../../../drivers/simulators/opcua/building-model.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { recordFault } from '../faults/fault-report.js';
import { CLIENT_PKI, SIM_PKI, opcuaDevice, waitFor } from './helpers.js';

const cfg: OpcUaDeviceConfig = {
  publishingIntervalMs: 200,
  points: [
    { key: 'p', nodeId: simNodeId('school-1', 'M1', 'ActivePower'), name: 'P', medium: 'electricity', role: 'import', kind: 'power' },
    { key: 'e', nodeId: simNodeId('school-1', 'M1', 'EnergyImport'), name: 'E', medium: 'electricity', role: 'import', kind: 'energy-counter' },
  ],
};

const servers: ChildServer[] = [];
const inProcess: BuildingAutomationSimulator[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(inProcess.splice(0).map((s) => s.close()));
});

describe('OPC UA reconnect after kill -9', () => {
  it('resumes data with exactly one session and flags the gap', async () => {
    const first = await startChildServer(0, SIM_PKI);
    servers.push(first);
    const events: string[] = [];
    const driver = await createOpcUaDriver(opcuaDevice(first.endpointUrl, 'dev-restart', 500), cfg, {
      pkiDir: CLIENT_PKI,
      onStateChange: (s) => events.push(s),
    });
    try {
      const before = await waitFor('readings before the crash', async () => {
        const r = await driver.read(Date.now());
        return r.length === 2 ? r : undefined;
      });
      expect(before.every((r) => r.quality === 'good')).toBe(true);
      expect(await first.sessions()).toBe(1);

      await first.kill9();
      // the gap: reads fail (missing samples) instead of repeating the last values
      const gapError = await waitFor('a failing read while the server is down', async () => {
        const e = await driver.read(Date.now()).then(
          () => undefined,
          (err: unknown) => err,
        );
        return e;
      });
      expect(gapError).toBeInstanceOf(DeviceError);
      expect(['connection', 'timeout']).toContain((gapError as DeviceError).code);
      await new Promise((r) => setTimeout(r, 2000));
      await expect(driver.read(Date.now())).rejects.toBeInstanceOf(DeviceError);

      const second = await startChildServer(first.port, SIM_PKI);
      servers.push(second);
      const restarted = Date.now();
      const after = await waitFor(
        'readings after the restart',
        async () => {
          const r = await driver.read(Date.now());
          return r.length === 2 ? r : undefined;
        },
        45_000,
        250,
      );
      expect(after.every((r) => r.quality === 'good')).toBe(true);
      recordFault({
        fault: 'OPC UA server killed (kill -9) and restarted',
        survived: true,
        readingsLost: 0,
        recoverMs: Date.now() - restarted,
        note: 'time from the new server listening to fresh readings; reads fail while it is down (a gap, not stale values)',
      });
      // energy keeps growing: these are fresh values from the new server, not the ones from before the crash
      const eBefore = before.find((r) => r.pointId.endsWith(':e'))!.value;
      expect(after.find((r) => r.pointId.endsWith(':e'))!.value).toBeGreaterThan(eBefore);
      expect(events).toContain('reconnecting');
      expect(events.at(-1)).toBe('connected');
      expect(await second.sessions()).toBe(1);
      // and it stays one: no session piles up while the client settles
      await new Promise((r) => setTimeout(r, 3000));
      expect(await second.sessions()).toBe(1);
      const diag = (driver as unknown as { diagnostics: () => { reconnections: number } }).diagnostics();
      expect(diag.reconnections).toBeGreaterThanOrEqual(1);
    } finally {
      await driver.close();
    }
    // two server start-ups in child processes: slow on a loaded two-core machine
  }, 180_000);
});

describe('a frozen server process (SIGSTOP)', () => {
  it('does not hold up another server and recovers with one session after SIGCONT', async () => {
    const frozen = await startChildServer(0, SIM_PKI);
    servers.push(frozen);
    const healthy = await startBuildingAutomationSimulator({ pkiDir: SIM_PKI, buildings: fixtureBuildings, values: fixtureValues });
    inProcess.push(healthy);
    const opts = { pkiDir: CLIENT_PKI, staleAfterMs: 3000 };
    const dFrozen = await createOpcUaDriver(opcuaDevice(frozen.endpointUrl, 'frozen', 500), cfg, opts);
    const dHealthy = await createOpcUaDriver(opcuaDevice(healthy.endpointUrl, 'healthy', 500), cfg, opts);
    try {
      for (const d of [dFrozen, dHealthy]) {
        await waitFor('readings', async () => ((await d.read(Date.now())).length === 2 ? true : undefined));
      }
      frozen.freeze();
      const failure = await waitFor('the frozen server to be reported', async () => {
        // the healthy server's read answers from its own subscription without waiting on any I/O or timer (it settles
        // before the next turn of the event loop), whatever the frozen one does: an order, not a wall-clock bound
        const nextTurn = new Promise<'waited'>((r) => setImmediate(() => r('waited')));
        const healthyReadings = await Promise.race([dHealthy.read(Date.now()), nextTurn]);
        expect(healthyReadings).not.toBe('waited');
        expect(healthyReadings).toHaveLength(2);
        return dFrozen.read(Date.now()).then(
          () => undefined,
          (e: unknown) => e,
        );
      });
      expect(failure).toBeInstanceOf(DeviceError);
      frozen.thaw();
      await waitFor('data again after SIGCONT', async () => ((await dFrozen.read(Date.now())).length === 2 ? true : undefined), 60_000);
      expect(await frozen.sessions()).toBe(1);
    } finally {
      await dFrozen.close();
      await dHealthy.close();
    }
  }, 180_000);
});
