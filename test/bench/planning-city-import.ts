/**
 * A whole city in one `plustwin import`: five generated NRW-like LoD2 CityGML tiles of 10,000 buildings each
 * (50,000 buildings, side by side, distinct ids; written once to the temp folder and reused), imported in one run
 * of the built command (`node dist/cli.js import FOLDER --db FILE`, as a user runs it: from the command to the
 * committed district file, parse workers included) into a new district file: wall time, throughput, and the peak
 * resident memory of the whole process, its worker threads included (getrusage's maxrss, read as the process
 * exits). Baseline in the same run: GDAL's `ogr2ogr -f GPKG` converting the same five tiles (one call per tile,
 * summed); each side five times, in turn, medians compared. Then the same 50,000 buildings as ONE tile (one
 * 350 MB file), imported alone: a tile is written in batches while it is read, so its peak memory should not grow
 * with the tile; and that tile once more over itself (every building updated in one transaction). Needs the build
 * (`node scripts/build.mjs`), which it checks is newer than the importer's sources.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOOTER, building, buildingParams, header } from '../fixtures/importers/generate-citygml.js';
import type { BenchResult } from './bench-result.js';
import { builtCli, cliInChild } from './support/built-cli.js';

const TILES = 5;
const RUNS = 5;
const PER_TILE = 10_000;
// bump when the generator's output changes, so that stale cached tiles are not reused
const GENERATOR_VERSION = 1;

/** Writes tiles [from, to) of the city into one file (unless it is there from an earlier run). */
async function writeTiles(file: string, from: number, to: number): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const put = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(header({ originX: 362_000 + from * 2_600 }));
  for (let t = from; t < to; t++) {
    // tiles side by side, 2.5 km apart (100 buildings a row at 25 m)
    const options = { originX: 362_000 + t * 2_600 };
    for (let i = 0; i < PER_TILE; i++) await put(building(buildingParams(i, options)).replaceAll('DENW36AL', `DENW36T${t}`));
  }
  await put(FOOTER);
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
}

async function cachedTiles(): Promise<string> {
  const dir = join(tmpdir(), 'plustwin-bench', `city-${TILES}x${PER_TILE}-v${GENERATOR_VERSION}`);
  mkdirSync(dir, { recursive: true });
  for (let t = 0; t < TILES; t++) await writeTiles(join(dir, `tile-${t}.gml`), t, t + 1);
  return dir;
}

/** The same buildings as one tile, in a folder of its own. */
async function cachedOneTile(): Promise<string> {
  const dir = join(tmpdir(), 'plustwin-bench', `city-1x${TILES * PER_TILE}-v${GENERATOR_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'one-tile.gml');
  await writeTiles(file, 0, TILES);
  return file;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** The sources the import runs: a build older than any of them would measure old code. */
const IMPORT_SOURCES = ['main/core/importers', 'main/core/importers/citygml', 'main/core/store', 'main/shells/cli/commands'];

/** Runs `plustwin import` on the folder; the child's peak RSS in MB. */
async function importInChild(folder: string, db: string): Promise<number> {
  return (await cliInChild(builtCli(IMPORT_SOURCES), ['import', folder, '--db', db])).peakMb;
}

export async function run(): Promise<BenchResult[]> {
  const tiles = await cachedTiles();
  const files = Array.from({ length: TILES }, (_, t) => join(tiles, `tile-${t}.gml`));
  const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  const work = mkdtempSync(join(tmpdir(), 'plustwin-bench-city-'));
  try {
    builtCli(IMPORT_SOURCES);
    // the shared machine's speed swings by a fifth from one run to the next: both sides run RUNS times, in turn,
    // and the medians are compared
    const ours: { seconds: number; peakMb: number }[] = [];
    const gdal: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      const peakMb = await importInChild(tiles, join(work, `city-${r}.sqlite`));
      ours.push({ seconds: (performance.now() - started) / 1000, peakMb });
      const gdalStarted = performance.now();
      for (const [t, f] of files.entries()) execFileSync('ogr2ogr', ['-f', 'GPKG', join(work, `tile-${r}-${t}.gpkg`), f], { stdio: 'ignore' });
      gdal.push((performance.now() - gdalStarted) / 1000);
    }
    const seconds = median(ours.map((o) => o.seconds));
    const gdalSeconds = median(gdal);
    const peakMb = Math.max(...ours.map((o) => o.peakMb));
    const runs = `runs ${ours.map((o) => o.seconds.toFixed(2)).join(', ')} s against ${gdal.map((g) => g.toFixed(2)).join(', ')} s`;
    const oneTile = await cachedOneTile();
    const oneStarted = performance.now();
    const onePeakMb = await importInChild(oneTile, join(work, 'one-tile.sqlite'));
    const oneSeconds = (performance.now() - oneStarted) / 1000;
    // the same tile again into the same district file: every building updated, in one transaction
    const againStarted = performance.now();
    const againPeakMb = await importInChild(oneTile, join(work, 'one-tile.sqlite'));
    const againSeconds = (performance.now() - againStarted) / 1000;
    return [
      { name: `import of ${TILES} tiles, ${(TILES * PER_TILE).toLocaleString('en')} buildings (${Math.round(mb)} MB CityGML) in one run`, value: seconds, unit: 's', baseline: { name: 'ogr2ogr -f GPKG, the same tiles', value: gdalSeconds }, note: `node dist/cli.js import FOLDER, start of the process to its end; median of ${RUNS}, ${runs}` },
      { name: 'import of 50,000 buildings: throughput', value: mb / seconds, unit: 'MB/s', baseline: { name: 'ogr2ogr -f GPKG', value: mb / gdalSeconds }, note: `medians of ${RUNS} runs each, in turn` },
      { name: 'import of 50,000 buildings: peak memory', value: peakMb, unit: 'MB', note: 'peak RSS of the import process, parse worker threads included; each tile written in batches as it is read' },
      { name: `import of the same ${(TILES * PER_TILE).toLocaleString('en')} buildings as one ${Math.round(statSync(oneTile).size / 1e6)} MB tile: peak memory`, value: onePeakMb, unit: 'MB', note: `${(statSync(oneTile).size / 1e6 / oneSeconds).toFixed(1)} MB/s; a tile's memory does not grow with its size` },
      { name: 'the same tile imported again over itself (every building updated): peak memory', value: againPeakMb, unit: 'MB', note: `${(statSync(oneTile).size / 1e6 / againSeconds).toFixed(1)} MB/s; one transaction, no savepoint` },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
