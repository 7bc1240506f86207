/** Merges an import result into a district by building id: used by the CLI, the desktop's import and new projects. */
import { basename } from 'node:path';
import type { Building, RoofSurface, Site } from '../../../models/types.js';
import type { ImportResult } from './import-buildings.js';
import type { Bounds } from './import-result.js';
import type { Store } from '../store/store.js';

/**
 * The imported building, keeping what the user set on an existing one where the file only has a fallback; planning
 * attributes the user entered stay unless the file states them.
 */
export function merged(imported: Building, existing: Pick<Building, 'name' | 'use' | 'planning'> | undefined): Building {
  if (!existing) return imported;
  const planning = existing.planning === undefined && imported.planning === undefined ? undefined : { ...existing.planning, ...imported.planning };
  return {
    ...imported,
    name: imported.name === imported.id ? existing.name : imported.name,
    use: imported.use === 'other' ? existing.use : imported.use,
    ...(planning === undefined ? {} : { planning }),
  };
}

export function newSite(b: Bounds | null, file: string): Site {
  return {
    id: 'site',
    name: basename(file).replace(/\.[^.]+$/, ''),
    origin: b ? { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 } : { lat: 51.5, lon: 7.0 },
    timezone: 'Europe/Berlin',
  };
}

/**
 * Buildings written per step: a tile of 10,000 buildings turned into JSON rows at once doubled the import's peak
 * memory; a step of 2,000 keeps it small and costs a few more statements.
 */
export const BATCH = 2_000;

/** Writes an import result into a store, merging by building id, in batches of BATCH buildings and their roofs. */
export async function mergeIntoStore(store: Store, result: ImportResult, file: string): Promise<{ added: number; updated: number }> {
  const roofsOf = new Map<string, RoofSurface[]>();
  for (const r of result.roofs) {
    const list = roofsOf.get(r.buildingId);
    if (list) list.push(r);
    else roofsOf.set(r.buildingId, [r]);
  }
  let site: Site | undefined;
  let updated = 0;
  for (let at = 0; at === 0 || at < result.buildings.length; at += BATCH) {
    const batch = result.buildings.slice(at, at + BATCH);
    const ids = batch.map((b) => b.id);
    const district = store.getSiteAndBuildings ? await store.getSiteAndBuildings(ids) : await store.getDistrict();
    site ??= district?.site ?? newSite(result.bounds, file);
    const existing = new Map((district?.buildings ?? []).map((b) => [b.id, b]));
    const buildings = batch.map((b) => merged(b, existing.get(b.id)));
    updated += buildings.filter((b) => existing.has(b.id)).length;
    await store.saveDistrict(site, buildings, [], []);
    await store.saveRoofs(
      ids,
      ids.flatMap((id) => roofsOf.get(id) ?? []),
    );
  }
  return { added: result.buildings.length - updated, updated };
}
