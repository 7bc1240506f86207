/**
 * Which failed writes are the environment's fault (disk full, read-only file, I/O error, another process holding the
 * lock) and so worth keeping and retrying, and which are the batch's own (a constraint or trigger), which no retry
 * will fix. SQLite's result codes: https://www.sqlite.org/rescode.html; node-sqlite3 puts the primary code's name
 * into err.code ('SQLITE_FULL', ...).
 */

const RETRYABLE = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL']);

export function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isRetryableWrite = (e: unknown): boolean => RETRYABLE.has(sqliteCode(e) ?? '');

/** The user's words for the condition, so the log and the status say what to do about it. */
function condition(code: string | undefined): string {
  switch (code) {
    case 'SQLITE_FULL':
      return 'the disk is full';
    case 'SQLITE_READONLY':
      return 'the file is read-only';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'the database is locked by another process';
    case 'SQLITE_IOERR':
      return 'the disk reports an I/O error';
    default:
      return 'the write failed';
  }
}

/** A failed write of the district file, naming the file, what is wrong and SQLite's own message. */
export class StoreWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = sqliteCode(cause);
    super(`cannot write ${file}: ${condition(code)} (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'StoreWriteError';
    this.code = code;
  }
}

/** ingest() refused readings because too many wait for a write that keeps failing; the caller keeps them. */
export class StoreBackpressure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreBackpressure';
  }
}
