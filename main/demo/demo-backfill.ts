/**
 * A year of history for the demo, generated from the same EnergyTracks the simulators serve and pushed through
 * the store's normal ingestion (raw samples -> 15-minute intervals -> rollups), so balances and reports show a
 * full year at first start and the live poll continues the very same counters.
 */
import type { Point, Reading } from '../../models/types.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import type { Store } from '../store/store.js';
import type { EnergyTrack, TrackValues } from './energy-track.js';

const CHUNK = 50_000;

/** Which track value a point carries, by its role and kind; null for points the history leaves out. */
export function trackValueOf(point: Point): ((v: TrackValues) => number) | null {
  if (point.medium !== 'electricity') return null;
  if (point.kind === 'power' && point.role === 'import') return (v) => v.gridKw;
  if (point.kind === 'power' && point.role === 'generation') return (v) => v.pvKw;
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
  tracks: ReadonlyMap<string, EnergyTrack>,
  points: readonly Point[],
  from: number,
  to: number,
  onProgress: BackfillProgress = () => {},
): Promise<number> {
  const fed = points
    .map((p) => ({ p, value: trackValueOf(p), track: tracks.get(p.buildingId) }))
    .filter((x): x is { p: Point; value: (v: TrackValues) => number; track: EnergyTrack } => x.value !== null && x.track !== undefined);
  const start = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS;
  const steps = Math.max(0, Math.ceil((to - start) / INTERVAL_MS));
  let batch: Reading[] = [];
  let stored = 0;
  for (let i = 0; i < steps; i++) {
    const ts = start + i * INTERVAL_MS;
    const perBuilding = new Map<EnergyTrack, TrackValues>();
    for (const { p, value, track } of fed) {
      let v = perBuilding.get(track);
      if (!v) perBuilding.set(track, (v = track.at(ts)));
      batch.push({ pointId: p.id, ts, value: value(v), quality: 'good' });
    }
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
