/**
 * Raw samples, the bulk of every ingest batch, written as multi-row INSERTs whose integer columns (timestamp, point
 * number, quality code) are SQL literals and whose values are bound.
 *
 * Why not bind everything: sqlite3 converts each bound parameter into its own C++ object on the main thread, which
 * cost about as much as SQLite's whole insert did (four parameters per sample). Integers print exactly, so they go
 * into the SQL text; values stay bound because SQLite's decimal parser is not correctly rounded in every case and a
 * stored reading must read back bit for bit. The chunks of a batch are handed to sqlite3 together, so the main
 * thread formats the next chunk while a worker thread inserts the previous one.
 */
import type { SqliteDb } from './sqlite-db.js';

/** Rows per INSERT: under SQLITE_MAX_VARIABLE_NUMBER (32,766) bound values and a few hundred kB of SQL. */
const CHUNK_ROWS = 8192;

interface Chunk {
  readonly tuples: string[];
  readonly values: number[];
}

function integer(v: number, column: string): number {
  // Only integers may enter the SQL text: anything else is a bug upstream, never input to splice in.
  if (!Number.isSafeInteger(v)) throw new TypeError(`raw sample ${column} ${String(v)} is not an integer`);
  return v;
}

/**
 * One batch of rows. The SQL text of a row is two cached pieces, "(ts," and "point,?,q)": the samples of a poll
 * round share their timestamp and points repeat every round, so a row costs one short string, not three number
 * conversions.
 */
export class SampleBatch {
  private readonly chunks: Chunk[] = [];
  private rows = 0;
  private lastTs = Number.NaN;
  private tsPiece = '';
  private readonly pointPieces = new Map<number, string>();

  /** ts: UTC ms, point: point number, q: sample quality code; all integers. */
  add(ts: number, point: number, value: number, q: number): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || chunk.values.length === CHUNK_ROWS) {
      chunk = { tuples: [], values: [] };
      this.chunks.push(chunk);
    }
    if (ts !== this.lastTs) {
      this.tsPiece = `(${integer(ts, 'ts')},`;
      this.lastTs = ts;
    }
    const key = point * 4 + q;
    let pointPiece = this.pointPieces.get(key);
    if (pointPiece === undefined) {
      pointPiece = `${integer(point, 'point')},?,${integer(q, 'q')})`;
      if (q < 0 || q > 3) throw new TypeError(`raw sample quality code ${q} is out of range`);
      this.pointPieces.set(key, pointPiece);
    }
    chunk.tuples.push(this.tsPiece + pointPiece);
    chunk.values.push(value);
    this.rows += 1;
  }

  get length(): number {
    return this.rows;
  }

  /** Inserts the rows (a repeated (ts, point) is ignored). Call inside a transaction. */
  async write(db: SqliteDb): Promise<void> {
    const writes = this.chunks.map((c) =>
      db.run(`INSERT OR IGNORE INTO samples(ts, point, value, q) VALUES ${c.tuples.join(',')}`, c.values),
    );
    // Settle all before reporting, so a failed chunk never leaves others running past the caller's ROLLBACK.
    const results = await Promise.allSettled(writes);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }
}
