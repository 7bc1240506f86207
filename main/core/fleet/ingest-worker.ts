/**
 * One central ingest worker: takes its share of the collectors' messages (MQTT 5 shared subscription: the broker
 * hands each message to one worker of the group), writes them to PostgreSQL in batches and publishes each touched
 * site's confirmations (retained) so the collectors know what they may stop replaying.
 *
 * A worker holds received messages only in memory until its batch commits. If it dies, the broker has already
 * taken them off its queue; nothing is lost for good, because the collectors' outboxes keep every reading until an
 * ack confirms it, and send again when the ack does not move.
 */
import type mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import type pg from 'pg';
import { loadMqtt, loadPg } from '../base/client-modules.js';
import { createSchema } from './central-schema.js';
import { CentralWriter, type ReceivedIntervals, type ReceivedReadings } from './central-writer.js';
import { decodeDistrict, decodeIntervals, decodeReadings, decodeReadingsBatch, encodeAck, type DistrictMessage, type ReadingsMessage } from './messages.js';
import { clientOptions, type BrokerAccess } from './mqtt-options.js';
import { ackTopic, DISTRICT_SUBSCRIPTION, ingestSubscriptions, parseDistrictTopic, parsePointTopic, parseSiteReadingsTopic } from './topics.js';

/** Readings waiting after a write that make the next write start at once rather than after flushMs. */
const BACKLOG_READINGS = 5000;

export interface IngestOptions {
  readonly access: BrokerAccess;
  readonly pgUrl: string;
  readonly clientId?: string;
  /** Real ms between two writes at most. */
  readonly flushMs?: number;
  /** Readings held in memory at most; beyond, messages are dropped (their collectors send them again). */
  readonly maxPending?: number;
  readonly log?: (line: string) => void;
}

export interface IngestStats {
  readonly received: number;
  readonly written: number;
  readonly duplicates: number;
  readonly intervals: number;
  readonly rejected: number;
  readonly dropped: number;
  readonly pending: number;
}

export class IngestWorker {
  private readonly client: MqttClient;
  private readings: ReceivedReadings[] = [];
  private intervals: ReceivedIntervals[] = [];
  /** Each site's latest district message not yet stored; kept until PostgreSQL takes it (it may be restarting). */
  private readonly districts = new Map<string, DistrictMessage>();
  private districtFailing = false;
  private pendingReadings = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private failing = false;
  private readonly counters = { received: 0, written: 0, duplicates: 0, intervals: 0, rejected: 0, dropped: 0 };
  private readonly log: (line: string) => void;

  private constructor(
    private readonly o: IngestOptions,
    private readonly pool: pg.Pool,
    private readonly writer: CentralWriter,
    connect: typeof mqtt.connect,
  ) {
    this.log = o.log ?? (() => {});
    this.client = connect(o.access.url, clientOptions(o.access, o.clientId ?? `plustwin-ingest-${process.pid}-${Date.now().toString(36)}`));
    this.client.on('connect', () => {
      this.log(`mqtt: connected to ${o.access.url}`);
      this.client.subscribe([...ingestSubscriptions(), DISTRICT_SUBSCRIPTION], { qos: 1 }, (err) => {
        if (err) this.log(`mqtt: subscribe failed: ${err.message}`);
      });
      // after a broker restart the retained acks may be gone: publish them again from the database
      this.republishAcks().catch((e: unknown) => this.log(`postgres: ${(e as Error).message}`));
    });
    this.client.on('error', (e) => this.log(`mqtt: ${e.message}`));
    this.client.on('message', (topic, payload) => this.onMessage(topic, payload));
    this.schedule();
  }

  static async start(o: IngestOptions): Promise<IngestWorker> {
    const [pg, mqtt] = await Promise.all([loadPg(), loadMqtt()]);
    const pool = new pg.Pool({ connectionString: o.pgUrl, max: 2 });
    // an idle connection that dies (server restart) is reported here; without a listener it would end the process
    pool.on('error', (e) => o.log?.(`postgres: ${e.message}`));
    const client = await pool.connect();
    try {
      await createSchema(client);
    } finally {
      client.release();
    }
    return new IngestWorker(o, pool, new CentralWriter(pool), mqtt.connect);
  }

  stats(): IngestStats {
    return { ...this.counters, pending: this.pendingReadings };
  }

