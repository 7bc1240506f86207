/**
 * The notice over the scene keeps its details (issue #17): a district imported with a footprint the scene cannot
 * draw (three distinct points on one line: the importer takes it, the scene finds no area) shows "1 Gebäude ohne
 * gültigen Grundriss nicht dargestellt" over the canvas, and hovering it shows a tooltip above the canvas naming
 * the building and its problem in German; a click beside the notice still reaches the canvas.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium.js';
import { importAndServe, type ImportedDistrict } from './imported-district.js';
import { openUi } from './open-ui.js';

// a 20 m x 20 m square (0.0003° of longitude at 52.5° N is 0.0003 x 111 320 x cos 52.5° = 20.3 m) and a "building"
// whose three distinct corners lie on one line of latitude
const GEOJSON = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'gut',
      properties: { name: 'Vereinsheim', height: 6 },
      geometry: { type: 'Polygon', coordinates: [[[13.4, 52.5], [13.4003, 52.5], [13.4003, 52.50018], [13.4, 52.50018], [13.4, 52.5]]] },
    },
    {
      type: 'Feature',
      id: 'linie',
      properties: { name: 'Schuppen auf einer Linie', height: 3 },
      geometry: { type: 'Polygon', coordinates: [[[13.4006, 52.5], [13.4007, 52.5], [13.4008, 52.5], [13.4006, 52.5]]] },
    },
  ],
};

describe('the notice over the scene', () => {
  let district: ImportedDistrict;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    district = await importAndServe((dir) => {
      const file = path.join(dir, 'quartier.geojson');
      fs.writeFileSync(file, JSON.stringify(GEOJSON));
      return file;
    });
    browser = await launchChromium({ width: 1366, height: 768 });
    page = browser.page;
    await openUi(page, `${district.serve.url}?lang=de`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await district?.close();
  });

  it('shows which building is not drawn and why on hover, above the canvas', async () => {
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.locator('.notice-text').textContent()).toBe('1 Gebäude ohne gültigen Grundriss nicht dargestellt');
    const tip = page.getByTestId('notice-tip');
    expect(await tip.isHidden()).toBe(true);

    await notice.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toBe('Schuppen auf einer Linie: Grundriss hat keine Fläche (Punkte auf einer Linie oder doppelt)');
    // above the canvas: the topmost element in the middle of the tooltip is the tooltip, and it lies over the canvas
    const t = (await tip.boundingBox())!;
    const c = (await page.getByTestId('district-canvas').boundingBox())!;
    const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'), { x: t.x + t.width / 2, y: t.y + t.height / 2 });
    expect(top).toBe('notice-tip');
    expect(t.x).toBeGreaterThanOrEqual(c.x);
    expect(t.y).toBeGreaterThanOrEqual(c.y);
    expect(t.x + t.width).toBeLessThanOrEqual(c.x + c.width);
    expect(t.y + t.height).toBeLessThanOrEqual(c.y + c.height);

    // the notice is only as wide as its text: beside it the pointer reaches the canvas
    const n = (await notice.boundingBox())!;
    const beside = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-testid'), { x: n.x + n.width + 30, y: n.y + n.height / 2 });
    expect(beside).toBe('district-canvas');
    await page.mouse.move(n.x + n.width + 30, n.y + n.height / 2);
    await tip.waitFor({ state: 'hidden' });

    // the keyboard reaches it too
    await notice.focus();
    await tip.waitFor({ state: 'visible' });
    expect(await notice.getAttribute('aria-describedby')).toBe('notice-tip');
    expect(browser.errors).toEqual([]);
  }, 60_000);
});
