/**
 * Every surface of one district over one period, read back the way a user reads it: the API through dispatch,
 * `plustwin balance --json` and its table, the PDF as text (pdftotext), the XLSX cells (exceljs) and the CSV sums.
 * check() then asserts that they agree per building and for the district, to the rounding each one shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { exportReport } from '../../../main/core/reports/export-report.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import type { Store } from '../../../main/core/store/store.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

export interface Surfaces {
  readonly api: DistrictAnalysis;
  readonly cliJson: DistrictAnalysis;
  readonly cliText: string;
  readonly pdfText: string;
  readonly xlsx: ExcelJS.Workbook;
  /** Per building: electricity sums of the building CSV (intl variant). */
  readonly csv: Map<string, { l: number; g: number; im: number; ex: number; missing: number }>;
  /** Per building id (and 'district'): net cost of the costs CSV's total row (intl variant). */
  readonly costsCsv: Map<string, number>;
}

/** "12.345" or "-1.234,5" (de-DE) to a number. */
export const deNumber = (s: string): number => Number(s.replaceAll('.', '').replace(',', '.').replace('−', '-'));

/**
 * periodText is a report period ("2025" or "2025-03"); fromDay and toDay (exclusive) the same as local days for
 * the CLI. All surfaces read the same district file.
 */
export async function readSurfaces(store: Store, file: string, periodText: string, fromDay: string, toDay: string): Promise<Surfaces> {
  const view = (await store.getDistrict())!;
  const period = parsePeriod(periodText, view.site.timezone);
  const collector = { status: () => ({}) } as unknown as Collector;
  const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-surfaces-'));
  const handlers = createHandlers({ store, collector, info: { version: 'test', dataDir: dir, dbPath: file, transport: 'http' } });
  const r = (await dispatch(handlers, 'district.analysis', { from: period.from, to: period.to })) as Result<DistrictAnalysis>;
  if (!r.ok) throw new Error(`district.analysis: ${r.error.message} (${r.error.where})`);
  const json = await runCliCaptured('balance', '--db', file, '--from', fromDay, '--to', toDay, '--json');
  if (json.code !== 0) throw new Error(`balance --json: ${json.stderr}`);
  const text = await runCliCaptured('balance', '--db', file, '--from', fromDay, '--to', toDay, '--lang', 'de');
  const pdf = path.join(dir, 'report.pdf');
  await exportReport(store, { format: 'pdf', out: pdf, period: periodText, lang: 'de', appVersion: 'test' });
  const xlsxFile = path.join(dir, 'report.xlsx');
  await exportReport(store, { format: 'xlsx', out: xlsxFile, period: periodText, lang: 'de', xlsxIntervals: false });
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.readFile(xlsxFile);
  const csvFile = path.join(dir, 'buildings.csv');
  await exportReport(store, { format: 'csv', out: csvFile, period: periodText, lang: 'en', csvVariant: 'intl', csvScope: 'building' });
  const costsFile = path.join(dir, 'costs.csv');
  await exportReport(store, { format: 'csv', out: costsFile, period: periodText, lang: 'en', csvVariant: 'intl', csvScope: 'costs' });
  const costsCsv = new Map<string, number>();
  for (const line of readFileSync(costsFile, 'utf8').trimEnd().split('\n').slice(1)) {
    const f = line.split(',');
    if (f[1] === 'total') costsCsv.set(f[0]!, Number(f[7]));
  }
  const csv = new Map<string, { l: number; g: number; im: number; ex: number; missing: number }>();
  for (const line of readFileSync(csvFile, 'utf8').trimEnd().split('\n').slice(1)) {
    const [id, , , l, g, im, ex, q] = line.split(',');
    const s = csv.get(id!) ?? { l: 0, g: 0, im: 0, ex: 0, missing: 0 };
    if (q === 'missing') s.missing++;
    else {
      s.l += Number(l);
      s.g += Number(g);
      s.im += Number(im);
      s.ex += Number(ex);
    }
    csv.set(id!, s);
  }
  return {
    api: r.value,
    cliJson: (JSON.parse(json.stdout) as { analysis: DistrictAnalysis }).analysis,
    cliText: text.stdout,
    pdfText: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    xlsx,
    csv,
    costsCsv,
  };
}

const numbersOf = (line: string): number[] => (line.match(/−?-?\d[\d.]*(,\d+)?/g) ?? []).map(deNumber);

/** The PDF line of a table that starts with label and holds a percentage (the summary's status table). */
const statusLine = (pdf: string, label: string): string => {
  const line = pdf.split('\n').find((l) => l.trim().startsWith(label) && l.includes('%'));
  expect(line, `status row of ${label} in the PDF`).toBeDefined();
  return line!;
};

