/**
 * The measured profiles a report rests on, read through the Store interface only: electricity from the store's
 * 15-minute building series (the same rollup the balance API reads), every other carrier summed from its
 * points' 15-minute intervals, so that a gas-heated building's fuel enters its primary-energy balance.
 */
import { carrierOfMedium, type Carrier } from '../../../models/energy/carriers.js';
import { MISSING_CODE, qualityCode, SLOT_QUALITIES, type SlotQuality } from '../../../models/energy/quality.js';
import { makeSeries, seriesFromBuckets, type BuildingProfile, type CarrierSeries } from '../../../models/energy/series.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Point } from '../../../models/types.js';
import { isBalanceRole, type BalanceRole } from '../../../models/values.js';
import type { Store } from '../store/store.js';

/** Points that enter a balance: energy carriers (not water) with a balance role. */
export const balancePoints = (points: readonly Point[]): Point[] =>
  points.filter((p) => isBalanceRole(p.role) && carrierOfMedium(p.medium) !== null);

/** Thrown when the store answers with something no report can rest on; names the building and the cause. */
export class ReportDataError extends Error {
  override readonly name = 'ReportDataError';
}

/** One non-electricity carrier of a building from its points' intervals; a slot is missing unless every point has it. */
const carrierFromIntervals = async (
  store: Store,
  carrier: Carrier,
  points: readonly Point[],
  from: number,
  to: number,
): Promise<CarrierSeries> => {
  const n = (to - from) / INTERVAL_MS;
  const roles = new Map<BalanceRole, Float64Array>();
  for (const p of points) if (isBalanceRole(p.role) && !roles.has(p.role)) roles.set(p.role, new Float64Array(n));
  const roleOf = new Map(points.map((p) => [p.id, p.role as BalanceRole]));
  const seen = new Uint16Array(n);
  const worst = new Uint8Array(n);
  for await (const iv of store.intervals(points.map((p) => p.id), from, to)) {
    const i = (iv.start - from) / INTERVAL_MS;
    if (!Number.isInteger(i) || i < 0 || i >= n) continue;
    const role = roleOf.get(iv.pointId);
    if (role === undefined) continue;
    const col = roles.get(role) as Float64Array;
    col[i] = (col[i] as number) + iv.kwh;
    seen[i] = (seen[i] as number) + 1;
    const code = qualityCode(iv.quality);
    if (code > (worst[i] as number)) worst[i] = code;
  }
  const quality: SlotQuality[] = new Array<SlotQuality>(n);
  for (let i = 0; i < n; i++) quality[i] = seen[i] === points.length ? (SLOT_QUALITIES[worst[i] as number] ?? 'missing') : 'missing';
  const made = makeSeries({
    carrier,
    start: from,
    stepMs: INTERVAL_MS,
    ...(roles.has('consumption') ? { consumption: roles.get('consumption') as Float64Array } : {}),
    ...(roles.has('generation') ? { generation: roles.get('generation') as Float64Array } : {}),
    ...(roles.has('import') ? { import: roles.get('import') as Float64Array } : {}),
    ...(roles.has('export') ? { export: roles.get('export') as Float64Array } : {}),
    quality,
  });
  if (!made.ok) throw new ReportDataError(`${carrier}: ${made.error.message} (${made.error.where ?? ''})`);
  return made.value;
};

/** The measured profile of one building over [from, to) on the 15-minute grid. */
export const loadBuildingProfile = async (
  store: Store,
  buildingId: string,
  points: readonly Point[],
  from: number,
  to: number,
): Promise<BuildingProfile> => {
  const mine = balancePoints(points.filter((p) => p.buildingId === buildingId));
  const series: CarrierSeries[] = [];
  if (mine.some((p) => p.medium === 'electricity')) {
    const buckets = await store.buildingSeries(buildingId, from, to, '15min');
    const s = seriesFromBuckets('electricity', buckets, from, to, INTERVAL_MS);
    if (!s.ok) throw new ReportDataError(`building ${buildingId}: electricity series: ${s.error.message} (${s.error.where ?? ''})`);
    series.push(s.value);
  }
  const byCarrier = new Map<Carrier, Point[]>();
  for (const p of mine) {
    const c = carrierOfMedium(p.medium);
    if (c === null || c === 'electricity') continue;
    byCarrier.set(c, [...(byCarrier.get(c) ?? []), p]);
  }
  for (const [carrier, pts] of byCarrier) {
    try {
      series.push(await carrierFromIntervals(store, carrier, pts, from, to));
    } catch (e) {
      throw new ReportDataError(`building ${buildingId}: ${(e as Error).message}`);
    }
  }
  return { buildingId, series };
};

/** Slots per quality code of a series, and its longest run of missing slots. */
export const qualityStats = (s: CarrierSeries | undefined, slots: number): { counts: Record<SlotQuality, number>; longestGap: number } => {
  const counts = Object.fromEntries(SLOT_QUALITIES.map((q) => [q, 0])) as Record<SlotQuality, number>;
  if (s === undefined) {
    counts.missing = slots;
    return { counts, longestGap: slots };
  }
  let run = 0;
  let longest = 0;
  for (let i = 0; i < s.quality.length; i++) {
    const code = s.quality[i] as number;
    const q = SLOT_QUALITIES[code] ?? 'missing';
    counts[q]++;
    run = code === MISSING_CODE ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return { counts, longestGap: longest };
};
