/**
 * Several sites in a fleet's central database, in the product: `plustwin serve --pg` on a real PostgreSQL 15 with
 * two sites, the UI in Chromium. The first site is shown; the top bar menu's site entry names it and opens the site
 * dialog, which lists both, and choosing the other shows its buildings.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CentralWriter } from '../../main/core/fleet/central-writer.js';
import { districtMessage } from '../../main/core/fleet/messages.js';
import { openStore } from '../../main/core/store/open-store.js';
import { shipToCentral, startCentral, type Central } from '../integration/store/central-backend.js';
import { building, tempDir, twoBuildings } from '../integration/store/district-fixture.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi } from './open-ui.js';
import { startServe, type ServeProcess } from './serve-process.js';

describe('the site selector over a central database', () => {
  let central: Central;
  let tmp: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    central = await startCentral();
    tmp = tempDir();
    // site-1: buildings A and B as their collector would ship them; site-0 (first by id): building R, structure only
    const d = twoBuildings();
    const edgeFile = tmp.file('site-1.sqlite');
    const edge = await openStore(edgeFile, { outbox: true });
    await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await edge.close();
    const db = await central.newDatabase();
    await shipToCentral(edgeFile, db.adminUrl);
    const pool = new pg.Pool({ connectionString: db.adminUrl, max: 1 });
    await new CentralWriter(pool).saveDistrict('site-0', districtMessage({ site: { ...d.site, id: 'site-0', name: 'Rathaus' }, buildings: [building('R')], devices: [], points: [] }));
    await pool.end();
    serve = await startServe({ extraArgs: ['--pg', db.readUrl], startTimeoutMs: 110_000 });
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await central?.close();
    tmp?.cleanup();
  });

  const buildingIds = () => page.getByTestId('building-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-building-id')));

  it('lists the sites, shows the first and switches to the one chosen', async () => {
    await expect.poll(buildingIds).toEqual(['R']);
    await page.getByTestId('menu-open').click();
    const entry = page.getByTestId('site-open');
    expect(await entry.textContent()).toBe('Standort: site-0 …');
    await entry.click();
    const dialog = page.getByTestId('site-dialog');
    const select = dialog.getByTestId('site-select');
    expect(await select.locator('option').allTextContents()).toEqual(['site-0', 'site-1']);
    expect(await select.inputValue()).toBe('site-0');

    await select.selectOption('site-1');
    await dialog.getByTestId('site-show').click();
    // the page loads again for the new site
    await expect.poll(buildingIds, { timeout: 60_000 }).toEqual(['A', 'B']);
    await page.getByTestId('menu-open').click();
    await expect.poll(() => page.getByTestId('site-open').textContent(), { timeout: 30_000 }).toBe('Standort: site-1 …');
  }, 120_000);
});
