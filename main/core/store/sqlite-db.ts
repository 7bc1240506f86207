/**
 * Promise face of sqlite3 6 (Node-API, so the same binary loads in Electron). One connection, used from one place:
 * sqlite3 queues statements per connection in call order, and the store serialises its transactions itself.
 */
import { createRequire } from 'node:module';
import type * as Sqlite3 from 'sqlite3';
import { makePrivate } from './private-file.js';

// sqlite3 is CommonJS; createRequire keeps this file ESM without relying on interop flags of a bundler.
const sqlite3 = createRequire(import.meta.url)('sqlite3') as typeof Sqlite3;

export type SqlValue = number | string | null | Buffer;
export type Row = Record<string, SqlValue>;

/** The online backup object of sqlite3, missing from its typings. */
interface SqliteBackup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: (err: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}

export class SqliteDb {
  private constructor(
    private readonly db: Sqlite3.Database,
    readonly file: string,
  ) {}

  static open(file: string, readOnly = false): Promise<SqliteDb> {
    const mode = readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new SqliteDb(db, file))));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve(this.changes);
      }),
    );
  }

  all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  async get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(new PreparedStatement(stmt))));
    });
  }

  /** Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows on any error. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const out = await fn();
      await this.exec('COMMIT');
      return out;
    } catch (e) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /**
   * Online copy of the whole database into dest with the SQLite backup API. Each step runs through `around`, so the
   * owner can slot steps between its own transactions (a step during a write on the same connection fails).
   */
  async backupTo(
    dest: string,
    pagesPerStep = 1024,
    around: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
  ): Promise<void> {
    // a full copy holds what the file holds: only the user may read it
    makePrivate(dest);
    const db = this.db as unknown as { backup(file: string, cb: (err: Error | null) => void): SqliteBackup };
    const backup = await around(
      () =>
        new Promise<SqliteBackup>((resolve, reject) => {
          const b = db.backup(dest, (err) => (err ? reject(err) : resolve(b)));
        }),
    );
    const finish = () => new Promise<void>((resolve, reject) => backup.finish((e) => (e ? reject(e) : resolve())));
    try {
      while (!backup.completed && !backup.failed)
        await around(() => new Promise<void>((resolve, reject) => backup.step(pagesPerStep, (e) => (e ? reject(e) : resolve()))));
    } catch (e) {
      await finish().catch(() => undefined);
      throw e;
    }
    await finish();
    if (backup.failed) throw new Error(`backup to ${dest} failed`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class PreparedStatement {
  constructor(private readonly stmt: Sqlite3.Statement) {}

  run(params: readonly SqlValue[]): Promise<void> {
    return new Promise((resolve, reject) => this.stmt.run(params, (err: Error | null) => (err ? reject(err) : resolve())));
  }

  finalize(): Promise<void> {
    return new Promise((resolve) => this.stmt.finalize(() => resolve()));
  }
}
