/**
 * PV panels in the product: serve mode with the demo district, the UI in Chromium. Buildings with a PV inverter
 * (an electricity generation point) show dark-blue panels on their roofs, the one without shows none; the
 * separate roof call answers over HTTP (the demo has no LoD2 roofs, so nothing is modelled there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { canvasPixels } from './canvas-pixels.js';
import type { Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import type { ServeProcess } from './serve-process.js';
import { startDemoInChromium, stopDemoInChromium } from './demo-in-chromium.js';


/**
 * The buildings under the panel-blue pixels of the canvas: one screenshot decoded in the page, every 3rd pixel in
 * both directions tested, and each blue one looked up in the GPU pick buffer (the panels float over their roof, so
 * the pick answers the roof's building). A count per building, so a stray pixel cannot pass as a panel.
 */
async function buildingsUnderBlue(page: Page, canvas: Locator): Promise<Map<string, number>> {
  const box = (await canvas.boundingBox())!;
  const png = await canvas.screenshot({ type: 'png' });
  const hits = await page.evaluate(
    async ([b64, left, top, cssWidth]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      // the screenshot is in device pixels, the pick in client (CSS) pixels
      const scale = img.naturalWidth / cssWidth;
      const out: string[] = [];
      for (let y = 0; y < c.height; y += 3)
        for (let x = 0; x < c.width; x += 3) {
          const i = (y * c.width + x) * 4;
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (!(b > r + 60 && b > g + 30)) continue;
          const id = (window as unknown as Hooked).__plustwin.pickAt(left + x / scale, top + y / scale);
          out.push(id ?? '(none)');
        }
      return out;
    },
    [png.toString('base64'), box.x, box.y, box.width] as const,
  );
  const count = new Map<string, number>();
  for (const id of hits) count.set(id, (count.get(id) ?? 0) + 1);
  return count;
}

describe('PV panels in the demo district', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    ({ serve, district, browser, page } = await startDemoInChromium());
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  it('answers district.roofShapes over HTTP: no modelled roofs in the demo', async () => {
    expect(await callApi(serve.url, 'district.roofShapes', {})).toEqual([]);
  });

  it('draws dark-blue panels on the roofs of buildings with PV and none on the others', async () => {
    const generating = new Set(
      district.points.filter((p) => p.role === 'generation' && p.medium === 'electricity').map((p) => p.buildingId),
    );
    const withPv = district.buildings.filter((b) => generating.has(b.id));
    const without = district.buildings.filter((b) => !generating.has(b.id));
    expect(withPv.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);

    const canvas = page.getByTestId('district-canvas');
    // the buildings a click can hit, i.e. visible on the canvas (not under a box beside or over it)
    const visible = await page.evaluate(
      (ids) =>
        ids.filter((id) => {
          const at = (window as unknown as Hooked).__plustwin.screenPositionOf(id);
          const hit = at ? document.elementFromPoint(at.x, at.y) : null;
          return hit?.getAttribute('data-testid') === 'district-canvas';
        }),
      district.buildings.map((b) => b.id),
    );
    const seenWithPv = visible.filter((id) => generating.has(id));
    expect(seenWithPv.length).toBeGreaterThan(0);
    const under = await buildingsUnderBlue(page, canvas);
    // every visible PV building shows panels (at least 5 sampled pixels, i.e. about 45 pixels: a house far off), and no
    // building without PV has any blue on it
    for (const id of seenWithPv) expect(under.get(id) ?? 0, `${id}: panel pixels`).toBeGreaterThanOrEqual(5);
    for (const b of without) expect(under.get(b.id) ?? 0, `${b.id} has no PV: no panel pixels`).toBe(0);
    // and the panels are a visible part of the picture, not a few stray pixels
    expect((await canvasPixels(page, canvas)).bluePixels).toBeGreaterThan(seenWithPv.length * 200);
    expect(browser.errors).toEqual([]);
  });
});
