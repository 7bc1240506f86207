/**
 * The whole product in a browser: serve mode with the demo district (simulated Modbus devices polled into SQLite)
 * on a free port, the UI in Debian's Chromium. Checks what a user would: the buildings are there, the charts fill
 * from the poll loop, a click on a building selects it, the canvas shows a picture. With PLUSTWIN_README_SCREENSHOT=1
 * it saves docs/screenshot.png (opt-in: a test run must not change tracked files).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { ROOT } from './build-once.js';
import { canvasPixels } from './canvas-pixels.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, waitForDemoHeatMeters, type ServeProcess } from './serve-process.js';
import { stopDemoInChromium } from './demo-in-chromium.js';
import { openUi, type Hooked } from './open-ui.js';


describe('district UI against serve mode', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;
  let startedAt: number;
  let stored0: number;

  beforeAll(async () => {
    serve = await startServe({ speed: 60, startTimeoutMs: 110_000 });
    // the OPC UA heat meters join after the Modbus devices (later still on a loaded machine): the page must
    // open on the whole district
    expect(await waitForDemoHeatMeters(serve)).toBeGreaterThan(0);
    district = await callApi(serve.url, 'district.get', {});
    const status0 = await callApi(serve.url, 'status.get', {});
    startedAt = status0.now;
    stored0 = status0.readingsStored;
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  it('shows every building the API knows, in the scene and in the list, within 20 draw calls', async () => {
    expect(district.buildings.length).toBeGreaterThanOrEqual(6);
    const seen = await page.evaluate(() => {
      const d = (window as unknown as Hooked).__plustwin;
      return { api: d.apiBuildingCount(), scene: d.sceneBuildingCount(), ids: [...d.buildingIds()], calls: d.drawCalls(), error: d.error };
    });
    expect(seen.error).toBeNull();
    expect(seen.api).toBe(district.buildings.length);
    expect(seen.scene).toBe(district.buildings.length);
    expect(new Set(seen.ids)).toEqual(new Set(district.buildings.map((b) => b.id)));
    expect(seen.calls).toBeLessThanOrEqual(20);
    await expect.poll(() => page.getByTestId('building-item').count()).toBe(district.buildings.length);
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.getAttribute('data-metric')).toBe('net');
  });

  it('shows no alarm while every simulated device answers', async () => {
    await expect.poll(() => page.getByTestId('alarms-none').count(), { timeout: 30_000 }).toBe(1);
  });

  it('shows polling health in the status line', async () => {
    const status = page.getByTestId('status-line');
    await expect.poll(async () => Number(await status.getAttribute('data-online')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await status.textContent()).toMatch(/\d+ von \d+ Geräten online · letzte Abfrage/);
  });

  it('selects a building clicked on the canvas and shows it in the panel', async () => {
    // the tallest building is the least likely to be hidden behind a neighbour
    const target = [...district.buildings].sort((a, b) => b.heightM - a.heightM)[0]!;
    const at = await page.evaluate((id) => (window as unknown as Hooked).__plustwin.screenPositionOf(id), target.id);
    expect(at, `${target.name} should be visible on the canvas`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    const title = page.getByTestId('panel-title');
    await expect.poll(() => title.textContent()).toBe(target.name);
    expect(await title.getAttribute('data-building-id')).toBe(target.id);
    expect(await page.locator(`[data-testid="building-item"][data-building-id="${target.id}"]`).getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(target.id);
    // every device of the building, Modbus and OPC UA (the page opened after the heat meters had joined)
    const devices = district.devices.filter((d) => d.buildingId === target.id);
    expect(devices.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('panel-meters').locator('li').count(), { timeout: 30_000 }).toBe(devices.length);
    expect(await page.getByTestId('panel-meters').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-device-id')))).toEqual(
      devices.map((d) => d.id),
    );
  });

  it('fills the power chart with samples the poll loop stored after start', async () => {
    await expect
      .poll(
        async () => {
          const c = await page.evaluate(() => (window as unknown as Hooked).__plustwin.chartPoints());
          return c.power > 0 && c.daily > 0 && c.powerSpan !== null && c.powerSpan.last > startedAt;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    // the poll loop keeps storing readings
    await expect
      .poll(async () => (await callApi(serve.url, 'status.get', {})).readingsStored, { timeout: 30_000, interval: 1000 })
      .toBeGreaterThan(stored0);
    // the core's own series of that building holds what was polled after start, once the batch is written
    const selected = await page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId());
    await expect
      .poll(
        async () => {
          const now = (await callApi(serve.url, 'status.get', {})).now;
          const series = await callApi(serve.url, 'building.series', { buildingId: selected!, from: startedAt, to: now + 1, resolution: 'hour' });
          return series.power.length;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
  });

  it('moves through the building list with the keyboard', async () => {
    const items = page.getByTestId('building-item');
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = await items.nth(1).getAttribute('data-building-id');
    await expect.poll(() => page.getByTestId('panel-title').getAttribute('data-building-id')).toBe(second);
  });

  it('draws a picture: canvas pixels are neither blank nor one colour; saves the README screenshot on request', async () => {
    // the README picture should show the charts filled for the building selected last
    await page.waitForFunction(() => {
      const c = (window as unknown as Hooked).__plustwin.chartPoints();
      return c.power > 0 && c.daily > 0 && c.monthly > 0;
    }, null, { timeout: 30_000 });
    if (process.env['PLUSTWIN_README_SCREENSHOT'] === '1') await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
    const pixels = await canvasPixels(page, page.getByTestId('district-canvas'));
    expect(pixels.pixels).toBeGreaterThan(10_000);
    expect(pixels.distinctColors).toBeGreaterThan(8);
    // the ground plane is the largest single colour; at least 5 % of the canvas must be something else
    expect(pixels.dominantShare).toBeLessThan(0.95);
    expect(browser.errors).toEqual([]);
  });

  it('speaks English with ?lang=en, with English number formats', async () => {
    await openUi(page, `${serve.url}?lang=en`);
    await expect.poll(() => page.getByTestId('status-line').textContent(), { timeout: 30_000 }).toMatch(/devices online · last poll/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('keeps language and theme in the core settings, so a fresh browser opens as the user left it', async () => {
    await openUi(page, serve.url);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(async () => (await callApi(serve.url, 'settings.get', {})).theme, { timeout: 10_000 }).toBe('dark');
    await Promise.all([page.waitForURL(/lang=en/), page.getByTestId('lang-select').selectOption('en')]);
    await expect.poll(async () => (await callApi(serve.url, 'settings.get', {})).language, { timeout: 10_000 }).toBe('en');
    // a second browser profile: no local storage, only what the core remembers
    const fresh = await launchChromium();
    try {
      await fresh.page.goto(serve.url);
      await expect.poll(() => fresh.page.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe('en');
      expect(await fresh.page.locator('html').getAttribute('data-theme')).toBe('dark');
    } finally {
      await fresh.close();
    }
  });

  it('casts shadows when switched on (a shadow map on the GPU, a different picture) and keeps the choice in the core', async () => {
    await openUi(page, serve.url);
    const canvas = page.getByTestId('district-canvas');
    const toggle = page.getByTestId('shadows-toggle');
    // textures alive after a frame: the shadow map is one of them while shadows are on
    const textures = () =>
      page.evaluate(() => {
        const d = (window as unknown as Hooked).__plustwin;
        d.drawCalls();
        return d.memory().textures;
      });
    expect(await toggle.isChecked()).toBe(false);
    const without = await textures();
    const before = await canvas.screenshot();
    await toggle.check();
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.shadows())).toBe(true);
    expect(await textures()).toBeGreaterThan(without);
    expect((await canvas.screenshot()).equals(before)).toBe(false);
    await expect.poll(async () => (await callApi(serve.url, 'settings.get', {})).shadows, { timeout: 10_000 }).toBe(true);
    // a fresh page opens with them, as the core remembers
    await openUi(page, serve.url);
    expect(await page.getByTestId('shadows-toggle').isChecked()).toBe(true);
    await page.getByTestId('shadows-toggle').uncheck();
    expect(await textures()).toBe(without);
    await expect.poll(async () => (await callApi(serve.url, 'settings.get', {})).shadows, { timeout: 10_000 }).toBe(false);
  });

  it('replays the day with the time slider: moving it changes the values and colours of the buildings, live comes back', async () => {
    await openUi(page, serve.url);
    const swatches = () =>
      page.locator('[data-testid="building-item"] .swatch').evaluateAll((els) => els.map((e) => [(e as HTMLElement).title, (e as HTMLElement).style.background]));
    await expect.poll(async () => (await swatches()).every(([title]) => title !== ''), { timeout: 30_000 }).toBe(true);
    const live = await swatches();
    // the first quarter hour of the day: far less energy than from midnight to now
    await page.getByTestId('time-slider').evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(async () => JSON.stringify((await swatches()).map(([t]) => t)), { timeout: 15_000 }).not.toBe(JSON.stringify(live.map(([t]) => t)));
    const early = await swatches();
    expect(early.some(([, bg], i) => bg !== live[i]![1])).toBe(true);
    await expect(page.getByTestId('time-label').textContent()).resolves.toMatch(/Verlauf bis 00:15|history until (00:15|12:15\s?AM)/);
    await page.getByTestId('time-live').click();
    await expect.poll(async () => (await page.getByTestId('time-label').textContent()) ?? '', { timeout: 15_000 }).toMatch(/^live/);
  });

  it('shows the district dashboard: energy-plus status, KPIs and the electricity flows of the period', async () => {
    await openUi(page, serve.url);
    const dashboard = page.getByTestId('district-dashboard');
    await expect.poll(() => page.getByTestId('dashboard-status').count(), { timeout: 30_000 }).toBe(1);
    expect(await dashboard.locator('dd').count()).toBe(6);
    // the period starts at local midnight: at night the district draws from the grid, so an import band is drawn
    expect(await dashboard.locator('path.flow-import').count()).toBe(1);
    const label = (await page.getByTestId('dashboard-flows').getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/\d/);
  });

  it("names the export-credit rule of the verdict in the UI's language", async () => {
    // the default variant is Effizienzhaus Plus: feed-in at the Verdrängungsstrommix, 2.8 (GEG Anlage 4 Nr. 11)
    await openUi(page, `${serve.url}?lang=en`);
    const note = page.getByTestId('dashboard-export-credit');
    await expect.poll(async () => (await note.count()) === 1 && ((await note.textContent()) ?? ''), { timeout: 30_000 }).toBe(
      'Exported electricity in primary energy: Effizienzhaus Plus: feed-in valued with the displacement mix (Verdrängungsstrommix) (factor 2.8)',
    );
    await openUi(page, `${serve.url}?lang=de`);
    await expect.poll(async () => (await note.count()) === 1 && ((await note.textContent()) ?? ''), { timeout: 30_000 }).toBe(
      'Einspeisung in der Primärenergie: Effizienzhaus Plus: Einspeisung mit dem Verdrängungsstrommix (Faktor 2,8)',
    );
  });
  it('imports a German load profile into a meter from the building panel: preview, bad lines named, then the day is stored', async () => {
    await openUi(page, `${serve.url}?lang=de`);
    const counter = district.points.find((p) => p.role === 'import' && p.kind === 'energy-counter')!;
    const buildingId = counter.buildingId;
    await page.locator(`[data-testid="building-item"][data-building-id="${buildingId}"]`).click();
    // 1 March 2024, long before the demo's history: quarter hours marked by their end, 0,25 kWh each
    const rows = ['Datum;Uhrzeit;Wirkarbeit Bezug [kWh]'];
    for (let q = 1; q <= 96; q++) {
      const end = new Date(Date.UTC(2024, 2, 1) + q * 900_000).toISOString().slice(11, 16);
      rows.push(`${q === 96 ? '02.03.2024' : '01.03.2024'};${end};0,25`);
    }
    const good = Buffer.from(rows.join('\r\n'), 'latin1');
    const bad = Buffer.from([...rows.slice(0, 10), '01.03.2024;02:30;viel', ...rows.slice(11)].join('\r\n'), 'latin1');

    await page.getByTestId('history-open').click();
    const dialog = page.getByTestId('history-dialog');
    await dialog.getByTestId('history-point').selectOption(counter.id);
    await dialog.getByTestId('history-file').setInputFiles({ name: 'lastgang.csv', mimeType: 'text/csv', buffer: bad });
    await expect.poll(() => dialog.getByTestId('history-errors').textContent(), { timeout: 10_000 }).toContain('Zeile 11');
    expect(await dialog.getByTestId('history-import').isDisabled()).toBe(true);

    await dialog.getByTestId('history-file').setInputFiles({ name: 'lastgang.csv', mimeType: 'text/csv', buffer: good });
    await expect.poll(() => dialog.getByTestId('history-preview').textContent(), { timeout: 10_000 }).toContain('96 Viertelstunden, 24,0 kWh');
    // the unit it applied, in bold before everything else
    expect(await dialog.getByTestId('history-unit').textContent()).toMatch(/^Einheit: kWh \(/);
    await dialog.getByTestId('history-import').click();
    await expect.poll(() => dialog.getByTestId('history-done').count(), { timeout: 10_000 }).toBe(1);
    const day0 = Date.UTC(2024, 1, 29, 23);
    const series = await callApi(serve.url, 'building.series', { buildingId, from: day0, to: day0 + 86_400_000, resolution: 'day' });
    expect(series.energy.map((b) => b.importKwh)).toEqual([expect.closeTo(24, 6)]);
    await page.keyboard.press('Escape');
    expect(browser.errors).toEqual([]);
  });
});
