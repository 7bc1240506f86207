/**
 * OPC UA device management over the API against the real building automation simulator: browse with search,
 * add a device from picked variables (unit from EUInformation), bad node ids store nothing, and an unknown server
 * certificate is shown to the user and only trusted when the user says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuildingAutomationSimulator, type BuildingAutomationSimulator } from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { call, callError, userDataDir, waitFor } from './core-helpers.js';

const SIM_PKI = path.join(os.tmpdir(), 'plustwin-devices-test-sim-pki');
let sim: BuildingAutomationSimulator;
let dir: string;
let core: Core;

beforeAll(async () => {
  sim = await startBuildingAutomationSimulator({ pkiDir: SIM_PKI, buildings: fixtureBuildings, values: fixtureValues });
  dir = await userDataDir('plustwin-devices-opcua-');
  core = await startCore({ dataDir: dir, transport: 'http', demo: false });
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('devices over the API (OPC UA)', () => {
  it('browses one level, then finds variables by search text with their path', async () => {
    const top = await call(core, 'opcua.browse', { url: sim.endpointUrl });
    expect(top.nodes.map((n) => n.displayName)).toEqual(expect.arrayContaining(['Server']));
    const found = await call(core, 'opcua.browse', { url: sim.endpointUrl, search: 'HeatEnergy' });
    const heat = found.matches?.find((m) => m.node.nodeId === sim.nodeId('school-1', 'H1', 'HeatEnergy'));
    expect(heat?.node.nodeClass).toBe('Variable');
    expect(heat?.path.length).toBeGreaterThan(1);
    const bad = await callError(core, 'opcua.browse', { url: 'modbus-tcp://127.0.0.1:502', search: 'x' });
    expect(bad).toMatchObject({ kind: 'validation', where: 'url' });
  });

  it('adds a device from picked variables; the unit comes from EUInformation', async () => {
    const entry = await call(core, 'devices.add', {
      name: 'Wärmezähler Schule',
      buildingId: 'school',
      url: sim.endpointUrl,
      // the UI's default poll interval (15 s): the subscription must still be accepted by the server
      opcua: {
        points: [
          { nodeId: sim.nodeId('school-1', 'H1', 'HeatEnergy'), key: 'heat_energy', name: 'Wärme', medium: 'heat', role: 'consumption', kind: 'energy-counter' },
          { nodeId: sim.nodeId('school-1', 'H1', 'HeatPower'), key: 'heat_power', medium: 'heat', role: 'consumption', kind: 'power' },
        ],
      },
    });
    expect(entry.device.protocol).toBe('opcua');
    expect(entry.points.find((p) => p.id.endsWith(':heat_energy'))).toMatchObject({ unit: 'kWh', medium: 'heat', role: 'consumption', buildingId: 'school' });
    await waitFor('OPC UA device online', async () => {
      const [e] = await call(core, 'devices.list', {});
      return e?.health?.state === 'online' ? e : undefined;
    }, 45_000);
  });

  it('a node id that does not exist is refused and nothing is stored', async () => {
    const before = await call(core, 'district.get', {});
    const e = await callError(core, 'devices.add', {
      name: 'Falsch',
      buildingId: 'gym',
      url: sim.endpointUrl,
      opcua: { points: [{ nodeId: 'ns=1;s=no/such/node', key: 'x', medium: 'heat', role: 'consumption', kind: 'power' }] },
    });
    expect(e.message).toMatch(/no\/such\/node/);
    const after = await call(core, 'district.get', {});
    expect(after.devices).toHaveLength(before.devices.length);
    expect(after.points).toHaveLength(before.points.length);
  });

  it('an unknown server certificate is listed with subject, thumbprint and validity and trusted only on request', async () => {
    const secure = { url: sim.endpointUrl, security: 'SignAndEncrypt:Basic256Sha256' } as const;
    const refused = await callError(core, 'devices.probe', secure);
    expect(refused.message).toMatch(/not trusted/);
    const certs = await call(core, 'opcua.certificates', {});
    const unknown = certs.find((c) => c.status === 'unknown');
    expect(unknown).toBeDefined();
    expect(unknown!.thumbprint).toMatch(/^[0-9a-f]{40}$/);
    expect(unknown!.subject.length).toBeGreaterThan(0);
    expect(Date.parse(unknown!.validTo)).toBeGreaterThan(Date.parse(unknown!.validFrom));
    expect(certs.some((c) => c.status === 'trusted')).toBe(false);

    expect((await callError(core, 'opcua.trust', { thumbprint: 'zz' })).kind).toBe('validation');
    expect((await callError(core, 'opcua.trust', { thumbprint: '0'.repeat(40) })).kind).toBe('not-found');

    const trusted = await call(core, 'opcua.trust', { thumbprint: unknown!.thumbprint });
    expect(trusted.status).toBe('trusted');
    const ok = await call(core, 'devices.probe', secure);
    expect(ok.protocol).toBe('opcua');
    expect((await call(core, 'opcua.certificates', {})).find((c) => c.thumbprint === unknown!.thumbprint)?.status).toBe('trusted');
  });
});
