/**
 * `plustwin bisko` on a real district file: three buildings with meters read over the local year 2025 and one
 * typology estimate; the CSV's cells equal the values worked by hand below, and the XLSX holds the same numbers.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { zonedToUtc } from '../../../main/core/analysis/local-time.js';
import type { Building, Point, Reading } from '../../../models/types.js';
import { SITE, building, device, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

const Q = 900_000;
const DAY = 86_400_000;
const START = zonedToUtc(2025, 0, 1, SITE.timezone);
const END = zonedToUtc(2026, 0, 1, SITE.timezone);

const counter = (id: string, buildingId: string, medium: Point['medium'], role: Point['role']): Point => ({
  id,
  deviceId: `dev-${buildingId}`,
  buildingId,
  name: id,
  unit: 'kWh',
  medium,
  role,
  kind: 'energy-counter',
});

const readings = (pointId: string, from: number, to: number, step: number, kwhPerStep: number): Reading[] => {
  const out: Reading[] = [];
  for (let ts = from, v = 100; ts <= to; ts += step, v += kwhPerStep) out.push({ pointId, ts, value: v, quality: 'good' });
  return out;
};

/** A reading at every local midnight of 2025 and at 1 January 2026 (the days are 23, 24 or 25 hours long). */
const dailyReadings = (pointId: string, kwhPerDay: number): Reading[] => {
  const out: Reading[] = [];
  let v = 100;
  for (let d = Date.UTC(2025, 0, 1); d <= Date.UTC(2026, 0, 1); d += DAY, v += kwhPerDay) {
    const day = new Date(d);
    out.push({ pointId, ts: zonedToUtc(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), SITE.timezone), value: v, quality: 'good' });
  }
  return out;
};

const BUILDINGS: Building[] = [
  { ...building('H1'), use: 'single-family' },
  { ...building('H2'), use: 'multi-family', planning: { yearBuilt: 1910, floorAreaM2: 300, fuel: 'gas' } },
  { ...building('S1'), use: 'school', planning: { fuel: 'oil', heatingType: 'boiler' } },
];
const POINTS = [
  counter('H1.el', 'H1', 'electricity', 'import'),
  counter('H1.gas', 'H1', 'gas', 'consumption'),
  counter('H2.el', 'H2', 'electricity', 'import'),
  counter('S1.heat', 'S1', 'heat', 'consumption'),
];

describe('plustwin bisko', () => {
  const tmp = tempDir();
  const db = tmp.file('district.sqlite');

  beforeAll(async () => {
    const store = await openStore(db);
    await store.saveDistrict(SITE, BUILDINGS, ['H1', 'H2', 'S1'].map((b) => device(`dev-${b}`, b)), POINTS);
    // H1: electricity 0.1 kWh every quarter hour of 2025 (35,040 slots), gas 50 kWh a day
    await store.ingest(readings('H1.el', START, END, Q, 0.1));
    await store.ingest(dailyReadings('H1.gas', 50));
    // H2: electricity 0.2 kWh a quarter hour, only until 2 July 00:00 (182 days = 17,472 slots)
    await store.ingest(readings('H2.el', START, zonedToUtc(2025, 6, 2, SITE.timezone), Q, 0.2));
    // S1: useful heat 100 kWh a day behind an oil boiler
    await store.ingest(dailyReadings('S1.heat', 100));
    await store.close();
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('writes the hand-worked cells as CSV', async () => {
    const out = tmp.file('bisko.csv');
    const r = await runCliCaptured('bisko', '--db', db, '--year', '2025', '--out', out, '--lang', 'en');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Sector,Energy carrier,Final energy [MWh],GHG emissions [t CO2e],Emission factor [g CO2e/kWh],Data quality,Data quality (value),Buildings');
    expect(lines.slice(1, 9)).toEqual([
      // H1 3,504 kWh (35,040 x 0.1, A) + H2 17,472 x 0.2 = 3,494.4 kWh over 17,472/35,040 of the year -> 7,008 kWh (B)
      // = 10,512 kWh; x 565 g/kWh = 5.93928 t; grade (3,504 x 1 + 7,008 x 0.5) / 10,512 = 0.667 -> B
      'Private households,Electricity,10.512,5.939,565,B,0.667,2',
      // H1 gas 365 x 50 = 18,250 kWh (A) + H2 estimate: 300 m² x 187.5 kWh/(m²a) (TABULA MFH class B, heating +
      // hot-water need) = 56,250 kWh heat / 0.9 (default boiler efficiency for its planning fuel gas) = 62,500 kWh
      // gas (D) = 80,750 kWh x 250 g/kWh = 20.1875 t; grade 18,250 / 80,750 = 0.226 -> D
      'Private households,Natural gas,80.75,20.188,250,D,0.226,2',
      // no trade or industry building: the rows stay, empty, as in Klimaschutz-Planer's form
      '"Trade, commerce, services",,,,,,,',
      'Industry,,,,,,,',
      // S1 useful heat 365 x 100 = 36,500 kWh / 0.9 = 40,555.6 kWh oil; x 319 g/kWh = 12.9372 t; B
      'Municipal facilities,Heating oil,40.556,12.937,319,B,0.5,1',
      'Transport,,,,,,,',
      // 10.512 + 80.75 + 40.5556 = 131.8176 MWh; 5.93928 + 20.1875 + 12.93722 = 39.06400 t
      'Total,,131.818,39.064,,,,',
      '',
    ]);
    expect(lines.join('\n')).toMatch(/Emission factors: bisko-gemis-4\.95/);
  });

  it('writes the same numbers as XLSX with German labels', async () => {
    const out = tmp.file('bisko.xlsx');
    expect((await runCliCaptured('bisko', '--db', db, '--year', '2025', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('BISKO 2025');
    expect(ws?.getRow(1).getCell(1).value).toBe('Sektor');
    expect(ws?.getRow(2).values).toEqual([undefined, 'Private Haushalte', 'Strom', 10.512, 5.939, 565, 'B', 0.667, 2]);
    expect(ws?.getRow(8).getCell(3).value).toBe(131.818);
  });
  it('does not lose a building whose meters read nothing in the year: estimated where it can be, else named', async () => {
    const out = tmp.file('bisko-2024.csv');
    expect((await runCliCaptured('bisko', '--db', db, '--year', '2024', '--out', out, '--lang', 'en')).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    // no reading in 2024: H2's typology estimate 300 m² x 187.5 = 56,250 kWh heat / 0.9 = 62,500 kWh gas (D),
    // x 250 g/kWh = 15.625 t
    expect(lines).toContain('Private households,Natural gas,62.5,15.625,250,D,0,1');
    // H1 (no year built) and S1 (a heat meter without data, no year built) are named, not dropped
    expect(lines.find((l) => l.includes('H1, S1'))).toBeDefined();
  });

  it("divides metered heat by the building's stored heat supply, as the analysis does", async () => {
    const store = await openStore(db);
    const view = (await store.getDistrict())!;
    const s1 = view.buildings.find((b) => b.id === 'S1')!;
    await store.saveDistrict(view.site, [{ ...s1, heatSupply: { carrier: 'oil', efficiency: 0.8 } }], [], []);
    await store.close();
    const out = tmp.file('bisko-80.csv');
    const r = await runCliCaptured('bisko', '--db', db, '--year', '2025', '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    // S1 useful heat 365 x 100 = 36,500 kWh / 0.8 = 45,625 kWh oil; x 319 g/kWh = 14.554375 t
    expect(readFileSync(out, 'utf8').split('\r\n')).toContain('Municipal facilities,Heating oil,45.625,14.554,319,B,0.5,1');
  });
});
