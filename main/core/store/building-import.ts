/**
 * Writing one imported tile into the district file: a writer for its buildings and their roofs whose batches all
 * land in one transaction, so that a tile is written while it is still being read (its memory stays that of a
 * batch) and a tile that fails at its last building leaves the district file as it was.
 */
import type { Building, Site } from '../../../models/types.js';
import { BulkInsert } from './bulk-insert.js';
import type { EncodedBuilding } from './building-rows.js';
import type { SqliteDb } from './sqlite-db.js';

export interface BuildingImportTx {
  /** The district's current site, or null for a new district. */
  site(): Promise<Site | null>;
  /** Those of the named buildings that are stored (written before this tile, or by it), in the district's order. */
  buildings(ids: readonly string[]): Promise<Building[]>;
  /** How many roof surfaces the named buildings have stored, and their area. */
  roofTotals(ids: readonly string[]): Promise<{ count: number; areaM2: number }>;
  /** Upserts the site and the buildings by id (an upsert keeps a building's place) and replaces their roofs. */
  save(site: Site, buildings: readonly EncodedBuilding[]): Promise<void>;
  /**
   * Notes the importer keeps per building while the tile is written (what a stored building was before the tile
   * changed it), held in the district file for the transaction's length rather than in memory: a tile may update
   * 300,000 buildings. Gone when the transaction ends.
   */
  keepNotes(notes: readonly (readonly [id: string, note: string])[]): Promise<void>;
  notes(ids: readonly string[]): Promise<Map<string, string>>;
  /** Undoes everything this tile wrote so far (the file is read again from its start). */
  restart(): Promise<void>;
}

/** A table of the transaction only: created after BEGIN, dropped before COMMIT, gone with a ROLLBACK. */
const NOTES = 'tile_import_notes';

const CREATE_NOTES = `CREATE TABLE ${NOTES}(id TEXT PRIMARY KEY, note TEXT NOT NULL) WITHOUT ROWID`;

/**
 * The writer on a connection right inside the caller's BEGIN (not nested deeper): runs fn before the caller's
 * commit. A restart rolls that transaction back and begins it again rather than rolling back to a savepoint: while
 * a savepoint is open SQLite keeps the original of every page the tile changes in its sub-journal, in memory with
 * temp_store = MEMORY, so importing a 1,952 MB tile again over itself grew by 170 MB.
 */
export async function sqliteBuildingImport<T>(db: SqliteDb, now: () => number, fn: (tx: BuildingImportTx) => Promise<T>): Promise<T> {
  await db.exec(CREATE_NOTES);
  const note = new BulkInsert(db, `INSERT INTO ${NOTES}(id, note)`, 2, '', 500);
  try {
    const out = await fn({
      async site() {
        const current = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'current_site'");
        if (current === undefined) return null;
        const row = await db.get<{ doc: string }>('SELECT doc FROM sites WHERE id = ?', [current.value]);
        return row === undefined ? null : (JSON.parse(row.doc) as Site);
      },
      async buildings(ids) {
        if (ids.length === 0) return [];
        const rows = await db.all<{ doc: string }>('SELECT doc FROM buildings WHERE id IN (SELECT value FROM json_each(?)) ORDER BY pk', [JSON.stringify(ids)]);
        return rows.map((r) => JSON.parse(r.doc) as Building);
      },
      async roofTotals(ids) {
        const row = await db.get<{ n: number; a: number }>('SELECT count(*) AS n, total(area_m2) AS a FROM roofs WHERE building_id IN (SELECT value FROM json_each(?))', [
          JSON.stringify(ids),
        ]);
        return { count: row?.n ?? 0, areaM2: row?.a ?? 0 };
      },
      async save(site, buildings) {
        await db.run(
          `INSERT INTO sites(id, doc, saved_at) VALUES (?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, saved_at = excluded.saved_at`,
          [site.id, JSON.stringify(site), now()],
        );
        await db.run(`INSERT INTO meta(key, value) VALUES ('current_site', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, [site.id]);
        if (buildings.length > 0) await saveEncoded(db, buildings);
      },
      async keepNotes(notes) {
        await note.run(notes.flat());
      },
      async notes(ids) {
        if (ids.length === 0) return new Map();
        const rows = await db.all<{ id: string; note: string }>(`SELECT id, note FROM ${NOTES} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
        return new Map(rows.map((r) => [r.id, r.note]));
      },
      async restart() {
        await db.exec(`ROLLBACK; BEGIN IMMEDIATE; ${CREATE_NOTES}`);
      },
    });
    await note.close();
    await db.exec(`DROP TABLE ${NOTES}`);
    return out;
  } finally {
    // closing twice is harmless; after an error the caller's ROLLBACK drops the table
    await note.close();
  }
}

/** SQL for the double whose exact parts m, k are the row's values at i and i + 1 (building-rows.ts). */
const exact = (i: number): string => `CAST(value->>${i} AS REAL) / (1 << (value->>${i + 1}))`;

/**
 * A batch in three statements whatever its size, each bound to one JSON text that SQLite takes apart: binding
 * every value of a batch (ids, docs, each roof's numbers and outline) was the largest part of the main thread's
 * work in a city import. jsonb_each rather than json_each: its rows are binary JSON, which ->> reads without
 * parsing each row's text again (the roofs' statement in 60 % of the time). A roof's numbers come as their exact
 * parts m, k: m / (1 << k) is the double that was encoded, to the last bit, where SQLite's reading of its decimal
 * text need not be.
 */
async function saveEncoded(db: SqliteDb, buildings: readonly EncodedBuilding[]): Promise<void> {
  const ids = JSON.stringify(buildings.map((b) => b.id));
  await db.run('DELETE FROM roofs WHERE building_id IN (SELECT value FROM json_each(?))', [ids]);
  // WHERE true: without it SQLite would read ON CONFLICT as the join's ON (its documented parsing ambiguity)
  await db.run(
    'INSERT INTO buildings(id, doc) SELECT value->>0, value->>1 FROM jsonb_each(?) WHERE true ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
    [JSON.stringify(buildings.map((b) => [b.id, b.doc]))],
  );
  const roofs = buildings.filter((b) => b.roofs !== '');
  if (roofs.length === 0) return;
  await db.run(
    `INSERT INTO roofs(building_id, seq, area_m2, tilt_deg, azimuth_deg, outline)
     SELECT value->>0, value->>1, ${exact(2)}, ${exact(4)}, ${exact(6)}, value->>8 FROM jsonb_each(?)`,
    [`[${roofs.map((b) => b.roofs).join(',')}]`],
  );
}
