/**
 * LoRaWAN sensors over MQTT: subscribes to a network server's uplink topics (The Things Stack v3:
 * v3/<app>@<tenant>/devices/+/up; ChirpStack v4: application/<id>/device/+/event/up), turns each uplink into
 * readings through the mapping file (models/lorawan/) and stores them through store.ingest like any meter's.
 * The devices and points of the mapping are added to the district at start (device lorawan-<DevEUI>, protocol
 * 'lorawan', never polled). Lost uplinks (The Things Stack delivers QoS 0 only) are counted from the frame counter
 * and logged, never filled in.
 */
import type { MqttClient } from 'mqtt';
import { loadMqtt } from '../../base/client-modules.js';
import { FrameGapTracker, mappedPoints, mapUplink, parseUplink, type FrameGap, type LoRaWanMapping } from '../../../../models/lorawan/index.js';
import type { Device } from '../../../../models/types.js';
import type { Store } from '../../store/store.js';

export interface LoRaWanSubscriberOptions {
  /** mqtt://host:1883 or mqtts://host:8883 */
  readonly url: string;
  readonly topics: readonly string[];
  readonly username?: string;
  readonly password?: string;
  readonly mapping: LoRaWanMapping;
  readonly store: Pick<Store, 'getDistrict' | 'saveDistrict' | 'ingest'>;
  readonly log?: (line: string) => void;
}

export interface LoRaWanSubscriber {
  /** Uplinks turned into readings since the start. */
  readonly received: () => number;
  readonly gaps: () => readonly FrameGap[];
  close(): Promise<void>;
}

export async function startLoRaWanSubscriber(o: LoRaWanSubscriberOptions): Promise<LoRaWanSubscriber> {
  const log = o.log ?? (() => undefined);
  const view = await o.store.getDistrict();
  if (!view) throw new Error('LoRaWAN: the district file holds no district to attach the sensors to');
  const devices: Device[] = Object.entries(o.mapping.devices).map(([eui, d]) => ({
    id: `lorawan-${eui}`,
    name: eui,
    buildingId: d.buildingId,
    protocol: 'lorawan',
    url: o.url,
    profile: 'lorawan',
    // not polled; the nominal interval of a LoRaWAN meter's uplinks
    pollIntervalMs: 15 * 60_000,
  }));
  await o.store.saveDistrict(view.site, [], devices, mappedPoints(o.mapping));

  const tracker = new FrameGapTracker();
  const gaps: FrameGap[] = [];
  let received = 0;
  let chain: Promise<void> = Promise.resolve();
  const { connectAsync } = await loadMqtt();
  const client: MqttClient = await connectAsync(o.url, {
    ...(o.username !== undefined ? { username: o.username } : {}),
    ...(o.password !== undefined ? { password: o.password } : {}),
    reconnectPeriod: 2_000,
    // the first connection fails instead of retrying forever, so a caller starting with the app is not held up
    // by a broker that is away (inbound-listeners.ts tries again later); after it, the client reconnects itself
  }, false);
  client.on('message', (topic, payload) => {
    // one uplink after the other, so the frame counters and the store see them in arrival order
    chain = chain.then(async () => {
      let json: unknown;
      try {
        json = JSON.parse(payload.toString('utf8'));
      } catch {
        return log(`lorawan: ${topic}: not JSON`);
      }
      const parsed = parseUplink(json);
      if (!parsed.ok) return log(`lorawan: ${topic}: ${parsed.problem}`);
      const { uplink } = parsed;
      const mapped = mapUplink(o.mapping, uplink);
      if (!mapped) return log(`lorawan: ${uplink.devEui} (${uplink.deviceName}) is not in the mapping file`);
      const gap = tracker.see(uplink.devEui, uplink.fCnt, uplink.ts);
      if (gap) {
        gaps.push(gap);
        log(`lorawan: ${uplink.devEui}: ${gap.missed} uplink(s) lost after frame ${gap.afterFCnt}`);
      }
      if (mapped.missing.length > 0) log(`lorawan: ${uplink.devEui}: the uplink lacks ${mapped.missing.join(', ')}`);
      await o.store.ingest(mapped.readings);
      received++;
    }).catch((e: unknown) => log(`lorawan: ${topic}: ${(e as Error).message}`));
  });
  await client.subscribeAsync([...o.topics], { qos: 0 });
  log(`lorawan: subscribed to ${o.topics.join(', ')} on ${o.url}`);
  return {
    received: () => received,
    gaps: () => gaps,
    close: async () => {
      await client.endAsync();
      await chain;
    },
  };
}
