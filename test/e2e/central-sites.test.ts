/**
 * Several sites in a fleet's central database, in the product: `plustwin serve --pg` on a real PostgreSQL 15 with
 * two sites, the UI in Chromium. The first site is shown; the top bar menu's site entry names it and opens the site
 * dialog, which lists both, and choosing the other shows its buildings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCentral, type Central } from '../integration/store/central-backend.js';
import { tempDir } from '../integration/store/district-fixture.js';
import { twoSiteDatabase } from '../integration/fleet/two-sites.js';
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
    const readUrl = await twoSiteDatabase(central, tmp);
    serve = await startServe({ extraArgs: ['--pg', readUrl], startTimeoutMs: 110_000 });
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
