/**
 * A CityGML tile written into the district file while it is read (import-into-store.ts) against reading the whole
 * tile and then merging it (mergeIntoStore): the same buildings in the same places, the same roofs, counts, bounds
 * and warnings. Batches of 7 buildings and pieces of 4 KB put the duplicate ids of the generated file (buildings 50
 * and 77 take the id of building 5) in later batches than the building they replace, and a file the workers cannot
 * split is read again from its start after its first batches were written. A tile failing in its last building
 * leaves the district file as it was.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Building, Site } from '../../../models/types.js';
import { readCityGmlParallel } from '../../../main/core/importers/citygml/read-citygml-parallel.js';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import { streamTile, type TileImport } from '../../../main/core/importers/import-into-store.js';
import { mergeIntoStore } from '../../../main/core/importers/merge-into-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Store } from '../../../main/core/store/store.js';
import { trickyTile, writeIn } from './tricky-tile.js';
import { folderAndPool } from './both-readers.js';

const { dir, pool } = folderAndPool('plustwin-import-into-store-');

const PIECE = 4096;
const BATCH = 7;

/** A district with two of the tile's buildings already in it, named and used by the user. */
async function seeded(name: string): Promise<Store> {
  const store = await openStore(join(dir, name));
  const site: Site = { id: 'site', name: 'Bestand', origin: { lat: 51.45, lon: 7.01 }, timezone: 'Europe/Berlin' };
  const mine = (id: string, use: Building['use']): Building => ({ id, name: `Haus ${id.slice(-2)}`, use, footprint: [[7, 51], [7.0001, 51], [7.0001, 51.0001]], heightM: 9 });
  await store.saveDistrict(site, [mine('DENW36AL00000005', 'school'), mine('DENW36AL00000011', 'office')], [], []);
  return store;
}

async function contents(store: Store): Promise<unknown> {
  return { district: await store.getDistrict(), roofs: await store.getRoofs() };
}

async function streamed(store: Store, file: string, read: 'parallel' | 'serial'): Promise<TileImport> {
  const size = statSync(file).size;
  const importTile = store.buildingImport?.bind(store);
  if (!importTile) throw new Error('the SQLite store writes tiles in batches');
  return importTile((tx) =>
    streamTile(tx, file, (sink) => (read === 'parallel' ? readCityGmlParallel(file, size, {}, { pool, pieceBytes: PIECE }, sink) : readCityGmlSerial(file, size, {}, sink)), BATCH),
  );
}

describe('a CityGML tile written while it is read', () => {
  for (const [label, fake, read] of [
    ['in pieces by the workers', false, 'parallel'],
    ['after the workers gave up on it', true, 'parallel'],
    ['on one thread', false, 'serial'],
  ] as const) {
    it(`gives the district file of reading it whole and merging, ${label}`, async () => {
      const file = writeIn(dir, `tile-${label.length}.gml`, trickyTile({ longNames: [21], fakeEndTag: (i) => fake && i === 90 }));
      const whole = await readCityGmlSerial(file, statSync(file).size);
      const a = await seeded(`whole-${label.length}.sqlite`);
      const b = await seeded(`streamed-${label.length}.sqlite`);
      try {
        const counts = await mergeIntoStore(a, whole, file);
        const summary = await streamed(b, file, read);
        // 120 buildings, two duplicates of building 5, building 60 without geometry: 117; 5 and 11 were there
        expect(counts).toEqual({ added: 115, updated: 2 });
        expect(summary).toEqual({
          format: 'citygml',
          crs: whole.crs,
          buildings: 117,
          ...counts,
          roofSurfaces: whole.roofs.length,
          roofAreaM2: Number(whole.roofs.reduce((s, r) => s + r.areaM2, 0).toFixed(1)),
          bounds: whole.bounds,
          warnings: whole.warnings,
          warningDetails: whole.warningDetails ?? [],
        });
        expect(await contents(b)).toEqual(await contents(a));
      } finally {
        await a.close();
        await b.close();
      }
    });
  }

  it('a new district: its site centred on the whole tile, as when merged whole', async () => {
    const file = writeIn(dir, 'new.gml', trickyTile({ longNames: [21] }));
    const whole = await readCityGmlSerial(file, statSync(file).size);
    const a = await openStore(join(dir, 'new-whole.sqlite'));
    const b = await openStore(join(dir, 'new-streamed.sqlite'));
    try {
      await mergeIntoStore(a, whole, file);
      await streamed(b, file, 'parallel');
      expect(await contents(b)).toEqual(await contents(a));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a tile failing at its last building leaves the district file as it was', async () => {
    const text = trickyTile({ longNames: [21] });
    const last = text.lastIndexOf('<bldg:measuredHeight uom="urn:adv:uom:m">');
    const file = writeIn(dir, 'last-fails.gml', `${text.slice(0, last)}<bldg:measuredHeight uom="urn:adv:uom:m">1e308${text.slice(last + 41)}`);
    for (const read of ['parallel', 'serial'] as const) {
      const store = await seeded(`fails-${read}.sqlite`);
      try {
        const before = await contents(store);
        const e = await streamed(store, file, read).then(
          () => null,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(ImportError);
        expect(await contents(store)).toEqual(before);
      } finally {
        await store.close();
      }
    }
  });
});
