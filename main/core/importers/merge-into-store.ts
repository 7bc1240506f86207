/** Merges an import result into a district by building id: used by the CLI, the desktop's import and new projects. */
import { basename } from 'node:path';
import type { Building, Site } from '../../../models/types.js';
import type { ImportResult } from './import-buildings.js';
import type { Store } from '../store/store.js';

/**
 * The imported building, keeping what the user set on an existing one where the file only has a fallback; planning
 * attributes the user entered stay unless the file states them.
 */
function merged(imported: Building, existing: Building | undefined): Building {
  if (!existing) return imported;
  const planning = existing.planning === undefined && imported.planning === undefined ? undefined : { ...existing.planning, ...imported.planning };
  return {
    ...imported,
    name: imported.name === imported.id ? existing.name : imported.name,
    use: imported.use === 'other' ? existing.use : imported.use,
    ...(planning === undefined ? {} : { planning }),
  };
}

function newSite(result: ImportResult, file: string): Site {
  const b = result.bounds;
  return {
    id: 'site',
    name: basename(file).replace(/\.[^.]+$/, ''),
    origin: b ? { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 } : { lat: 51.5, lon: 7.0 },
    timezone: 'Europe/Berlin',
  };
}

/** Writes an import result into a store, merging by building id. */
export async function mergeIntoStore(store: Store, result: ImportResult, file: string): Promise<{ added: number; updated: number }> {
  const district = store.getSiteAndBuildings ? await store.getSiteAndBuildings(result.buildings.map((b) => b.id)) : await store.getDistrict();
  const existing = new Map((district?.buildings ?? []).map((b) => [b.id, b]));
  const buildings = result.buildings.map((b) => merged(b, existing.get(b.id)));
  const updated = buildings.filter((b) => existing.has(b.id)).length;
  await store.saveDistrict(district?.site ?? newSite(result, file), buildings, [], []);
  await store.saveRoofs(
    buildings.map((b) => b.id),
    result.roofs,
  );
  return { added: buildings.length - updated, updated };
}
