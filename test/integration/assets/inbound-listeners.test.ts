/**
 * The district's own settings start its listeners: 'lorawan.setSettings' (password stored sealed) starts the
 * LoRaWAN subscriber against a real Mosquitto on 127.0.0.1 and an uplink is stored; 'ocpp.setSettings' starts and
 * stops the OCPP central system; a broker that is away keeps nothing from starting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetHandlers } from '../../../main/core/api/asset-handlers.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { startInboundListeners, type InboundListeners } from '../../../main/core/app/inbound-listeners.js';
import { keyFileCipher } from '../../../main/core/base/secret-cipher.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE, tempDir } from '../store/district-fixture.js';

const MOSQUITTO = '/usr/sbin/mosquitto';
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lorawan/${name}`, import.meta.url), 'utf8');
const tmp = tempDir();
let broker: ChildProcess | undefined;
let store: SqliteStore;
let inbound: InboundListeners;
let handlers: Handlers;
const log: string[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
const call = async (method: string, args: unknown) => {
  const r = await dispatch(handlers, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};

let mqttPort = 0;
beforeAll(async () => {
  if (!existsSync(MOSQUITTO)) throw new Error("the LoRaWAN MQTT test needs Debian's mosquitto: sudo apt-get install mosquitto");
  mqttPort = await freePort();
  writeFileSync(tmp.file('mosquitto.conf'), `listener ${mqttPort} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n`);
  broker = spawn(MOSQUITTO, ['-c', tmp.file('mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  for (let tries = 0; !(await accepts(mqttPort)); tries++) {
    if (tries > 200 || broker.exitCode !== null) throw new Error(`mosquitto did not start listening on ${mqttPort}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  store = await openStore(tmp.file('district.sqlite'), { flushIntervalMs: 50 });
  await store.saveDistrict(SITE, [building('schule-7')], [], []);
  const secrets = keyFileCipher(tmp.dir);
  inbound = await startInboundListeners({ store, secrets, now: () => Date.now(), log: (l) => log.push(l) });
  handlers = assetHandlers({ store, now: () => Date.now(), language: async () => 'de', secrets, restartOcpp: inbound.restartOcpp, restartLoRaWan: inbound.restartLoRaWan }) as unknown as Handlers;
});

afterAll(async () => {
  await inbound?.close();
  await store?.close();
  broker?.kill('SIGTERM');
  tmp.cleanup();
});

describe("listeners started from the district's settings", () => {
  it('starts the LoRaWAN subscriber from its settings, with the password sealed, and stores an uplink', async () => {
    expect(inbound.lorawan()).toBeUndefined();
    const view = await call('lorawan.setSettings', {
      enabled: true,
      url: `mqtt://127.0.0.1:${mqttPort}`,
      topics: ['v3/+/devices/+/up'],
      username: 'plustwin',
      password: 'geheimes-mqtt-passwort',
      mapping: JSON.parse(fixture('mapping.json')),
    });
    expect(view).toMatchObject({ enabled: true, username: 'plustwin', hasPassword: true });
    expect(JSON.stringify(view)).not.toContain('geheimes-mqtt-passwort');
    expect(await store.getMeta('lorawan_settings')).not.toContain('geheimes-mqtt-passwort');
    expect(inbound.lorawan()).toBeDefined();

    const publisher = await connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { clientId: 'network-server-under-test' });
    await publisher.publishAsync('v3/plustwin-dortmund@ttn/devices/waermezaehler-schule-7/up', fixture('tts-v3-uplink.json'));
    await publisher.endAsync();
    await expect.poll(() => inbound.lorawan()?.received(), { timeout: 20_000 }).toBe(1);

    // a mapping naming a building the district lacks is refused, and the running subscriber stays
    const bad = await dispatch(handlers, 'lorawan.setSettings', { enabled: true, url: `mqtt://127.0.0.1:${mqttPort}`, topics: [], mapping: { devices: { '70B3D5E75E01A2B3': { buildingId: 'nirgendwo', fields: {} } } } });
    expect(bad.ok).toBe(false);
    expect(inbound.lorawan()).toBeDefined();
  });

  it('keeps starting when the broker is away, and says it will try again', async () => {
    const closed = await freePort();
    await call('lorawan.setSettings', { enabled: true, url: `mqtt://127.0.0.1:${closed}`, topics: ['v3/+/devices/+/up'], mapping: JSON.parse(fixture('mapping.json')) });
    expect(inbound.lorawan()).toBeUndefined();
    expect(log.some((l) => l.includes(`lorawan: the subscriber could not start on mqtt://127.0.0.1:${closed}`) && l.includes('trying again'))).toBe(true);
    // the stored password was kept (absent = unchanged)
    expect(await call('lorawan.settings', {})).toMatchObject({ hasPassword: true });
  });

  it('starts and stops the OCPP central system when its settings change', async () => {
    const port = await freePort();
    await call('ocpp.setSettings', { enabled: true, host: '127.0.0.1', port, allowUnknown: false, unknownBuildingId: null, heartbeatS: 60 });
    expect(inbound.ocpp()?.port).toBe(port);
    expect(await accepts(port)).toBe(true);
    await call('ocpp.setSettings', { enabled: false, host: '127.0.0.1', port, allowUnknown: false, unknownBuildingId: null, heartbeatS: 60 });
    expect(inbound.ocpp()).toBeUndefined();
    expect(await accepts(port)).toBe(false);
    const unknownBuilding = await dispatch(handlers, 'ocpp.setSettings', { enabled: true, host: '127.0.0.1', port, allowUnknown: true, unknownBuildingId: 'nirgendwo', heartbeatS: 60 });
    expect(unknownBuilding).toMatchObject({ ok: false, error: { kind: 'not-found', where: 'unknownBuildingId' } });
  });
});
