/**
 * Reports from a real SQLite district file (the demo district's history over two weeks around the switch to
 * summer time): the PDF read back with pdftotext equals the balance API, its pages rendered with pdftoppm carry
 * drawn charts, the XLSX read back with exceljs holds typed values, the CSV parses back to the stored intervals,
 * and the CLI writes them with clear errors for bad calls.
 */
import { reportText } from '../../../main/core/reports/messages.js';
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
import type { ChartSpec } from '../../../main/core/reports/chart-specs.js';
import type { ReportData } from '../../../main/core/reports/report-data.js';
import { renderReportHtml } from '../../../main/core/reports/report-html.js';
import { prepareReportFolder } from '../../../main/core/reports/report-folder.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import type { Store } from '../../../main/core/store/store.js';
import type { BuildingBalance } from '../../../models/contract/index.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Interval } from '../../../models/types.js';
import { makeDemoStore } from './demo-store.js';
import { colourBoxes, hexRgb, mergeSplitBars, type Box } from './raster-boxes.js';

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
  let reportData: ReportData;
  let charts: readonly ChartSpec[];

  beforeAll(async () => {
    await exportReport(store, { format: 'pdf', out: pdf, period: PERIOD_TEXT, lang: 'de', appVersion: 'test' });
    textLayout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // the same data and chart specs exportReport printed (the same store, period and language)
    reportData = await assembleReport(store, { period: PERIOD, lang: 'de', appVersion: 'test' });
    charts = renderReportHtml(reportData).charts;
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

  it('draws the charts: every bar of a building page is as tall as its value, on one baseline', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2 + 7 + 4);
    // page 3 is the first building's page, and its chart is the spec the report page was given
    const spec = charts.find((c) => c.id === 'b0')!;
    const first = reportData.buildings[0]!.building.name;
    expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', pdf, '-'], { encoding: 'utf8' })).toContain(first);
    // 300 dpi: about the resolution of the canvas image in the PDF (drawn at devicePixelRatio 2, printed at about
    // two thirds of its CSS size), so the raster neither blurs nor drops its pixels
    execFileSync('pdftoppm', ['-r', '300', '-f', '3', '-l', '3', pdf, path.join(dir, 'page')]);
    const file = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!;
    const page = readPpm(path.join(dir, file));

    const barSets = spec.datasets.filter((d) => d.line !== true);
    const shapes = barSets.map((d) => mergeSplitBars(colourBoxes(page, hexRgb(d.color)), 8));
    // the legend: one small filled square per colour, in one row under the chart (pieces of anti-aliased text
    // can match a colour too, but are not filled squares)
    const legend = shapes.map((boxes, k) => {
      const side = (b: Box) => b.x1 - b.x0 + 1;
      const filled = (b: Box) => b.n >= 0.9 * side(b) * (b.y1 - b.y0 + 1);
      const squares = boxes.filter((b) => side(b) >= 10 && side(b) < 60 && Math.abs(b.x1 - b.x0 - (b.y1 - b.y0)) <= 4 && filled(b));
      expect(squares, `legend box of ${barSets[k]!.label}`).toHaveLength(1);
      return squares[0]!;
    });
    const legendTop = Math.min(...legend.map((b) => b.y0));
    expect(Math.max(...legend.map((b) => b.y0)) - legendTop).toBeLessThanOrEqual(3);
    // bars: wider than a legend box, above the legend, standing on one baseline (the x axis); other shapes of
    // these colours on the page (the figures' top borders) end elsewhere
    const candidates = shapes.map((boxes) => boxes.filter((b) => b.y1 < legendTop && b.x1 - b.x0 > 2 * (legend[0]!.x1 - legend[0]!.x0)));
    const baseline = Math.max(...candidates.flat().map((b) => b.y1));
    const bars = candidates.map((boxes) => boxes.filter((b) => b.y1 >= baseline - 2).sort((p, q) => p.x0 - q.x0));
    const all = bars.flat();
    expect(all.length).toBeGreaterThan(0);
    // the chart is big enough to measure: the tallest bar spans well over a hundred pixels (141 here)
    expect(Math.max(...all.map((b) => b.y1 - b.y0 + 1))).toBeGreaterThan(100);
    const drawn = barSets.map((d) => d.data.filter((v): v is number => v !== null && v > 0));
    // a bar for every value above zero, left to right in month order
    barSets.forEach((d, k) => expect(bars[k]!.length, `${d.label}: bars for ${d.data.join(', ')} kWh`).toBe(drawn[k]!.length));
    // one linear scale: height = a * kWh + b over every bar, fitted by least squares. b is what the edges cost
    // every bar alike (the top row blends with the white above, the axis line covers the bottom; about -2 px
    // here); the rest must be the value
    const pairs = drawn.flatMap((values, k) => values.map((v, i) => ({ v, h: bars[k]![i]!.y1 - bars[k]![i]!.y0 + 1 })));
    const mv = pairs.reduce((s, p) => s + p.v, 0) / pairs.length;
    const mh = pairs.reduce((s, p) => s + p.h, 0) / pairs.length;
    const a = pairs.reduce((s, p) => s + (p.v - mv) * (p.h - mh), 0) / pairs.reduce((s, p) => s + (p.v - mv) ** 2, 0);
    const b = mh - a * mv;
    expect(a).toBeGreaterThan(0);
    expect(Math.abs(b)).toBeLessThanOrEqual(4);
    // chart.js rounds bar edges to device pixels and pdftoppm samples the image once more: 1.5 px either way
    // (at most 0.4 px seen), about 1 % of the tallest bar
    for (const p of pairs) expect(Math.abs(p.h - (a * p.v + b)), `${p.v} kWh drawn ${p.h} px high`).toBeLessThanOrEqual(1.5);
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
      // the German variant names the quality in German (gemessen, interpoliert, ...): the reports' own words
      expect(p.quality).toBe(reportText('de')(`q.${s.quality}`));
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
    // report's messages follow its --lang, German by default
    expect(out.text()).toContain('cli.xlsx (xlsx, 2 Gebäude');
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
      [['--period', '2025', '--format', 'pdf', '--out', 'x.pdf'], /--db FILE or --pg URL is required/],
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
