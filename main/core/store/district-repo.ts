/** District structure (site, buildings, devices, points) and the energy series derived from it. */
import type { DistrictView } from '../../../models/contract/index.js';
import { planSeries } from '../../../models/intervals/series-plan.js';
import type { Building, Device, Point, Site } from '../../../models/types.js';
import { BulkInsert } from './bulk-insert.js';
import type { SqliteDb } from './sqlite-db.js';

export class DistrictError extends Error {}

const parseDocs = <T>(rows: { doc: string }[]): T[] => rows.map((r) => JSON.parse(r.doc) as T);

/** Upserts by id and re-derives the series; returns the series whose activity or role changed. */
export async function saveDistrictRows(
  db: SqliteDb,
  site: Site,
  buildings: readonly Building[],
  devices: readonly Device[],
  points: readonly Point[],
  now: number,
): Promise<number[]> {
  await db.run(
    `INSERT INTO sites(id, doc, saved_at) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, saved_at = excluded.saved_at`,
    [site.id, JSON.stringify(site), now],
  );
  await db.run(
    `INSERT INTO meta(key, value) VALUES ('current_site', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    [site.id],
  );
  // Multi-row upserts: a district imported from GeoJSON/CityGML has tens of thousands of buildings.
  const upsert = async (head: string, columns: number, tail: string, rows: (string | number)[]) => {
    const bulk = new BulkInsert(db, head, columns, tail, 500);
    await bulk.run(rows);
    await bulk.close();
  };
  await upsert(
    'INSERT INTO buildings(id, doc)',
    2,
    'ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
    buildings.flatMap((b) => [b.id, JSON.stringify(b)]),
  );
  await upsert(
    'INSERT INTO devices(id, building_id, doc)',
    3,
    'ON CONFLICT(id) DO UPDATE SET building_id = excluded.building_id, doc = excluded.doc',
    devices.flatMap((d) => [d.id, d.buildingId, JSON.stringify(d)]),
  );
  await upsert(
    'INSERT INTO points(id, building_id, role, kind, medium, doc)',
    6,
    `ON CONFLICT(id) DO UPDATE SET building_id = excluded.building_id, role = excluded.role, kind = excluded.kind,
       medium = excluded.medium, doc = excluded.doc`,
    points.flatMap((p) => [p.id, p.buildingId, p.role, p.kind, p.medium, JSON.stringify(p)]),
  );
  return syncSeries(db);
}

async function syncSeries(db: SqliteDb): Promise<number[]> {
  const allPoints = parseDocs<Point>(await db.all<{ doc: string }>('SELECT doc FROM points'));
  const pointPk = new Map((await db.all<{ id: string; pk: number }>('SELECT id, pk FROM points')).map((r) => [r.id, r.pk]));
  const buildingPk = new Map(
    (await db.all<{ id: string; pk: number }>('SELECT id, pk FROM buildings')).map((r) => [r.id, r.pk]),
  );
  const byId = new Map(allPoints.map((p) => [p.id, p]));
  const before = new Map(
    (await db.all<{ pk: number; point: number; direction: number; role: string; active: number }>(
      'SELECT pk, point, direction, role, active FROM series',
    )).map((r) => [`${r.point}/${r.direction}`, r]),
  );
  const changed: number[] = [];
  const planned = new Set<string>();
  for (const s of planSeries(allPoints)) {
    const point = byId.get(s.pointId) as Point;
    const building = buildingPk.get(point.buildingId);
    if (building === undefined)
      throw new DistrictError(`point ${point.id} names building ${point.buildingId}, which is not in the district`);
    const pk = pointPk.get(s.pointId) as number;
    const key = `${pk}/${s.direction}`;
    planned.add(key);
    await db.run(
      `INSERT INTO series(point, direction, building, role, source, electric, active) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT(point, direction) DO UPDATE SET building = excluded.building, role = excluded.role,
         source = excluded.source, electric = excluded.electric, active = 1`,
      [pk, s.direction, building, s.role, s.source, point.medium === 'electricity' ? 1 : 0],
    );
    const old = before.get(key);
    if (old !== undefined && (old.active !== 1 || old.role !== s.role)) changed.push(old.pk);
  }
  for (const [key, old] of before)
    if (!planned.has(key) && old.active === 1) {
      await db.run('UPDATE series SET active = 0 WHERE pk = ?', [old.pk]);
      changed.push(old.pk);
    }
  return changed;
}

/** The current site and those of the named buildings that exist (in file order), or null without a district. */
export async function loadSiteAndBuildings(db: SqliteDb, ids: readonly string[]): Promise<{ site: Site; buildings: Building[] } | null> {
  const current = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'current_site'");
  if (current === undefined) return null;
  const site = await db.get<{ doc: string }>('SELECT doc FROM sites WHERE id = ?', [current.value]);
  if (site === undefined) return null;
  const buildings: Building[] = [];
  // one JSON array of ids per query, bound as a single parameter, as many as fit comfortably in memory at once
  for (let at = 0; at < ids.length; at += 10_000) {
    const rows = await db.all<{ doc: string }>('SELECT doc FROM buildings WHERE id IN (SELECT value FROM json_each(?)) ORDER BY pk', [
      JSON.stringify(ids.slice(at, at + 10_000)),
    ]);
    buildings.push(...parseDocs<Building>(rows));
  }
  return { site: JSON.parse(site.doc) as Site, buildings };
}

export async function loadDistrict(db: SqliteDb): Promise<DistrictView | null> {
  const current = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'current_site'");
  if (current === undefined) return null;
  const site = await db.get<{ doc: string }>('SELECT doc FROM sites WHERE id = ?', [current.value]);
  if (site === undefined) return null;
  return {
    site: JSON.parse(site.doc) as Site,
    buildings: parseDocs<Building>(await db.all<{ doc: string }>('SELECT doc FROM buildings ORDER BY pk')),
    devices: parseDocs<Device>(await db.all<{ doc: string }>('SELECT doc FROM devices ORDER BY pk')),
    points: parseDocs<Point>(await db.all<{ doc: string }>('SELECT doc FROM points ORDER BY pk')),
  };
}
