/**
 * Costs in the browser against serve mode with the demo district: the building panel's tariffs dialog stores a
 * tariff through the API, refuses a price file with bad rows (each row named in German, nothing stored), and the
 * panel and the dashboard then show the analysis' cost figures and the comparison with the previous period and
 * last year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import type { Browser } from './chromium.js';
import { openUi } from './open-ui.js';
import type { ServeProcess } from './serve-process.js';
import { startDemoInChromium, stopDemoInChromium } from './demo-in-chromium.js';

describe('tariffs and costs in the UI', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    ({ serve, district, browser, page } = await startDemoInChromium());
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  it('stores a tariff from the panel, refuses a bad price file row by row, and shows the costs in panel and dashboard', { timeout: 180_000 }, async () => {
    await openUi(page, `${serve.url}?lang=de`);
    const building = district.buildings[0]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${building.id}"]`).click();
    // no tariff yet: "costs unknown", never 0 EUR
    await expect.poll(() => page.getByTestId('panel-costs-none').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('dashboard-costs-none').count(), { timeout: 30_000 }).toBe(1);

    await page.getByTestId('tariffs-open').click();
    const dialog = page.getByTestId('tariffs-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('tariff-file').isVisible()).toBe(false);
    await dialog.getByTestId('tariff-carrier').selectOption('electricity');
    await dialog.getByTestId('tariff-from').fill('2020-01-01');
    await dialog.getByTestId('tariff-energy').fill('30,5');
    await dialog.getByTestId('tariff-fixed').fill('12');
    await dialog.getByTestId('tariff-feed-in').fill('8,2');
    await dialog.getByTestId('tariff-save').click();
    await expect.poll(() => dialog.getByTestId('tariff-done').textContent(), { timeout: 15_000 }).toBe('Tarif gespeichert; die Kosten werden neu berechnet.');
    await expect.poll(() => dialog.locator('tr[data-tariff-id]').count()).toBe(1);

    // a dynamic gas tariff whose file has a bad row: refused, the row named in German, nothing stored
    await dialog.getByTestId('tariff-carrier').selectOption('gas');
    await dialog.getByTestId('tariff-kind').selectOption('dynamic');
    expect(await dialog.getByTestId('tariff-file').isVisible()).toBe(true);
    expect(await dialog.getByTestId('tariff-feed-in').isVisible()).toBe(false);
    await dialog.getByTestId('tariff-from').fill('2020-01-01');
    await dialog.getByTestId('tariff-energy').fill('2');
    const csv = Buffer.from('Zeitstempel;Preis (ct/kWh)\r\n01.03.2024 00:00;7,5\r\n01.03.2024 00:10;7,5\r\n', 'latin1');
    await dialog.getByTestId('tariff-file').setInputFiles({ name: 'preise.csv', mimeType: 'text/csv', buffer: csv });
    await dialog.getByTestId('tariff-save').click();
    await expect.poll(() => dialog.getByTestId('tariff-message').textContent(), { timeout: 15_000 }).toContain(
      'preise.csv:3: „01.03.2024 00:10“ ist kein Viertelstundenbeginn (:00, :15, :30, :45).',
    );
    expect(await callApi(serve.url, 'tariffs.list', { buildingId: building.id })).toHaveLength(1);
    await page.keyboard.press('Escape');

    // the analysis now prices the building: panel and dashboard show the same net cost (the only tariff in the district)
    const net = page.getByTestId('panel-costs-net');
    await expect.poll(() => net.count(), { timeout: 30_000 }).toBe(1);
    const panelValue = Number(await net.getAttribute('data-value'));
    expect(panelValue).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('dashboard-costs-net').getAttribute('data-value')), { timeout: 30_000 }).toBeCloseTo(panelValue, 9);
    expect(await net.textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);
    // the comparison: previous period and last year beside the period
    const compare = page.getByTestId('panel-costs-compare');
    expect(await compare.count()).toBe(1);
    expect(await compare.locator('th').allTextContents()).toEqual(expect.arrayContaining(['Zeitraum', 'Vorzeitraum', 'Vorjahr']));
    // two days of demo history: last year has no data
    expect(await page.getByTestId('panel-costs-compare-consumption-last-year').textContent()).toBe('keine Daten');
    expect(browser.errors).toEqual([]);
  });
});
