/**
 * `plustwin energy-report` on a real district file: a school of 2,000 m² with a gas meter and an electricity meter
 * read daily over the local years 2023-2025, a house and a town hall without meters. The XLSX holds the values
 * worked by hand below, the PDF is printed, and buildings without a benchmark say why.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { zonedToUtc } from '../../../main/core/analysis/local-time.js';
import type { Building, Point, Reading } from '../../../models/types.js';
import { SITE, building, device, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

const DAY = 86_400_000;

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

/** A reading at every local midnight from 1 January 2023 to 1 January 2026; kWh per day by year. */
const dailyReadings = (pointId: string, perDay: (year: number) => number): Reading[] => {
  const out: Reading[] = [];
  let v = 1000;
  for (let d = Date.UTC(2023, 0, 1); d <= Date.UTC(2026, 0, 1); d += DAY) {
    const day = new Date(d);
    out.push({ pointId, ts: zonedToUtc(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), SITE.timezone), value: v, quality: 'good' });
    v += perDay(day.getUTCFullYear());
  }
  return out;
};

const BUILDINGS: Building[] = [
  { ...building('S'), name: 'Schule', use: 'school', planning: { floorAreaM2: 2000 } },
  { ...building('H'), name: 'Haus', use: 'single-family' },
  { ...building('R'), name: 'Rathaus', use: 'town-hall', planning: { floorAreaM2: 5000 } },
];

