/**
 * The first-run path: the user adds a meter to the demo district; after a restart the demo starts its own devices
 * and the supervisor starts the user's meter again, without starting any demo device twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { call, waitFor } from './core-helpers.js';

let sim: ModbusTcpSimulator;
let dir: string;
let core: Core | undefined;

beforeAll(async () => {
  sim = await startModbusTcpSimulator({ units: { 1: sunSpecSimDevice([1, 103], (k) => (k === '103.W' ? 3000 : 1)) } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-devices-demo-'));
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = () => startCore({ dataDir: dir, transport: 'http', demo: true, demoHistoryDays: 1 });

describe('a user meter in the demo district', () => {
  it('is polled again after a restart, next to the demo devices', async () => {
    core = await start();
    await core.demo?.heatReady;
    await core.devices.started;
    const before = await call(core, 'devices.list', {});
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((e) => e.demo)).toBe(true);
    const building = (await call(core, 'district.get', {})).buildings[0]!;
    const added = await call(core, 'devices.add', { name: 'PV Nachrüstung', buildingId: building.id, url: `modbus-tcp://127.0.0.1:${sim.port}?unit=1`, profile: 'sunspec', pollIntervalMs: 1000 });
    await core.close();

    core = await start();
    await core.demo?.heatReady;
    await core.devices.started;
    const entry = await waitFor('the user meter polled after restart', async () => {
      const e = (await call(core!, 'devices.list', {})).find((x) => x.device.id === added.device.id);
      return e?.health?.state === 'online' ? e : undefined;
    });
    expect(entry.demo).toBe(false);
    const status = await call(core, 'status.get', {});
    expect(status.devices.filter((h) => h.deviceId === added.device.id)).toHaveLength(1);
    expect(status.devicesTotal).toBe(before.length + 1);
  });
});
