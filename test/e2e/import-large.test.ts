/**
 * A large district through the product's own path: a generated GeoJSON of 10,000 footprints imported with
 * `plustwin import`, served with `plustwin serve --no-demo`, opened in Chromium. Every building reaches the scene
 * and the list, the canvas shows them (pixels), the frame stays within 20 draw calls, and a click picks one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { geoJson } from '../fixtures/importers/generate-geojson.js';
import { callApi } from './api-direct.js';
import { canvasPixels } from './canvas-pixels.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { importAndServe, type ImportedDistrict } from './imported-district.js';
import type { ServeProcess } from './serve-process.js';

const COUNT = 10_000;

describe('10,000 imported buildings in the UI', () => {
  let district: ImportedDistrict;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    district = await importAndServe((dir) => {
      const file = path.join(dir, 'quartier.geojson');
      fs.writeFileSync(file, geoJson(COUNT));
      return file;
    });
    expect(district.summary).toMatchObject({ buildings: COUNT, added: COUNT, warnings: [] });
    serve = district.serve;
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=en`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await district?.close();
  });

  it('shows every building in the scene and the list, within 20 draw calls', async () => {
    expect((await callApi(serve.url, 'district.get', {})).buildings).toHaveLength(COUNT);
    const facts = await page.evaluate(() => {
      const d = (window as unknown as Hooked).__plustwin;
      return { api: d.apiBuildingCount(), scene: d.sceneBuildingCount(), calls: d.drawCalls() };
    });
    expect(facts).toMatchObject({ api: COUNT, scene: COUNT });
    expect(facts.calls).toBeLessThanOrEqual(20);
    expect(await page.getByTestId('building-item').count()).toBe(COUNT);
    // the picture: buildings spread over the view (a 40 x 30 grid of points hits many different ones: 72 here at
    // 1400 x 900; a blank scene hits none, a few drawn buildings a handful), and no colour is nearly everything
    const picked = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="district-canvas"]')!.getBoundingClientRect();
      const ids = new Set<string>();
      for (let i = 0; i < 40; i++)
        for (let j = 0; j < 30; j++) {
          const id = (window as unknown as Hooked).__plustwin.pickAt(canvas.left + ((i + 0.5) * canvas.width) / 40, canvas.top + ((j + 0.5) * canvas.height) / 30);
          if (id !== null) ids.add(id);
        }
      return ids.size;
    });
    expect(picked).toBeGreaterThan(40);
    const pixels = await canvasPixels(page, page.getByTestId('district-canvas'));
    expect(pixels.dominantShare).toBeLessThan(0.9);
  });

  it('selects the building a click on the canvas hits', async () => {
    const ids = await page.evaluate(() => (window as unknown as Hooked).__plustwin.buildingIds());
    // a building in the middle of the grid, seen from the camera that frames the district
    const target = ids[Math.floor(COUNT / 2) + 50]!;
    const at = await page.evaluate((id) => (window as unknown as Hooked).__plustwin.screenPositionOf(id), target);
    expect(at, `${target} should be visible on the canvas`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(target);
    expect(await page.getByTestId('panel-title').getAttribute('data-building-id')).toBe(target);
    expect(browser.errors).toEqual([]);
  });
});
