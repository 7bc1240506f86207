/**
 * The payloads of the namespace in topics.ts, as JSON. Readings carry their numbers as a first sequence number and
 * arrays (the seqs of one message are consecutive), which keeps a message of a thousand readings small and makes
 * "every seq from first on" checkable. Decoding validates everything, because the broker passes on whatever a
 * client with the right to publish sends.
 */
import { z } from 'zod';
import type { DistrictView } from '../../../models/contract/index.js';
import { MEDIA, POINT_KINDS, POINT_ROLES } from '../../../models/values.js';

export interface ReadingsMessage {
  /** seq of the first reading; reading i has seq first + i. */
  readonly first: number;
  /** UTC ms */
  readonly ts: readonly number[];
  readonly v: readonly number[];
  /** raw sample quality codes (main/core/store/sample-quality.ts) */
  readonly q: readonly number[];
  /** true when the readings are replayed (after a reconnect or a missing confirmation), not sent live */
  readonly history: boolean;
}

/** One point's part of a ReadingsBatch. */
export interface BatchPart {
  readonly building: string;
  readonly point: string;
  readonly readings: ReadingsMessage;
}

/**
 * Readings of many points of one site in one message (topic plustwin/v1/<site>/readings). On the wire, compact:
 *
 *   {"points":[{"b":"<building>","p":"<point>","first":seq,"ts":[t0,d1,d2,…],"v":[value…],"q":[code…],"h":bool}…]}
 *
 * ts holds the first reading's UTC ms, then each next reading's distance in ms from the one before (so a reading
 * every second costs "1000," instead of 14 characters); reading i has seq first + i; h marks a replay. One message
 * per publishing pass of a site instead of one per point: a site of 200 points read every few seconds sent 200
 * messages of one or two readings each pass, and each message costs the broker, the worker's MQTT client and the
 * decoder about the same whatever it holds.
 */
export interface ReadingsBatch {
  readonly parts: readonly BatchPart[];
}

/** Finished 15-minute intervals of a point for slots (after, upto]; rows are direction, slot, kWh, quality code. */
export interface IntervalsMessage {
  readonly after: number;
  readonly upto: number;
  readonly rows: ReadonlyArray<readonly [number, number, number, number]>;
  readonly history: boolean;
}

/** What the central side has committed for a site: per point the last seq with all before it, and the last slot. */
export interface AckMessage {
  readonly readings: Readonly<Record<string, number>>;
  readonly intervals: Readonly<Record<string, number>>;
}

/**
 * A site's structure as its collector holds it, for the central store: devices carry no settings (no addresses'
 * passwords, no OPC UA identities), only when they were removed (config.removedAt), which the analysis needs.
 */
export type DistrictMessage = DistrictView;

export interface StatusMessage {
  readonly state: 'online' | 'offline';
  readonly version?: string;
}

const int = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'not a finite number');

const readingsSchema = z
  .object({
    first: int.min(1),
    ts: z.array(int),
    v: z.array(finite),
    q: z.array(z.number().int().min(0).max(3)),
    history: z.boolean(),
  })
  .refine((m) => m.ts.length > 0 && m.ts.length === m.v.length && m.ts.length === m.q.length, 'ts, v and q must be non-empty and equally long');

const intervalsSchema = z
  .object({
    after: int,
    upto: int,
    rows: z.array(z.tuple([z.number().int().min(0).max(1), int, finite, z.number().int().min(0).max(15)])),
    history: z.boolean(),
  })
  .refine((m) => m.upto > m.after && m.rows.every((r) => r[1] > m.after && r[1] <= m.upto), 'rows must lie in (after, upto]');

// Checked as far as the central store relies on it (ids, the points' roles, kinds and media, the time zone); the
// buildings' other attributes pass as the collector's own store holds them.
const districtSchema = z.object({
  site: z.object({ id: z.string().min(1), name: z.string(), origin: z.object({ lat: finite, lon: finite }), timezone: z.string().min(1) }).loose(),
  buildings: z.array(z.object({ id: z.string().min(1), name: z.string() }).loose()),
  devices: z.array(z.object({ id: z.string().min(1), buildingId: z.string(), config: z.object({ removedAt: int.optional() }).strict().optional() }).loose()),
  points: z.array(
    z.object({ id: z.string().min(1), deviceId: z.string(), buildingId: z.string(), role: z.enum(POINT_ROLES), kind: z.enum(POINT_KINDS), medium: z.enum(MEDIA) }).loose(),
  ),
});

