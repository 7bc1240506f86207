/**
 * Reports from a real SQLite district file (the demo district's history over two weeks around the switch to
 * summer time): the PDF read back with pdftotext equals the balance API, its pages rendered with pdftoppm carry
 * drawn charts, the XLSX read back with exceljs holds typed values, the CSV parses back to the stored intervals,
 * and the CLI writes them with clear errors for bad calls.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/shells/common/command.js';
import { reportCommand } from '../../../main/shells/cli/commands/report.js';
import { NoChromiumError, printReportPdf } from '../../../main/core/reports/chromium-pdf.js';
import { exportReport } from '../../../main/core/reports/export-report.js';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { prepareReportFolder } from '../../../main/core/reports/report-folder.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import type { Store } from '../../../main/core/store/store.js';
import type { BuildingBalance } from '../../../models/contract.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Interval } from '../../../models/types.js';
import { makeDemoStore } from './demo-store.js';

const TZ = 'Europe/Berlin';
const PERIOD_TEXT = '2025-03-24..2025-04-06';
const PERIOD = parsePeriod(PERIOD_TEXT, TZ);
const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-reports-'));
const dbFile = path.join(dir, 'district.db');
let store: Store;
let api: BuildingBalance[];

beforeAll(async () => {
  store = await makeDemoStore(dbFile, PERIOD.from, PERIOD.to);
  api = await store.buildingBalances(PERIOD.from, PERIOD.to);
}, 600_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** "12.345" or "-1.234" (de-DE whole numbers) to a number. */
const deNumber = (s: string): number => Number(s.replaceAll('.', '').replace(',', '.').replace('−', '-'));

/** Reads a binary PPM (P6) as written by pdftoppm. */
const readPpm = (file: string): { w: number; h: number; px: Buffer } => {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (m === null) throw new Error(`${file} is not a P6 PPM`);
  return { w: Number(m[1]), h: Number(m[2]), px: buf.subarray(m[0].length) };
};

describe('PDF from a real store', () => {
  const pdf = path.join(dir, 'report.pdf');
  let textLayout = '';

  beforeAll(async () => {
    await exportReport(store, { format: 'pdf', out: pdf, period: PERIOD_TEXT, lang: 'de', appVersion: 'test' });
    textLayout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  }, 300_000);

  it('prints every building with the balance API\'s consumption, generation, import and export', async () => {
    const district = (await store.getDistrict())!;
    expect(api).toHaveLength(district.buildings.length);
    const lines = textLayout.split('\n');
    // the electricity table: name, then five whole-kWh numbers
    for (const b of api) {
      const name = district.buildings.find((x) => x.id === b.buildingId)!.name;
      const row = lines.find((l) => l.trim().startsWith(name) && (l.match(/-?[\d.]+(?=\s|$)/g) ?? []).length >= 5 && !l.includes('%'));
      expect(row, `row of ${name}`).toBeDefined();
      const nums = row!.slice(row!.indexOf(name) + name.length).trim().split(/\s+/).map(deNumber);
      expect(nums.slice(0, 4)).toEqual([b.consumptionKwh, b.generationKwh, b.importKwh, b.exportKwh].map((v) => Math.round(v) + 0));
      expect(nums[4]).toBe(Math.round(b.consumptionKwh - b.generationKwh) + 0);
    }
  });

  it('states the method and every factor with set, version and source', () => {
    expect(textLayout).toContain('Methodik');
    expect(textLayout).toContain('geg-anlage-4');
    expect(textLayout).toContain('2023-10-16');
    expect(textLayout).toMatch(/Gebäudeenergiegesetz Anlage 4/);
    expect(textLayout).toMatch(/1,80/);
    expect(textLayout).toMatch(/560/);
    expect(textLayout).toContain('Zeitauflösung');
    expect(textLayout).toMatch(/Seite 2 von \d+/);
  });

  it('draws the charts: a building page has many coloured, non-white pixels in its chart area', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2 + 7 + 4);
    // page 3 is the first building page; its chart sits in the upper third
    execFileSync('pdftoppm', ['-r', '40', '-f', '3', '-l', '3', pdf, path.join(dir, 'page')]);
    const file = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!;
    const { w, h, px } = readPpm(path.join(dir, file));
    let coloured = 0;
    for (let y = Math.floor(h * 0.15); y < Math.floor(h * 0.45); y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 3;
        const r = px[i]!;
        const g = px[i + 1]!;
        const b = px[i + 2]!;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
    }
    // bars in four colours over a 660 x 215 px canvas: well over a thousand saturated pixels at 40 dpi
    expect(coloured).toBeGreaterThan(1000);
  });

  it('English report: English texts and numbers with a decimal point', async () => {
    const en = path.join(dir, 'report-en.pdf');
    await exportReport(store, { format: 'pdf', out: en, period: PERIOD_TEXT, lang: 'en', buildingIds: ['efh-1'] });
    const t = execFileSync('pdftotext', ['-layout', en, '-'], { encoding: 'utf8' });
    expect(t).toContain('Energy balance report');
    expect(t).toContain('Methodology');
    const b = api.find((x) => x.buildingId === 'efh-1')!;
    expect(t).toContain(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.round(b.importKwh)));
  }, 180_000);

  it('without a browser: a clear message and no file', async () => {
    const data = await assembleReport(store, { period: PERIOD, buildingIds: ['efh-2'] });
    const folder = prepareReportFolder(data);
    const prev = process.env['PLUSTWIN_CHROMIUM'];
    process.env['PLUSTWIN_CHROMIUM'] = path.join(dir, 'no-such-chromium');
    try {
      await expect(printReportPdf(folder, path.join(dir, 'none.pdf'))).rejects.toThrow(NoChromiumError);
      await expect(printReportPdf(folder, path.join(dir, 'none.pdf'))).rejects.toThrow(/PLUSTWIN_CHROMIUM points to .*no-such-chromium/);
    } finally {
      if (prev === undefined) delete process.env['PLUSTWIN_CHROMIUM'];
      else process.env['PLUSTWIN_CHROMIUM'] = prev;
      folder.cleanup();
    }
    expect(existsSync(path.join(dir, 'none.pdf'))).toBe(false);
  });
});

