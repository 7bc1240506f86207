/**
 * A year of history for the demo, generated from the same EnergyTracks the simulators serve and pushed through
 * the store's normal ingestion (raw samples -> 15-minute intervals -> rollups), so balances and reports show a
 * full year at first start and the live poll continues the very same counters.
 */
import type { Point, Reading } from '../../../models/types.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import type { EnergyTrack, TrackValues } from './energy-track.js';
import type { HeatTrack, HeatValues } from './heat-track.js';

const CHUNK = 50_000;

/** A point's simulated value at an instant, or null for points the history leaves out. */
export type PointValueAt = (point: Point) => ((ts: number) => number) | null;

/** Which heat track value a point carries, by its role and kind. */
export function heatValueOf(point: Point): ((v: HeatValues) => number) | null {
  if (point.medium !== 'heat' || point.role !== 'consumption') return null;
  return point.kind === 'energy-counter' ? (v) => v.heatKwh : null;
}

/** The demo's values: electricity from the EnergyTracks, heat from the HeatTracks, by building. */
export function demoValues(tracks: ReadonlyMap<string, EnergyTrack>, heat: ReadonlyMap<string, HeatTrack>): PointValueAt {
  return (point) => {
    const electric = trackValueOf(point);
    const track = tracks.get(point.buildingId);
    if (electric && track) return (ts) => electric(track.at(ts));
    const thermal = heatValueOf(point);
    const heatTrack = heat.get(point.buildingId);
    if (thermal && heatTrack) return (ts) => thermal(heatTrack.at(ts));
    return null;
  };
}

/**
 * Which track value a point carries, by its role and kind; null for points the history leaves out. History holds
 * the energy counters only: they alone make the 15-minute energies, and power samples would double the work.
 */
export function trackValueOf(point: Point): ((v: TrackValues) => number) | null {
  if (point.medium !== 'electricity') return null;
  if (point.kind === 'energy-counter' && point.role === 'import') return (v) => v.importKwh;
  if (point.kind === 'energy-counter' && point.role === 'export') return (v) => v.exportKwh;
  if (point.kind === 'energy-counter' && point.role === 'generation') return (v) => v.generationKwh;
  return null;
}

export interface BackfillProgress {
  (done: number, total: number): void;
}

/** Readings every 15 minutes over [from, to) for every point that feeds a balance. Returns how many were stored. */
export async function backfillHistory(
  store: Store,
  valueAt: PointValueAt,
  points: readonly Point[],
  from: number,
  to: number,
  onProgress: BackfillProgress = () => {},
): Promise<number> {
  const fed = points.flatMap((p) => {
    const value = valueAt(p);
    return value ? [{ id: p.id, value }] : [];
  });
  const start = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS;
  const steps = Math.max(0, Math.ceil((to - start) / INTERVAL_MS));
  let batch: Reading[] = [];
  let stored = 0;
  for (let i = 0; i < steps; i++) {
    const ts = start + i * INTERVAL_MS;
    for (const { id, value } of fed) batch.push({ pointId: id, ts, value: value(ts), quality: 'good' });
    if (batch.length >= CHUNK || i === steps - 1) {
      await store.ingest(batch);
      stored += batch.length;
      batch = [];
      onProgress(i + 1, steps);
    }
  }
  await store.flush();
  return stored;
}
