/**
 * Power of one building from raw samples: grid (signed, positive = import) and generation, bucketed to poll
 * rounds. Samples of one round arrive a few milliseconds apart, so samples closer than half the shortest poll
 * interval form one bucket, and each point's last value is carried forward between its polls.
 */
import type { PowerSample } from '../../../models/contract/index.js';
import type { SqliteDb } from './sqlite-db.js';

const BAD = 2;

export async function powerSeries(db: SqliteDb, buildingId: string, from: number, to: number): Promise<PowerSample[]> {
  const points = await db.all<{ pk: number; role: string; poll: number | null }>(
    `SELECT p.pk, p.role, json_extract(d.doc, '$.pollIntervalMs') AS poll
     FROM points p LEFT JOIN devices d ON d.id = json_extract(p.doc, '$.deviceId')
     WHERE p.building_id = ? AND p.kind = 'power' AND p.medium = 'electricity' AND p.role IN ('import', 'generation')`,
    [buildingId],
  );
  if (points.length === 0) return [];
  const role = new Map(points.map((p) => [p.pk, p.role]));
  const polls = points.map((p) => p.poll).filter((p): p is number => typeof p === 'number' && p > 0);
  const rows = await db.all<{ ts: number; point: number; value: number }>(
    `SELECT ts, point, value FROM samples
     WHERE ts >= ? AND ts < ? AND point IN (${points.map(() => '?').join(',')}) AND q < ${BAD} ORDER BY ts`,
    [from, to, ...points.map((p) => p.pk)],
  );
  return powerBuckets(rows, role, polls);
}

/**
 * Grid and generation power in buckets of readings polled together: a bucket holds the readings within half the
 * shortest poll interval (at least 0.5 s) of its first, and each point's latest value, carried forward between its
 * polls, counts (SQLite and the central store alike).
 */
export function powerBuckets<K>(rows: readonly { ts: number; point: K; value: number }[], role: ReadonlyMap<K, string>, polls: readonly number[]): PowerSample[] {
  const tolerance = Math.max(500, (polls.length > 0 ? Math.min(...polls) : 1000) / 2);
  const latest = new Map<K, number>();
  const out: PowerSample[] = [];
  let bucketTs: number | null = null;
  const emit = () => {
    if (bucketTs === null) return;
    let grid = 0;
    let gen = 0;
    for (const [id, v] of latest) if (role.get(id) === 'import') grid += v;
    else gen += v;
    out.push({ ts: bucketTs, gridKw: grid, generationKw: gen, consumptionKw: grid + gen });
  };
  for (const r of rows) {
    if (bucketTs === null || r.ts - bucketTs > tolerance) {
      emit();
      bucketTs = r.ts;
    }
    latest.set(r.point, r.value);
  }
  emit();
  return out;
}
