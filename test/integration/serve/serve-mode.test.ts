/**
 * Serve mode end to end in one process: the real core (demo district on simulated Modbus gateways, real driver,
 * real SQLite file) behind the real HTTP + WebSocket server, called the way the browser calls it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CollectorStatus, DistrictView, BuildingBalance, BuildingSeries } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { startHttpServer, type RunningHttpServer } from '../../../main/shells/serve/http-server.js';

let dir: string;
let core: Core;
let server: RunningHttpServer;
const logs: string[] = [];

async function call<T>(method: string, args: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Result<T> }> {
  const res = await fetch(new URL('/api/call', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method, args }),
  });
  return { status: res.status, body: (await res.json()) as Result<T> };
}

const value = <T>(r: { body: Result<T> }): T => {
  if (!r.body.ok) throw new Error(`${r.body.error.kind}: ${r.body.error.message}`);
  return r.body.value;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-serve-'));
  // 60 days of history keep the test quick; the app default is a year
  core = await startCore({ dataDir: dir, transport: 'http', speed: 120, demo: true, demoHistoryDays: 60, log: (l) => logs.push(l) });
  server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    staticDir: path.join(dir, 'no-ui'),
    handlers: core.handlers,
    events: core.events,
    access: { tokenHash: null },
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('serve mode with the demo district', () => {
  it('reports where its data lives', async () => {
    const info = value(await call<{ dbPath: string; transport: string }>('app.info', {}));
    expect(info.transport).toBe('http');
    expect(info.dbPath).toBe(path.join(dir, 'district.sqlite'));
    expect(fs.statSync(info.dbPath).size).toBeGreaterThan(0);
  });

  it('serves the district with buildings, devices and points', async () => {
    const district = value(await call<DistrictView>('district.get', {}));
    expect(district.buildings.length).toBeGreaterThanOrEqual(6);
    expect(district.devices.length).toBeGreaterThan(district.buildings.length);
    expect(district.points.some((p) => p.role === 'generation' && p.kind === 'energy-counter')).toBe(true);
  });

  it('has history: some buildings are net producers over the backfilled period, some are not', async () => {
    const now = core.clock.now();
    const balances = value(await call<BuildingBalance[]>('district.balances', { from: now - 60 * DAY_MS, to: now }));
    expect(balances.length).toBeGreaterThanOrEqual(6);
    for (const b of balances) {
      expect(b.consumptionKwh).toBeGreaterThan(0);
      expect(b.netKwh).toBeCloseTo(b.consumptionKwh - b.generationKwh, 6);
      expect(b.consumptionKwh).toBeCloseTo(b.importKwh - b.exportKwh + b.generationKwh, 3);
    }
  });

  it('polls the simulated devices over Modbus and stores what it reads', async () => {
    const deadline = Date.now() + 30_000;
    let status: CollectorStatus;
    do {
      await new Promise((r) => setTimeout(r, 500));
      status = value(await call<CollectorStatus>('status.get', {}));
    } while ((status.devicesOnline < status.devicesTotal || status.readingsStored === 0) && Date.now() < deadline);
    expect(status.devicesTotal).toBeGreaterThan(6);
    expect(status.devicesOnline).toBe(status.devicesTotal);
    expect(status.readingsStored).toBeGreaterThan(0);
    const school = 'grundschule';
    // the store writes a batch at most a second after the collector hands it over
    let series: BuildingSeries;
    const until = Date.now() + 20_000;
    do {
      const now = core.clock.now();
      series = value(await call<BuildingSeries>('building.series', { buildingId: school, from: now - DAY_MS, to: now + 1, resolution: 'hour' }));
      if (series.power.length > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    } while (Date.now() < until);
    expect(series.energy.length).toBeGreaterThan(12);
    expect(series.power.length).toBeGreaterThan(0);
  });

  it('reads the heat meters over OPC UA from the simulated building automation server', async () => {
    await core.demo!.heatReady;
    const district = value(await call<DistrictView>('district.get', {}));
    const heatDevices = district.devices.filter((d) => d.protocol === 'opcua');
    expect(logs.join('\n')).not.toMatch(/could not start/);
    expect(heatDevices.map((d) => d.buildingId).sort()).toEqual(['grundschule', 'mfh-hochstrasse', 'rathaus']);
    const deadline = Date.now() + 30_000;
    let status: CollectorStatus;
    do {
      await new Promise((r) => setTimeout(r, 500));
      status = value(await call<CollectorStatus>('status.get', {}));
    } while (heatDevices.some((d) => status.devices.find((h) => h.deviceId === d.id)?.state !== 'online') && Date.now() < deadline);
    for (const d of heatDevices) expect(status.devices.find((h) => h.deviceId === d.id)?.state).toBe('online');
  });

  it('pushes status events over the WebSocket', async () => {
    const ws = new WebSocket(new URL('/api/events', server.url.replace('http', 'ws')));
    const event = await new Promise<{ event: string; payload: CollectorStatus }>((resolve, reject) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        if (msg.event === 'status') resolve(msg);
      });
      ws.on('error', reject);
    });
    ws.close();
    expect(event.payload.devicesTotal).toBeGreaterThan(6);
  });

  it('answers bad calls with typed errors, never exceptions', async () => {
    const unknown = await call('district.delete', {});
    expect(unknown.body).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const bad = await call('building.series', { buildingId: 'grundschule', from: 10, to: 5, resolution: 'hour' });
    expect(bad.body).toMatchObject({ ok: false, error: { kind: 'validation', where: 'to' } });
    const missing = await call('building.series', { buildingId: 'nope', from: 0, to: 5, resolution: 'hour' });
    expect(missing.body).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const notJson = await fetch(new URL('/api/call', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const crossSite = await call('app.info', {}, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(new URL('/api/call', server.url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });
});
