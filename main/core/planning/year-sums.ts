/** Energy and count of plausible 15-minute intervals per point over [from, to), read in the store's pages. */
import type { Store } from '../store/store.js';

export interface PointSum {
  kwh: number;
  /** Plausible intervals (implausible ones count as missing). */
  n: number;
}

export async function pointSums(store: Store, pointIds: readonly string[], from: number, to: number): Promise<Map<string, PointSum>> {
  const out = new Map<string, PointSum>();
  if (pointIds.length === 0) return out;
  for await (const iv of store.intervals(pointIds, from, to)) {
    if (iv.quality === 'implausible') continue;
    const s = out.get(iv.pointId) ?? { kwh: 0, n: 0 };
    s.kwh += iv.kwh;
    s.n++;
    out.set(iv.pointId, s);
  }
  return out;
}
