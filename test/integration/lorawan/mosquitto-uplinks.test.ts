/**
 * LoRaWAN uplinks in both formats through a real Mosquitto broker on 127.0.0.1 (Debian's /usr/sbin/mosquitto with a
 * temporary configuration), published by a separate MQTT client, subscribed by PlusTwin and stored in SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMapping } from '../../../models/lorawan/index.js';
import type { Interval } from '../../../models/types.js';
import { startLoRaWanSubscriber, type LoRaWanSubscriber } from '../../../main/core/ingest/lorawan/lorawan-subscriber.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE, tempDir } from '../store/district-fixture.js';

const MOSQUITTO = '/usr/sbin/mosquitto';
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lorawan/${name}`, import.meta.url), 'utf8');
const tmp = tempDir();
let broker: ChildProcess | undefined;
let store: SqliteStore;
let subscriber: LoRaWanSubscriber | undefined;
let publisher: MqttClient | undefined;
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

let port = 0;
beforeAll(async () => {
  if (!existsSync(MOSQUITTO)) throw new Error('the LoRaWAN MQTT test needs Debian\'s mosquitto: sudo apt-get install mosquitto');
  port = await freePort();
  writeFileSync(tmp.file('mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n`);
  broker = spawn(MOSQUITTO, ['-c', tmp.file('mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  // wait for the broker's listener (a condition, not a time): up to 20 s on a loaded machine
  for (let tries = 0; !(await accepts(port)); tries++) {
    if (tries > 200 || broker.exitCode !== null) throw new Error(`mosquitto did not start listening on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  store = await openStore(tmp.file('district.sqlite'), { flushIntervalMs: 50, rawRetentionDays: 0 });
  await store.saveDistrict(SITE, [building('schule-7')], [], []);
  const mapping = parseMapping(JSON.parse(fixture('mapping.json')));
  if (!mapping.ok) throw new Error(mapping.problems.join('; '));
  subscriber = await startLoRaWanSubscriber({
    url: `mqtt://127.0.0.1:${port}`,
    topics: ['v3/+/devices/+/up', 'application/+/device/+/event/up'],
    mapping: mapping.mapping,
    store,
    log: (l) => log.push(l),
  });
  publisher = await connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'network-server-under-test' });
});

afterAll(async () => {
  await publisher?.endAsync();
  await subscriber?.close();
  await store?.close();
  broker?.kill('SIGTERM');
  tmp.cleanup();
});

it('stores uplinks of The Things Stack and ChirpStack, reports lost frames and flags the longer step', async () => {
  const tts = JSON.parse(fixture('tts-v3-uplink.json')) as Record<string, Record<string, unknown>>;
  const ttsAt = (receivedAt: string, fCnt: number, energyWh: number) =>
    JSON.stringify({ ...tts, received_at: receivedAt, uplink_message: { ...tts['uplink_message'], f_cnt: fCnt, decoded_payload: { energy: energyWh, meter: { power_kw: 18.4 }, flow_temperature: 70 } } });
  const topic = 'v3/plustwin-dortmund@ttn/devices/waermezaehler-schule-7/up';
  await publisher!.publishAsync(topic, ttsAt('2026-01-15T06:15:00Z', 44, 123_456));
  // frames 45 and 46 never arrive (QoS 0)
  await publisher!.publishAsync(topic, ttsAt('2026-01-15T06:45:00Z', 47, 124_000));
  await publisher!.publishAsync('application/17c82e96/device/a81758fffe0312ab/event/up', fixture('chirpstack-v4-uplink.json'));
  await publisher!.publishAsync(topic, '{"not": "an uplink"}');

  await expect.poll(() => subscriber!.received()).toBe(3);
  expect(subscriber!.gaps()).toEqual([{ devEui: '70B3D5E75E01A2B3', missed: 2, afterFCnt: 44, ts: Date.parse('2026-01-15T06:45:00Z') }]);
  await expect.poll(() => log.some((l) => l.includes('neither a The Things Stack'))).toBe(true);
  expect(log).toContain('lorawan: 70B3D5E75E01A2B3: 2 uplink(s) lost after frame 44');
  expect(log).toContain('lorawan: A81758FFFE0312AB: the uplink lacks pressure');
  await store.flush();

  const intervals: Interval[] = [];
  for await (const i of store.intervals(['lora-schule7-heat:energy'], Date.parse('2026-01-15T06:00:00Z'), Date.parse('2026-01-15T07:00:00Z'))) intervals.push(i);
  // 124,000 Wh - 123,456 Wh = 0.544 kWh over the 30 minutes 06:15-06:45, spread evenly: 0.272 kWh in each slot,
  // interpolated because the step is longer than 15 minutes (the two lost uplinks)
  expect(intervals.map((i) => [new Date(i.start).toISOString().slice(11, 16), i.quality])).toEqual([
    ['06:15', 'interpolated'],
    ['06:30', 'interpolated'],
  ]);
  intervals.forEach((i) => expect(i.kwh).toBeCloseTo(0.272, 9));

  const co2 = await store.sqlite.all<{ ts: number; value: number }>(
    'SELECT s.ts, s.value FROM samples s JOIN points p ON p.pk = s.point WHERE p.id = ?',
    ['lora-aula:co2'],
  );
  expect(co2).toEqual([{ ts: Date.parse('2026-01-15T06:30:01.500Z'), value: 812 }]);
  const view = await store.getDistrict();
  expect(view?.devices.find((d) => d.id === 'lorawan-70B3D5E75E01A2B3')).toMatchObject({ protocol: 'lorawan', buildingId: 'schule-7' });
});