describe('XLSX from a real store', () => {
  it('buildings sheet equals the balance API; interval cells are dates and numbers', async () => {
    const file = path.join(dir, 'report.xlsx');
    const r = await exportReport(store, { format: 'xlsx', out: file, period: PERIOD_TEXT, lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Buildings')!;
    const head = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => head.indexOf(h);
    for (const b of api) {
      const row = ws.getRows(2, ws.rowCount - 1)!.find((x) => x.getCell(1).value === b.buildingId)!;
      const imp = row.getCell(col('Grid import [kWh]'));
      expect(imp.type).toBe(ExcelJS.ValueType.Number);
      expect(imp.value as number).toBeCloseTo(b.importKwh, 6);
      expect(row.getCell(col('Grid export [kWh]')).value as number).toBeCloseTo(b.exportKwh, 6);
      expect(row.getCell(col('Generation [kWh]')).value as number).toBeCloseTo(b.generationKwh, 6);
    }
    const iv = wb.getWorksheet('15-minute intervals')!;
    expect(iv.rowCount - 1).toBe(r.rows);
    const first = iv.getRow(2);
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect((first.getCell(7).value as Date).getTime()).toBe(PERIOD.from);
  }, 180_000);
});

describe('CSV from a real store', () => {
  it('de variant parses back to exactly the stored intervals (values to 1e-6 kWh, instants, qualities)', async () => {
    const file = path.join(dir, 'intervals.csv');
    const r = await exportReport(store, { format: 'csv', out: file, period: PERIOD_TEXT, lang: 'de', buildingIds: ['grundschule'] });
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines).toHaveLength(r.rows! + 1);
    const parsed = lines.slice(1).map((l) => {
      const c = l.split(';');
      return { pointId: c[0]!, start: Date.parse(c[4]!), end: Date.parse(c[5]!), kwh: Number(c[6]!.replace(',', '.')), quality: c[7]! };
    });
    const district = (await store.getDistrict())!;
    const ids = district.points.filter((p) => p.buildingId === 'grundschule').map((p) => p.id);
    const stored: Interval[] = [];
    for await (const iv of store.intervals(ids, PERIOD.from, PERIOD.to)) stored.push(iv);
    expect(parsed).toHaveLength(stored.length);
    const key = (x: { pointId: string; start: number }) => `${x.pointId}@${x.start}`;
    const byKey = new Map(stored.map((s) => [key(s), s]));
    for (const p of parsed) {
      const s = byKey.get(key(p))!;
      expect(s, key(p)).toBeDefined();
      expect(Math.abs(p.kwh - s.kwh)).toBeLessThanOrEqual(5e-7);
      expect(p.quality).toBe(s.quality);
      expect(p.end - p.start).toBe(INTERVAL_MS);
    }
    // the night of 30 March has 92 quarter hours per point in local time, and the CSV shows both offsets
    expect(lines.some((l) => l.includes('2025-03-30T01:45:00+01:00'))).toBe(true);
    expect(lines.some((l) => l.includes('2025-03-30T03:00:00+02:00'))).toBe(true);
  }, 120_000);
});

describe('plustwin report', () => {
  const capture = () => {
    const chunks: string[] = [];
    const w = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) });
    return { w, text: () => chunks.join('') };
  };

  it('writes an XLSX and a CSV with progress on stderr', async () => {
    await store.flush();
    const out = capture();
    const err = capture();
    const xlsx = path.join(dir, 'cli.xlsx');
    const code = await reportCommand.run(['--db', dbFile, '--period', PERIOD_TEXT, '--format', 'xlsx', '--out', xlsx, '--buildings', 'efh-1,efh-3', '--no-intervals'], { out: out.w, err: err.w });
    expect(err.text()).toMatch(/100 %/);
    expect(code).toBe(0);
    expect(out.text()).toContain('cli.xlsx (xlsx, 2 buildings');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('Gebäude')!.rowCount).toBe(1 + 2 + 1);
    const csv = path.join(dir, 'cli.csv');
    const code2 = await reportCommand.run(['--db', dbFile, '--period', '2025-03-30', '--format', 'csv', '--csv', 'intl', '--csv-scope', 'building', '--out', csv], { out: out.w, err: err.w });
    expect(code2).toBe(0);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    // 7 buildings x 92 quarter hours on the day clocks go forward
    expect(rows).toHaveLength(1 + 7 * 92);
    expect(rows[0]).toBe('building_id,start,end,consumption_kwh,generation_kwh,import_kwh,export_kwh,quality');
  }, 180_000);

  it('bad calls: usage errors (printed with the usage, exit 2 by runCli) that name the problem, no file left behind', async () => {
    const cases: [string[], RegExp][] = [
      [['--period', '2025', '--format', 'pdf', '--out', 'x.pdf'], /--db is required/],
      [['--db', path.join(dir, 'nope.db'), '--period', '2025', '--format', 'pdf', '--out', 'x.pdf'], /no file .*nope\.db/],
      [['--db', dbFile, '--period', '2025', '--format', 'docx', '--out', 'x.docx'], /--format must be one of pdf, xlsx, csv/],
      [['--db', dbFile, '--period', '2025', '--format', 'csv', '--out', 'x.csv', '--lang', 'fr'], /--lang must be de or en/],
      [['--db', dbFile, '--period', '2025-13', '--format', 'csv', '--out', path.join(dir, 'x.csv')], /no month 13/],
    ];
    for (const [args, message] of cases) {
      const e = await reportCommand.run(args, { out: capture().w, err: capture().w }).catch((x: Error) => x);
      expect(e, args.join(' ')).toBeInstanceOf(UsageError);
      expect((e as Error).message).toMatch(message);
    }
    expect(existsSync(path.join(dir, 'nope.db'))).toBe(false);
    const err = capture();
    const code = await reportCommand.run(['--db', dbFile, '--period', '2025', '--format', 'csv', '--out', path.join(dir, 'y.csv'), '--buildings', 'efh-1,ghost'], { out: capture().w, err: err.w }).catch((e: Error) => e);
    expect(code).toBeInstanceOf(Error);
    expect((code as Error).message).toMatch(/'ghost'/);
    expect(readdirSync(dir).filter((f) => f.startsWith('y.csv'))).toEqual([]);
  }, 120_000);
});
