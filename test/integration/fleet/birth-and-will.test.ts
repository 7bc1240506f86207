/**
 * A collector's status on the broker: the birth message says online (retained, so a dashboard connecting later sees
 * it), the broker publishes the Last Will (offline) when the collector dies without a goodbye, and a graceful stop
 * says offline itself and exits 0 once its (here empty) outbox is confirmed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusTopic } from '../../../main/core/fleet/topics.js';
import { FLEET_ACL } from './acl.js';
import { startChild, type Child } from './fleet-children.js';
import { startMosquitto, type Mosquitto } from './servers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-will-'));
let broker: Mosquitto;
let watcher: MqttClient;
const states: string[] = [];
let collector: Child | undefined;

const startCollector = () =>
  startChild(
    'collect',
    'main/shells/collect/entry.ts',
    ['--mqtt', broker.url, '--site', 'site-a', '--password-file', path.join(tmp, 'pw'), '--data', path.join(tmp, 'data'), '--no-demo', '--drain-seconds', '20'],
    /PlusTwin collecting/,
  );

beforeAll(async () => {
  broker = await startMosquitto({ users: { 'plustwin-ingest': 'i', 'site-a': 'a' }, acl: FLEET_ACL });
  fs.writeFileSync(path.join(tmp, 'pw'), 'a\n', { mode: 0o600 });
  watcher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: 'plustwin-ingest', password: 'i' });
  watcher.on('message', (_topic, payload) => states.push((JSON.parse(payload.toString()) as { state: string }).state));
});

afterAll(async () => {
  await collector?.kill();
  await watcher?.endAsync(true);
  await broker?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('collector status', () => {
  it('is online while running, offline by Last Will after SIGKILL, offline by goodbye after SIGTERM', async () => {
    collector = await startCollector();
    await expect.poll(() => collector!.log(), { timeout: 30_000 }).toMatch(/mqtt: connected/);
    // subscribing after the birth still gets it: retained
    await watcher.subscribeAsync(statusTopic('site-a'), { qos: 1 });
    await expect.poll(() => states.at(-1), { timeout: 10_000 }).toBe('online');

    await collector.kill();
    // Mosquitto sends the will as soon as it notices the closed socket
    await expect.poll(() => states.at(-1), { timeout: 30_000 }).toBe('offline');

    collector = await startCollector();
    await expect.poll(() => states.at(-1), { timeout: 30_000 }).toBe('online');
    const before = states.length;
    expect(await collector.stop(30_000)).toBe(0);
    await expect.poll(() => states.slice(before), { timeout: 10_000 }).toContain('offline');
    expect(collector.log()).toMatch(/outbox fully confirmed/);
  });
});
