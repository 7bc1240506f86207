/**
 * A minimal GeoPackage (OGC 12-128r18, GeoPackage Encoding Standard 1.3) written with SQLite: the required tables
 * gpkg_spatial_ref_sys (with the records -1, 0 and 4326 the standard requires, plus the layers' CRS),
 * gpkg_contents and gpkg_geometry_columns, application_id 'GPKG' (0x47504B47) and user_version 10300, and one
 * feature table per layer whose geometry column holds GeoPackage binary geometry (GP header + WKB).
 * Written to a temporary file next to the target and renamed, so a failed export leaves no half file behind.
 */
import { rm, rename } from 'node:fs/promises';
import { gpkgPolygon, type PolygonRings } from '../../../models/planning/gpkg-geometry.js';
import { BulkInsert } from '../store/bulk-insert.js';
import { SqliteDb, type SqlValue } from '../store/sqlite-db.js';
import { UTM32_WKT, WGS84_WKT } from './metric-crs.js';

const GPKG_APPLICATION_ID = 0x47504b47;
const GPKG_VERSION = 10300;

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN';

export interface GpkgLayerDef {
  readonly name: string;
  readonly description: string;
  readonly srsId: number;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

export interface GpkgFeature {
  readonly rings: PolygonRings;
  readonly values: readonly SqlValue[];
}

const SRS: readonly [string, number, string, number, string][] = [
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined'],
  ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT],
  ['ETRS89 / UTM zone 32N', 25832, 'EPSG', 25832, UTM32_WKT],
];

const SCHEMA = `
  CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
  CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
    description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
  CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
`;

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Features per multi-row INSERT: one statement per feature would cross into sqlite3's worker thread per feature. */
const FEATURES_PER_INSERT = 1000;

/** A layer being written: features go in as they come, its extent is kept as they pass and stored at close. */
export class GpkgLayerWriter {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  constructor(
    private readonly db: SqliteDb,
    private readonly def: GpkgLayerDef,
    private readonly bulk: BulkInsert,
  ) {}

  async add(features: readonly GpkgFeature[]): Promise<void> {
    const values: SqlValue[] = [];
    for (const f of features) {
      for (const ring of f.rings)
        for (const [x, y] of ring) {
          if (x < this.minX) this.minX = x;
          if (y < this.minY) this.minY = y;
          if (x > this.maxX) this.maxX = x;
          if (y > this.maxY) this.maxY = y;
        }
      values.push(Buffer.from(gpkgPolygon(f.rings, this.def.srsId)), ...f.values);
    }
    await this.bulk.run(values);
  }

  async close(): Promise<void> {
    await this.bulk.close();
    // a layer without features has no extent (NULL), not an infinite one
    const extent = this.minX <= this.maxX ? [this.minX, this.minY, this.maxX, this.maxY] : [null, null, null, null];
    await this.db.run('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?', [...extent, this.def.name]);
  }
}

/** A GeoPackage being written into `<file>.part`, renamed to file by finish(); abort() removes it. */
export class GeoPackageWriter {
  private constructor(
    private readonly file: string,
    private readonly tmp: string,
    private readonly db: SqliteDb,
  ) {}

  static async create(file: string): Promise<GeoPackageWriter> {
    const tmp = `${file}.part`;
    await rm(tmp, { force: true });
    const db = await SqliteDb.open(tmp);
    try {
      // a fresh .part file renamed at the end: no journal or fsync is needed to leave nothing half-written behind
      await db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_VERSION};`);
      await db.exec('BEGIN');
      await db.exec(SCHEMA);
      for (const s of SRS) await db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)', s);
    } catch (e) {
      await db.close();
      await rm(tmp, { force: true });
      throw e;
    }
    return new GeoPackageWriter(file, tmp, db);
  }

  async layer(def: GpkgLayerDef): Promise<GpkgLayerWriter> {
    const cols = def.columns.map((c) => `${quoteId(c.name)} ${c.type}`).join(', ');
    await this.db.exec(`CREATE TABLE ${quoteId(def.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POLYGON, ${cols})`);
    await this.db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, ?, ?, ?, ?)', [def.name, 'features', def.name, def.description, def.srsId]);
    await this.db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [def.name, 'geom', 'POLYGON', def.srsId]);
    const names = ['geom', ...def.columns.map((c) => c.name)].map(quoteId).join(', ');
    return new GpkgLayerWriter(this.db, def, new BulkInsert(this.db, `INSERT INTO ${quoteId(def.name)} (${names})`, def.columns.length + 1, '', FEATURES_PER_INSERT));
  }

  async finish(): Promise<void> {
    try {
      await this.db.exec('COMMIT');
    } finally {
      await this.db.close();
    }
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    await this.db.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}
