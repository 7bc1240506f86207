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
  const tolerance = Math.max(500, (polls.length > 0 ? Math.min(...polls) : 1000) / 2);
  const rows = await db.all<{ ts: number; point: number; value: number }>(
    `SELECT ts, point, value FROM samples
     WHERE ts >= ? AND ts < ? AND point IN (${points.map(() => '?').join(',')}) AND q < ${BAD} ORDER BY ts`,
    [from, to, ...points.map((p) => p.pk)],
  );
  const latest = new Map<number, number>();
  const out: PowerSample[] = [];
  let bucketTs: number | null = null;
  const emit = () => {
    if (bucketTs === null) return;
    let grid = 0;
    let gen = 0;
    for (const [pk, v] of latest) if (role.get(pk) === 'import') grid += v;
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
