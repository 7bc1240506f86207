/**
 * Refusals in the user's language against serve mode: the HTTP API returns a schema refusal and a tariff overlap
 * with a code and parameters beside its English message, and the tariffs dialog at 1366x768 in German names the
 * fields by their labels, the other tariff and its dates, and the next step; the history dialog names each bad line
 * of a CSV in German; the building import lists its warnings in German; nothing is stored by a refused save or a
 * refused file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HTTP_CALL_PATH, type DistrictView } from '../../models/contract/index.js';
import type { Result } from '../../models/result.js';
import { callApi } from './api-direct.js';
import { ROOT } from './build-once.js';
import type { Browser } from './chromium.js';
import { openUi } from './open-ui.js';
import type { ServeProcess } from './serve-process.js';
import { startDemoInChromium, stopDemoInChromium } from './demo-in-chromium.js';
import { chooseMenuEntry } from './top-menu.js';
import { squareFootprint, warningsGeoJson } from '../fixtures/importers/warnings-geojson.js';

describe('refusals in German', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    ({ serve, district, browser, page } = await startDemoInChromium({ width: 1366, height: 768 }));
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  const rawCall = async (method: string, args: unknown): Promise<Result<unknown>> => {
    const response = await fetch(new URL(HTTP_CALL_PATH, serve.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) });
    return (await response.json()) as Result<unknown>;
  };

  it('the HTTP API codes a schema refusal with its field and keeps the English message', { timeout: 60_000 }, async () => {
    const building = district.buildings[0]!;
    const r = await rawCall('tariffs.save', { buildingId: building.id, carrier: 'gas', kind: 'fixed', validFrom: '2025-03-01', validTo: '2025-02-01', energyCtPerKwh: 10, fixedEurPerMonth: 0 });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'validation', message: "tariffs.save: 'validTo' must be after 'validFrom'", where: 'validTo', code: 'input.order', params: { field: 'validTo', after: 'validFrom' } },
    });
    const missing = await rawCall('tariffs.save', { buildingId: building.id, carrier: 'coal', kind: 'fixed', validFrom: '2025-03-01', fixedEurPerMonth: 0 });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation', where: 'carrier', code: 'input.oneOf' } });
    expect(await callApi(serve.url, 'tariffs.list', { buildingId: building.id })).toEqual([]);
  });

  it('the tariffs dialog names the fields, the other tariff and the next step in German', { timeout: 180_000 }, async () => {
    await openUi(page, `${serve.url}?lang=de`);
    const building = district.buildings[0]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${building.id}"]`).click();
    await page.getByTestId('tariffs-open').click();
    const dialog = page.getByTestId('tariffs-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const fill = async (from: string, to: string) => {
      await dialog.getByTestId('tariff-carrier').selectOption('electricity');
      await dialog.getByTestId('tariff-from').fill(from);
      await dialog.getByTestId('tariff-to').fill(to);
      await dialog.getByTestId('tariff-energy').fill('30,5');
      await dialog.getByTestId('tariff-fixed').fill('12');
      await dialog.getByTestId('tariff-feed-in').fill('8,2');
      await dialog.getByTestId('tariff-save').click();
    };
    const message = dialog.getByTestId('tariff-message');

    // the end before the start: the schema refuses it; the labels of the two fields, without their notes in brackets
    await fill('2025-03-01', '2025-02-01');
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toBe('„Gültig bis“ muss nach „Gültig ab“ liegen: bitte prüfen Sie beide Daten.');
    expect(await callApi(serve.url, 'tariffs.list', { buildingId: building.id })).toEqual([]);

    // one tariff from 2020 without an end, then one inside it: the handler refuses the overlap and names the first
    await fill('2020-01-01', '');
    await expect.poll(() => dialog.locator('tr[data-tariff-id]').count(), { timeout: 15_000 }).toBe(1);
    const stored = await callApi(serve.url, 'tariffs.list', { buildingId: building.id });
    await fill('2024-01-01', '2025-01-01');
    const id = `${building.id}.electricity.2020-01-01`;
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toBe(
      `Die Gültigkeit 01.01.2024 bis 01.01.2025 überschneidet sich mit dem Tarif ${id} (01.01.2020 bis unbefristet) desselben Energieträgers. ` +
        'Wählen Sie andere Daten oder geben Sie dem bisherigen Tarif ein Ende (Bearbeiten, „Gültig bis“).',
    );
    expect(await callApi(serve.url, 'tariffs.list', { buildingId: building.id })).toEqual(stored);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/errors-tariff-overlap-de-1366x768.png') });
  });

  it('the history dialog names each bad line of a CSV in German and imports nothing', { timeout: 120_000 }, async () => {
    await openUi(page, `${serve.url}?lang=de`);
    const building = district.buildings[0]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${building.id}"]`).click();
    await page.getByTestId('history-open').click();
    const dialog = page.getByTestId('history-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const pointId = await dialog.getByTestId('history-point').inputValue();
    const march = { from: Date.UTC(2024, 1, 29, 23), to: Date.UTC(2024, 2, 2) };
    const before = await callApi(serve.url, 'district.balances', march);
    expect(pointId).not.toBe('');
    // line 3: a decimal point among commas; 4: 00:10 is off the quarter-hour grid; 5: 02:30 on 31 March 2024 does
    // not exist (clocks go from 02:00 to 03:00); 6: not a number
    const csv = Buffer.from('Zeitstempel;Wert\n01.03.2024 00:00;0,25\n01.03.2024 00:15;0.30\n01.03.2024 00:10;1\n31.03.2024 02:30;1\n01.03.2024 00:45;zwei\n', 'latin1');
    await dialog.getByTestId('history-file').setInputFiles({ name: 'lastgang.csv', mimeType: 'text/csv', buffer: csv });
    const errors = dialog.getByTestId('history-errors');
    await expect.poll(() => errors.locator('li').count(), { timeout: 15_000 }).toBe(4);
    expect(await errors.locator('li').allTextContents()).toEqual([
      'Zeile 3: der Wert „0.30“ hat einen Dezimalpunkt, die Datei schreibt aber Dezimalkommas: gemeint ist 0,30? Korrigieren Sie die Zeile oder das Zahlenformat der Datei',
      'Zeile 4: „01.03.2024 00:10“ liegt nicht im Viertelstundenraster (:00, :15, :30, :45)',
      'Zeile 5: „31.03.2024 02:30“ gibt es in Ortszeit nicht (Umstellung auf Sommerzeit um 02:00)',
      'Zeile 6: der Wert „zwei“ ist keine Zahl',
    ]);
    expect(await dialog.getByTestId('history-warnings').locator('li').allTextContents()).toEqual([
      'Die Datei mischt Dezimalzeichen: das andere Zeichen steht in 1 der Werte (Zeilen-Nr. 3); importiert wird erst, wenn alles korrigiert ist',
    ]);
    // why the times were taken as starts, in German, not the core's English reason
    expect(await dialog.getByTestId('history-marks').textContent()).toBe('Die Zeitstempel markieren den Beginn der Viertelstunde (die erste Zeile um 00:00)');
    expect(await dialog.getByTestId('history-import').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/errors-history-csv-de-1366x768.png') });
    expect(await callApi(serve.url, 'district.balances', march)).toEqual(before);
  });

  it('the building import lists its warnings in German and refuses an impossible height naming the feature', { timeout: 120_000 }, async () => {
    await openUi(page, `${serve.url}?lang=de`);
    const { lat, lon } = district.site.origin;
    // the three warnings' buildings (w-a without a height, one without an id, w-c without geometry), 200 m east of the site's origin
    const geojson = warningsGeoJson({ lon: lon + 0.003, lat });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-warnings-'));
    const file = path.join(dir, 'warnungen.geojson');
    fs.writeFileSync(file, JSON.stringify(geojson));
    try {
      await chooseMenuEntry(page, 'tools-import');
      await page.getByTestId('import-dialog').waitFor({ state: 'visible' });
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('import-warnings').locator('li').allTextContents()).toEqual([
        'keine Höhe, keine Geschosszahl und keine 3D-Geometrie; 6 m angenommen: w-a',
        'Feature ohne id: die ID wird aus Dateiname und Reihenfolge gebildet (sie ändert sich, wenn sich die Datei ändert): warnungen.geojson#2',
        'Feature ohne Polygon- oder MultiPolygon-Geometrie übersprungen: w-c',
      ]);
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/errors-import-warnings-de-1366x768.png') });

      // a building 2000 m high: refused with the feature named and the next step, the district unchanged
      const before = await callApi(serve.url, 'district.get', {});
      const high = path.join(dir, 'hoch.geojson');
      fs.writeFileSync(high, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'turm', properties: { height: 2000 }, geometry: { type: 'Polygon', coordinates: squareFootprint({ lon: lon + 0.003, lat }, 0.002) } }] }));
      await page.getByTestId('import-file').setInputFiles(high);
      await page.getByTestId('import-start').click();
      const error = page.getByTestId('import-error');
      await expect.poll(() => error.textContent(), { timeout: 60_000 }).not.toBe('');
      // the feature starts at column 41, after {"type":"FeatureCollection","features":[ (40 characters); MAX_HEIGHT_M = 1000
      expect(await error.textContent()).toBe(
        'Fehler in hoch.geojson, Zeile 1, Spalte 41: Feature 1 (id "turm"): die Höhe 2000 m liegt nicht zwischen 0 und 1.000 m (das höchste Gebäude ist 828 m hoch): ' +
          'ein Einheiten- oder Tippfehler? Nichts wurde importiert, das Quartier ist unverändert.',
      );
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/errors-import-height-de-1366x768.png') });
      expect((await callApi(serve.url, 'district.get', {})).buildings).toEqual(before.buildings);

      // a CityGML tile that names no coordinate system: said in German, with where to choose one
      const noCrs = path.join(dir, 'ohne-crs.gml');
      fs.writeFileSync(
        noCrs,
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml">',
          '<core:cityObjectMember><bldg:Building gml:id="ohne-crs"><bldg:measuredHeight uom="m">9</bldg:measuredHeight>',
          '<bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>',
          '<gml:posList srsDimension="3">0 0 0 10 0 0 10 10 0 0 10 0 0 0 0</gml:posList>',
          '</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>',
          '</bldg:Building></core:cityObjectMember></core:CityModel>',
        ].join('\n'),
      );
      await page.getByTestId('import-file').setInputFiles(noCrs);
      await page.getByTestId('import-start').click();
      await expect.poll(() => error.textContent(), { timeout: 60_000 }).toMatch(/ohne-crs\.gml/);
      // line 3, after '<core:cityObjectMember>' (23 characters) and '<bldg:Building gml:id="ohne-crs">' (33): column 57
      expect(await error.textContent()).toBe(
        'Fehler in ohne-crs.gml, Zeile 3, Spalte 57: die Datei nennt vor diesem Gebäude kein Koordinatensystem (srsName): ' +
          'wählen Sie es beim Import (Feld „Koordinatensystem“ bzw. --crs EPSG:NNNN). Nichts wurde importiert, das Quartier ist unverändert.',
      );
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/errors-import-citygml-de-1366x768.png') });
      expect((await callApi(serve.url, 'district.get', {})).buildings).toEqual(before.buildings);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
