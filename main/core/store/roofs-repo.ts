import type { RoofPoint, RoofRing, RoofSurface } from '../../../models/types.js';
import { BulkInsert } from './bulk-insert.js';
import type { SqliteDb, SqlValue } from './sqlite-db.js';

/** Building ids per DELETE: one JSON array bound as a single parameter. */
const DELETE_CHUNK = 10_000;

export class RoofError extends Error {}

/** A ring needs three corners, each a finite [lon, lat, height]. */
export function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 3) return `has ${Array.isArray(ring) ? ring.length : 0} corners, needs at least 3`;
  // plain loops: every corner of every roof of a city import passes here
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (!Array.isArray(p) || p.length !== 3 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || !Number.isFinite(p[2])) {
      return `corner ${i} is not a finite [lon, lat, height]`;
    }
  }
  return null;
}

/** The outlines column: null for roofs without one (assumed, LoD1, files before schema 4), else JSON of the rings. */
export const encodeOutlines = (outlines: readonly RoofRing[] | undefined): string | null =>
  outlines && outlines.length > 0 ? JSON.stringify(outlines) : null;

function decodeOutlines(text: string | null, buildingId: string, seq: number): RoofRing[] | undefined {
  if (text === null) return undefined;
  let rings: unknown;
  try {
    rings = JSON.parse(text);
  } catch {
    throw new RoofError(`roof ${seq} of building ${buildingId}: the stored outline is not JSON`);
  }
  if (!Array.isArray(rings)) throw new RoofError(`roof ${seq} of building ${buildingId}: the stored outline is not a list of rings`);
  rings.forEach((ring: unknown, k) => {
    const problem = ringProblem(ring);
    if (problem) throw new RoofError(`roof ${seq} of building ${buildingId}: stored outline ring ${k} ${problem}`);
  });
  return rings as RoofPoint[][];
}

export async function saveRoofRows(db: SqliteDb, buildingIds: readonly string[], roofs: readonly RoofSurface[]) {
  const named = new Set(buildingIds);
  roofs.forEach((r, i) => {
    if (!named.has(r.buildingId))
      throw new RoofError(`roof ${i} belongs to building ${r.buildingId}, which is not among the buildings replaced`);
    for (const [field, v] of [['areaM2', r.areaM2], ['tiltDeg', r.tiltDeg], ['azimuthDeg', r.azimuthDeg]] as const)
      if (!Number.isFinite(v)) throw new RoofError(`roof ${i} of building ${r.buildingId}: ${field} is not a number`);
    if (r.outlines !== undefined) {
      if (!Array.isArray(r.outlines)) throw new RoofError(`roof ${i} of building ${r.buildingId}: outlines is not a list of rings`);
      r.outlines.forEach((ring, k) => {
        const problem = ringProblem(ring);
        if (problem) throw new RoofError(`roof ${i} of building ${r.buildingId}: outline ring ${k} ${problem}`);
      });
    }
  });
  // A tile's roofs in a few statements rather than one per roof: every sqlite3 call crosses into its worker thread
  // and back, which made the roofs of a 10,000-building tile the slowest part of an import (bulk-insert.ts).
  const ids = [...named];
  for (let at = 0; at < ids.length; at += DELETE_CHUNK) {
    await db.run('DELETE FROM roofs WHERE building_id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids.slice(at, at + DELETE_CHUNK))]);
  }
  const seq = new Map<string, number>();
  const rows: SqlValue[] = [];
  for (const r of roofs) {
    const n = seq.get(r.buildingId) ?? 0;
    seq.set(r.buildingId, n + 1);
    rows.push(r.buildingId, n, r.areaM2, r.tiltDeg, r.azimuthDeg, encodeOutlines(r.outlines));
  }
  const insert = new BulkInsert(db, 'INSERT INTO roofs(building_id, seq, area_m2, tilt_deg, azimuth_deg, outline)', 6, '', 500);
  try {
    await insert.run(rows);
  } finally {
    await insert.close();
  }
}

export async function loadRoofs(db: SqliteDb, buildingId?: string): Promise<RoofSurface[]> {
  const rows = await db.all<{ building_id: string; seq: number; area_m2: number; tilt_deg: number; azimuth_deg: number; outline: string | null }>(
    `SELECT building_id, seq, area_m2, tilt_deg, azimuth_deg, outline FROM roofs ${buildingId === undefined ? '' : 'WHERE building_id = ?'}
     ORDER BY building_id, seq`,
    buildingId === undefined ? [] : [buildingId],
  );
  return rows.map((r) => {
    const outlines = decodeOutlines(r.outline, r.building_id, r.seq);
    return {
      buildingId: r.building_id,
      areaM2: r.area_m2,
      tiltDeg: r.tilt_deg,
      azimuthDeg: r.azimuth_deg,
      ...(outlines ? { outlines } : {}),
    };
  });
}
