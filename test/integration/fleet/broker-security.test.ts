/**
 * Mosquitto as the fleet runs it: passwords, the per-site ACL and TLS. A collector's publish under a foreign site
 * never reaches the ingest side; a wrong password and a broker certificate from an unknown CA are refused.
 */
import fs from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSubscriptions, pointTopic } from '../../../main/core/fleet/topics.js';
import { FLEET_ACL } from './acl.js';
import { makeTestPki, startMosquitto, type Mosquitto } from './servers.js';

let broker: Mosquitto;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
const clients: MqttClient[] = [];

async function connect(url: string, username: string, password: string, extra: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const c = mqtt.connect(url, { protocolVersion: 5, username, password, reconnectPeriod: 0, connectTimeout: 10_000, ...extra });
  clients.push(c);
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('error', reject);
  });
  return c;
}

beforeAll(async () => {
  pki = await makeTestPki();
  broker = await startMosquitto({
    users: { 'plustwin-ingest': 'ingest-secret', 'site-a': 'a-secret', 'site-b': 'b-secret' },
    acl: FLEET_ACL,
    tls: pki,
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await broker?.close();
});

describe('broker security', () => {
  it('delivers a site its own topics only', async () => {
    const ingest = await connect(broker.url, 'plustwin-ingest', 'ingest-secret');
    const got: string[] = [];
    ingest.on('message', (topic) => got.push(topic));
    await ingest.subscribeAsync(ingestSubscriptions(), { qos: 1 });
    const a = await connect(broker.url, 'site-a', 'a-secret');
    const foreign = pointTopic('site-b', 'house', 'meter', 'readings');
    const own = pointTopic('site-a', 'house', 'meter', 'readings');
    // MQTT 5: Mosquitto answers the refused QoS 1 publish with a failing reason code, or drops it; either way it
    // must not be delivered. The own publish after it arrives in order behind it, so waiting for that one suffices.
    await a.publishAsync(foreign, Buffer.from('{}'), { qos: 1 }).catch(() => undefined);
    await a.publishAsync(own, Buffer.from('{}'), { qos: 1 });
    await expect.poll(() => got.includes(own), { timeout: 10_000 }).toBe(true);
    expect(got).not.toContain(foreign);
  });

  it('refuses a wrong password', async () => {
    await expect(connect(broker.url, 'site-a', 'wrong')).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });

  it('speaks TLS with the fleet CA and refuses a client that does not trust it', async () => {
    const tlsUrl = `mqtts://127.0.0.1:${broker.tlsPort}`;
    const ok = await connect(tlsUrl, 'site-a', 'a-secret', { ca: fs.readFileSync(pki.ca), rejectUnauthorized: true });
    expect(ok.connected).toBe(true);
    await expect(connect(tlsUrl, 'site-a', 'a-secret', { rejectUnauthorized: true })).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });
});
