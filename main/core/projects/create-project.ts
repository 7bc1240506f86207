/**
 * New projects: from the built-in demo (an empty file the core fills with the demo district when it opens it) or
 * from a CityGML / GeoJSON import. The import is written into a new file as it is read (import-into-store.ts), and
 * any failure removes that file, so a bad input leaves neither a broken project nor a list entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOptions } from '../importers/import-buildings.js';
import { importIntoStore, type TileImport } from '../importers/import-into-store.js';
import { openStore } from '../store/open-store.js';
import type { ProjectEntry, ProjectsList } from './projects-list.js';

export function createDemoProject(list: ProjectsList, name: string): ProjectEntry {
  const file = list.fileFor(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return list.add({ name, file, origin: 'demo' });
}

export interface ImportedProject {
  readonly project: ProjectEntry;
  readonly buildings: number;
  readonly warnings: readonly string[];
}

export async function createProjectFromImport(
  list: ProjectsList,
  name: string,
  source: string,
  options: Pick<ImportOptions, 'crs'> = {},
): Promise<ImportedProject> {
  // fileFor names a file that does not exist yet: removing it on failure removes nothing else
  const file = list.fileFor(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let imported: TileImport;
  try {
    const store = await openStore(file);
    try {
      imported = await importIntoStore(store, source, options);
    } finally {
      await store.close();
    }
  } catch (e) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
  return { project: list.add({ name, file, origin: 'import' }), buildings: imported.buildings, warnings: imported.warnings };
}
