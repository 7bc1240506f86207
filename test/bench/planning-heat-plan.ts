/**
 * Heat-planning export of 50,000 buildings (footprints 10 m x 8 m on a 15 m grid, every fourth with a year of
 * construction in class B so that it has an estimate): `plustwin heat-plan` from the district file to the
 * GeoPackage (both layers) and the two CSVs, run as a user runs it (the built CLI in its own process, from its
 * start to its end): wall time (median of 3) and the process's peak resident memory. Baseline in the same run:
 * GDAL's `ogr2ogr -f GPKG` copying the written GeoPackage (the same features and columns).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { openStore } from '../../main/core/store/open-store.js';
import type { Building } from '../../models/types.js';
import type { BenchResult } from './bench-result.js';
import { builtCli, cliInChild } from './support/built-cli.js';
import { medianOf } from './support/timing.js';

const N = 50_000;
const utm32 = proj4('+proj=longlat +datum=WGS84 +no_defs', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

function district(): Building[] {
  const side = Math.ceil(Math.sqrt(N));
  return Array.from({ length: N }, (_, i) => {
    const x = 350_000 + (i % side) * 15;
    const y = 5_690_000 + Math.floor(i / side) * 15;
    const footprint = [[x, y], [x + 10, y], [x + 10, y + 8], [x, y + 8]].map((p) => {
      const [lon, lat] = utm32.inverse(p);
      return [lon ?? 0, lat ?? 0] as const;
    });
    return { id: `b${i}`, name: `b${i}`, use: i % 3 === 0 ? 'multi-family' : 'single-family', footprint, heightM: 9, ...(i % 4 === 0 ? { planning: { yearBuilt: 1900 } } : {}) };
  });
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plustwin-bench-heat-plan-'));
  try {
    const db = join(dir, 'district.sqlite');
    const store = await openStore(db);
    await store.saveDistrict({ id: 'site', name: 'bench', origin: { lat: 51.4, lon: 6.9 }, timezone: 'Europe/Berlin' }, district(), [], []);
    await store.close();
    const cli = builtCli(['main/core/planning', 'main/shells/cli/commands']);
    const gpkg = join(dir, 'plan.gpkg');
    const runs = [];
    for (let r = 0; r < 3; r++) runs.push(await cliInChild(cli, ['heat-plan', '--db', db, '--out', gpkg, '--csv', join(dir, 'plan.csv'), '--year', '2025']));
    const ms = [...runs.map((x) => x.seconds * 1000)].sort((a, b) => a - b)[1] as number;
    const peakMb = Math.max(...runs.map((x) => x.peakMb));
    const gdalMs = await medianOf(3, async () => {
      rmSync(join(dir, 'copy.gpkg'), { force: true });
      execFileSync('ogr2ogr', ['-f', 'GPKG', join(dir, 'copy.gpkg'), gpkg]);
    });
    return [
      { name: `heat-plan export, ${N.toLocaleString('en')} buildings (GeoPackage + CSV)`, value: ms / 1000, unit: 's', baseline: { name: 'ogr2ogr -f GPKG copy of the written file', value: gdalMs / 1000 } },
      { name: `heat-plan export, ${N.toLocaleString('en')} buildings: peak memory`, value: peakMb, unit: 'MB', note: 'peak RSS of the heat-plan process; buildings written to the files in chunks of 2,000' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
