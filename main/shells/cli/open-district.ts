/** Opening the district file a command's --db names. */
import { existsSync } from 'node:fs';
import { openStore } from '../../core/store/open-store.js';
import type { SqliteStore } from '../../core/store/sqlite-store.js';
import { usageError } from './cli-error.js';

/** openStore creates a missing file, so a typo in --db would leave an empty district behind: refuse it instead. */
export async function openExistingDistrict(db: string): Promise<SqliteStore> {
  if (!existsSync(db)) throw usageError('usage.noFile', { flag: '--db', file: db });
  return openStore(db);
}