const ackSchema = z.object({ readings: z.record(z.string(), int), intervals: z.record(z.string(), int) });

const encode = (m: unknown): Buffer => Buffer.from(JSON.stringify(m));

export const encodeReadings = (m: ReadingsMessage): Buffer => encode(m);
export function encodeReadingsBatch(batch: ReadingsBatch): Buffer {
  const points = batch.parts.map(({ building, point, readings: m }) => {
    const ts = m.ts.map((t, i) => (i === 0 ? t : t - (m.ts[i - 1] as number)));
    return { b: building, p: point, first: m.first, ts, v: m.v, q: m.q, h: m.history };
  });
  return encode({ points });
}
export const encodeIntervals = (m: IntervalsMessage): Buffer => encode(m);
export const encodeAck = (m: AckMessage): Buffer => encode(m);
export const encodeStatus = (m: StatusMessage): Buffer => encode(m);
export const encodeDistrict = (m: DistrictMessage): Buffer => encode(m);

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

function decode<T>(schema: z.ZodType<T>, payload: Buffer): Decoded<T> {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (e) {
    return { ok: false, message: `not JSON: ${(e as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

export const decodeReadings = (payload: Buffer): Decoded<ReadingsMessage> => decode(readingsSchema, payload);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One part of a batch, checked by hand: zod over arrays of thousands of numbers cost more than the JSON parse. */
function batchPart(x: unknown, at: string): BatchPart | string {
  if (!isObject(x)) return `${at}: not an object`;
  const { b, p, first, ts, v, q, h } = x;
  if (typeof b !== 'string' || b.length === 0) return `${at}.b: not a building id`;
  if (typeof p !== 'string' || p.length === 0) return `${at}.p: not a point id`;
  if (typeof first !== 'number' || !Number.isSafeInteger(first) || first < 1) return `${at}.first: not a sequence number (1 or more)`;
  if (typeof h !== 'boolean') return `${at}.h: not true or false`;
  if (!Array.isArray(ts) || !Array.isArray(v) || !Array.isArray(q) || ts.length === 0 || ts.length !== v.length || ts.length !== q.length)
    return `${at}: ts, v and q must be non-empty and equally long`;
  const abs = new Array<number>(ts.length);
  let t = 0;
  for (let i = 0; i < ts.length; i++) {
    const d = ts[i] as unknown;
    if (typeof d === 'number') t = i === 0 ? d : t + d;
    if (typeof d !== 'number' || !Number.isSafeInteger(t) || t < 0) return `${at}.ts.${i}: not a time (UTC ms, then differences)`;
    abs[i] = t;
    const value = v[i] as unknown;
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${at}.v.${i}: not a finite number`;
    const code = q[i] as unknown;
    if (code !== 0 && code !== 1 && code !== 2 && code !== 3) return `${at}.q.${i}: not a quality code 0 to 3`;
  }
  return { building: b, point: p, readings: { first, ts: abs, v: v as number[], q: q as number[], history: h } };
}

export function decodeReadingsBatch(payload: Buffer): Decoded<ReadingsBatch> {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (e) {
    return { ok: false, message: `not JSON: ${(e as Error).message}` };
  }
  if (!isObject(json) || !Array.isArray(json['points']) || json['points'].length === 0) return { ok: false, message: 'points: not a non-empty list' };
  const parts: BatchPart[] = [];
  for (let i = 0; i < json['points'].length; i++) {
    const part = batchPart(json['points'][i], `points.${i}`);
    if (typeof part === 'string') return { ok: false, message: part };
    parts.push(part);
  }
  return { ok: true, value: { parts } };
}

export const decodeIntervals = (payload: Buffer): Decoded<IntervalsMessage> =>
  decode(intervalsSchema as z.ZodType<IntervalsMessage>, payload);
export const decodeAck = (payload: Buffer): Decoded<AckMessage> => decode(ackSchema, payload);
export const decodeDistrict = (payload: Buffer): Decoded<DistrictMessage> => decode(districtSchema as unknown as z.ZodType<DistrictMessage>, payload);

/** The structure to publish: every device's settings left out except when it was removed. */
export const districtMessage = (view: DistrictView): DistrictMessage => ({
  ...view,
  devices: view.devices.map(({ config, ...d }) => (typeof config?.['removedAt'] === 'number' ? { ...d, config: { removedAt: config['removedAt'] } } : d)),
});
