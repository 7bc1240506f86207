/**
 * A city's tiles in one run (import-tiles.ts): each tile after the first is read and parsed ahead while the one
 * before it commits, and that must not show. The district file equals importing the tiles one by one, a tile
 * updating buildings of an earlier one included; a broken tile, whether its read ahead breaks before or after its
 * writer exists, is named with its line, changes nothing, and the read ahead of the tile after it is stopped.
 * The tiles are 9 MB, large enough for the parse workers (smaller files are read on one thread, not ahead).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import { importIntoStore, type TileImport } from '../../../main/core/importers/import-into-store.js';
import { importTiles } from '../../../main/core/importers/import-tiles.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Store } from '../../../main/core/store/store.js';
import { cityGml } from '../../fixtures/importers/generate-citygml.js';
import { importFailure, folderAndPool } from './both-readers.js';
import { writeIn } from './tricky-tile.js';

const { dir } = folderAndPool('plustwin-import-tiles-');

const BUILDINGS = 1_300;
const generated = cityGml(BUILDINGS);
/** Tile `name`: the generated buildings with ids of its own (a tile named like an earlier one updates it). */
const tile = (file: string, ids: string, text = generated): string => writeIn(dir, file, text.replaceAll('DENW36AL', `DENW36${ids}`));

/** The generated tile with a malformed posList in its first or its last building. */
function broken(where: 'first' | 'last'): string {
  const at = where === 'first' ? generated.indexOf('<gml:posList') : generated.lastIndexOf('<gml:posList');
  return `${generated.slice(0, at)}<gml:posList srsDimension="3">1 2 3</gml:posLis>${generated.slice(generated.indexOf('</gml:posList>', at) + 14)}`;
}

async function contents(store: Store): Promise<unknown> {
  return { district: await store.getDistrict(), roofs: await store.getRoofs() };
}

/** The tiles imported one at a time, none read ahead: what importTiles must give. */
async function oneByOne(name: string, files: readonly string[]): Promise<{ tiles: TileImport[]; contents: unknown }> {
  const store = await openStore(join(dir, name));
  try {
    const tiles: TileImport[] = [];
    for (const f of files) tiles.push(await importIntoStore(store, f));
    return { tiles, contents: await contents(store) };
  } finally {
    await store.close();
  }
}

describe('importTiles', () => {
  const a = tile('a.gml', 'TA');
  const b = tile('b.gml', 'TB');
  // the same ids as a, somewhere else: every building of a updated
  const c = tile('c.gml', 'TA', generated.replaceAll('<gml:posList srsDimension="3">36', '<gml:posList srsDimension="3">37'));

  it('gives the district of importing the tiles one by one, every tile after the first read ahead', async () => {
    expect(statSync(a).size).toBeGreaterThan(8 << 20);
    const expected = await oneByOne('one-by-one.sqlite', [a, b, c]);
    expect(expected.tiles.map((t) => [t.added, t.updated])).toEqual([[BUILDINGS, 0], [BUILDINGS, 0], [0, BUILDINGS]]);
    const store = await openStore(join(dir, 'ahead.sqlite'));
    try {
      const ahead: number[] = [];
      const progress: number[] = [];
      const outcome = await importTiles(store, [a, b, c], { onReadAhead: (i) => ahead.push(i), onProgress: (done) => progress.push(done) });
      expect(outcome).toEqual({ tiles: expected.tiles });
      expect(await contents(store)).toEqual(expected.contents);
      expect(ahead).toEqual([1, 2]);
      expect([...progress].sort((x, y) => x - y)).toEqual(progress);
      expect(progress.at(-1)).toBe(statSync(a).size + statSync(b).size + statSync(c).size);
    } finally {
      await store.close();
    }
  }, 60_000);

  for (const where of ['first', 'last'] as const) {
    it(`a tile broken in its ${where} building: named with its line, nothing of it stored, the read ahead of the next stopped`, async () => {
      const bad = writeIn(dir, `bad-${where}.gml`, broken(where).replaceAll('DENW36AL', 'DENW36TB'));
      const alone = await importFailure(readCityGmlSerial(bad, statSync(bad).size));
      expect(alone.line).toBeGreaterThan(0);
      const expected = await oneByOne(`only-a-${where}.sqlite`, [a]);
      const store = await openStore(join(dir, `broken-${where}.sqlite`));
      try {
        const ahead: number[] = [];
        const outcome = await importTiles(store, [a, bad, c], { onReadAhead: (i) => ahead.push(i) });
        expect(outcome.tiles).toEqual(expected.tiles);
        expect(outcome.failed?.index).toBe(1);
        expect(outcome.failed?.error.where).toBe(alone.where);
        expect(await contents(store)).toEqual(expected.contents);
        // the broken tile was read ahead; broken at its end, the tile after it had begun to be read ahead too (broken
        // at its start, that depends on how many pieces the machine's workers take before the first is merged)
        if (where === 'last') expect(ahead).toEqual([1, 2]);
        else expect(ahead[0]).toBe(1);
      } finally {
        await store.close();
      }
    }, 60_000);
  }
});
