import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import { browseOpcUa, pickVariable } from '../../../drivers/opcua/opcua-browse-session.js';
import { searchTree, type BrowsedNode } from '../../../drivers/opcua/opcua-browse.js';
import { probeOpcUa } from '../../../drivers/opcua/opcua-probe.js';
import { opcUaProbeText } from '../../../main/shells/cli/probe-text.js';
import { numberFormatter } from '../../../main/shells/cli/number-format.js';
import { parseOpcUaProbeArgs } from '../../../drivers/opcua/probe-args.js';
import {
  startBuildingAutomationSimulator,
  type BuildingAutomationSimulator,
} from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { CLIENT_PKI, SIM_PKI } from './helpers.js';

let sim: BuildingAutomationSimulator;

beforeAll(async () => {
  sim = await startBuildingAutomationSimulator({
    pkiDir: SIM_PKI,
    buildings: fixtureBuildings,
    values: fixtureValues,
    users: [{ username: 'operator', password: 'secret-1' }],
  });
});
afterAll(async () => {
  await sim?.close();
});

const find = (nodes: readonly BrowsedNode[] | undefined, name: string): BrowsedNode | undefined =>
  nodes?.find((n) => n.browseName.endsWith(name));

describe('probeOpcUa', () => {
  it('shows identity, endpoints, the browsed tree and current values', async () => {
    const r = await probeOpcUa(sim.endpointUrl, { pkiDir: CLIENT_PKI, browseDepth: 4 });
    expect(r.protocol).toBe('opcua');
    expect(r.identity.manufacturer).toBe('PlusTwin');
    expect(r.identity.model).toBe('PlusTwin Building Automation Simulator');
    expect(r.identity.version).toBe('1.0.0');
    const modes = new Set(r.endpoints.map((e) => `${e.securityMode}/${e.securityPolicy}`));
    expect(modes).toContain('SignAndEncrypt/Basic256Sha256');
    expect(modes).toContain('Sign/Aes128_Sha256_RsaOaep');
    expect(modes).toContain('None/None');
    expect(r.endpoints[0]!.userTokens).toEqual(expect.arrayContaining(['anonymous', 'username', 'certificate']));

    const ba = find(r.browse, 'BuildingAutomation');
    const power = find(find(find(ba?.children, 'school-1')?.children, 'M1')?.children, 'ActivePower');
    // the unit from the variable's EngineeringUnits property: the picker's guess uses it (kW: power, not a temperature)
    expect(power).toMatchObject({ nodeId: 'ns=1;s=school-1/M1/ActivePower', nodeClass: 'Variable', dataType: 'Double', unit: 'kW' });
    const v = r.values.find((x) => x.key === 'ns=1;s=school-1/M1/ActivePower');
    expect(v).toMatchObject({ unit: 'kW', quality: 'good', name: 'ActivePower' });
    expect(v!.value).toBeCloseTo(fixtureValues({ buildingId: 'school-1', meterId: 'M1', quantity: 'ActivePower', now: Date.now() }), 0);
    // 2 buildings: school-1 has M1 (5 variables) and H1 (3), townhall M1 (2)
    expect(r.values).toHaveLength(10);

    const text = opcUaProbeText(r, numberFormatter('en'));
    expect(text).toContain('manufacturer: PlusTwin');
    expect(text).toMatch(/ActivePower \[Variable : Double in kW\] ns=1;s=school-1\/M1\/ActivePower/);
    expect(text).toMatch(/ns=1;s=townhall\/M1\/EnergyImport\s+[\d.]+ kWh\s+good/);
  });

  it('reads only the given nodes, with Bad status shown as bad quality', async () => {
    sim.faults.setBadStatus(true, { buildingId: 'townhall' });
    try {
      const r = await probeOpcUa(sim.endpointUrl, {
        pkiDir: CLIENT_PKI,
        nodes: ['ns=1;s=townhall/M1/ActivePower', 'ns=1;s=school-1/H1/FlowTemperature', 'ns=1;s=nowhere'],
      });
      expect(r.browse).toBeUndefined();
      expect(r.values.map((v) => v.quality)).toEqual(['bad', 'good', 'bad']);
      expect(r.values[0]!.name).toMatch(/BadDeviceFailure/);
      expect(r.values[1]).toMatchObject({ unit: '°C', value: 70 + (('school-1'.length + 2) % 5) });
      expect(r.values[2]!.name).toMatch(/BadNodeIdUnknown/);
    } finally {
      sim.faults.setBadStatus(false, { buildingId: 'townhall' });
    }
  });

  it('takes the CLI arguments, including a password file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plustwin-probe-'));
    const pw = path.join(dir, 'pw.txt');
    await writeFile(pw, 'secret-1\n');
    const args = await parseOpcUaProbeArgs([sim.endpointUrl, '--browse', '0', '--node', 'ns=1;s=townhall/M1/EnergyImport', '--user', 'operator', '--password-file', pw, '--json']);
    expect(args.json).toBe(true);
    const r = await probeOpcUa(args.url, { pkiDir: CLIENT_PKI, ...args.options });
    expect(r.values).toHaveLength(1);
    expect(r.notes.join('\n')).toMatch(/username identity/);

    await writeFile(pw, 'wrong\n');
    const bad = await parseOpcUaProbeArgs([sim.endpointUrl, '--user', 'operator', '--password-file', pw]);
    await expect(probeOpcUa(bad.url, { pkiDir: CLIENT_PKI, ...bad.options })).rejects.toBeInstanceOf(DeviceError);
    expect(sim.sessionCount()).toBe(0);
  });
});

describe('browsing and picking variables', () => {
  it('browses level by level, searches and turns a pick into a point config', async () => {
    const top = await browseOpcUa(sim.endpointUrl, { pkiDir: CLIENT_PKI, depth: 1 });
    const ba = find(top, 'BuildingAutomation');
    expect(ba?.children).toBeUndefined(); // not browsed yet: the UI expands on demand
    const below = await browseOpcUa(sim.endpointUrl, { pkiDir: CLIENT_PKI, startNodeId: ba!.nodeId, depth: 3 });
    const hits = searchTree(below, 'flowtemp');
    expect(hits.map((h) => h.node.nodeId)).toEqual(['ns=1;s=school-1/M1/FlowTemperature', 'ns=1;s=school-1/H1/FlowTemperature']);
    expect(hits[1]!.path).toEqual(['Gesamtschule Bottrop', 'Waermezaehler', 'FlowTemperature']);

    const picked = await pickVariable(sim.endpointUrl, { pkiDir: CLIENT_PKI }, {
      nodeId: 'ns=1;s=school-1/H1/HeatEnergy',
      key: 'heat',
      medium: 'heat',
      role: 'consumption',
      kind: 'energy-counter',
    });
    expect(picked).toEqual({
      key: 'heat',
      nodeId: 'ns=1;s=school-1/H1/HeatEnergy',
      name: 'HeatEnergy',
      medium: 'heat',
      role: 'consumption',
      kind: 'energy-counter',
      unit: 'kWh',
    });
    await expect(
      pickVariable(sim.endpointUrl, { pkiDir: CLIENT_PKI }, { nodeId: 'ns=1;s=school-1/H1/HeatPower', key: 'x', medium: 'heat', role: 'consumption', kind: 'energy-counter' }),
    ).rejects.toThrow(/unit 'kW' does not fit a energy-counter point/);
  });
});
