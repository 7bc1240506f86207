/**
 * Roof outlines (schema 4): the LoD2 rings survive store round trips and re-imports, files from every earlier
 * schema open with their roofs intact, bad outlines are refused without touching what is stored, and
 * 'district.roofShapes' answers them through the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { mergeIntoStore } from '../../../main/core/importers/merge-into-store.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { readCityGml } from '../../../main/core/importers/citygml/read-citygml.js';
import { migrate, schemaVersion } from '../../../main/core/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/store/migrations.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { RoofError } from '../../../main/core/store/roofs-repo.js';
import { SqliteDb } from '../../../main/core/store/sqlite-db.js';
import type { DistrictPvPotential, RoofShape } from '../../../models/contract/index.js';
import type { RoofSurface } from '../../../models/types.js';
import { tempDir, twoBuildings } from './district-fixture.js';
import { FZK_HAUS_GML as FZK } from '../../fixtures/data/fixture-files.js';

const FZK_ID = 'UUID_d281adfc-4901-0f52-540b-4cc1a9325f82';

const gable: RoofSurface[] = [
  { buildingId: 'A', areaM2: 69.3, tiltDeg: 30, azimuthDeg: 180, outlines: [[[7.05, 51.45, 3.63], [7.0501, 51.45, 3.63], [7.0501, 51.45005, 6.52], [7.05, 51.45005, 6.52]]] },
  { buildingId: 'A', areaM2: 69.3, tiltDeg: 30, azimuthDeg: 0, outlines: [[[7.0501, 51.4501, 3.63], [7.05, 51.4501, 3.63], [7.05, 51.45005, 6.52], [7.0501, 51.45005, 6.52]]] },
];
const flat: RoofSurface = { buildingId: 'B', areaM2: 120, tiltDeg: 0, azimuthDeg: 180 };

describe('roof outlines in the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('keeps outlines through a save and a reopen; roofs without one come back without one', async () => {
    const file = tmp.file('r.sqlite');
    const store = await openStore(file);
    const d = twoBuildings();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.saveRoofs(['A', 'B'], [...gable, flat]);
    await store.close();
    const again = await openStore(file);
    expect(await again.getRoofs()).toEqual([...gable, flat]);
    expect(await again.getRoofs('B')).toEqual([flat]);
    expect(Object.hasOwn((await again.getRoofs('B'))[0]!, 'outlines')).toBe(false);
    await again.close();
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++)
    it(`opens a file from schema ${from} with its roofs and then stores outlines`, async () => {
      const file = tmp.file(`v${from}.sqlite`);
      const old = await SqliteDb.open(file);
      await migrate(old, MIGRATIONS.slice(0, from));
      // schema 3 had roofs without outlines, written by plain SQL as that PlusTwin did
      if (from >= 3) await old.run("INSERT INTO roofs(building_id, seq, area_m2, tilt_deg, azimuth_deg) VALUES ('B', 0, 120, 0, 180)");
      await old.close();

      const store = await openStore(file);
      expect(await schemaVersion(store.sqlite)).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.getRoofs()).toEqual(from >= 3 ? [flat] : []);
      const d = twoBuildings();
      await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
      await store.saveRoofs(['A'], gable);
      expect(await store.getRoofs('A')).toEqual(gable);
      await store.close();
    });

  it('refuses a bad outline, naming roof, building and ring, and keeps the roofs stored before', async () => {
    const store = await openStore(tmp.file('bad.sqlite'));
    await store.saveRoofs(['A'], gable);
    const broken = (outlines: unknown): RoofSurface[] => [gable[0]!, { ...gable[1]!, outlines } as RoofSurface];
    await expect(store.saveRoofs(['A'], broken([[[7, 51, 1], [7.1, 51, Number.NaN], [7.1, 51.1, 1]]]))).rejects.toThrow(
      /roof 1 of building A: outline ring 0 corner 1 is not a finite \[lon, lat, height\]/,
    );
    await expect(store.saveRoofs(['A'], broken([[[7, 51, 1], [7.1, 51, 1]]]))).rejects.toThrow(/outline ring 0 has 2 corners, needs at least 3/);
    await expect(store.saveRoofs(['A'], broken('not rings'))).rejects.toThrow(RoofError);
    expect(await store.getRoofs('A')).toEqual(gable);
    await store.close();
  });

  it('says which roof holds an outline that is no longer readable', async () => {
    const store = await openStore(tmp.file('corrupt.sqlite'));
    await store.saveRoofs(['A'], gable);
    await store.sqlite.run("UPDATE roofs SET outline = '[[1,2' WHERE building_id = 'A' AND seq = 1");
    await expect(store.getRoofs()).rejects.toThrow(/roof 1 of building A: the stored outline is not JSON/);
    await store.close();
  });

  it('imports the FZK-Haus with its roof rings, merges a re-import by building id, and serves district.roofShapes', async () => {
    const store = await openStore(tmp.file('fzk.sqlite'));
    const result = await readCityGml(FZK);
    await mergeIntoStore(store, result, FZK);
    expect(await mergeIntoStore(store, result, FZK)).toEqual({ added: 0, updated: 1 });
    const roofs = await store.getRoofs(FZK_ID);
    expect(roofs).toHaveLength(2);
    expect(roofs.map((r) => r.outlines)).toEqual(result.roofs.map((r) => r.outlines));

    const collector = { status: () => ({}) } as unknown as Collector;
    const handlers = createHandlers({ store, collector, info: { version: 'test', dataDir: tmp.dir, dbPath: store.path, transport: 'http' } });
    const answer = await dispatch(handlers, 'district.roofShapes', {});
    expect(answer.ok).toBe(true);
    const shapes = (answer.ok ? answer.value : []) as RoofShape[];
    expect(shapes.map((s) => s.buildingId)).toEqual([FZK_ID]);
    expect(shapes[0]!.rings).toHaveLength(2);
    expect(shapes[0]!.rings.flat().map((p) => p[2]).sort((a, b) => a - b)).toEqual([3.63, 3.63, 3.63, 3.63, 6.52, 6.52, 6.52, 6.52]);
    // the PV potential answer uses the stored surfaces but does not carry their rings
    const potential = await dispatch(handlers, 'district.pvPotential', {});
    expect(potential.ok).toBe(true);
    const roofsSeen = potential.ok ? (potential.value as DistrictPvPotential).buildings.flatMap((b) => b.roofs) : [];
    expect(roofsSeen.map((r) => r.surface.areaM2)).toEqual(result.roofs.map((r) => r.areaM2));
    expect(roofsSeen.some((r) => 'outlines' in r.surface)).toBe(false);
    const bad = await dispatch(handlers, 'district.roofShapes', { buildingId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await store.close();
  });
});
