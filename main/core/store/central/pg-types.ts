/** The part of pg's Pool and PoolClient the central store's queries need (so they run on either). */
import type { QueryResult, QueryResultRow } from 'pg';

export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** A UTC ms time as a timestamptz parameter. */
export const tsParam = (ms: number): string => new Date(ms).toISOString();

/** A timestamptz column as UTC ms (a float8, which pg hands over as a number; exact for ms since 1970). */
export const msOf = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::float8`;
