import { SqliteStore } from './sqlite-store.js';
import type { StoreOptions } from './store-options.js';

export type { StoreOptions } from './store-options.js';

/** Opens (creating and migrating as needed) the district file at file. */
export const openStore = (file: string, options?: StoreOptions): Promise<SqliteStore> => SqliteStore.open(file, options);
