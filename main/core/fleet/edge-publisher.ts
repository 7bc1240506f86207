/**
 * The collector's side of store-and-forward: publishes what its outbox holds and the central side has not confirmed,
 * with QoS 1, and announces the site's state (birth message, Last Will).
 *
 * Confirmation is the central side's ack (what PostgreSQL committed), not the broker's PUBACK: a PUBACK means the
 * broker has the message, which a broker restart without persistence or an ingest worker killed before its commit
 * can still lose. So a point's readings count as delivered only when the ack says so; until then they are sent
 * again after every reconnect and whenever the ack has not moved for retransmitMs (then marked as history).
 */
import type mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { loadMqtt } from '../base/client-modules.js';
import { clientOptions, type BrokerAccess } from './mqtt-options.js';
import { decodeAck, districtMessage, encodeDistrict, encodeIntervals, encodeReadingsBatch, encodeStatus, type BatchPart } from './messages.js';
import { OutboxReader, type Confirmed, type OutboxPoint } from './outbox-reader.js';
import { ackTopic, districtTopic, pointTopic, siteReadingsTopic, statusTopic } from './topics.js';

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
  /** Readings per message at most (a message holds the readings of many points: messages.ts, ReadingsBatch). */
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

/** Rows read per pass at most (readings, and intervals): bounds memory while a long backlog is replayed. */
const PASS_ROWS = 20_000;

function groupBy<T extends { point: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.point);
    if (list === undefined) out.set(r.point, (list = []));
    list.push(r);
  }
  return out;
}

