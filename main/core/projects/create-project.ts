/**
 * New projects: from the built-in demo (an empty file the core fills with the demo district when it opens it) or
 * from a CityGML / GeoJSON import. The import is read completely before any file is created, and a failure
 * afterwards removes the half-made file, so a bad input leaves neither a broken project nor a list entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importBuildings, type ImportOptions } from '../importers/import-buildings.js';
import { mergeIntoStore } from '../importers/merge-into-store.js';
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
  const result = await importBuildings(source, options);
  const file = list.fileFor(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    const store = await openStore(file);
    try {
      await mergeIntoStore(store, result, source);
    } finally {
      await store.close();
    }
  } catch (e) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
  return { project: list.add({ name, file, origin: 'import' }), buildings: result.buildings.length, warnings: result.warnings };
}
