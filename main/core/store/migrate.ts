import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqliteDb } from './sqlite-db.js';

export class SchemaTooNewError extends Error {}

export async function schemaVersion(db: SqliteDb): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/**
 * Brings the file up to the last migration in the list. Each migration and its version bump commit together or not
 * at all. Returns the versions applied.
 */
export async function migrate(db: SqliteDb, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const latest = migrations.length;
  const current = await schemaVersion(db);
  if (current > latest)
    throw new SchemaTooNewError(
      `${db.file} has schema version ${current}, newer than this PlusTwin knows (${latest}); update PlusTwin`,
    );
  const applied: number[] = [];
  for (const m of migrations.slice(current)) {
    await db.transaction(async () => {
      await db.exec(m.sql);
      await db.exec(`PRAGMA user_version = ${m.version}`);
    });
    applied.push(m.version);
  }
  return applied;
}
