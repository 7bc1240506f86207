import type { RoofSurface } from '../../models/types.js';
import type { SqliteDb } from './sqlite-db.js';

export class RoofError extends Error {}

export async function saveRoofRows(db: SqliteDb, buildingIds: readonly string[], roofs: readonly RoofSurface[]) {
  const named = new Set(buildingIds);
  roofs.forEach((r, i) => {
    if (!named.has(r.buildingId))
      throw new RoofError(`roof ${i} belongs to building ${r.buildingId}, which is not among the buildings replaced`);
    for (const [field, v] of [['areaM2', r.areaM2], ['tiltDeg', r.tiltDeg], ['azimuthDeg', r.azimuthDeg]] as const)
      if (!Number.isFinite(v)) throw new RoofError(`roof ${i} of building ${r.buildingId}: ${field} is not a number`);
  });
  for (const id of named) await db.run('DELETE FROM roofs WHERE building_id = ?', [id]);
  const seq = new Map<string, number>();
  for (const r of roofs) {
    const n = seq.get(r.buildingId) ?? 0;
    seq.set(r.buildingId, n + 1);
    await db.run('INSERT INTO roofs(building_id, seq, area_m2, tilt_deg, azimuth_deg) VALUES (?, ?, ?, ?, ?)', [
      r.buildingId,
      n,
      r.areaM2,
      r.tiltDeg,
      r.azimuthDeg,
    ]);
  }
}

export async function loadRoofs(db: SqliteDb, buildingId?: string): Promise<RoofSurface[]> {
  const rows = await db.all<{ building_id: string; area_m2: number; tilt_deg: number; azimuth_deg: number }>(
    `SELECT building_id, area_m2, tilt_deg, azimuth_deg FROM roofs ${buildingId === undefined ? '' : 'WHERE building_id = ?'}
     ORDER BY building_id, seq`,
    buildingId === undefined ? [] : [buildingId],
  );
  return rows.map((r) => ({ buildingId: r.building_id, areaM2: r.area_m2, tiltDeg: r.tilt_deg, azimuthDeg: r.azimuth_deg }));
}
