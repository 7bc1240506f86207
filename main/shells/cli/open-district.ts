/** Opening the district file a command's --db names. */
import { existsSync } from 'node:fs';
import { openStore } from '../../core/store/open-store.js';
import type { SqliteStore } from '../../core/store/sqlite-store.js';
import { UsageError } from '../common/command.js';

/** openStore creates a missing file, so a typo in --db would leave an empty district behind: refuse it instead. */
export async function openExistingDistrict(db: string): Promise<SqliteStore> {
  if (!existsSync(db)) throw new UsageError(`--db: no file ${db}`);
  return openStore(db);
}
