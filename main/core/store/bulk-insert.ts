/**
 * Multi-row INSERT in chunks through cached prepared statements: one statement per row is about 15x slower on
 * sqlite3, because every call crosses into the worker thread and back.
 */
import type { PreparedStatement, SqliteDb, SqlValue } from './sqlite-db.js';

const MAX_VARIABLES = 32_766; // SQLITE_MAX_VARIABLE_NUMBER since 3.32

export class BulkInsert {
  private readonly chunkRows: number;
  private full: Promise<PreparedStatement> | null = null;

  /** head: "INSERT INTO t(a,b)"; tail: e.g. "ON CONFLICT(a) DO UPDATE SET ..." or "". */
  constructor(
    private readonly db: SqliteDb,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
    chunkRows = 4096,
  ) {
    this.chunkRows = Math.max(1, Math.min(chunkRows, Math.floor(MAX_VARIABLES / columns)));
  }

  private sql(rows: number): string {
    const tuple = `(${new Array<string>(this.columns).fill('?').join(',')})`;
    return `${this.head} VALUES ${new Array<string>(rows).fill(tuple).join(',')} ${this.tail}`;
  }

  /** values is row-major, columns values per row. Call inside a transaction. */
  async run(values: readonly SqlValue[]): Promise<void> {
    const perChunk = this.chunkRows * this.columns;
    let at = 0;
    for (; at + perChunk <= values.length; at += perChunk) {
      this.full ??= this.db.prepare(this.sql(this.chunkRows));
      await (await this.full).run(values.slice(at, at + perChunk));
    }
    if (at < values.length) await this.db.run(this.sql((values.length - at) / this.columns), values.slice(at));
  }

  async close(): Promise<void> {
    if (this.full !== null) await (await this.full).finalize();
    this.full = null;
  }
}
