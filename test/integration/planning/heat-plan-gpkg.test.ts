/**
 * The heat-planning export end to end: a district file with 15 buildings in three 100 m cells (EPSG:25832), one
 * with a heat meter read daily over 2023-2025; `plustwin heat-plan` writes the GeoPackage and the CSVs, and GDAL's
 * ogrinfo (Debian gdal-bin) reads them back: layer, feature counts, CRS, and the grid's aggregates equal the values
 * worked by hand below; the cell of four buildings is not published.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { zonedToUtc } from '../../../main/core/analysis/local-time.js';
import type { Building, Point, Reading } from '../../../models/types.js';
import { SITE, device, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

/** ogrinfo's output; GDAL's warnings (a table or header it finds against the standard) fail the test. */
const ogrinfo = (...args: string[]): string => {
  const r = spawnSync('ogrinfo', args, { encoding: 'utf8' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('ogrinfo not found: apt-get install gdal-bin');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

const utm32 = proj4('+proj=longlat +datum=WGS84 +no_defs', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

/** An 8 m square centred at (x, y) in EPSG:25832, as the WGS84 footprint an import would store. */
const squareAt = (x: number, y: number): Building['footprint'] =>
  [[x - 4, y - 4], [x + 4, y - 4], [x + 4, y + 4], [x - 4, y + 4]].map((p) => {
    const [lon, lat] = utm32.inverse(p);
    return [lon ?? 0, lat ?? 0] as const;
  });

const Y = 5_700_050;
const house = (id: string, x: number, use: Building['use'], planning: Building['planning']): Building => ({
  id,
  name: id,
  use,
  footprint: squareAt(x, Y),
  heightM: 9,
  ...(planning === undefined ? {} : { planning }),
});

// Typology values: TABULA DE, original state, heating + hot-water need (models/planning/typology.ts).
// Cell 3600/57000: m1 measured + e1..e5 single-family 1900 (class B, 269.7 + 10 = 279.7 kWh/(m²*a)), 150 m² each.
// Cell 3601/57000: four multi-family houses of 1950 (class D, 193.7 + 15 = 208.7) without an entered floor area:
//   estimated, but suppressed (< 5 buildings).
// Cell 3602/57000: five multi-family houses of 1910 (class B, 172.5 + 15 = 187.5 kWh/(m²*a)) with 400 m² each.
const BUILDINGS: Building[] = [
  house('m1', 360_010, 'single-family', { yearBuilt: 1900, floorAreaM2: 150, heatingType: 'boiler', fuel: 'gas', heaterYear: 2004 }),
  ...[1, 2, 3, 4, 5].map((i) => house(`e${i}`, 360_010 + 15 * i, 'single-family', i === 1 ? undefined : { yearBuilt: 1900, floorAreaM2: 150 })),
  ...[0, 1, 2, 3].map((i) => house(`s${i}`, 360_110 + 15 * i, 'multi-family', { yearBuilt: 1950 })),
  ...[0, 1, 2, 3, 4].map((i) => house(`c${i}`, 360_210 + 15 * i, 'multi-family', { yearBuilt: 1910, floorAreaM2: 400 })),
];

const HEAT: Point = { id: 'm1.heat', deviceId: 'wmz-m1', buildingId: 'm1', name: 'WMZ', unit: 'kWh', medium: 'heat', role: 'consumption', kind: 'energy-counter' };

/** The heat meter read at every local midnight from 1 Jan 2023 to 1 Jan 2026, 30 kWh a day. */
function dailyReadings(): Reading[] {
  const out: Reading[] = [];
  let value = 1000;
  for (let day = Date.UTC(2023, 0, 1); day <= Date.UTC(2026, 0, 1); day += 86_400_000) {
    const d = new Date(day);
    out.push({ pointId: HEAT.id, ts: zonedToUtc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), SITE.timezone), value, quality: 'good' });
    value += 30;
  }
  return out;
}

describe('plustwin heat-plan: GeoPackage read by ogrinfo', () => {
  const tmp = tempDir();
  const db = tmp.file('district.sqlite');
  const gpkg = tmp.file('waermeplan.gpkg');
  const csv = tmp.file('waermeplan.csv');
  let run: Awaited<ReturnType<typeof runCliCaptured>>;

  beforeAll(async () => {
    const store = await openStore(db);
    await store.saveDistrict(SITE, BUILDINGS, [device('wmz-m1', 'm1')], [HEAT]);
    await store.ingest(dailyReadings());
    await store.close();
    // e1 gets its attributes the way a user enters them
    const set = await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'e1', '--year-built', '1900', '--floor-area', '150', '--heating', 'boiler', '--fuel', 'oil');
    expect(set).toMatchObject({ code: 0, stderr: '' });
    run = await runCliCaptured('heat-plan', '--db', db, '--out', gpkg, '--csv', csv, '--year', '2025', '--csv-dialect', 'intl');
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('weather-corrects each measured year with its entered Klimafaktor', async () => {
    const corrected = tmp.file('korrigiert.gpkg');
    const args = ['heat-plan', '--db', db, '--out', corrected, '--year', '2025', '--klimafaktor', '2023=1.1', '--klimafaktor', '2024=1,2', '--klimafaktor', '2025=1'];
    const noSource = await runCliCaptured(...args);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/--klimafaktor needs --klimafaktor-source/);
    expect((await runCliCaptured(...args, '--klimafaktor-source', 'DWD Klimafaktoren, PLZ 45127')).code).toBe(0);
    const m1 = ogrinfo('-q', '-sql', "SELECT heat_kwh_2024, heat_kwh_a, weather_corrected FROM buildings WHERE building_id = 'm1'", corrected);
    // the years as measured stay: 2024 = 10,980
    expect(m1).toMatch(/heat_kwh_2024 \(Real\) = 10980/);
    // (10,950 x 1.1 + 10,980 x 1.2 + 10,950 x 1.0) / 3 = (12,045 + 13,176 + 10,950) / 3 = 12,057
    expect(m1).toMatch(/heat_kwh_a \(Real\) = 12057/);
    expect(m1).toMatch(/weather_corrected \(Integer\(Boolean\)\) = 1/);
    expect(ogrinfo('-so', corrected, 'buildings')).toMatch(/weather-corrected with 2023: 1.1, 2024: 1.2, 2025: 1 \(DWD Klimafaktoren, PLZ 45127\)/);
  });

  it('refuses a wrong attribute by name and stores nothing', async () => {
    const before = readFileSync(db);
    const bad = await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'e2', '--fuel', 'kerosene');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/fuel: fuel must be one of gas, oil/);
    const missing = await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'x9', '--year-built', '1950');
    expect(missing.stderr).toMatch(/no building 'x9'/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('reports what it wrote', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('15 building(s) (1 measured 2023-2025, 14 estimated, 0 unknown), 2 published 100 m cell(s); 1 cell(s) with 4 building(s) suppressed');
  });

  it('is a GeoPackage whose layers, counts and CRS ogrinfo reads', () => {
    const summary = ogrinfo('-al', '-so', gpkg);
    expect(summary).toMatch(/using driver `GPKG' successful/);
    // the footprints are 8 m squares centred 4 m inside x 360,010 ... 360,270 and y 5,700,050
    expect(summary).toMatch(/Layer name: buildings\n[\s\S]*?Geometry: Polygon\nFeature Count: 15\nExtent: \(360006\.0+, 5700046\.0+\) - \(360274\.0+, 5700054\.0+\)/);
    // the two published cells: x 360,000-360,100 and 360,200-360,300, y 5,700,000-5,700,100
    expect(summary).toMatch(/Layer name: heat_grid\n[\s\S]*?Geometry: Polygon\nFeature Count: 2\nExtent: \(360000\.0+, 5700000\.0+\) - \(360300\.0+, 5700100\.0+\)/);
    expect(summary).toMatch(/ETRS89 \/ UTM zone 32N/);
    expect(summary).toMatch(/density_class: String/);
    expect(summary).toMatch(/heat_kwh_2024: Real/);
  });

  it('holds the hand-worked grid aggregates and no cell of fewer than five buildings', () => {
    const out = ogrinfo('-q', '-sql', 'SELECT cell_col, buildings, measured, estimated, unknown, heat_mwh_a, density_mwh_ha_a, density_class FROM heat_grid ORDER BY cell_col', gpkg);
    const field = (name: string) => [...out.matchAll(new RegExp(`  ${name} \\(\\w+\\) = (.*)`, 'g'))].map((m) => m[1]);
    expect(field('cell_col')).toEqual(['3600', '3602']);
    expect(field('buildings')).toEqual(['6', '5']);
    expect(field('measured')).toEqual(['1', '0']);
    expect(field('estimated')).toEqual(['5', '5']);
    expect(field('unknown')).toEqual(['0', '0']);
    // cell 3600: m1 measured (2023: 365 d x 30 = 10,950; 2024: 366 d x 30 = 10,980; 2025: 10,950; mean 10,960)
    //   + 5 x 150 m² x 279.7 kWh/(m²*a) = 5 x 41,955 = 209,775 -> 220,735 kWh = 220.735 MWh in 1 ha, class 175-415
    // cell 3602: 5 x 400 m² x 187.5 = 375,000 kWh = 375 MWh/(ha*a), class 175-415
    expect(field('heat_mwh_a')).toEqual(['220.735', '375']);
    expect(field('density_mwh_ha_a')).toEqual(['220.735', '375']);
    expect(field('density_class')).toEqual(['existing-low-temperature', 'existing-low-temperature']);
    const small = ogrinfo('-q', '-sql', 'SELECT COUNT(*) AS n FROM heat_grid WHERE buildings < 5', gpkg);
    expect(small).toMatch(/n \(Integer\w*\) = 0/);
  });

  it('carries the measured years and the flags per building, in the GeoPackage and the CSV', () => {
    const m1 = ogrinfo('-q', '-sql', "SELECT heat_kwh_2023, heat_kwh_2024, heat_kwh_2025, heat_kwh_a, heat_source, fuel, heater_year FROM buildings WHERE building_id = 'm1'", gpkg);
    expect(m1).toMatch(/heat_kwh_2023 \(Real\) = 10950/);
    expect(m1).toMatch(/heat_kwh_2024 \(Real\) = 10980/);
    expect(m1).toMatch(/heat_kwh_a \(Real\) = 10960/);
    expect(m1).toMatch(/heat_source \(String\) = measured/);
    expect(m1).toMatch(/heater_year \(Integer\w*\) = 2004/);
    const e1 = ogrinfo('-q', '-sql', "SELECT age_class, fuel, heat_kwh_a, heat_source, typology_kwh_m2a FROM buildings WHERE building_id = 'e1'", gpkg);
    expect(e1).toMatch(/age_class \(String\) = B/);
    expect(e1).toMatch(/fuel \(String\) = oil/);
    expect(e1).toMatch(/heat_kwh_a \(Real\) = 41955/);
    expect(e1).toMatch(/heat_source \(String\) = estimated/);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatch(/^building_id,address,use,sector,year_built,age_class,/);
    // s0: 8 m x 8 m x 9 m = 576 m³, A_N = 0.32 x 576 = 184.32 m², x 208.7 = 38,467.584 kWh (the footprint went
    // through WGS84 and back, so its area is 64 m² to about 0.001 m²; the CSV gives one decimal)
    const s0 = lines.find((l) => l.startsWith('s0,')) ?? '';
    expect(s0).toMatch(/^s0,,multi-family,households,1950,D,,,,184\.3,1,,,,(\d+\.\d),0,estimated,208\.7,"TABULA DE \(IWU, episcope\.eu\), Beispielgebäude DE\.N\.MFH\.04\.Gen\.ReEx\.001\.001, [^"]*"$/);
    expect(Number(s0.split(',')[14])).toBeCloseTo(38_467.584, 0);
    const grid = readFileSync(tmp.file('waermeplan-grid.csv'), 'utf8').trim().split('\r\n');
    expect(grid.slice(1)).toEqual(['3600,57000,360000,5700000,100,6,1,5,0,220.735,220.735,existing-low-temperature', '3602,57000,360200,5700000,100,5,0,5,0,375,375,existing-low-temperature']);
  });
});
