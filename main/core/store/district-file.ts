/**
 * Whole district files: export is an online backup of the open store; import checks a file (SQLite, intact, a
 * schema this version can read, holds a district) and only then puts a copy in place atomically, so a bad file
 * never replaces a good one. An exported file is handed on (to a consultant, a colleague): the devices' OPC UA
 * passwords are taken out of it first.
 *
 * A look-alike (the right user_version and a few empty tables) must not pass: its tables and columns are compared
 * with those a new district file has at the same schema version.
 * Import never replaces a file that a running serve or app holds (district-lock.ts).
 */
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import { migrate, schemaVersion } from './migrate.js';
import { SqliteDb } from './sqlite-db.js';
import { DistrictLockedError, lockHolder, lockPath } from './district-lock.js';

/**
 * What is wrong with a district file, as a code and parameters beside the English message (which names the file),
 * so the CLI can say it in the user's language. params: file always; see the texts in main/shells/cli/messages.
 */
export type DistrictFileCode = 'noFile' | 'notSqlite' | 'notDistrict' | 'lookAlike' | 'damaged' | 'newer' | 'noDistrict' | 'locked' | 'copyFailed';

export class DistrictFileError extends Error {
  constructor(
    message: string,
    readonly code: DistrictFileCode,
    readonly params: Readonly<Record<string, string | number>>,
  ) {
    super(message);
  }
}

const locked = (file: string, e: DistrictLockedError): DistrictFileError =>
  new DistrictFileError(e.message, 'locked', { file, owner: e.holder.owner, pid: String(e.holder.pid), lock: lockPath(file) });

export interface DistrictFileInfo {
  readonly schemaVersion: number;
  readonly buildings: number;
  readonly points: number;
  readonly intervals: number;
}

/** Every table and its columns, as `table.column`, user tables only. */
async function columnsOf(db: SqliteDb): Promise<Set<string>> {
  const rows = await db.all<{ t: string; c: string }>(
    `SELECT m.name AS t, p.name AS c FROM sqlite_schema m, pragma_table_info(m.name) p
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  );
  return new Set(rows.map((r) => `${r.t}.${r.c}`));
}

const references = new Map<number, Promise<Set<string>>>();
/** The tables and columns a district file of schema `version` has: a new one brought to that version in memory. */
function referenceColumns(version: number): Promise<Set<string>> {
  let ref = references.get(version);
  if (ref === undefined) {
    ref = (async () => {
      const db = await SqliteDb.open(':memory:');
      try {
        await migrate(db, MIGRATIONS.slice(0, version));
        return await columnsOf(db);
      } finally {
        await db.close();
      }
    })();
    references.set(version, ref);
  }
  return ref;
}

/**
 * The first few tables (or tables.columns) the file lacks for its schema version, or null when it has them all: as
 * English words ("table series, column points.doc") and as the bare names for a translated text.
 */
async function missingSchema(db: SqliteDb, version: number): Promise<{ text: string; names: string } | null> {
  const have = await columnsOf(db);
  const missing = [...(await referenceColumns(version))].filter((c) => !have.has(c));
  if (missing.length === 0) return null;
  const tables = [...new Set(missing.map((c) => c.split('.')[0]!))];
  const whole = tables.filter((t) => ![...have].some((c) => c.startsWith(`${t}.`)));
  const names = whole.length > 0 ? whole : missing;
  const parts = names.map((n) => `${whole.length > 0 ? 'table' : 'column'} ${n}`);
  const more = (list: readonly string[]) => list.slice(0, 5).join(', ') + (list.length > 5 ? `, … (${list.length})` : '');
  return { text: parts.slice(0, 5).join(', ') + (parts.length > 5 ? ` and ${parts.length - 5} more` : ''), names: more(names) };
}

/** Opens src read-only and checks it; throws DistrictFileError naming the problem. */
export async function inspectDistrictFile(src: string): Promise<DistrictFileInfo> {
  if (!existsSync(src)) throw new DistrictFileError(`${src}: no such file`, 'noFile', { file: src });
  let db: SqliteDb;
  try {
    db = await SqliteDb.open(src, true);
  } catch (e) {
    throw new DistrictFileError(`${src}: cannot be opened as SQLite (${(e as Error).message})`, 'notSqlite', { file: src });
  }
  try {
    const check = await db.get<{ integrity_check: string }>('PRAGMA integrity_check').catch((e: Error) => {
      throw new DistrictFileError(`${src}: not a PlusTwin district file (${e.message})`, 'notDistrict', { file: src });
    });
    if (check?.integrity_check !== 'ok')
      throw new DistrictFileError(`${src}: integrity check failed: ${check?.integrity_check ?? 'no answer'}`, 'damaged', { file: src, detail: check?.integrity_check ?? '' });
    const version = await schemaVersion(db);
    if (version === 0) throw new DistrictFileError(`${src}: not a PlusTwin district file (no schema)`, 'notDistrict', { file: src });
    if (version > LATEST_SCHEMA_VERSION)
      throw new DistrictFileError(`${src}: schema version ${version} is newer than this PlusTwin (${LATEST_SCHEMA_VERSION})`, 'newer', {
        file: src,
        version,
        supported: LATEST_SCHEMA_VERSION,
      });
    // a look-alike with the right user_version and a few empty tables stops here
    const missing = await missingSchema(db, version);
    if (missing !== null) throw new DistrictFileError(`${src}: not a PlusTwin district file (schema ${version} but no ${missing.text})`, 'lookAlike', { file: src, version, missing: missing.names });
    const site = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'current_site'");
    if (site === undefined) throw new DistrictFileError(`${src}: holds no district`, 'noDistrict', { file: src });
    const count = async (table: string) => (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
    return { schemaVersion: version, buildings: await count('buildings'), points: await count('points'), intervals: await count('intervals') };
  } finally {
    await db.close();
  }
}

/**
 * Copies the district file src to dest after checking it, unless a running serve or app holds dest. dest is
 * replaced atomically (the copy is written beside it and renamed over it) and readable by its owner only (0600).
 */
export async function importDistrictFile(src: string, dest: string): Promise<DistrictFileInfo> {
  const holder = lockHolder(dest);
  if (holder !== null) throw locked(dest, new DistrictLockedError(dest, holder));
  const info = await inspectDistrictFile(src);
  const temp = `${dest}.import-${process.pid}`;
  rmSync(temp, { force: true });
  const from = await SqliteDb.open(src, true);
  try {
    await from.backupTo(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new DistrictFileError(`${src}: copy failed (${(e as Error).message})`, 'copyFailed', { file: src, detail: (e as Error).message });
  } finally {
    await from.close();
  }
  chmodSync(temp, 0o600);
  // checked again at the last moment: serve may have started while the file was checked and copied
  const late = lockHolder(dest);
  if (late !== null) {
    rmSync(temp, { force: true });
    throw locked(dest, new DistrictLockedError(dest, late));
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
