/**
 * Where a reading command's district comes from: a district file (--db FILE) or one site of a fleet's central
 * PostgreSQL database (--pg URL [--site ID], opened read-only; docs/deployment.md). Exactly one of the two.
 */
import { openCentralStore } from '../../core/store/central/pg-store.js';
import { CentralSiteError } from '../../core/store/central/central-district.js';
import type { Store } from '../../core/store/store.js';
import { UsageError } from '../common/command.js';
import { usageError } from './cli-error.js';
import { openExistingDistrict } from './open-district.js';

export interface SourceFlags {
  readonly db?: string | undefined;
  readonly pg?: string | undefined;
  readonly site?: string | undefined;
}

/** The usage lines of the three options, for the commands that take them, with the option column width used. */
export const sourceUsage = (width: number): string =>
  [
    ['--db FILE', "the district's SQLite file (must exist; it is only read)"],
    ['--pg URL', "or a fleet's central PostgreSQL database, e.g. postgresql://plustwin_read@db.example.org/plustwin"],
    ['', '(read-only; the password from PGPASSWORD or ~/.pgpass, not in the URL)'],
    ['--site ID', 'with --pg: the site to read (may be left out when the database holds one site)'],
  ]
    .map(([flag, text]) => `  ${(flag as string).padEnd(width)}${text as string}`)
    .join('\n');

/** Checks the flags without opening anything, so that a usage mistake is told before any connection is tried. */
export function checkSource(flags: SourceFlags): void {
  if (flags.db !== undefined && flags.pg !== undefined) throw usageError('source.both');
  if (flags.db === undefined && flags.pg === undefined) throw usageError('source.none');
  if (flags.site !== undefined && flags.pg === undefined) throw usageError('source.site');
  if (flags.pg !== undefined && !/^postgres(ql)?:\/\//.test(flags.pg)) throw usageError('source.pg', { got: flags.pg });
}

export async function openSource(flags: SourceFlags): Promise<Store> {
  checkSource(flags);
  if (flags.db !== undefined) return openExistingDistrict(flags.db);
  try {
    return await openCentralStore(flags.pg as string, flags.site === undefined ? {} : { site: flags.site });
  } catch (e) {
    // a missing or wrong --site is the user's choice to correct, like a missing file
    if (e instanceof CentralSiteError) throw new UsageError(e.message);
    throw e;
  }
}

/** What the source is called in messages: the file, or the database address without its password. */
export const sourceName = (flags: SourceFlags, store: Store): string => flags.db ?? store.path;
