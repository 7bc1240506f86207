/**
 * Everything the README promises beyond the live view, reached from the browser (serve mode with the demo district,
 * German UI) in Chromium: a report downloaded as CSV, XLSX and PDF whose district consumption is the API's; the
 * district export and backup downloaded and opened as district files; a scenario composed in the dialog showing the
 * API's figures; the CO2 chart drawn with the API's points; a GeoJSON uploaded that adds its buildings, and a broken
 * one whose error names the problem and its line and leaves the district as it was.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ScenarioMeasureInput } from '../../models/contract/index.js';
import { inspectDistrictFile } from '../../main/core/store/district-file.js';
import { co2Series } from '../../renderer/files/co2-dialog.js';
import { dayRange, isoDay, showDay } from '../../renderer/files/day-range.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { chooseMenuEntry } from './top-menu.js';

const TZ = 'Europe/Berlin';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-files-e2e-'));

/** German figures as the UI writes them: decimal comma, thousands point. */
const de = (v: number, digits: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

describe('reports, district files, scenarios, the CO2 path and the building import in the browser', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  /** Yesterday by the collector's clock: a whole past day of the demo's generated history. */
  let day: string;
  let period: { from: number; to: number };

  beforeAll(async () => {
    serve = await startServe({ speed: 1, historyDays: 3 });
    const status = await callApi(serve.url, 'status.get', {});
    day = isoDay(status.now - 86_400_000, TZ);
    period = dayRange(day, day, TZ)!;
    browser = await launchChromium({ width: 1366, height: 768 });
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const openTool = async (entry: string, dialog: string) => {
    // a dialog an earlier failed test left open would cover the menu: one failure must not fail the rest
    await page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()));
    await chooseMenuEntry(page, entry);
    await page.getByTestId(dialog).waitFor({ state: 'visible' });
  };
  const closeDialog = async (dialog: string) => {
    await page.getByTestId(dialog).getByRole('button', { name: 'Schließen' }).click();
    await page.getByTestId(dialog).waitFor({ state: 'detached' });
  };
  /** Clicks the button and saves the download it starts. */
  const download = async (button: string, name: string): Promise<{ file: string; suggested: string }> => {
    const started = page.waitForEvent('download', { timeout: 170_000 });
    await page.getByTestId(button).click();
    const d = await started;
    const file = path.join(tmp, name);
    await d.saveAs(file);
    return { file, suggested: d.suggestedFilename() };
  };

  it('downloads the report as CSV, XLSX and PDF, each with the consumption the API computes', async () => {
    const analysis = await callApi(serve.url, 'district.analysis', period);
    const electricity = analysis.district.balance.carriers.find((c) => c.carrier === 'electricity')!;
    expect(electricity.consumptionKwh).toBeGreaterThan(0);

    await openTool('tools-export', 'export-dialog');
    // the German UI shows and reads days as TT.MM.JJJJ
    expect(await page.getByTestId('export-from').inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await page.getByTestId('export-from').fill(showDay(day, 'de'));
    await page.getByTestId('export-to').fill(showDay(day, 'de'));

    await page.getByTestId('export-format').selectOption('csv');
    const csv = await download('export-report', 'report.csv');
    expect(csv.suggested).toBe(`plustwin-bericht-${day}..${day}.csv`);
    // the German variant per building: BOM, semicolons, decimal comma; column 4 is 'Verbrauch [kWh]'
    const lines = fs.readFileSync(csv.file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]!.split(';')[3]).toBe('Verbrauch [kWh]');
    const csvSum = lines.slice(1).reduce((s, l) => s + Number((l.split(';')[3] ?? '').replace(',', '.') || 0), 0);
    // rows carry six decimals: 96 quarter hours x 7 buildings round by at most 672 x 0.5e-6 kWh in all
    expect(Math.abs(csvSum - electricity.consumptionKwh)).toBeLessThan(1e-3);
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('Fertig');
    expect(await page.getByTestId('export-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);

    await page.getByTestId('export-format').selectOption('xlsx');
    const xlsx = await download('export-report', 'report.xlsx');
    expect(xlsx.suggested.endsWith('.xlsx')).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.file);
    const sheet = book.getWorksheet('Gebäude')!;
    let districtConsumption: number | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'district') districtConsumption = Number(row.getCell(4).value);
    });
    expect(districtConsumption).not.toBeNull();
    expect(districtConsumption!).toBeCloseTo(electricity.consumptionKwh, 6);

    await page.getByTestId('export-format').selectOption('pdf');
    const pdf = await download('export-report', 'report.pdf');
    expect(fs.readFileSync(pdf.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    // the summary states the district's consumption in whole kWh, German style
    expect(text).toContain(de(electricity.consumptionKwh, 0));
    await closeDialog('export-dialog');
  }, 240_000);

  it('downloads the district export and the backup, and both open as district files', async () => {
    const district = await callApi(serve.url, 'district.get', {});
    await openTool('tools-export', 'export-dialog');
    const exported = await download('export-district', 'district.sqlite');
    expect(exported.suggested).toMatch(/^plustwin-district-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect((await inspectDistrictFile(exported.file)).buildings).toBe(district.buildings.length);
    const backup = await download('export-backup', 'backup.sqlite');
    expect(backup.suggested).toMatch(/^plustwin-backup-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const info = await inspectDistrictFile(backup.file);
    expect(info.buildings).toBe(district.buildings.length);
    expect(info.points).toBe(district.points.length);
    await closeDialog('export-dialog');
  }, 120_000);

  it('shows the API scenario figures for measures composed in the dialog, measured beside simulated', async () => {
    const { buildings } = await callApi(serve.url, 'district.get', {});
    await openTool('tools-scenarios', 'scenario-dialog');
    await page.getByTestId('scenario-from').fill(day);
    await page.getByTestId('scenario-to').fill(day);
    const first = page.getByTestId('scenario-measure').nth(0);
    await first.getByTestId('measure-kind').selectOption('pv');
    await first.getByTestId('measure-building').selectOption(buildings[0]!.id);
    await first.locator('[data-field="kwp"]').fill('50');
    await page.getByTestId('scenario-add').click();
    const second = page.getByTestId('scenario-measure').nth(1);
    await second.getByTestId('measure-kind').selectOption('efficiency');
    await second.getByTestId('measure-building').selectOption(buildings[1]!.id);
    await second.locator('[data-field="savingPct"]').fill('20');
    await page.getByTestId('scenario-run').click();
    await page.getByTestId('scenario-table').waitFor({ timeout: 60_000 });

    const measures: ScenarioMeasureInput[] = [
      { kind: 'pv', buildingId: buildings[0]!.id, kwp: 50, tiltDeg: 30, azimuthDeg: 180 },
      { kind: 'efficiency', buildingId: buildings[1]!.id, carrier: '*', saving: 0.2 },
    ];
    // one day is at most two: the dialog asks at 15 minutes, as the dashboard does
    const api = await callApi(serve.url, 'scenario.run', { ...period, resolution: '15min', measures });
    const cell = (row: string, col: string) => page.locator(`[data-testid="scenario-table"] td[data-row="${row}"][data-col="${col}"]`).textContent();
    const e = (a: typeof api.measured) => a.balance.carriers.find((c) => c.carrier === 'electricity')!;
    expect(await cell('electricityConsumption', 'measured')).toBe(`${de(e(api.measured).consumptionKwh, 0)} kWh`);
    expect(await cell('electricityConsumption', 'simulated')).toBe(`${de(e(api.simulated).consumptionKwh, 0)} kWh`);
    expect(await cell('electricityGeneration', 'simulated')).toBe(`${de(e(api.simulated).generationKwh, 0)} kWh`);
    expect(await cell('finalNet', 'measured')).toBe(`${de(api.measured.energyPlus.finalEnergyNetKwh, 0)} kWh`);
    expect(await cell('finalNet', 'simulated')).toBe(`${de(api.simulated.energyPlus.finalEnergyNetKwh, 0)} kWh`);
    expect(await cell('co2', 'measured')).toBe(`${de(api.measured.co2Tonnes, 2)} t`);
    expect(await cell('co2', 'simulated')).toBe(`${de(api.simulated.co2Tonnes, 2)} t`);
    // 50 kWp more PV and 20 % less in one building: the simulation must differ from the measurement
    expect(e(api.simulated).generationKwh).toBeGreaterThan(e(api.measured).generationKwh);
    await closeDialog('scenario-dialog');
  }, 120_000);

  it('draws the CO2 path with the points the API answers', async () => {
    const status = await callApi(serve.url, 'status.get', {});
    const year = Number(isoDay(status.now, TZ).slice(0, 4));
    const api = await callApi(serve.url, 'district.co2Path', { fromYear: year - 10, toYear: year });
    expect(api.path).not.toBeNull();
    await openTool('tools-co2', 'co2-dialog');
    const canvas = page.getByTestId('co2-canvas');
    await expect.poll(() => canvas.getAttribute('data-series'), { timeout: 30_000 }).not.toBeNull();
    const drawn = JSON.parse((await canvas.getAttribute('data-series'))!) as ReturnType<typeof co2Series>;
    expect(drawn).toEqual(co2Series(api));
    // the path runs from the base year's tonnes to 0 t in 2045, every point the API's
    expect(drawn.years.at(-1)).toBe(2045);
    for (const p of api.path!.path) expect(drawn.path[drawn.years.indexOf(p.year)]).toBe(p.tonnes);
    // and something is drawn: bars and lines in several colours, not an empty canvas
    const colours = await canvas.evaluate((c) => {
      const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 16) if (d[i + 3]! > 0) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(3);
    // the path's assumptions in the UI's language (German here), one item per note of the API's answer
    const notes = page.getByTestId('co2-notes').locator('li');
    await expect.poll(() => notes.count()).toBe(api.notes.length);
    expect(await notes.allTextContents()).toContain('Ziel 0 t CO2e im Jahr 2045 (Klimaschutzgesetz: Klimaneutralität 2045).');
    await closeDialog('co2-dialog');
  }, 60_000);

  it('imports an uploaded GeoJSON: its buildings join the district and the map', async () => {
    const before = await callApi(serve.url, 'district.get', {});
    const { lat, lon } = before.site.origin;
    // two 20 m x 10 m footprints 200 m east of the site's origin (1e-3 deg lon ~ 69 m at 51.5 deg N)
    const square = (dx: number) => [
      [
        [lon + 0.003 + dx, lat],
        [lon + 0.0033 + dx, lat],
        [lon + 0.0033 + dx, lat + 0.00009],
        [lon + 0.003 + dx, lat + 0.00009],
        [lon + 0.003 + dx, lat],
      ],
    ];
    // GeoJSON has no roof geometry: each footprint gets one assumed flat roof surface, so 2 buildings bring 2 roofs
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'upload-a', properties: { name: 'Upload A', height: 9 }, geometry: { type: 'Polygon', coordinates: square(0) } },
        { type: 'Feature', id: 'upload-b', properties: { name: 'Upload B', height: 12 }, geometry: { type: 'Polygon', coordinates: square(0.001) } },
      ],
    };
    const file = path.join(tmp, 'zwei-gebaeude.geojson');
    fs.writeFileSync(file, JSON.stringify(geojson, null, 2));
    await openTool('tools-import', 'import-dialog');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-done').textContent()).toBe('2 Gebäude importiert (2 neu, 0 aktualisiert), 2 Dachflächen.');
    const after = await callApi(serve.url, 'district.get', {});
    expect(after.buildings.length).toBe(before.buildings.length + 2);
    expect(after.buildings.filter((b) => b.id.startsWith('upload-')).map((b) => b.name).sort()).toEqual(['Upload A', 'Upload B']);
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__plustwin.sceneBuildingCount())).toBe(after.buildings.length);
    await expect.poll(() => page.getByTestId('building-list').locator('li').count()).toBe(after.buildings.length);
    await closeDialog('import-dialog');
  }, 90_000);

  it('refuses a broken GeoJSON with the problem and its line in German, and changes nothing', async () => {
    const before = await callApi(serve.url, 'district.get', {});
    // line 4 lacks the comma after "Feature"
    const file = path.join(tmp, 'kaputt.geojson');
    fs.writeFileSync(file, '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature" "id": "x", "properties": {}, "geometry": null }\n  ]\n}\n');
    await openTool('tools-import', 'import-dialog');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    const error = page.getByTestId('import-error');
    await expect.poll(() => error.textContent(), { timeout: 60_000 }).not.toBe('');
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/^Die Datei kaputt\.geojson ist kein gültiges JSON, Zeile 4, Spalte \d+: /);
    expect(text).toContain('Nichts wurde importiert, das Quartier ist unverändert.');
    await expect(page.getByTestId('import-done').count()).resolves.toBe(0);
    const after = await callApi(serve.url, 'district.get', {});
    expect(after.buildings.map((b) => b.id)).toEqual(before.buildings.map((b) => b.id));
    await closeDialog('import-dialog');
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.error)).toBeNull();
    expect(browser.errors).toEqual([]);
  }, 90_000);

  it('shows the scenario costs measured, simulated and their difference, in German and in English', async () => {
    const { buildings } = await callApi(serve.url, 'district.get', {});
    const [a, b] = [buildings[0]!.id, buildings[1]!.id];
    const validFrom = `${day.slice(0, 4)}-01-01`;
    await callApi(serve.url, 'tariffs.save', { buildingId: a, carrier: 'electricity', kind: 'fixed', validFrom, energyCtPerKwh: 30, fixedEurPerMonth: 12, feedInCtPerKwh: 8 });
    await callApi(serve.url, 'tariffs.save', { buildingId: b, carrier: 'electricity', kind: 'fixed', validFrom, energyCtPerKwh: 32, fixedEurPerMonth: 10, feedInCtPerKwh: 7 });
    const measures: ScenarioMeasureInput[] = [
      { kind: 'pv', buildingId: a, kwp: 50, tiltDeg: 30, azimuthDeg: 180 },
      { kind: 'efficiency', buildingId: b, carrier: '*', saving: 0.2 },
    ];
    const api = await callApi(serve.url, 'scenario.run', { ...period, resolution: '15min', measures });
    expect(api.costs.measured.district.hasTariffs).toBe(true);
    const en = (v: number, digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
    const compose = async () => {
      await page.getByTestId('scenario-from').fill(showDay(day, lang));
      await page.getByTestId('scenario-to').fill(showDay(day, lang));
      const first = page.getByTestId('scenario-measure').nth(0);
      await first.getByTestId('measure-kind').selectOption('pv');
      await first.getByTestId('measure-building').selectOption(a);
      await first.locator('[data-field="kwp"]').fill('50');
      await page.getByTestId('scenario-add').click();
      const second = page.getByTestId('scenario-measure').nth(1);
      await second.getByTestId('measure-kind').selectOption('efficiency');
      await second.getByTestId('measure-building').selectOption(b);
      await second.locator('[data-field="savingPct"]').fill('20');
      await page.getByTestId('scenario-run').click();
      await page.getByTestId('scenario-costs').waitFor({ timeout: 60_000 });
    };
    const cell = (row: string, col: string) => page.locator(`[data-testid="scenario-costs"] td[data-row="${row}"][data-col="${col}"]`).textContent();
    const header = (row: string) => page.locator(`[data-testid="scenario-costs"] tr:has(td[data-row="${row}"]) th`).textContent();
    const m = api.costs.measured.district;
    const sim = api.costs.simulated.district;
    const pv = api.effects.find((e) => e.kind === 'pv')!;
    let lang: 'de' | 'en' = 'de';
    for (const [l, fmt, labels] of [
      ['de', de, { net: 'Kosten netto', energy: 'Strom: Energiekosten', saving: 'Ersparnis', notes: /^Szenariokosten: gemessener und simulierter Stand/ }],
      ['en', en, { net: 'Net cost', energy: 'Electricity: energy cost', saving: 'Saving', notes: /^Scenario costs: the measured and the simulated state/ }],
    ] as const) {
      lang = l;
      if (l === 'en') await openUi(page, `${serve.url}?lang=en`);
      await openTool('tools-scenarios', 'scenario-dialog');
      await compose();
      const eur = (v: number) => `${fmt(v, 2)} €`;
      expect(await header('cost-net')).toBe(labels.net);
      expect(await cell('cost-net', 'measured')).toBe(eur(m.netEur));
      expect(await cell('cost-net', 'simulated')).toBe(eur(sim.netEur));
      expect(await cell('cost-net', 'difference')).toBe(eur(api.costs.difference.netEur));
      expect(await header('cost-energy-electricity')).toBe(labels.energy);
      expect(await cell('cost-energy-electricity', 'measured')).toBe(eur(m.carriers.find((c) => c.carrier === 'electricity')!.energyEur));
      expect(await cell('cost-fixed', 'simulated')).toBe(eur(sim.fixedEur));
      expect(await cell('cost-feed-in', 'simulated')).toBe(eur(sim.feedInEur));
      expect(await header('cost-saving')).toBe(labels.saving);
      expect(await cell('cost-saving', 'difference')).toBe(eur(api.costs.savingEur));
      expect(await cell(`cost-saving-${pv.index}-${a}`, 'difference')).toBe(eur(pv.savingEur!));
      // the notes in the page's language, from the same keys the API sent
      const notes = await page.getByTestId('scenario-notes').locator('li').allTextContents();
      expect(notes).toHaveLength(api.notes.length);
      expect(notes.some((n) => labels.notes.test(n))).toBe(true);
      await page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()));
    }
    // 50 kWp and 20 % less consumption cost less than the measurement
    expect(api.costs.savingEur).toBeGreaterThan(0);
    expect(browser.errors).toEqual([]);
  }, 180_000);
});
