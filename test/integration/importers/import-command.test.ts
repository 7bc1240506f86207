import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand, type ImportSummary } from '../../../main/shells/cli/commands/import.js';
import { importBuildings } from '../../../main/core/importers/import-buildings.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { cityGml, buildingParams } from '../../fixtures/importers/generate-citygml.js';
import { geoJson } from '../../fixtures/importers/generate-geojson.js';
import { FZK_HAUS_GML as FZK } from '../../fixtures/data/fixture-files.js';

const dir = mkdtempSync(join(tmpdir(), 'plustwin-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await importCommand.run(argv, { out, err });
  return { code, out: out.text(), err: err.text() };
}

async function districtCounts(db: string): Promise<{ buildings: number; roofs: number }> {
  const store = await openStore(db);
  try {
    const d = await store.getDistrict();
    return { buildings: d?.buildings.length ?? 0, roofs: (await store.getRoofs()).length };
  } finally {
    await store.close();
  }
}

const geojson10k = join(dir, 'district-10k.geojson');
writeFileSync(geojson10k, geoJson(10_000));

describe('importBuildings on whole files', () => {
  it('a generated 10,000-building GeoJSON: every building and one flat roof each', async () => {
    const progress: number[] = [];
    const r = await importBuildings(geojson10k, { onProgress: (done) => progress.push(done) });
    expect(r.format).toBe('geojson');
    expect(r.buildings).toHaveLength(10_000);
    expect(new Set(r.buildings.map((b) => b.id)).size).toBe(10_000);
    expect(r.roofs).toHaveLength(10_000);
    expect(r.roofs.every((x) => x.tiltDeg === 0 && x.areaM2 > 100 && x.areaM2 < 130)).toBe(true);
    expect(progress.at(-1)).toBe(Buffer.byteLength(geoJson(10_000)));
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('a generated 3,000-building CityGML tile: buildings and two roof faces each', async () => {
    const file = join(dir, 'tile.gml');
    writeFileSync(file, cityGml(3_000));
    const r = await importBuildings(file);
    expect(r.format).toBe('citygml');
    expect(r.buildings).toHaveLength(3_000);
    expect(r.roofs).toHaveLength(6_000);
    const last = buildingParams(2_999);
    expect(r.buildings.some((b) => b.id === last.id)).toBe(true);
  });
});

describe('plustwin import', () => {
  it('imports FZK-Haus into a new district file and prints a JSON summary', async () => {
    const db = join(dir, 'fzk.sqlite');
    const { code, out, err } = await run(FZK, '--db', db, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as ImportSummary;
    expect(summary).toMatchObject({ format: 'citygml', crs: 'EPSG:25832', buildings: 1, added: 1, updated: 0, roofSurfaces: 2 });
    expect(summary.roofAreaM2).toBeCloseTo(138.6, 0);
    expect(err).toMatch(/import FZK-Haus-LoD2\.gml: 100 %/);
    const store = await openStore(db);
    try {
      const d = await store.getDistrict();
      expect(d?.buildings.map((b) => b.id)).toEqual(['UUID_d281adfc-4901-0f52-540b-4cc1a9325f82']);
      expect(d?.site.origin.lat).toBeCloseTo(49.1032, 3);
      const roofs = await store.getRoofs('UUID_d281adfc-4901-0f52-540b-4cc1a9325f82');
      expect(roofs.map((r) => r.azimuthDeg).sort((a, b) => a - b)).toEqual([0, 180]);
    } finally {
      await store.close();
    }
  });

  it('merges by id: importing the 10,000 buildings twice updates them instead of adding them again', async () => {
    const db = join(dir, 'merge.sqlite');
    expect((await run(FZK, '--db', db)).code).toBe(0);
    const first = await run(geojson10k, '--db', db, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ buildings: 10_000, added: 10_000, updated: 0 });
    // a line every 10 % when stderr is not a terminal
    expect(first.err.match(/: \d+ % \(/g)?.length).toBeGreaterThanOrEqual(2);
    const second = await run(geojson10k, '--db', db);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/imported 10,000 buildings \(0 new, 10,000 updated\)/);
    expect(second.out).toMatch(/10,000 roof surfaces/);
    expect(await districtCounts(db)).toEqual({ buildings: 10_001, roofs: 10_002 });
    // writing 2 x 10,000 buildings and roofs into SQLite takes half a minute on a busy two-core machine
  }, 180_000);

  it('a malformed file: file, line and column on stderr, exit code 1, the district untouched', async () => {
    const db = join(dir, 'keep.sqlite');
    expect((await run(FZK, '--db', db)).code).toBe(0);
    const before = await districtCounts(db);
    const bad = join(dir, 'broken.gml');
    const lines = cityGml(50).split('\n');
    const at = lines.length - 40;
    lines[at] = '<gml:posList>1 2 3 4 5 6 7 8 9</gml:posLis>';
    writeFileSync(bad, lines.join('\n'));
    const { code, err, out } = await run(bad, '--db', db, '--json');
    expect(code).toBe(1);
    expect(err).toContain(`broken.gml:${at + 1}:`);
    expect(err).toMatch(/nothing was imported/);
    expect(JSON.parse(out)).toMatchObject({ error: { kind: 'validation', where: expect.stringContaining(`broken.gml:${at + 1}:`) as string } });
    expect(await districtCounts(db)).toEqual(before);
    // in German the problem is said in German, the XML parser's own words quoted
    const de = await run(bad, '--db', db, '--lang', 'de');
    expect(de.err).toContain(`broken.gml:${at + 1}:`);
    expect(de.err).toMatch(/fehlerhaftes XML \(der Parser meldet: .+\)\nes wurde nichts importiert/);

    const neverCreated = join(dir, 'never.sqlite');
    expect((await run(bad, '--db', neverCreated)).code).toBe(1);
    expect(existsSync(neverCreated)).toBe(false);
  });

  it('imports several tiles and a folder in one run with one progress bar; a broken tile keeps the ones before it', async () => {
    const tiles = join(dir, 'tiles');
    mkdirSync(tiles);
    // two CityGML tiles of 20 buildings with different ids, and a text file the folder listing skips
    writeFileSync(join(tiles, 'a.gml'), cityGml(20).replaceAll('DENW36AL', 'DENW36AA'));
    writeFileSync(join(tiles, 'b.gml'), cityGml(20).replaceAll('DENW36AL', 'DENW36AB'));
    writeFileSync(join(tiles, 'readme.txt'), 'not a tile');
    const db = join(dir, 'city.sqlite');
    const r = await run(tiles, '--db', db, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { files: ImportSummary[]; buildings: number; added: number };
    expect(summary.files.map((f) => basename(f.file))).toEqual(['a.gml', 'b.gml']);
    expect(summary).toMatchObject({ buildings: 40, added: 40 });
    expect(r.err).toMatch(/import 2 files/);
    expect((await districtCounts(db)).buildings).toBe(40);

    // a third tile, then a broken one: the third is imported, the broken one changes nothing and is named
    writeFileSync(join(dir, 'c.gml'), cityGml(5).replaceAll('DENW36AL', 'DENW36AC'));
    const broken = join(dir, 'd.gml');
    writeFileSync(broken, cityGml(5).replaceAll('DENW36AL', 'DENW36AD').replace('</core:CityModel>', ''));
    const bad = await run(join(dir, 'c.gml'), broken, '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nothing of .*d\.gml was imported; the 1 file\(s\) before it are imported/);
    expect((await districtCounts(db)).buildings).toBe(45);
  });

  it('usage mistakes are UsageErrors', async () => {
    await expect(run(FZK)).rejects.toThrow(/--db FILE is required/);
    await expect(run('--db', 'x.sqlite')).rejects.toThrow(/name the file/);
    await expect(run(FZK, '--db', 'x.sqlite', '--srs', 'x')).rejects.toThrow(/unknown option --srs/);
  });

  it('--crs reads a file without srsName', async () => {
    const file = join(dir, 'nosrs.gml');
    writeFileSync(file, cityGml(3).replace(/ srsName="[^"]*"/, ''));
    const db = join(dir, 'crs.sqlite');
    expect((await run(file, '--db', db)).code).toBe(1);
    const ok = await run(file, '--db', db, '--crs', 'EPSG:25832', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ crs: 'EPSG:25832', buildings: 3 });
  });
});
