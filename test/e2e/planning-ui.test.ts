/**
 * Planning in the product: serve mode with the demo district, the UI in Chromium. The top bar's planning dialog
 * downloads the BISKO balance, and the file is the one the API answers; for the energy report it names the TRY
 * default of the weather correction, and it sets a building's Energiebericht category through the API; the
 * heat-density colour mode shows the KEA-BW classes in its legend and colours each building from the API's figure.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi } from './open-ui.js';
import { startServe, waitForDemoHeatMeters, type ServeProcess } from './serve-process.js';
import { stopDemoInChromium } from './demo-in-chromium.js';
import { chooseMenuEntry } from './top-menu.js';

describe('planning in the UI', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe({ speed: 60, startTimeoutMs: 110_000 });
    // the district is complete (the OPC UA heat meters joined) before the dialog and the API are compared
    await waitForDemoHeatMeters(serve);
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  it('downloads the BISKO balance from the planning dialog, byte for byte the API answer', async () => {
    await chooseMenuEntry(page, 'planning-open');
    const dialog = page.getByTestId('planning-dialog');
    await dialog.getByTestId('planning-kind').selectOption('bisko-csv');
    await dialog.getByTestId('planning-year').fill('2025');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByTestId('planning-export').click()]);
    expect(download.suggestedFilename()).toBe('bisko-2025.csv');
    const bytes = readFileSync((await download.path())!);
    const text = bytes.toString('utf8');
    // German CSV: byte order mark, semicolons, Klimaschutz-Planer's sectors
    expect(text.startsWith('\uFEFFSektor;Energieträger;Endenergie [MWh]')).toBe(true);
    expect(text).toMatch(/Kommunale Einrichtungen/);
    const api = await callApi(serve.url, 'planning.export', { kind: 'bisko-csv', year: 2025, lang: 'de' });
    expect(bytes.toString('base64')).toBe(api.base64);
    await expect.poll(() => dialog.getByTestId('planning-message').textContent()).toMatch(/bisko-2025\.csv heruntergeladen/);
    await page.keyboard.press('Escape');
  }, 180_000);

  it('names the TRY default for the energy report and sets a building\'s Energiebericht category', async () => {
    await chooseMenuEntry(page, 'planning-open');
    const dialog = page.getByTestId('planning-dialog');
    const note = dialog.getByTestId('planning-weather-default');
    await dialog.getByTestId('planning-kind').selectOption('energy-report-pdf');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/TRY-Standardannahme.*nicht witterungsbereinigt/);
    await dialog.getByTestId('planning-kind').selectOption('bisko-csv');
    await expect.poll(() => note.isVisible()).toBe(false);

    const before = await callApi(serve.url, 'planning.reportCategories', {});
    const target = before.buildings[0]!;
    const buildingSelect = dialog.getByTestId('planning-category-building');
    await expect.poll(() => buildingSelect.locator('option').count()).toBe(before.buildings.length);
    await buildingSelect.selectOption(target.id);
    await dialog.getByTestId('planning-category-value').selectOption('21');
    await dialog.getByTestId('planning-category-save').click();
    await expect.poll(() => dialog.getByTestId('planning-category-message').textContent()).toBe(`${target.name}: 21 Schulen`);
    const after = await callApi(serve.url, 'planning.reportCategories', {});
    expect(after.buildings.find((b) => b.id === target.id)).toMatchObject({ category: 21, overridden: true, derived: target.derived });
    // back to the use
    await dialog.getByTestId('planning-category-value').selectOption('auto');
    await dialog.getByTestId('planning-category-save').click();
    await expect.poll(async () => (await callApi(serve.url, 'planning.reportCategories', {})).buildings.find((b) => b.id === target.id)?.overridden).toBe(false);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('offers heat density as a colour mode with the five KEA-BW classes in the legend', async () => {
    await page.getByTestId('metric-select').selectOption('heatDensity');
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.getAttribute('data-metric')).toBe('heatDensity');
    const rows = legend.locator('.legend-class');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().textContent()).toBe('0–70: kein technisches Potenzial für Wärmenetze');
    expect(await rows.last().textContent()).toBe('> 1.050: sehr hohe Eignung für Wärmenetze');
    // the figures come from the API: every building's value is the heat plan's or none
    const now = Date.now();
    const overview = await callApi(serve.url, 'district.balances', { from: now - 3_600_000, to: now });
    for (const b of overview) {
      expect(b.colours).toHaveProperty('heatDensityMwhPerHaA');
      if (b.colours.heatDensityMwhPerHaA === null) expect(b.colours.heatDensityClass).toBeNull();
    }
  }, 120_000);
});
