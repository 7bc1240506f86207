/**
 * The whole path of a LoD2 roof: `plustwin import` of the FZK-Haus into a district file, `plustwin serve` on it
 * (no demo), the UI in Chromium. The UI loads the roofs with 'district.roofShapes' after the district and draws
 * them: seen from its gable end the house's outline rises to the ridge in the middle; seen along its long side the
 * top is straight (the ridge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { importAndServe, type ImportedDistrict } from './imported-district.js';
import type { ServeProcess } from './serve-process.js';
import { FZK_HAUS_GML as FZK } from '../fixtures/data/fixture-files.js';

const FZK_ID = 'UUID_d281adfc-4901-0f52-540b-4cc1a9325f82';

type Outline = { readonly bottoms: readonly number[]; readonly tops: readonly number[] };

/** Outline height in the middle over the height 4 % inside its left and right ends. */
function middleOverEdges(o: Outline): number {
  const columns = o.tops.map((t, x) => (t >= 0 ? x : -1)).filter((x) => x >= 0);
  const left = columns[0]!;
  const right = columns[columns.length - 1]!;
  const inset = Math.round((right - left) * 0.04);
  const h = (x: number): number => o.tops[x]! - o.bottoms[x]! + 1;
  return h(Math.round((left + right) / 2)) / ((h(left + inset) + h(right - inset)) / 2);
}

describe('an imported LoD2 building in the UI', () => {
  let district: ImportedDistrict;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    district = await importAndServe(FZK);
    expect(district.summary).toMatchObject({ buildings: 1, roofSurfaces: 2 });
    serve = district.serve;
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=en`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await district?.close();
  });

  it('serves the roof rings and draws the gable from them', async () => {
    const shapes = await callApi(serve.url, 'district.roofShapes', {});
    expect(shapes.map((s) => [s.buildingId, s.rings.length])).toEqual([[FZK_ID, 2]]);

    await expect.poll(() => page.evaluate((id) => (window as unknown as Hooked).__plustwin.modelledRoof(id), FZK_ID)).toBe(true);
    const gableEnd = await page.evaluate((id) => (window as unknown as Hooked).__plustwin.silhouette(id, 270, 5), FZK_ID);
    const longSide = await page.evaluate((id) => (window as unknown as Hooked).__plustwin.silhouette(id, 180, 5), FZK_ID);
    expect(gableEnd).not.toBeNull();
    expect(longSide).not.toBeNull();
    // ridge 6.52 m over 3.63 m + 0.4 m x tan 30° near the walls
    expect(middleOverEdges(gableEnd!)).toBeGreaterThan(1.5);
    expect(middleOverEdges(gableEnd!)).toBeLessThan(1.85);
    expect(middleOverEdges(longSide!)).toBeGreaterThan(0.9);
    expect(middleOverEdges(longSide!)).toBeLessThan(1.15);
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.error)).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
