/**
 * CityGML import speed and memory on a generated NRW-like LoD2 tile of 80 MB (about 11,500 gable-roofed
 * buildings, CityGML 1.0, EPSG:25832; written once to the temp folder and reused). Figures: throughput in MB/s
 * against reading and UTF-8 decoding the same file without parsing (the ceiling), and the peak resident memory
 * while importing against holding the file as one string (what any load-it-whole parser needs at least).
 * PLUSTWIN_BENCH_IMPORT_MB changes the file size.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importBuildings } from '../../main/core/importers/import-buildings.js';
import { FOOTER, building, buildingParams, header } from '../fixtures/importers/generate-citygml.js';
import { geoJson } from '../fixtures/importers/generate-geojson.js';
import type { BenchResult } from './bench-result.js';

const MB = 1e6;
const targetMb = Number(process.env['PLUSTWIN_BENCH_IMPORT_MB'] ?? 80);
// bump when the generator's output changes, so that a stale cached file is not reused
const GENERATOR_VERSION = 1;

async function cachedTile(): Promise<string> {
  const dir = join(tmpdir(), 'plustwin-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `citygml-nrw-like-${targetMb}mb-v${GENERATOR_VERSION}.gml`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let bytes = 0;
  const put = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(header());
  for (let i = 0; bytes < targetMb * MB - FOOTER.length; i++) await put(building(buildingParams(i)));
  await put(FOOTER);
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
  return file;
}

const rssMb = (): number => process.memoryUsage.rss() / MB;

async function readOnlyMbPerS(file: string): Promise<number> {
  const started = performance.now();
  let chars = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) chars += (chunk as string).length;
  if (chars === 0) throw new Error('empty file');
  return statSync(file).size / MB / ((performance.now() - started) / 1000);
}

export async function run(): Promise<BenchResult[]> {
  const file = await cachedTile();
  const sizeMb = statSync(file).size / MB;
  global.gc?.();
  const rssBefore = rssMb();
  let peak = rssBefore;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await importBuildings(file, { onProgress: () => (peak = Math.max(peak, rssMb())) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU seconds, so that a busy machine (other processes on the same cores) can be told apart from a slow importer
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, rssMb());
  const load = loadavg()[0]?.toFixed(1);

  const ceiling = await readOnlyMbPerS(file);
  const whole = readFileSync(file, 'utf8');
  const wholeRss = rssMb();
  if (whole.length === 0) throw new Error('empty file');

  // GeoJSON: 10,000 footprints, against parsing the whole text with JSON.parse alone
  const gj = join(tmpdir(), 'plustwin-bench', 'geojson-10k-v1.geojson');
  if (!existsSync(gj)) {
    const out = createWriteStream(gj);
    out.end(geoJson(10_000));
    await once(out, 'close');
  }
  const gjStarted = performance.now();
  const gjResult = await importBuildings(gj);
  const gjSeconds = (performance.now() - gjStarted) / 1000;
  const parseStarted = performance.now();
  JSON.parse(readFileSync(gj, 'utf8'));
  const parseSeconds = (performance.now() - parseStarted) / 1000;

  return [
    {
      name: `CityGML import, ${sizeMb.toFixed(0)} MB NRW-like LoD2 tile`,
      value: sizeMb / seconds,
      unit: 'MB/s',
      baseline: { name: 'read + UTF-8 decode only', value: ceiling },
      note: `${result.buildings.length} buildings, ${result.roofs.length} roof surfaces in ${seconds.toFixed(1)} s (${(sizeMb / cpuSeconds).toFixed(1)} MB per CPU second); load avg ${load}`,
    },
    {
      name: 'CityGML import, peak resident memory',
      value: peak,
      unit: 'MB',
      baseline: { name: 'the file held as one string', value: wholeRss },
      note: `RSS ${rssBefore.toFixed(0)} MB before the import; streaming keeps one building in memory at a time`,
    },
    {
      name: 'GeoJSON import, 10,000 footprints',
      value: gjSeconds * 1000,
      unit: 'ms',
      baseline: { name: 'JSON.parse of the whole file alone', value: parseSeconds * 1000 },
      note: `${gjResult.buildings.length} buildings, ${(statSync(gj).size / MB).toFixed(1)} MB`,
    },
  ];
}
