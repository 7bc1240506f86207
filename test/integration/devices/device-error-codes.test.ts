/**
 * "Test connection" failures from real peers on 127.0.0.1 carry a code the UI says in the user's language with the
 * next step (models/error-codes.ts): a closed port, a device that never answers, one that hangs up at once, and a
 * meter whose registers do not fit the chosen profile. The German and English texts are the UI's own table.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../../drivers/modbus/index.js';
import { profileSimDevice, startModbusTcpSimulator, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { deviceErrorDetail } from '../../../main/core/api/device-error-detail.js';
import { createDeviceHandlers } from '../../../main/core/api/device-handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { ApiError } from '../../../models/result.js';
import { DeviceApiError, errorText } from '../../../renderer/devices/devices-api.js';
import { createI18n } from '../../../renderer/i18n/i18n.js';
import { closingPeer, silentPeer, type Peer } from '../faults/peers.js';
import { callError, userDataDir } from './core-helpers.js';

let core: Core | undefined;
let dir: string;
let sim: ModbusTcpSimulator;
const peers: Peer[] = [];

beforeAll(async () => {
  dir = await userDataDir('plustwin-error-codes-');
  core = await startCore({ dataDir: dir, transport: 'http', demo: false });
  // a meter whose answers the test turns into Modbus exceptions
  sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(await loadProfile('eastron-sdm630'), () => 1) } });
});
afterAll(async () => {
  await core?.close();
  await sim?.close();
  for (const p of peers) await p.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A probe with a short timeout (the core's default waits 8 s for a slow gateway). */
async function callProbe(url: string): Promise<ApiError> {
  const handlers = createDeviceHandlers({ supervisor: core!.devices.supervisor, pkiDir: core!.paths.pki, timeoutMs: 1000 });
  const r = await dispatch({ ...core!.handlers, ...handlers }, 'devices.probe', { url, profile: 'eastron-sdm630' });
  if (r.ok) throw new Error(`the probe of ${url} should have failed`);
  return r.error;
}

const de = createI18n('de');
const en = createI18n('en');
const say = (e: ApiError, lang: 'de' | 'en') => errorText(new DeviceApiError(e), lang === 'de' ? de : en);

describe('device failures carry a code and a next step', () => {
  it('a closed port: nothing listens at the address', async () => {
    const e = await callError(core!, 'devices.probe', { url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'eastron-sdm630' });
    expect(e).toMatchObject({ kind: 'device', code: 'device.refused', params: { address: '127.0.0.1:1' } });
    expect(say(e, 'de')).toMatch(/^Unter 127\.0\.0\.1:1 nimmt kein Gerät Verbindungen an: prüfen Sie IP-Adresse und Port/);
    expect(say(e, 'en')).toMatch(/^No device accepts connections at 127\.0\.0\.1:1: check the IP address and port/);
  });

  it('a device that never answers: the timeout and where to look', async () => {
    const peer = await silentPeer();
    peers.push(peer);
    const e = await callProbe(peer.url());
    expect(e).toMatchObject({ kind: 'device', code: 'device.timeout' });
    expect(Number(e.params?.['ms'])).toBeGreaterThan(0);
    expect(say(e, 'de')).toMatch(/^Das Gerät hat nicht innerhalb von \d+ ms geantwortet: prüfen Sie die Geräteadresse \(unit\)/);
  });

  it('a device that hangs up at once: another client may hold its connection', async () => {
    const peer = await closingPeer();
    peers.push(peer);
    const e = await callError(core!, 'devices.probe', { url: peer.url(), profile: 'eastron-sdm630' });
    expect(e).toMatchObject({ kind: 'device', code: 'device.closed' });
    expect(say(e, 'en')).toMatch(/^The device closed the connection at once\. Often another program/);
  });

  it('Modbus exceptions: 2 asks for the profile that fits, others are named', async () => {
    sim.setFault(1, { kind: 'exception', code: 2 });
    const e2 = await callProbe(`modbus-tcp://127.0.0.1:${sim.port}?unit=1`);
    expect(e2).toMatchObject({ kind: 'device', code: 'modbus.illegalAddress' });
    expect(say(e2, 'de')).toMatch(/Modbus-Ausnahme 2\): wählen Sie das Profil, das zum Zähler passt/);
    sim.setFault(1, { kind: 'exception', code: 4 });
    const e4 = await callProbe(`modbus-tcp://127.0.0.1:${sim.port}?unit=1`);
    expect(e4).toMatchObject({ kind: 'device', code: 'modbus.exception', params: { code: 4 } });
    expect(say(e4, 'en')).toMatch(/^The device answered with Modbus exception 4 \(/);
    sim.setFault(1, undefined);
  });

  it('reads the cause from the drivers\' messages as they word them', () => {
    // the Modbus bus's wording (drivers/modbus/modbus-bus.ts) and node-opcua's session refusal
    expect(deviceErrorDetail('m1 unit 1 FC3 0+2: exception 4 (server device failure)')).toEqual({ code: 'modbus.exception', params: { code: 4, name: 'server device failure' } });
    expect(deviceErrorDetail('m1 unit 1 FC3 0+2: exception 2 (illegal data address)')).toEqual({ code: 'modbus.illegalAddress', params: {} });
    expect(deviceErrorDetail('glt (opc.tcp://x:4840): session refused (username identity): BadUserAccessDenied (0x801f0000)')).toEqual({ code: 'opcua.login', params: {} });
    expect(deviceErrorDetail('bus: cannot connect (getaddrinfo ENOTFOUND zaehler.local)')).toEqual({ code: 'device.unknownHost', params: { host: 'zaehler.local' } });
    expect(deviceErrorDetail('something else entirely')).toBeUndefined();
  });
});
