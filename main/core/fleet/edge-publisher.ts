/**
 * The collector's side of store-and-forward: publishes what its outbox holds and the central side has not confirmed,
 * with QoS 1, and announces the site's state (birth message, Last Will).
 *
 * Confirmation is the central side's ack (what PostgreSQL committed), not the broker's PUBACK: a PUBACK means the
 * broker has the message, which a broker restart without persistence or an ingest worker killed before its commit
 * can still lose. So a point's readings count as delivered only when the ack says so; until then they are sent
 * again after every reconnect and whenever the ack has not moved for retransmitMs (then marked as history).
 */
import mqtt, { type MqttClient } from 'mqtt';
import { clientOptions, type BrokerAccess } from './mqtt-options.js';
import { decodeAck, encodeIntervals, encodeReadings, encodeStatus } from './messages.js';
import { OutboxReader, type Confirmed, type OutboxPoint } from './outbox-reader.js';
import { ackTopic, pointTopic, statusTopic } from './topics.js';

export interface PublisherOptions {
  readonly access: BrokerAccess;
  readonly site: string;
  /** The collector's district file (its outbox). */
  readonly dbFile: string;
  readonly version?: string;
  /** Real ms between two passes over the outbox. */
  readonly tickMs?: number;
  /** Real ms without progress of a point's ack before its unconfirmed readings are sent again. */
  readonly retransmitMs?: number;
  /** Readings per message at most. */
  readonly perMessage?: number;
  readonly log?: (line: string) => void;
}

export interface PublisherStats {
  readonly connected: boolean;
  readonly messages: number;
  readonly readings: number;
  readonly replayed: number;
  /** Points whose outbox holds readings the central side has not confirmed, as of the last pass. */
  readonly unconfirmedPoints: number;
}

interface Cursor {
  seq: number;
  slot: number;
}

const NONE: Confirmed = { seq: 0, slot: 0 };

export class EdgePublisher {
  private readonly client: MqttClient;
  private points: OutboxPoint[] = [];
  private pointsLoadedAt = 0;
  private connected = false;
  /** What has been sent since the last (re)connect or retransmit, per point. */
  private readonly cursors = new Map<number, Cursor>();
  /** Highest seq ever sent per point in this run: a message starting at or below it is a replay. */
  private readonly maxSent = new Map<number, number>();
  /** Points still catching up after a (re)connect: what they send is history. */
  private catchingUp = new Set<number>();
  private readonly progressAt = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly counters = { messages: 0, readings: 0, replayed: 0, unconfirmedPoints: 0 };
  private readonly tickMs: number;
  private readonly retransmitMs: number;
  private readonly perMessage: number;
  private readonly log: (line: string) => void;

  private constructor(
    private readonly o: PublisherOptions,
    private readonly reader: OutboxReader,
    private readonly confirmed: Map<number, Confirmed>,
  ) {
    this.tickMs = o.tickMs ?? 250;
    this.retransmitMs = o.retransmitMs ?? 10_000;
    this.perMessage = o.perMessage ?? 1000;
    this.log = o.log ?? (() => {});
    this.client = mqtt.connect(o.access.url, {
      ...clientOptions(o.access, `plustwin-collect-${o.site}`),
      will: { topic: statusTopic(o.site), payload: encodeStatus({ state: 'offline' }), qos: 1, retain: true },
    });
    this.client.on('connect', () => this.onConnect());
    this.client.on('close', () => {
      if (this.connected) this.log(`mqtt: connection to ${o.access.url} lost; readings wait in the outbox`);
      this.connected = false;
    });
    this.client.on('error', (e) => this.log(`mqtt: ${e.message}`));
    this.client.on('message', (topic, payload) => this.onAck(topic, payload));
    this.schedule();
  }

  static async start(o: PublisherOptions): Promise<EdgePublisher> {
    const reader = await OutboxReader.open(o.dbFile);
    return new EdgePublisher(o, reader, await reader.confirmed());
  }

  stats(): PublisherStats {
    return { connected: this.connected, ...this.counters };
  }

  private onConnect(): void {
    this.log(`mqtt: connected to ${this.o.access.url} as site ${this.o.site}`);
    // everything unconfirmed goes again: the broker may have lost what it held when the connection broke
    this.cursors.clear();
    this.catchingUp = new Set(this.points.map((p) => p.pk));
    this.connected = true;
    const status = { state: 'online' as const, ...(this.o.version === undefined ? {} : { version: this.o.version }) };
    this.client.publish(statusTopic(this.o.site), encodeStatus(status), { qos: 1, retain: true });
    this.client.subscribe(ackTopic(this.o.site), { qos: 1 });
  }