/** The summary's electricity row: label, then five whole-kWh numbers and no percentage. */
const electricityLine = (pdf: string, label: string): number[] => {
  const line = pdf.split('\n').find((l) => l.trim().startsWith(label) && !l.includes('%') && numbersOf(l.slice(l.indexOf(label) + label.length)).length === 5);
  expect(line, `electricity row of ${label} in the PDF`).toBeDefined();
  return numbersOf(line!.slice(line!.indexOf(label) + label.length));
};

const round = (v: number, d = 0) => Math.round(v * 10 ** d) / 10 ** d + 0;

/** Asserts that every surface shows the API's figures, per building and for the district. */
export function checkSurfaces(s: Surfaces, names: ReadonlyMap<string, string>): void {
  const { api } = s;
  // the CLI's JSON is the API's result
  expect(s.cliJson.period).toEqual(api.period);
  expect(s.cliJson.buildings.map((b) => b.buildingId)).toEqual(api.buildings.map((b) => b.buildingId));
  const sheet = s.xlsx.getWorksheet('Gebäude')!;
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const col = (start: string) => header.findIndex((h) => h.startsWith(start));
  const xlsxRow = (id: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
    throw new Error(`no XLSX row for ${id}`);
  };
  const cell = (id: string, start: string) => xlsxRow(id).getCell(col(start)).value;
  const subjects = [
    ...api.buildings.map((b) => ({ id: b.buildingId, label: names.get(b.buildingId)!, a: b, cli: s.cliJson.buildings.find((x) => x.buildingId === b.buildingId)! })),
    { id: 'district', label: 'Quartier', a: api.district, cli: s.cliJson.district },
  ];
  for (const { id, label, a, cli } of subjects) {
    const e = a.balance.carriers.find((c) => c.carrier === 'electricity');
    const ep = a.energyPlusPeriod;
    const where = `${id}`;
    // API and CLI JSON
    expect(cli.energyPlusPeriod.finalEnergyNetKwh, where).toBeCloseTo(ep.finalEnergyNetKwh, 6);
    expect(cli.energyPlusPeriod.primaryEnergy.total, where).toBeCloseTo(ep.primaryEnergy.total, 6);
    expect(cli.co2Tonnes, where).toBeCloseTo(a.co2Tonnes, 9);
    expect(cli.verdictPeriod, where).toEqual(a.verdictPeriod);
    expect(cli.kpis?.selfSufficiency ?? null, where).toEqual(a.kpis?.selfSufficiency ?? null);
    // XLSX: typed cells with the analysis' values
    expect(cell(id, 'Endenergie netto'), where).toBeCloseTo(ep.finalEnergyNetKwh, 6);
    expect(cell(id, 'Primärenergie netto'), where).toBeCloseTo(ep.primaryEnergy.total, 6);
    expect(cell(id, 'CO2e'), where).toBeCloseTo(a.co2Tonnes, 9);
    expect(cell(id, 'Plusenergie'), where).toBe(a.verdictPeriod.energyPlus);
    expect(cell(id, 'vorläufig'), where).toBe(a.verdictPeriod.provisional);
    expect(cell(id, 'Datenabdeckung'), where).toBeCloseTo(a.verdictPeriod.coverage, 9);
    expect(cell(id, 'Autarkiegrad') ?? null, where).toEqual(a.kpis?.selfSufficiency ?? null);
    expect(cell(id, 'Verbrauch'), where).toBeCloseTo(e?.consumptionKwh ?? 0, 6);
    expect(cell(id, 'Erzeugung'), where).toBeCloseTo(e?.generationKwh ?? 0, 6);
    expect(cell(id, 'Netzbezug'), where).toBeCloseTo(e?.importKwh ?? 0, 6);
    expect(cell(id, 'Einspeisung'), where).toBeCloseTo(e?.exportKwh ?? 0, 6);
    // PDF: the summary's status row (whole kWh, t CO2e to 0.1, coverage to 0.1 %) and electricity row (whole kWh)
    // the district's label wraps in its narrow cell: its first line carries the figures
    const statusLabel = label === 'Quartier' ? 'Quartier (ein' : label;
    const status = statusLine(s.pdfText, statusLabel);
    const nums = numbersOf(status.slice(status.indexOf(statusLabel) + statusLabel.length));
    const [fin, pri, co2, cov] = nums.slice(-4);
    expect(fin, `${where} final net in the PDF`).toBe(round(ep.finalEnergyNetKwh));
    expect(pri, `${where} primary net in the PDF`).toBe(round(ep.primaryEnergy.total));
    expect(co2, `${where} t CO2e in the PDF`).toBe(round(a.co2Tonnes, 1));
    expect(cov, `${where} coverage in the PDF`).toBe(round(a.verdictPeriod.coverage * 100, 1));
    expect(/\s(ja|nein)\s/.exec(status)?.[1], `${where} verdict in the PDF`).toBe(a.verdictPeriod.energyPlus ? 'ja' : 'nein');
    expect(status.includes('vorläufig') || !a.verdictPeriod.provisional, `${where} provisional in the PDF`).toBe(true);
    const el = electricityLine(s.pdfText, label === 'Quartier' ? 'Quartier gesamt' : label);
    expect(el, `${where} electricity row of the PDF`).toEqual(
      [e?.consumptionKwh ?? 0, e?.generationKwh ?? 0, e?.importKwh ?? 0, e?.exportKwh ?? 0, (e?.consumptionKwh ?? 0) - (e?.generationKwh ?? 0)].map((v) => round(v)),
    );
    // CSV: the sums of the per-building rows (six decimals each)
    if (id !== 'district' && e !== undefined) {
      const c = s.csv.get(id)!;
      expect(c.l, `${where} CSV consumption`).toBeCloseTo(e.consumptionKwh, 1);
      expect(c.g, `${where} CSV generation`).toBeCloseTo(e.generationKwh, 1);
      expect(c.im, `${where} CSV import`).toBeCloseTo(e.importKwh, 1);
      expect(c.ex, `${where} CSV export`).toBeCloseTo(e.exportKwh, 1);
      expect(c.missing, `${where} CSV missing slots`).toBe(e.coverage.missing);
    }
  }
  checkCosts(s, names);
  // the CLI table prints the district's final net and verdict with the same rounding (de-DE whole kWh)
  // the German table names the district "Quartier" (balance --lang de)
  const row = s.cliText.split('\n').find((l) => /^Quartier\s\s/.test(l) && l.includes('%'));
  expect(row, 'district row of the CLI table').toBeDefined();
  expect(row).toContain(new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(round(api.district.energyPlusPeriod.finalEnergyNetKwh)));
}