describe('plustwin energy-report', () => {
  const tmp = tempDir();
  const db = tmp.file('district.sqlite');

  beforeAll(async () => {
    const store = await openStore(db);
    await store.saveDistrict(SITE, BUILDINGS, [device('dev-S', 'S')], [counter('S.gas', 'S', 'gas', 'consumption'), counter('S.el', 'S', 'electricity', 'import')]);
    // gas: 520 kWh a day in 2023, 440 in 2024, 400 in 2025; electricity 64 kWh a day throughout
    await store.ingest(dailyReadings('S.gas', (y) => (y === 2023 ? 520 : y === 2024 ? 440 : 400)));
    await store.ingest(dailyReadings('S.el', () => 64));
    await store.close();
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('writes the hand-worked figures as XLSX', async () => {
    const out = tmp.file('energiebericht.xlsx');
    const r = await runCliCaptured('energy-report', '--db', db, '--year', '2025', '--out', out, '--lang', 'en', '--klimafaktor', '2025=1.1', '--klimafaktor-source', 'DWD test value');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/3 building\(s\): 0 green, 1 amber, 0 red, 2 without benchmark/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Energy report 2025')!;
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'Building id', 'Name', 'Use', 'Category (Bekanntmachung 2021)', 'Floor area [m²]', 'Area estimated',
      'Heat 2023 [kWh/m²]', 'Heat 2024 [kWh/m²]', 'Heat 2025 [kWh/m²]', 'Weather correction', 'Heat comparison value [kWh/m²]', 'Heat ratio', 'Heat traffic light', 'Heat trend',
      'Electricity 2023 [kWh/m²]', 'Electricity 2024 [kWh/m²]', 'Electricity 2025 [kWh/m²]',
      'Electricity target value [kWh/m²]', 'Electricity limit value [kWh/m²]', 'Electricity ratio', 'Electricity traffic light', 'Electricity trend', 'Note',
    ]);
    const row = (id: string) => ws.getRows(5, 3)!.find((x) => x.getCell(1).value === id)!.values as unknown[];
    expect(row('S')).toEqual([
      undefined, 'S', 'Schule', 'School', '21 Schulen', 2000, 'no',
      // 2023: 365 x 520 = 189,800 kWh / 2,000 m² = 94.9; 2024: 366 x 440 = 161,040 / 2,000 = 80.52 -> 80.5 (one
      // decimal); 2025: 365 x 400 = 146,000 kWh x 1.1 = 160,600 / 2,000 = 80.3
      94.9, 80.5, 80.3, 'DWD Klimafaktor',
      // 49.3 x (4.53 x 2000^-0.215 + 0.27) + 22.4 = 79.2847 -> 79.3; 80.3 / 79.2847 = 1.0128 -> amber
      79.3, 1.013, 'amber',
      // (80.3 - 94.9) / 94.9 = -0.153846 -> -0.154
      -0.154,
      // electricity 365 x 64 = 23,360 / 2,000 = 11.68 -> 11.7; 2024: 366 x 64 = 23,424 / 2,000 = 11.712 -> 11.7;
      11.7, 11.7, 11.7,
      // VDI 3807 Schulen: Zielwert 6, Grenzwert 14; 11.68 is above 6 and at most 14 -> amber; 11.68 / 14 = 0.8343
      6, 14, 0.834, 'amber',
      // trend (11.68 - 11.68) / 11.68 = 0; no note (the last, empty cell)
      0,
    ]);
    expect(row('H')[23]).toBe('no benchmark: residential building (the Bekanntmachung covers non-residential buildings); no electricity benchmark: residential building');
    expect(row('R')[23]).toBe('no benchmark: no heat measured; no electricity benchmark: no electricity measured');
    // the electricity traffic light is coloured like the heat one (column 21)
    const school = ws.getRows(5, 3)!.find((x) => x.getCell(1).value === 'S')!;
    expect(school.getCell(21).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFE0A526' } });
    const notes = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string').join('\n');
    expect(notes).toMatch(/Bekanntmachung der Regeln für Energieverbrauchswerte .* 15\. April 2021/);
    expect(notes).toMatch(/2025: 1\.1 \(DWD test value\)/);
    expect(notes).toMatch(/Source: 21 Schulen: Bekanntmachung vom 15\.04\.2021, Anlage 1 Tabelle 1, lfd\. Nr\. 21 /);
    expect(notes).toMatch(/Electricity: VDI 3807, Energiekennwerte Strom/);
    expect(notes).toMatch(/Source: VDI 3807, table on een-sachsen\.de\/content\/view\/64\/122\/, row "Schulen": Strom Grenzwert 14, Zielwert 6/);
    // 2023 and 2024 had no Klimafaktor: the TRY default, labelled, with the TRY's degree days
    expect(notes).toMatch(/TRY default for 2023, 2024: .*G20\/15 = \d+ Kd.*NOT corrected/);
    expect(notes).toMatch(/f = 1\.46 \(A ≤ 500 m²\), f = 0\.71 \(A ≥ 50000 m²\), in between f = 4\.53 × A\^-0\.215 \+ 0\.27/);
  });

  it('prints the same report as PDF in German', async () => {
    const out = tmp.file('energiebericht.pdf');
    const r = await runCliCaptured('energy-report', '--db', db, '--year', '2025', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('refuses a Klimafaktor without its source, naming the option', async () => {
    const r = await runCliCaptured('energy-report', '--db', db, '--year', '2025', '--out', tmp.file('x.xlsx'), '--klimafaktor', '2025=1.1');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--klimafaktor needs --klimafaktor-source/);
  });

  it('refuses degree days without their source, naming the option', async () => {
    const r = await runCliCaptured('energy-report', '--db', db, '--year', '2025', '--out', tmp.file('g.xlsx'), '--gradtage', '2025=3000');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--gradtage needs --gradtage-source/);
  });

  it('compares a building in the category set with heat-plan set --report-category, and back with auto', async () => {
    const bad = await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'R', '--report-category', '99', '--year-built', '1970');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/energyReportCategory: .*\(1-52\), got 99/);
    expect(await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'R', '--report-category', '21')).toMatchObject({ code: 0, stderr: '' });
    const categoryOfR = async (): Promise<unknown> => {
      const out = tmp.file(`c-${Date.now()}.xlsx`);
      expect((await runCliCaptured('energy-report', '--db', db, '--year', '2025', '--out', out, '--lang', 'en')).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows = wb.getWorksheet('Energy report 2025')!.getRows(5, 3)!;
      return rows.find((x) => x.getCell(1).value === 'R')!.getCell(4).value;
    };
    expect(await categoryOfR()).toBe('21 Schulen (set by the user)');
    // the bad call stored nothing: no year built either
    expect(await runCliCaptured('heat-plan', 'set', '--db', db, '--building', 'R', '--report-category', 'auto')).toMatchObject({ code: 0, stdout: 'R: {"floorAreaM2":5000}\n' });
    expect(await categoryOfR()).toBe('3 Ministerien, Ämter und Behörden');
  });
});
