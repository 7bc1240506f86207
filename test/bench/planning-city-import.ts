/**
 * A whole city in one `plustwin import`: five generated NRW-like LoD2 CityGML tiles of 10,000 buildings each
 * (50,000 buildings, side by side, distinct ids; written once to the temp folder and reused), imported in one run
 * of the command into a new district file: wall time, throughput and the process's peak resident memory. Baseline in
 * the same run: GDAL's `ogr2ogr -f GPKG` converting the same five tiles (one call per tile, summed).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { makeImportCommand } from '../../main/shells/cli/commands/import.js';
import { FOOTER, building, buildingParams, header } from '../fixtures/importers/generate-citygml.js';
import type { BenchResult } from './bench-result.js';

const TILES = 5;
const PER_TILE = 10_000;
// bump when the generator's output changes, so that stale cached tiles are not reused
const GENERATOR_VERSION = 1;

async function cachedTiles(): Promise<string> {
  const dir = join(tmpdir(), 'plustwin-bench', `city-${TILES}x${PER_TILE}-v${GENERATOR_VERSION}`);
  mkdirSync(dir, { recursive: true });
  for (let t = 0; t < TILES; t++) {
    const file = join(dir, `tile-${t}.gml`);
    if (existsSync(file)) continue;
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    const put = async (s: string): Promise<void> => {
      if (!out.write(s)) await once(out, 'drain');
    };
    // tiles side by side, 2.5 km apart (100 buildings a row at 25 m)
    const options = { originX: 362_000 + t * 2_600 };
    await put(header(options));
    for (let i = 0; i < PER_TILE; i++) await put(building(buildingParams(i, options)).replaceAll('DENW36AL', `DENW36T${t}`));
    await put(FOOTER);
    out.end();
    await once(out, 'close');
    renameSync(partial, file);
  }
  return dir;
}

const sink = (): Writable => new Writable({ write: (_c, _e, cb) => cb() });

export async function run(): Promise<BenchResult[]> {
  const tiles = await cachedTiles();
  const files = Array.from({ length: TILES }, (_, t) => join(tiles, `tile-${t}.gml`));
  const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  const work = mkdtempSync(join(tmpdir(), 'plustwin-bench-city-'));
  try {
    const started = performance.now();
    const code = await makeImportCommand().run([tiles, '--db', join(work, 'city.sqlite')], { out: sink(), err: sink() });
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`import exited with ${code}`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const gdalStarted = performance.now();
    for (const [t, f] of files.entries()) execFileSync('ogr2ogr', ['-f', 'GPKG', join(work, `tile-${t}.gpkg`), f]);
    const gdalSeconds = (performance.now() - gdalStarted) / 1000;
    return [
      { name: `import of ${TILES} tiles, ${(TILES * PER_TILE).toLocaleString('en')} buildings (${Math.round(mb)} MB CityGML) in one run`, value: seconds, unit: 's', baseline: { name: 'ogr2ogr -f GPKG, the same tiles', value: gdalSeconds } },
      { name: 'import of 50,000 buildings: throughput', value: mb / seconds, unit: 'MB/s', baseline: { name: 'ogr2ogr -f GPKG', value: mb / gdalSeconds } },
      { name: 'import of 50,000 buildings: peak memory', value: peakMb, unit: 'MB', note: 'process peak RSS; tiles are merged one by one' },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
