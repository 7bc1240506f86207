/**
 * Heat-planning export of 50,000 buildings (footprints 10 m x 8 m on a 15 m grid, every fourth with a year of
 * construction in class B so that it has an estimate): `exportHeatPlan` from the district file to the GeoPackage
 * (both layers) and the two CSVs, wall time (median of 3) and the process's peak resident memory. Baseline in the
 * same run: GDAL's `ogr2ogr -f GPKG` copying the written GeoPackage (the same features and columns).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { exportHeatPlan } from '../../main/core/planning/export-heat-plan.js';
import { openStore } from '../../main/core/store/open-store.js';
import type { Building } from '../../models/types.js';
import type { BenchResult } from './bench-result.js';
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
    const store = await openStore(join(dir, 'district.sqlite'));
    await store.saveDistrict({ id: 'site', name: 'bench', origin: { lat: 51.4, lon: 6.9 }, timezone: 'Europe/Berlin' }, district(), [], []);
    const gpkg = join(dir, 'plan.gpkg');
    const ms = await medianOf(3, async () => {
      const r = await exportHeatPlan(store, { gpkg, csv: join(dir, 'plan.csv'), lastYear: 2025 });
      if (!r.ok) throw new Error(r.error.message);
    });
    const peakMb = process.resourceUsage().maxRSS / 1024;
    await store.close();
    const gdalMs = await medianOf(3, async () => {
      rmSync(join(dir, 'copy.gpkg'), { force: true });
      execFileSync('ogr2ogr', ['-f', 'GPKG', join(dir, 'copy.gpkg'), gpkg]);
    });
    return [
      { name: `heat-plan export, ${N.toLocaleString('en')} buildings (GeoPackage + CSV)`, value: ms / 1000, unit: 's', baseline: { name: 'ogr2ogr -f GPKG copy of the written file', value: gdalMs / 1000 } },
      { name: `heat-plan export, ${N.toLocaleString('en')} buildings: peak memory`, value: peakMb, unit: 'MB', note: 'process peak RSS, district set-up included' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