/** The net cost (and its parts) on every surface: API, CLI JSON and table, PDF costs page, XLSX costs sheet, costs CSV. */
export function checkCosts(s: Surfaces, names: ReadonlyMap<string, string>): void {
  const { api } = s;
  const subjects = [
    ...api.buildings.map((b) => ({ id: b.buildingId, label: names.get(b.buildingId)!, costs: b.costs, cli: s.cliJson.buildings.find((x) => x.buildingId === b.buildingId)!.costs })),
    { id: 'district', label: 'Quartier', costs: api.district.costs, cli: s.cliJson.district.costs },
  ];
  const sheet = s.xlsx.getWorksheet('Kosten');
  expect(sheet !== undefined, 'XLSX costs sheet').toBe(api.district.costs.hasTariffs);
  for (const { id, label, costs, cli } of subjects) {
    expect(cli, `${id} costs in balance --json`).toEqual(costs);
    if (!costs.hasTariffs) {
      expect(s.costsCsv.has(id), `${id} has no costs CSV row`).toBe(false);
      continue;
    }
    // costs CSV: six decimals
    expect(s.costsCsv.get(id), `${id} net cost in the costs CSV`).toBeCloseTo(costs.netEur, 5);
    // XLSX: the total row's typed cells
    let row: ExcelJS.Row | undefined;
    for (let r = 2; r <= sheet!.rowCount; r++) if (sheet!.getRow(r).getCell(1).value === id && sheet!.getRow(r).getCell(3).value === 'gesamt') row = sheet!.getRow(r);
    expect(row, `${id} total row of the XLSX costs sheet`).toBeDefined();
    expect(row!.getCell(7).value, `${id} net cost in the XLSX`).toBeCloseTo(costs.netEur, 9);
    expect(row!.getCell(9).value, `${id} savings in the XLSX`).toBeCloseTo(costs.savingsEur, 9);
    // PDF: energy, fixed, feed-in, net, reference, savings to the cent
    const page = s.pdfText.slice(s.pdfText.lastIndexOf('7 Kosten'));
    const line = page.split('\n').find((l) => new RegExp(`^\\s*${label}\\s+gesamt\\s`).test(l));
    expect(line, `${id} costs row in the PDF:\n${page}`).toBeDefined();
    const nums = numbersOf(line!.slice(line!.indexOf('gesamt', line!.indexOf(label) + label.length) + 6));
    expect(nums.slice(0, 6), `${id} costs row in the PDF`).toEqual(
      [costs.energyEur, costs.fixedEur, costs.feedInEur, costs.netEur, costs.referenceEur, costs.savingsEur].map((v) => round(v, 2)),
    );
  }
  // the CLI table's district total, German cents
  if (api.district.costs.hasTariffs) {
    const row = s.cliText.split('\n').find((l) => /^Quartier gesamt\s/.test(l));
    expect(row, 'district costs row of the CLI table').toBeDefined();
    expect(row).toContain(new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(api.district.costs.netEur));
  }
}