export class EdgePublisher {
  private readonly client: MqttClient;
  private points: OutboxPoint[] = [];
  private pointsLoadedAt = 0;
  /** The structure as last published in this connection; null after a (re)connect, so it goes again. */
  private publishedDistrict: string | null = null;
  private district: string | null = null;
  private connected = false;
  /** What has been sent since the last (re)connect or retransmit, per point. */
  private readonly cursors = new Map<number, Cursor>();
  /** Highest seq ever sent per point in this run: a message starting at or below it is a replay. */
  private readonly maxSent = new Map<number, number>();
  /** Points still catching up after a (re)connect: what they send is history. */
  private catchingUp = new Set<number>();
  private readonly progressAt = new Map<number, number>();
  private unsaved = new Map<number, Confirmed>();
  private saving = false;
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
    connect: typeof mqtt.connect,
  ) {
    this.tickMs = o.tickMs ?? 250;
    this.retransmitMs = o.retransmitMs ?? 10_000;
    this.perMessage = o.perMessage ?? 5000;
    this.log = o.log ?? (() => {});
    this.client = connect(o.access.url, {
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
    const mqtt = await loadMqtt();
    return new EdgePublisher(o, reader, await reader.confirmed(), mqtt.connect);
  }

  stats(): PublisherStats {
    return { connected: this.connected, ...this.counters };
  }

  private onConnect(): void {
    this.log(`mqtt: connected to ${this.o.access.url} as site ${this.o.site}`);
    // everything unconfirmed goes again: the broker may have lost what it held when the connection broke
    this.cursors.clear();
    this.publishedDistrict = null;
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
    for (const [pk, c] of moved) this.unsaved.set(pk, c);
    this.saveConfirmed();
  }

  /**
   * Persists the confirmations not yet saved, one save at a time. A save that finds the file busy (the store writing
   * a long batch) keeps them for the next attempt; the confirmations in memory are already in force.
   */
  private saveConfirmed(): void {
    if (this.saving || this.unsaved.size === 0) return;
    const batch = this.unsaved;
    this.unsaved = new Map();
    this.saving = true;
    this.reader
      .saveConfirmed(batch)
      .catch((e: unknown) => {
        for (const [pk, c] of batch) if (!this.unsaved.has(pk)) this.unsaved.set(pk, c);
        if (!/SQLITE_BUSY/.test((e as Error).message)) this.log(`outbox: cannot save confirmations: ${(e as Error).message}`);
      })
      .finally(() => {
        this.saving = false;
      });
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
      const view = await this.reader.district();
      this.district = view === null ? null : encodeDistrict(districtMessage(view)).toString('utf8');
      this.pointsLoadedAt = Date.now();
    }
    this.saveConfirmed();
    if (!this.connected) return;
    await this.publishDistrict();
    const now = Date.now();
    for (const p of this.points) {
      const c = this.confirmed.get(p.pk) ?? NONE;
      const cursor = this.cursors.get(p.pk);
      const pending = cursor !== undefined && (cursor.seq > c.seq || cursor.slot > c.slot);
      if (!pending) this.progressAt.set(p.pk, now);
      // nothing confirmed for too long: send again from the confirmation (the message or its commit was lost)
      if (cursor === undefined || (pending && now - (this.progressAt.get(p.pk) ?? 0) > this.retransmitMs)) {
        if (cursor !== undefined) this.progressAt.set(p.pk, now);
        this.cursors.set(p.pk, { seq: c.seq, slot: c.slot });
      }
    }
    const byPk = new Map(this.points.map((p) => [p.pk, p]));
    const cursors = new Map([...this.cursors].filter(([pk]) => byPk.has(pk)));
    const readings = await this.reader.pendingReadings(new Map([...cursors].map(([pk, c]) => [pk, c.seq])), PASS_ROWS);
    const intervals = await this.reader.pendingIntervals(new Map([...cursors].map(([pk, c]) => [pk, c.slot])), PASS_ROWS);

    const sends: Array<Promise<unknown>> = [];
    const send = (topic: string, payload: Buffer) => {
      sends.push(this.client.publishAsync(topic, payload, { qos: 1 }));
      this.counters.messages += 1;
    };
    // the readings of every point in as few messages as the limit allows; a point's run may continue in the next
    let parts: BatchPart[] = [];
    let inMessage = 0;
    const sendBatch = () => {
      if (parts.length > 0) send(siteReadingsTopic(this.o.site), encodeReadingsBatch({ parts }));
      parts = [];
      inMessage = 0;
    };
    for (const [pk, rows] of groupBy(readings)) {
      const p = byPk.get(pk) as OutboxPoint;
      const cursor = cursors.get(pk) as Cursor;
      for (let at = 0; at < rows.length; ) {
        const part = rows.slice(at, at + this.perMessage - inMessage);
        at += part.length;
        const first = part[0] as (typeof part)[number];
        const history = this.catchingUp.has(pk) || first.seq <= (this.maxSent.get(pk) ?? 0);
        parts.push({ building: p.buildingId, point: p.id, readings: { first: first.seq, ts: part.map((r) => r.ts), v: part.map((r) => r.value), q: part.map((r) => r.q), history } });
        inMessage += part.length;
        cursor.seq = first.seq + part.length - 1;
        this.maxSent.set(pk, Math.max(cursor.seq, this.maxSent.get(pk) ?? 0));
        this.counters.readings += part.length;
        if (history) this.counters.replayed += part.length;
        if (inMessage >= this.perMessage) sendBatch();
      }
    }
    sendBatch();
    const cutAt = intervals.length === PASS_ROWS ? intervals[intervals.length - 1] : undefined;
    for (const [pk, rows] of groupBy(intervals)) {
      const p = byPk.get(pk) as OutboxPoint;
      const cursor = cursors.get(pk) as Cursor;
      const last = rows[rows.length - 1] as (typeof rows)[number];
      // the pass limit may cut the last point's rows inside a slot (two directions): send whole slots only
      const whole = cutAt?.point === pk ? rows.filter((r) => r.slot < last.slot) : rows;
      const upto = whole[whole.length - 1]?.slot;
      if (upto === undefined) continue;
      send(
        pointTopic(this.o.site, p.buildingId, p.id, 'intervals'),
        encodeIntervals({ after: cursor.slot, upto, rows: whole.map((r) => [r.d, r.slot, r.kwh, r.q]), history: this.catchingUp.has(pk) }),
      );
      cursor.slot = upto;
    }
    // a point has caught up when the pass did not stop short of its end
    if (readings.length < PASS_ROWS) this.catchingUp.clear();
    let unconfirmed = 0;
    for (const [pk, cursor] of cursors) {
      const c = this.confirmed.get(pk) ?? NONE;
      if (cursor.seq > c.seq || cursor.slot > c.slot) unconfirmed += 1;
    }
    this.counters.unconfirmedPoints = unconfirmed;
    // wait for the PUBACKs, so a pass never runs far ahead of what the broker took
    await Promise.allSettled(sends);
  }

  /** The site's structure, retained, whenever it changed or the connection is new: the central store reads it. */
  private async publishDistrict(): Promise<void> {
    const doc = this.district;
    if (doc === null || doc === this.publishedDistrict) return;
    await this.client.publishAsync(districtTopic(this.o.site), Buffer.from(doc, 'utf8'), { qos: 1, retain: true });
    this.publishedDistrict = doc;
  }

  /** True when every reading and finished interval of the outbox is confirmed by the central side. */
  async drained(): Promise<boolean> {
    const points = await this.reader.points();
    // a device that joined in the last seconds (an OPC UA server answering late) changed the structure after the
    // last reload: reload at the next pass, so its points and the new district go out before the collector ends
    const view = await this.reader.district();
    const doc = view === null ? null : encodeDistrict(districtMessage(view)).toString('utf8');
    if (points.length !== this.points.length || (doc !== null && doc !== this.publishedDistrict)) {
      this.pointsLoadedAt = 0;
      return false;
    }
    const conf = (pk: number) => this.confirmed.get(pk) ?? NONE;
    if ((await this.reader.pendingReadings(new Map(points.map((p) => [p.pk, conf(p.pk).seq])), 1)).length > 0) return false;
    return (await this.reader.pendingIntervals(new Map(points.map((p) => [p.pk, conf(p.pk).slot])), 1)).length === 0;
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
    while (this.saving) await new Promise((r) => setTimeout(r, 20));
    await this.reader.saveConfirmed(this.unsaved).catch((e: unknown) => this.log(`outbox: cannot save confirmations: ${(e as Error).message}`));
    await this.reader.close();
  }
}
