/**
 * Whole district files: export is an online backup of the open store; import checks a file (SQLite, intact, a
 * schema this version can read, holds a district) and only then puts a copy in place atomically, so a bad file
 * never replaces a good one. The copy is migrated when it is next opened. An exported file is handed on (to a
 * consultant, a colleague): the devices' OPC UA passwords are taken out of it first.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import { schemaVersion } from './migrate.js';
import { SqliteDb } from './sqlite-db.js';

export class DistrictFileError extends Error {}

export interface DistrictFileInfo {
  readonly schemaVersion: number;
  readonly buildings: number;
  readonly points: number;
  readonly intervals: number;
}

/** Opens src read-only and checks it; throws DistrictFileError naming the problem. */
export async function inspectDistrictFile(src: string): Promise<DistrictFileInfo> {
  if (!existsSync(src)) throw new DistrictFileError(`${src}: no such file`);
  let db: SqliteDb;
  try {
    db = await SqliteDb.open(src, true);
  } catch (e) {
    throw new DistrictFileError(`${src}: cannot be opened as SQLite (${(e as Error).message})`);
  }
  try {
    const check = await db.get<{ integrity_check: string }>('PRAGMA integrity_check').catch((e: Error) => {
      throw new DistrictFileError(`${src}: not a PlusTwin district file (${e.message})`);
    });
    if (check?.integrity_check !== 'ok')
      throw new DistrictFileError(`${src}: integrity check failed: ${check?.integrity_check ?? 'no answer'}`);
    const version = await schemaVersion(db);
    if (version === 0) throw new DistrictFileError(`${src}: not a PlusTwin district file (no schema)`);
    if (version > LATEST_SCHEMA_VERSION)
      throw new DistrictFileError(`${src}: schema version ${version} is newer than this PlusTwin (${LATEST_SCHEMA_VERSION})`);
    const count = async (table: string) =>
      (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).catch(() => {
        throw new DistrictFileError(`${src}: not a PlusTwin district file (no ${table} table)`);
      }))?.n ?? 0;
    const site = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'current_site'").catch(() => undefined);
    if (site === undefined) throw new DistrictFileError(`${src}: holds no district`);
    return {
      schemaVersion: version,
      buildings: await count('buildings'),
      points: await count('points'),
      intervals: await count('intervals'),
    };
  } finally {
    await db.close();
  }
}

/**
 * Copies the district file src to dest (which must not be open) after checking it. dest is replaced atomically:
 * the copy is written beside it and renamed over it.
 */
export async function importDistrictFile(src: string, dest: string): Promise<DistrictFileInfo> {
  const info = await inspectDistrictFile(src);
  const temp = `${dest}.import-${process.pid}`;
  rmSync(temp, { force: true });
  const from = await SqliteDb.open(src, true);
  try {
    await from.backupTo(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new DistrictFileError(`${src}: copy failed (${(e as Error).message})`);
  } finally {
    await from.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(dest + suffix, { force: true });
  renameSync(temp, dest);
  return info;
}

/**
 * Blanks every stored OPC UA password in the district file at path (which must not be open elsewhere), with
 * secure_delete so the old text does not linger in freed pages. Returns how many devices had one.
 */
export async function removeSecrets(path: string): Promise<number> {
  const db = await SqliteDb.open(path);
  try {
    await db.exec('PRAGMA secure_delete = ON');
    const changed = await db.run(
      `UPDATE devices SET doc = json_set(doc, '$.config.identity.password', '')
       WHERE json_extract(doc, '$.config.identity.password') <> ''`,
    );
    // the WAL holds the old pages until a checkpoint: fold it into the file and truncate it
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return changed;
  } finally {
    await db.close();
  }
}
