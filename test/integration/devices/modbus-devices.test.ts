/**
 * Device management over the API with real Modbus simulators: profiles, "test connection", add / update / remove,
 * bad input that stores nothing, and the restart test (stored devices are polled again by a new core).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../../drivers/modbus/index.js';
import { profileSimDevice, startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { call, callError, userDataDir, waitFor } from './core-helpers.js';

let sim: ModbusTcpSimulator;
let dir: string;
let core: Core | undefined;
const logs: string[] = [];

// in the profile's units (W, kWh): the probe answers canonical kW
const meterValues: Record<string, number> = { power_total: 4200, energy_import: 1234.5, energy_export: 10, voltage_l1: 230.1 };

beforeAll(async () => {
  sim = await startModbusTcpSimulator({
    units: {
      1: profileSimDevice(await loadProfile('eastron-sdm630'), (k) => meterValues[k] ?? 1),
      2: sunSpecSimDevice([{ id: 1, strings: { Mn: 'SMA', Md: 'STP 8.0', SN: '3008123456', Vr: '4.1' } }, 103], (k) => (k === '103.W' ? 5200 : 1)),
    },
  });
  dir = await userDataDir('plustwin-devices-');
  core = await startCore({ dataDir: dir, transport: 'http', demo: false, log: (l) => logs.push(l) });
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const meterUrl = () => `modbus-tcp://127.0.0.1:${sim.port}?unit=1`;
const inverterUrl = () => `modbus-tcp://127.0.0.1:${sim.port}?unit=2`;

describe('devices over the API (Modbus)', () => {
  it('lists the shipped profiles', async () => {
    const profiles = await call(core!, 'profiles.list', {});
    expect(profiles.find((p) => p.id === 'eastron-sdm630')).toMatchObject({ manufacturer: expect.stringMatching(/eastron/i) });
  });

  it('test connection: SunSpec auto shows identity and values, a profile shows its values', async () => {
    const sunspec = await call(core!, 'devices.probe', { url: inverterUrl() });
    expect(sunspec.identity).toMatchObject({ manufacturer: 'SMA', model: 'STP 8.0', serial: '3008123456' });
    expect(sunspec.notes.join(' ')).toMatch(/SunSpec/);
    const meter = await call(core!, 'devices.probe', { url: meterUrl(), profile: 'eastron-sdm630' });
    expect(meter.values.find((v) => v.key === 'power_total')).toMatchObject({ unit: 'kW', value: expect.closeTo(4.2, 3) });
  });

  it('bad input gets a clear error: unknown profile, bad URL, unreachable device, no SunSpec', async () => {
    const unknown = await callError(core!, 'devices.probe', { url: meterUrl(), profile: 'acme-9000' });
    expect(unknown).toMatchObject({ kind: 'validation' });
    expect(unknown.message).toMatch(/unknown profile "acme-9000"/);
    const badUrl = await callError(core!, 'devices.probe', { url: 'http://127.0.0.1:502' });
    expect(badUrl).toMatchObject({ kind: 'validation', where: 'url' });
    const noHost = await callError(core!, 'devices.probe', { url: 'modbus-tcp://?unit=1' });
    expect(noHost.kind).toBe('validation');
    const dead = await callError(core!, 'devices.probe', { url: 'modbus-tcp://127.0.0.1:1?unit=1' });
    expect(dead.kind).toBe('device');
    const notSunSpec = await callError(core!, 'devices.probe', { url: meterUrl() });
    expect(notSunSpec.message).toMatch(/SunSpec/);
  });

  it('adding with bad input stores nothing', async () => {
    const base = { name: 'Zähler', buildingId: 'school' };
    expect((await callError(core!, 'devices.add', { ...base, url: meterUrl(), profile: 'acme-9000' })).kind).toBe('validation');
    expect((await callError(core!, 'devices.add', { ...base, url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'sunspec' })).kind).toBe('device');
    expect(await callError(core!, 'devices.add', { ...base, buildingId: 'mars', url: meterUrl(), profile: 'eastron-sdm630' })).toMatchObject({
      kind: 'not-found',
      where: 'buildingId',
    });
    expect((await callError(core!, 'devices.add', { ...base, url: 'ftp://x', profile: 'sunspec' })).where).toBe('url');
    const view = await call(core!, 'district.get', {});
    expect(view.devices).toHaveLength(0);
    expect(view.points).toHaveLength(0);
    expect(await call(core!, 'devices.list', {})).toEqual([]);
  });

  it('adds a profile meter and a SunSpec inverter, polls them, edits and removes', async () => {
    const meter = await call(core!, 'devices.add', { name: 'Hauptzähler', buildingId: 'school', url: meterUrl(), profile: 'eastron-sdm630', pollIntervalMs: 1000 });
    expect(meter.run).toBe('running');
    expect(meter.device).toMatchObject({ protocol: 'modbus-tcp', profile: 'eastron-sdm630', buildingId: 'school' });
    const pv = await call(core!, 'devices.add', { name: 'PV Turnhalle', buildingId: 'gym', url: inverterUrl(), profile: 'sunspec', pollIntervalMs: 1000 });
    expect(pv.points.some((p) => p.role === 'generation')).toBe(true);

    const online = await waitFor('both devices online', async () => {
      const list = await call(core!, 'devices.list', {});
      return list.length === 2 && list.every((e) => e.health?.state === 'online') ? list : undefined;
    });
    expect(online.map((e) => e.device.name).sort()).toEqual(['Hauptzähler', 'PV Turnhalle']);
    const view = await call(core!, 'district.get', {});
    expect(view.points.filter((p) => p.deviceId === meter.device.id).map((p) => p.id)).toContain(`${meter.device.id}:power_total`);

    // the same meter used as a sub-meter of the gym: forward energy becomes consumption, reverse becomes info
    const edited = await call(core!, 'devices.update', {
      id: meter.device.id,
      device: { name: 'Unterzähler Turnhalle', buildingId: 'gym', url: meterUrl(), profile: 'eastron-sdm630', role: 'consumption', pollIntervalMs: 1000 },
    });
    expect(edited.device.name).toBe('Unterzähler Turnhalle');
    const after = await call(core!, 'district.get', {});
    const imp = after.points.find((p) => p.id === `${meter.device.id}:energy_import`);
    const exp = after.points.find((p) => p.id === `${meter.device.id}:energy_export`);
    expect(imp).toMatchObject({ role: 'consumption', buildingId: 'gym' });
    expect(exp?.role).toBe('info');

    // a failing edit keeps the device as it was
    const failed = await callError(core!, 'devices.update', {
      id: meter.device.id,
      device: { name: 'x', buildingId: 'gym', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'eastron-sdm630' },
    });
    expect(failed.kind).toBe('device');
    expect((await call(core!, 'district.get', {})).devices.find((d) => d.id === meter.device.id)?.url).toBe(meterUrl());

    await call(core!, 'devices.remove', { id: pv.device.id });
    const rest = await call(core!, 'devices.list', {});
    expect(rest.map((e) => e.device.id)).toEqual([meter.device.id]);
    expect((await call(core!, 'status.get', {})).devices.map((h) => h.deviceId)).toEqual([meter.device.id]);
    expect((await callError(core!, 'devices.remove', { id: pv.device.id })).kind).toBe('not-found');
    // the map and panels no longer show it; its points (and history) stay
    const afterRemove = await call(core!, 'district.get', {});
    expect(afterRemove.devices.map((d) => d.id)).toEqual([meter.device.id]);
    expect(afterRemove.points.some((p) => p.deviceId === pv.device.id)).toBe(true);
  });

  it('after a restart on the same data folder the stored devices are polled again', async () => {
    const before = await call(core!, 'devices.list', {});
    expect(before).toHaveLength(1);
    await core!.close();
    core = await startCore({ dataDir: dir, transport: 'http', demo: false, log: (l) => logs.push(l) });
    await core.devices.started;
    const polled = await waitFor('the stored meter polled after restart', async () => {
      const list = await call(core!, 'devices.list', {});
      const e = list[0];
      return e && e.health && e.health.pollCount > 0 && e.health.state === 'online' ? e : undefined;
    });
    expect(polled.device.id).toBe(before[0]!.device.id);
    expect(polled.run).toBe('running');
    expect(polled.demo).toBe(false);
    expect(logs.some((l) => /starting 1 stored device/.test(l))).toBe(true);
  });

  it('a stored device that is down at startup is retried and joins when it comes back', async () => {
    const port = sim.port;
    await core!.close();
    await sim.close();
    core = await startCore({ dataDir: dir, transport: 'http', demo: false, log: (l) => logs.push(l) });
    await core.devices.started;
    const [down] = await call(core, 'devices.list', {});
    // a profile meter's driver is created without the device; its polls fail until it answers
    expect(down?.health?.state === 'online').toBe(false);
    sim = await startModbusTcpSimulator({ port, units: { 1: profileSimDevice(await loadProfile('eastron-sdm630'), (k) => meterValues[k] ?? 1) } });
    await waitFor('meter back online', async () => {
      const [e] = await call(core!, 'devices.list', {});
      return e?.health?.state === 'online' ? e : undefined;
    }, 60_000);
    expect(fs.existsSync(path.join(dir, 'district.sqlite'))).toBe(true);
  });
});
