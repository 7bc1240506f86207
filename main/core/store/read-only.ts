/**
 * A store that only reads (the central PostgreSQL database, opened with a read-only role) refuses every write with
 * this error. The API turns it into an error value in the user's language (main/core/api/read-only-handlers.ts),
 * the CLI into its message; nothing is half written, because nothing is sent to the database.
 */
export class ReadOnlyStoreError extends Error {
  constructor(
    /** The write that was refused (saveDistrict, ingest, ...). */
    readonly operation: string,
    /** Where the data lives (the database address without its password). */
    readonly source: string,
  ) {
    super(`${source} is a central database opened read-only: ${operation} is not possible here; change it at the site's collector`);
    this.name = 'ReadOnlyStoreError';
  }
}