  private onMessage(topic: string, payload: Buffer): void {
    const site = parseDistrictTopic(topic);
    if (site !== null) return this.onDistrict(topic, site, payload);
    const batchSite = parseSiteReadingsTopic(topic);
    const t = batchSite === null ? parsePointTopic(topic) : null;
    if (batchSite === null && t === null) return;
    if (this.pendingReadings > (this.o.maxPending ?? 2_000_000)) {
      this.counters.dropped += 1;
      return;
    }
    if (batchSite !== null) {
      // a whole message or nothing: one bad part refuses it, so no part is confirmed without the others
      const m = decodeReadingsBatch(payload);
      if (!m.ok) return this.reject(topic, m.message);
      for (const part of m.value.parts) this.take(batchSite, part.building, part.point, part.readings);
    } else if (t === null) {
      return;
    } else if (t.kind === 'readings') {
      const m = decodeReadings(payload);
      if (!m.ok) return this.reject(topic, m.message);
      this.take(t.site, t.building, t.point, m.value);
    } else {
      const m = decodeIntervals(payload);
      if (!m.ok) return this.reject(topic, m.message);
      this.intervals.push({ site: t.site, building: t.building, point: t.point, message: m.value });
    }
  }

  private take(site: string, building: string, point: string, message: ReadingsMessage): void {
    this.readings.push({ site, building, point, message });
    this.pendingReadings += message.ts.length;
    this.counters.received += message.ts.length;
  }

  /**
   * A site's structure: stored at once (rare, small next to readings); a failure is logged, the retained copy comes
   * again. It is filed under the topic's site (the collector's --site, which the broker's ACL vouches for), whatever
   * id the district file gives its site.
   */
  private onDistrict(topic: string, site: string, payload: Buffer): void {
    const m = decodeDistrict(payload);
    if (!m.ok) return this.reject(topic, m.message);
    // stored by the next flush: a district lost to a database restart would never come again (the collector sends
    // it once per change or connection, and no ack asks for it)
    this.districts.set(site, m.value);
  }

  private async storeDistricts(): Promise<void> {
    for (const [site, district] of [...this.districts]) {
      try {
        await this.writer.saveDistrict(site, district);
        if (this.districts.get(site) === district) this.districts.delete(site);
        if (this.districtFailing) this.log(`postgres: district of ${site} stored`);
        this.districtFailing = false;
      } catch (e) {
        if (!this.districtFailing) this.log(`postgres: district of ${site} not stored yet, trying again: ${(e as Error).message}`);
        this.districtFailing = true;
        return;
      }
    }
  }

  private reject(topic: string, why: string): void {
    this.counters.rejected += 1;
    if (this.counters.rejected <= 10) this.log(`mqtt: ${topic}: message rejected: ${why}`);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.running = this.flush().finally(() => this.schedule());
      },
      // a backlog that arrived while the last batch was written goes at once: waiting flushMs after every batch left
      // each worker idle for a third of a sustained ingest (test/bench/fleet-ingest.ts)
      this.failing ? 1000 : this.pendingReadings >= BACKLOG_READINGS ? 0 : (this.o.flushMs ?? 200),
    );
  }

  /** Writes what has arrived; on failure keeps it for the next attempt (PostgreSQL restarting, say). */
  async flush(): Promise<void> {
    if (this.districts.size > 0) await this.storeDistricts();
    if (this.readings.length === 0 && this.intervals.length === 0) return;
    const readings = this.readings;
    const intervals = this.intervals;
    this.readings = [];
    this.intervals = [];
    try {
      const result = await this.writer.write(readings, intervals);
      this.pendingReadings -= readings.reduce((n, r) => n + r.message.ts.length, 0);
      this.counters.written += result.readings;
      this.counters.duplicates += result.duplicates;
      this.counters.intervals += result.intervals;
      if (this.failing) this.log('postgres: writing again');
      this.failing = false;
      await this.publishAcks(result.sites);
    } catch (e) {
      if (!this.failing) this.log(`postgres: write failed, keeping ${readings.length} messages for the next attempt: ${(e as Error).message}`);
      this.failing = true;
      this.readings = readings.concat(this.readings);
      this.intervals = intervals.concat(this.intervals);
    }
  }

  private async publishAcks(sites: Iterable<string>): Promise<void> {
    for (const site of sites) {
      const ack = await this.writer.confirmations(site);
      this.client.publish(ackTopic(site), encodeAck(ack), { qos: 1, retain: true });
    }
  }

  private async republishAcks(): Promise<void> {
    await this.publishAcks(await this.writer.sites());
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
    await this.flush().catch(() => undefined);
    await this.client.endAsync();
    await this.pool.end();
  }
}
