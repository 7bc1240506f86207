import { err, ok, type Result } from '../result.js';
import { INTERVAL_MS } from '../time-grid.js';
import type { IntervalQuality } from '../types.js';
import type { Carrier } from './carriers.js';
import { MISSING_CODE, qualityCode, type SlotQuality } from './quality.js';

/**
 * The store's electricity totals of one building over one bucket (a quarter hour or a rollup), kWh: what
 * 'building.series' answers and what seriesFromBuckets turns into a CarrierSeries.
 */
export interface SeriesBucket {
  readonly start: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** Worst quality among the intervals in the bucket. */
  readonly quality: IntervalQuality;
}

/**
 * One carrier of one building on a regular grid (15 minutes as metered, or an hourly/daily rollup).
 * Columnar on purpose: a district of a thousand buildings over a year stays in typed arrays.
 * All four roles are complete after construction (see completeRoles); a missing slot holds NaN in every column
 * and the code for 'missing' in quality.
 */
export interface CarrierSeries {
  readonly carrier: Carrier;
  /** Start of slot 0, UTC epoch ms. */
  readonly start: number;
  readonly stepMs: number;
  readonly consumption: Float64Array;
  readonly generation: Float64Array;
  readonly import: Float64Array;
  readonly export: Float64Array;
  /** Quality code per slot, see quality.ts. */
  readonly quality: Uint8Array;
}

export interface BuildingProfile {
  readonly buildingId: string;
  /** At most one series per carrier. */
  readonly series: readonly CarrierSeries[];
}

/** Values per slot as the store or a caller has them; null or NaN means "no value for this role". */
export type RoleValues = ArrayLike<number | null>;

export interface SeriesInput {
  readonly carrier: Carrier;
  readonly start: number;
  readonly stepMs?: number;
  readonly consumption?: RoleValues;
  readonly generation?: RoleValues;
  readonly import?: RoleValues;
  readonly export?: RoleValues;
  /** Per slot; defaults to 'measured' where a value exists and 'missing' where none can be derived. */
  readonly quality?: ArrayLike<SlotQuality>;
}

const valueAt = (values: RoleValues | undefined, i: number): number => {
  if (values === undefined) return Number.NaN;
  const v = values[i];
  return v === null || v === undefined ? Number.NaN : v;
};

/**
 * Fills the roles a meter set does not measure, per slot:
 * generation defaults to 0; consumption = generation + import - export when a grid meter exists;
 * import/export = the positive/negative part of consumption - generation when only consumption is metered
 * (a gas meter, a heat meter). A slot with neither consumption nor import is missing.
 */
export const makeSeries = (input: SeriesInput): Result<CarrierSeries> => {
  const step = input.stepMs ?? INTERVAL_MS;
  if (!Number.isFinite(input.start)) return err('validation', 'start must be a finite epoch ms', 'start');
  if (!(Number.isInteger(step) && step > 0)) return err('validation', `stepMs must be a positive integer, got ${step}`, 'stepMs');
  const roles = ['consumption', 'generation', 'import', 'export'] as const;
  const lengths = roles.flatMap((r) => (input[r] === undefined ? [] : [input[r].length]));
  if (input.quality !== undefined) lengths.push(input.quality.length);
  const n = lengths[0] ?? 0;
  const badLength = lengths.findIndex((l) => l !== n);
  if (badLength >= 0) return err('validation', `role arrays differ in length (${lengths.join(', ')})`, input.carrier);
  if (input.import === undefined && input.consumption === undefined) {
    return err('validation', 'a series needs consumption or import values', input.carrier);
  }
  const consumption = new Float64Array(n);
  const generation = new Float64Array(n);
  const imp = new Float64Array(n);
  const exp = new Float64Array(n);
  const quality = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const where = `${input.carrier}[${i}]`;
    let l = valueAt(input.consumption, i);
    let g = valueAt(input.generation, i);
    let im = valueAt(input.import, i);
    let ex = valueAt(input.export, i);
    for (const [name, v] of [['consumption', l], ['generation', g], ['import', im], ['export', ex]] as const) {
      if (v === Infinity || v === -Infinity) return err('validation', `${name} is not finite`, where);
      // Metered roles are never negative; a consumption derived from inconsistent meters may be, and stays visible.
      if (v < 0) return err('validation', `${name} must not be negative (${v} kWh)`, where);
    }
    if (Number.isNaN(g)) g = 0;
    const hasGrid = !Number.isNaN(im);
    if (hasGrid && Number.isNaN(ex)) ex = 0;
    if (Number.isNaN(l) && hasGrid) l = g + im - ex;
    if (!hasGrid && !Number.isNaN(l)) {
      const net = l - g;
      im = net > 0 ? net : 0;
      ex = net < 0 ? -net : 0;
    }
    const given = input.quality?.[i];
    const code = given === undefined ? 0 : qualityCode(given);
    if (code < 0) return err('validation', `unknown quality '${String(given)}'`, where);
    if (Number.isNaN(l) || code === MISSING_CODE) {
      consumption[i] = generation[i] = imp[i] = exp[i] = Number.NaN;
      quality[i] = MISSING_CODE;
      continue;
    }
    consumption[i] = l;
    generation[i] = g;
    imp[i] = im;
    exp[i] = ex;
    quality[i] = code;
  }
  return ok({ carrier: input.carrier, start: input.start, stepMs: step, consumption, generation, import: imp, export: exp, quality });
};

/**
 * A series over [from, to) from the store's buckets (SeriesBucket above). Buckets must sit on the
 * step grid starting at from; grid slots without a bucket become missing. Duplicates are an error.
 */
export const seriesFromBuckets = (
  carrier: Carrier,
  buckets: readonly SeriesBucket[],
  from: number,
  to: number,
  stepMs: number = INTERVAL_MS,
): Result<CarrierSeries> => {
  if (!(to >= from)) return err('validation', `period end ${to} is before its start ${from}`, 'to');
  if ((to - from) % stepMs !== 0) return err('validation', `period length is not a multiple of ${stepMs} ms`, 'to');
  const n = (to - from) / stepMs;
  const consumption = new Array<number | null>(n).fill(null);
  const generation = new Array<number | null>(n).fill(null);
  const imp = new Array<number | null>(n).fill(null);
  const exp = new Array<number | null>(n).fill(null);
  const quality = new Array<SlotQuality>(n).fill('missing');
  for (let b = 0; b < buckets.length; b++) {
    const bucket = buckets[b] as SeriesBucket;
    const offset = bucket.start - from;
    if (offset % stepMs !== 0) return err('validation', `bucket start ${bucket.start} is not on the ${stepMs} ms grid`, `buckets[${b}].start`);
    const i = offset / stepMs;
    if (i < 0 || i >= n) continue;
    if (quality[i] !== 'missing') return err('validation', `two buckets start at ${bucket.start}`, `buckets[${b}].start`);
    consumption[i] = bucket.consumptionKwh;
    generation[i] = bucket.generationKwh;
    imp[i] = bucket.importKwh;
    exp[i] = bucket.exportKwh;
    quality[i] = bucket.quality;
  }
  return makeSeries({ carrier, start: from, stepMs, consumption, generation, import: imp, export: exp, quality });
};

export const seriesEnd = (s: CarrierSeries): number => s.start + s.quality.length * s.stepMs;

export const findSeries = (profile: BuildingProfile, carrier: Carrier): CarrierSeries | undefined =>
  profile.series.find((s) => s.carrier === carrier);