  private onAck(topic: string, payload: Buffer): void {
    if (topic !== ackTopic(this.o.site)) return;
    const ack = decodeAck(payload);
    if (!ack.ok) {
      this.log(`mqtt: ignoring a malformed ack: ${ack.message}`);
      return;
    }
    const byId = new Map(this.points.map((p) => [p.id, p.pk]));
    const moved = new Map<number, Confirmed>();
    const ids = new Set([...Object.keys(ack.value.readings), ...Object.keys(ack.value.intervals)]);
    for (const id of ids) {
      const pk = byId.get(id);
      if (pk === undefined) continue;
      const was = this.confirmed.get(pk) ?? NONE;
      const now = { seq: Math.max(was.seq, ack.value.readings[id] ?? 0), slot: Math.max(was.slot, ack.value.intervals[id] ?? 0) };
      if (now.seq === was.seq && now.slot === was.slot) continue;
      this.confirmed.set(pk, now);
      this.progressAt.set(pk, Date.now());
      moved.set(pk, now);
    }
    this.reader.saveConfirmed(moved).catch((e: unknown) => this.log(`outbox: cannot save confirmations: ${(e as Error).message}`));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pass = this.publishPass()
        .catch((e: unknown) => this.log(`outbox: ${(e as Error).message}`))
        .finally(() => this.schedule());
    }, this.tickMs);
  }

  private async publishPass(): Promise<void> {
    if (Date.now() - this.pointsLoadedAt > 5000) {
      this.points = await this.reader.points();
      this.pointsLoadedAt = Date.now();
    }
    if (!this.connected) return;
    const sends: Array<Promise<unknown>> = [];
    let unconfirmed = 0;
    for (const p of this.points) {
      const c = this.confirmed.get(p.pk) ?? NONE;
      let cursor = this.cursors.get(p.pk);
      const pending = cursor !== undefined && (cursor.seq > c.seq || cursor.slot > c.slot);
      if (pending && Date.now() - (this.progressAt.get(p.pk) ?? 0) > this.retransmitMs) {
        cursor = undefined;
        this.progressAt.set(p.pk, Date.now());
      }
      if (!pending) this.progressAt.set(p.pk, Date.now());
      cursor ??= { seq: c.seq, slot: c.slot };
      this.cursors.set(p.pk, cursor);

      const rows = await this.reader.readingsAfter(p.pk, cursor.seq, this.perMessage);
      const first = rows[0];
      if (first !== undefined) {
        const history = this.catchingUp.has(p.pk) || first.seq <= (this.maxSent.get(p.pk) ?? 0);
        const payload = encodeReadings({
          first: first.seq,
          ts: rows.map((r) => r.ts),
          v: rows.map((r) => r.value),
          q: rows.map((r) => r.q),
          history,
        });
        sends.push(this.client.publishAsync(pointTopic(this.o.site, p.buildingId, p.id, 'readings'), payload, { qos: 1 }));
        cursor.seq = first.seq + rows.length - 1;
        this.maxSent.set(p.pk, Math.max(cursor.seq, this.maxSent.get(p.pk) ?? 0));
        this.counters.messages += 1;
        this.counters.readings += rows.length;
        if (history) this.counters.replayed += rows.length;
      }
      if (rows.length < this.perMessage) this.catchingUp.delete(p.pk);

      const intervals = await this.reader.finishedIntervalsAfter(p.pk, cursor.slot, 4 * this.perMessage);
      const last = intervals[intervals.length - 1];
      if (last !== undefined) {
        const payload = encodeIntervals({ after: cursor.slot, upto: last[1], rows: intervals, history: cursor.slot < c.slot || this.catchingUp.has(p.pk) });
        sends.push(this.client.publishAsync(pointTopic(this.o.site, p.buildingId, p.id, 'intervals'), payload, { qos: 1 }));
        cursor.slot = last[1];
        this.counters.messages += 1;
      }
      if (cursor.seq > c.seq || cursor.slot > c.slot) unconfirmed += 1;
    }
    this.counters.unconfirmedPoints = unconfirmed;
    // wait for the PUBACKs, so a pass never runs far ahead of what the broker took
    await Promise.allSettled(sends);
  }

  /** True when every reading and finished interval of the outbox is confirmed by the central side. */
  async drained(): Promise<boolean> {
    for (const p of await this.reader.points()) {
      const c = this.confirmed.get(p.pk) ?? NONE;
      if ((await this.reader.readingsAfter(p.pk, c.seq, 1)).length > 0) return false;
      if ((await this.reader.finishedIntervalsAfter(p.pk, c.slot, 1)).length > 0) return false;
    }
    return true;
  }

  /** Waits up to timeoutMs for the central side to confirm the whole outbox; true when it did. */
  async drain(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await this.drained()) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, Math.min(500, this.tickMs * 2)));
    }
  }

  /** Says offline (the Last Will is only for an unclean end), disconnects, closes the outbox connection. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.pass;
    if (this.connected)
      await this.client
        .publishAsync(statusTopic(this.o.site), encodeStatus({ state: 'offline' }), { qos: 1, retain: true })
        .catch(() => undefined);
    await this.client.endAsync(!this.connected);
    await this.reader.close();
  }
}
