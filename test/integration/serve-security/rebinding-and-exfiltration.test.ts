/**
 * Attacks on serve's HTTP API and event socket, bound to loopback as by default:
 * - DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends `Host: evil.example:PORT` and a
 *   matching Origin. It must be refused on every path (API, event socket, static files).
 * - Password exfiltration: devices.update with the address changed to a server the attacker controls and an empty
 *   password must not send the stored password there. Both "servers" are real OPC UA simulators on 127.0.0.1 that
 *   accept only operator/secret-1, so a successful update would prove the rogue one received the password.
 * - the smaller items: 413 with a message for an over-size body, a lower-case `bearer` scheme.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuildingAutomationSimulator, type BuildingAutomationSimulator } from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { startHttpServer, type RunningHttpServer } from '../../../main/shells/serve/http-server.js';
import { createHostAllowList } from '../../../main/shells/serve/host-allow-list.js';
import { hashToken } from '../../../main/shells/serve/access.js';
import { userDataDir } from '../devices/core-helpers.js';

const PKI = path.join(os.tmpdir(), 'plustwin-exfiltration-sim-pki');
const USERS = [{ username: 'operator', password: 'secret-1' }];
let legit: BuildingAutomationSimulator;
let rogue: BuildingAutomationSimulator;
let dir: string;
let core: Core;
let server: RunningHttpServer;
let tokenServer: RunningHttpServer;

beforeAll(async () => {
  legit = await startBuildingAutomationSimulator({ pkiDir: PKI, buildings: fixtureBuildings, values: fixtureValues, users: USERS });
  rogue = await startBuildingAutomationSimulator({ pkiDir: `${PKI}-rogue`, buildings: fixtureBuildings, values: fixtureValues, users: USERS });
  dir = await userDataDir('plustwin-exfiltration-');
  core = await startCore({ dataDir: dir, transport: 'http', demo: false });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const common = { host: '127.0.0.1', port: 0, staticDir, handlers: core.handlers, events: core.events };
  server = await startHttpServer({ ...common, access: { tokenHash: null, hosts: createHostAllowList('127.0.0.1', ['plustwin.lan']) } });
  tokenServer = await startHttpServer({ ...common, access: { tokenHash: hashToken('t0ken'), hosts: createHostAllowList('127.0.0.1') } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await tokenServer?.close();
  await core?.close();
  await legit?.close();
  await rogue?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** POST /api/call with a forged Host header (fetch refuses to set Host, so node:http does it). */
async function rawCall(base: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const http = await import('node:http');
  const url = new URL('/api/call', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const apiCall = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  rawCall(server.url, JSON.stringify({ method, args }), headers);

function wsStatus(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => {});
  });
}

describe('DNS rebinding', () => {
  it('refuses a foreign Host with a matching Origin on the API, the event socket and static files', async () => {
    const port = new URL(server.url).port;
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const r = await apiCall('app.info', {}, evil);
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/unknown host 'evil\.example:\d+'.*--allow-host/) } });
    const ws = server.url.replace('http', 'ws') + 'api/events';
    expect(await wsStatus(ws, evil)).toBe(403);
    expect(await wsStatus(ws, { host: `localhost:${port}` })).toBe('open');
    const http = await import('node:http');
    const page = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port, path: '/', headers: evil }, (res) => resolve(res.statusCode ?? 0)));
    expect(page).toBe(403);
  });

  it('answers loopback names, the bound address and names added with --allow-host', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `plustwin.lan:${port}`, `PlusTwin.LAN:${port}`]) {
      const r = await apiCall('app.info', {}, { host });
      expect(r.status, host).toBe(200);
    }
  });
});

describe('a changed endpoint never reuses the stored password', () => {
  const points = () => [
    { nodeId: legit.nodeId('school-1', 'H1', 'HeatEnergy'), key: 'heat_energy', medium: 'heat' as const, role: 'consumption' as const, kind: 'energy-counter' as const },
  ];
  const input = (url: string, password: string) => ({
    name: 'Wärmezähler',
    buildingId: 'school',
    url,
    opcua: { login: { kind: 'username' as const, username: 'operator', password }, points: points() },
  });

  it('keeps the password for the same endpoint, refuses to send it to another one', async () => {
    const added = await apiCall('devices.add', input(legit.endpointUrl, 'secret-1'));
    expect(added.json).toMatchObject({ ok: true });
    const id = (added.json as { value: { device: { id: string } } }).value.device.id;

    // same address, security and user: an empty password keeps the stored one (the dialog never sees it)
    const renamed = await apiCall('devices.update', { id, device: { ...input(legit.endpointUrl, ''), name: 'Wärmezähler Schule' } });
    expect(renamed.json).toMatchObject({ ok: true, value: { device: { name: 'Wärmezähler Schule' } } });

    // the attack: only the address changes, the password is left empty
    const stolen = await apiCall('devices.update', { id, device: input(rogue.endpointUrl, '') });
    expect(stolen.json).toMatchObject({
      ok: false,
      error: { kind: 'validation', where: 'device.opcua.login.password', message: expect.stringMatching(/enter the password again/) },
    });
    expect(rogue.sessionCount()).toBe(0);
    // a changed security mode or user name counts as another endpoint too
    const sec = await apiCall('devices.update', { id, device: { ...input(legit.endpointUrl, ''), opcua: { ...input(legit.endpointUrl, '').opcua, security: 'SignAndEncrypt:Basic256Sha256' } } });
    expect(sec.json).toMatchObject({ ok: false, error: { where: 'device.opcua.login.password' } });
    // re-entered, the move is the user's decision and goes through
    const moved = await apiCall('devices.update', { id, device: input(rogue.endpointUrl, 'secret-1') });
    expect(moved.json).toMatchObject({ ok: true, value: { device: { url: rogue.endpointUrl } } });
  }, 60_000);
});

describe('smaller items', () => {
  it('answers 413 with a message for an over-size body instead of cutting the connection', async () => {
    const big = JSON.stringify({ method: 'app.info', args: { pad: 'x'.repeat(13 << 20) } });
    const res = await fetch(new URL('/api/call', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/larger than 12 MB/) } });
  });

  it('takes the Bearer scheme in any case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const r = await rawCall(tokenServer.url, JSON.stringify({ method: 'app.info', args: {} }), { authorization: `${scheme} t0ken` });
      expect(r.status, scheme).toBe(200);
    }
    const wrong = await rawCall(tokenServer.url, JSON.stringify({ method: 'app.info', args: {} }), { authorization: 'bearer nope' });
    expect(wrong.status).toBe(401);
  });
});
