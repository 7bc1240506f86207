import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import type { ReportData } from '../../../main/core/reports/report-data.js';
import { writeReportXlsx } from '../../../main/core/reports/xlsx-writer.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { makeFixture, type Fixture } from './fixture-district.js';

const PERIOD = parsePeriod('2025-03-29..2025-04-01', 'Europe/Berlin');
const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-xlsx-'));
let fx: Fixture;
let data: ReportData;
let wb: ExcelJS.Workbook;
let intervalRows = 0;

beforeAll(async () => {
  fx = await makeFixture(PERIOD.from, PERIOD.to);
  data = await assembleReport(fx.store, { period: PERIOD, lang: 'de' });
  const file = path.join(dir, 'r.xlsx');
  // a small sheet limit so that the continuation sheet is exercised
  intervalRows = (await writeReportXlsx(fx.store, data, file, { maxRowsPerSheet: 1000 })).intervalRows;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headers = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);

describe('writeReportXlsx', () => {
  it('has a sheet per table, with units in the headers', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 5)).toEqual(['Bericht', 'Gebäude', 'Monatsbilanzen', 'Faktoren', '15-Minuten-Werte']);
    expect(names).toContain('15-Minuten-Werte 2');
    expect(headers(wb.getWorksheet('Gebäude')!)).toContain('Netzbezug [kWh]');
    expect(headers(wb.getWorksheet('Gebäude')!)).toContain('CO2e [t]');
    expect(headers(wb.getWorksheet('15-Minuten-Werte')!)).toContain('Energie [kWh]');
  });

  it('buildings: numbers as numbers, energy-plus as a boolean, equal to the report data', () => {
    const ws = wb.getWorksheet('Gebäude')!;
    const h = headers(ws);
    const col = (name: string) => h.indexOf(name) + 1;
    for (const [k, b] of data.buildings.entries()) {
      const row = ws.getRow(k + 2);
      expect(row.getCell(1).value).toBe(b.building.id);
      const imp = row.getCell(col('Netzbezug [kWh]'));
      expect(imp.type).toBe(ExcelJS.ValueType.Number);
      expect(imp.value as number).toBeCloseTo(b.electricity!.importKwh, 6);
      const pri = row.getCell(col('Primärenergie netto [kWh]'));
      expect(pri.value as number).toBeCloseTo(b.energyPlus.primaryEnergy.total, 6);
      const plus = row.getCell(col('Plusenergie'));
      expect(plus.type).toBe(ExcelJS.ValueType.Boolean);
      expect(plus.value).toBe(b.energyPlus.energyPlus);
    }
  });

  it('monthly balances: the month as a date cell in local time', () => {
    const ws = wb.getWorksheet('Monatsbilanzen')!;
    const row = ws.getRow(2);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    // March 2025 local, shown as wall time 2025-03-29 00:00 (the period starts on the 29th)
    expect((row.getCell(2).value as Date).toISOString()).toBe('2025-03-29T00:00:00.000Z');
    expect(row.getCell(3).value as number).toBeCloseTo(data.buildings[0]!.months[0]!.consumptionKwh, 6);
    // 3 buildings x 2 months (March and 1 April)
    expect(ws.rowCount).toBe(1 + 3 * 2);
  });

  it('intervals: every stored balance interval, with date, offset and number cells, split over sheets', async () => {
    const sheets = wb.worksheets.filter((w) => w.name.startsWith('15-Minuten-Werte'));
    const rows = sheets.reduce((s, w) => s + w.rowCount - 1, 0);
    expect(rows).toBe(intervalRows);
    let expected = 0;
    for await (const _ of fx.store.intervals(['house.import', 'house.export', 'house.pv', 'school.import', 'school.export', 'school.pv', 'school.gas', 'shop.import'], PERIOD.from, PERIOD.to)) expected++;
    expect(rows).toBe(expected);
    const first = sheets[0]!.getRow(2);
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(6).value).toBe(1);
    expect(first.getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(7).value as Date).getTime()).toBe(PERIOD.from);
    expect((first.getCell(5).value as Date).getTime() - (first.getCell(7).value as Date).getTime()).toBe(3_600_000);
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    // a summer-time row carries offset 2
    const summer = sheets.flatMap((s) => s.getRows(2, s.rowCount - 1) ?? []).find((r) => (r.getCell(7).value as Date).getTime() === Date.UTC(2025, 2, 31, 10, 0));
    expect(summer?.getCell(6).value).toBe(2);
    expect(INTERVAL_MS).toBe(900_000);
  });

  it('factors: every factor of both sets with set, version, value and source', () => {
    const ws = wb.getWorksheet('Faktoren')!;
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    // German names in the German workbook: electricity is Strom, its use as imported energy is Bezug
    const el = rows.find((r) => r.getCell(1).value === 'geg-anlage-4' && r.getCell(3).value === 'Strom' && r.getCell(4).value === 'Bezug')!;
    expect(el.getCell(5).value).toBe(1.8);
    expect(el.getCell(2).value).toBe('2023-10-16');
    expect(String(el.getCell(9).value)).toMatch(/Gebäudeenergiegesetz Anlage 4/);
    expect(el.getCell(8).value).toBe(true);
    const count = Object.keys(data.primarySet.factors).length + Object.keys(data.primarySet.exportCredit).length + Object.keys(data.co2Set.factors).length;
    expect(rows).toHaveLength(count);
  });
});
