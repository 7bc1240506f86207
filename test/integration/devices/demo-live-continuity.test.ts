/**
 * The demo's generated history hands over to live polling without a false alarm: the simulated meters publish
 * their counters as float32 registers, slightly off the exact values the history wrote last, and that rounding
 * must not read as a counter reset (which would book the whole counter as one implausible quarter hour).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { call, waitFor } from './core-helpers.js';

let dir: string;
let core: Core | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-demo-live-'));
});

afterAll(async () => {
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo district: history to live', () => {
  it('polls every demo meter live after its history without an implausible interval', async () => {
    core = await startCore({ dataDir: dir, transport: 'http', demo: true, demoHistoryDays: 1 });
    await core.demo?.heatReady;
    await core.devices.started;
    const devices = await call(core, 'devices.list', {});
    expect(devices.length).toBeGreaterThan(5);
    // every device answered at least twice after the history: the first live reading steps from the history's last
    await waitFor('every demo device polled live twice', async () => {
      const status = await call(core!, 'status.get', {});
      const polled = status.devices.filter((d) => d.state === 'online' && d.pollCount >= 2);
      return polled.length === devices.length ? polled : undefined;
    }, 60_000);
    await core.store.flush();
    const { now } = await call(core, 'status.get', {});
    const alarms = await call(core, 'alarms.implausible', { from: now - 3 * 86_400_000, to: now + 3_600_000 });
    expect(alarms.map((a) => `${a.pointId}: ${a.kwh} kWh`)).toEqual([]);
  }, 120_000);
});
