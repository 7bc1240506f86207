/**
 * LoD2 roofs and PV panels in real Chromium (WebGL on SwiftShader), without the core: the FZK-Haus, imported by
 * the real CityGML reader, seen from its gable end shows the gable (the silhouette rises to the ridge in the
 * middle, where an extruded box is flat), and PV panels show on its south roof and nowhere else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { roofShapesOf } from '../../main/core/api/roof-shapes.js';
import { readCityGml } from '../../main/core/importers/citygml/read-citygml.js';
import type { RoofShape } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import type { OpenInput, PictureSummary, RoofLab } from '../lab/roof-lab.js';
import { ensureLabBuilt, LAB_DIST } from './build-once.js';
import { launchChromium, type Browser } from './chromium.js';
import { serveFolder } from './static-server.js';
import { FZK_HAUS_GML as FZK } from '../fixtures/data/fixture-files.js';

type Lab = { __roofLab: RoofLab };

/** Silhouette height in pixels at a column, the tallest within two columns either side. */
function heightAt(p: PictureSummary, x: number): number {
  let best = 0;
  for (let k = Math.max(0, x - 2); k <= Math.min(p.width - 1, x + 2); k++) {
    if (p.columnTops[k]! >= 0) best = Math.max(best, p.columnTops[k]! - p.columnBottoms[k]! + 1);
  }
  return best;
}

/** Height in the middle of the silhouette over the height near its left and right ends (4 % inside). */
function middleOverEdges(p: PictureSummary): number {
  const columns = p.columnTops.map((t, x) => (t >= 0 ? x : -1)).filter((x) => x >= 0);
  const left = columns[0]!;
  const right = columns[columns.length - 1]!;
  const inset = Math.round((right - left) * 0.04);
  const edges = (heightAt(p, left + inset) + heightAt(p, right - inset)) / 2;
  return heightAt(p, Math.round((left + right) / 2)) / edges;
}

describe('LoD2 roofs and PV panels in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let page: Page;
  let fzk: { origin: { lat: number; lon: number }; buildings: Building[]; roofShapes: RoofShape[] };

  const open = (input: OpenInput) => page.evaluate((i) => (window as unknown as Lab).__roofLab.open(i), input);
  const look = (az: number, el: number, distance: number, targetY: number) =>
    page.evaluate(([a, e, d, y]) => (window as unknown as Lab).__roofLab.look(a, e, d, y), [az, el, distance, targetY] as const);
  const picture = () => page.evaluate(() => (window as unknown as Lab).__roofLab.picture());

  beforeAll(async () => {
    const [imported] = await Promise.all([readCityGml(FZK), ensureLabBuilt()]);
    const b = imported.bounds!;
    fzk = {
      origin: { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 },
      buildings: imported.buildings,
      roofShapes: roofShapesOf(imported.roofs),
    };
    server = await serveFolder(LAB_DIST);
    browser = await launchChromium({ width: 1000, height: 700 });
    page = browser.page;
    await page.goto(`${server.url}scene-lab.html`);
    await page.waitForFunction(() => (window as unknown as Partial<Lab>).__roofLab !== undefined);
    await page.evaluate(() => (window as unknown as Lab).__roofLab.create());
  });

  afterAll(async () => {
    await page?.evaluate(() => (window as unknown as Lab).__roofLab.destroy()).catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('draws the FZK-Haus gable: seen from the west the silhouette rises to the ridge, an extruded box does not', async () => {
    expect(fzk.roofShapes).toHaveLength(1);
    const heights = fzk.roofShapes[0]!.rings.flat().map((p) => p[2]);
    const ridgeOverEaves = Math.max(...heights) / Math.min(...heights);
    expect(ridgeOverEaves).toBeCloseTo(6.52 / 3.63, 2);

    // the roofs come after the district, as in the app
    const opened = await open({ ...fzk, roofsLater: true });
    expect(opened.slots).toEqual([{ id: fzk.buildings[0]!.id, modelledRoof: true, panelAreaM2: 0 }]);
    await look(270, 0, 30, 3.2);
    const gable = await picture();
    expect(gable.buildingPixels).toBeGreaterThan(5_000);
    // 4 % inside the 10 m wide gable wall the roof is at 3.63 m + 0.4 m x tan 30°; the ridge at 6.52 m
    const ratio = middleOverEdges(gable);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(1.85);

    const extruded = await open({ origin: fzk.origin, buildings: fzk.buildings });
    expect(extruded.slots[0]!.modelledRoof).toBe(false);
    await look(270, 0, 30, 3.2);
    const box = await picture();
    expect(middleOverEdges(box)).toBeGreaterThan(0.95);
    expect(middleOverEdges(box)).toBeLessThan(1.05);
  });

  it('draws PV panels on the south roof of a building with PV, in the panel colour, and none without PV', async () => {
    const id = fzk.buildings[0]!.id;
    const roofArea = 12 * Math.hypot(5, 6.52 - 3.63);
    const withPv = await open({ ...fzk, pv: [[id, null]] });
    // without a kWp the panels cover 60 % of the south face
    expect(withPv.slots[0]!.panelAreaM2).toBeCloseTo(0.6 * roofArea, 0);
    await look(180, 35, 35, 2);
    const south = await picture();
    expect(south.panelPixels).toBeGreaterThan(2_000);
    // from the north, low, the south face is behind the ridge
    await look(0, 12, 35, 2);
    expect((await picture()).panelPixels).toBe(0);

    // 4 kWp at 5.5 m² per kWp
    const sized = await open({ ...fzk, pv: [[id, 4]] });
    expect(sized.slots[0]!.panelAreaM2).toBeCloseTo(22, 0);
    await look(180, 35, 35, 2);
    const smaller = await picture();
    expect(smaller.panelPixels).toBeGreaterThan(500);
    expect(smaller.panelPixels).toBeLessThan(south.panelPixels * 0.75);

    await open(fzk);
    await look(180, 35, 35, 2);
    const none = await picture();
    expect(none.panelPixels).toBe(0);
    expect(none.buildingPixels).toBeGreaterThan(5_000);

    // an inverter added later: panels appear, the building keeps its colour
    expect(await page.evaluate((pv) => (window as unknown as Lab).__roofLab.setPv(pv), [[id, null]] as [string, null][])).toBe(true);
    const added = await picture();
    expect(added.panelPixels).toBeGreaterThan(south.panelPixels * 0.9);
    expect(added.buildingPixels).toBeGreaterThan(5_000);
  });

  it('keeps 10,000 buildings with gable roofs and panels within 21 draw calls', async () => {
    const opened = await page.evaluate(() => (window as unknown as Lab).__roofLab.openSynthetic(10_000, 3, 4));
    expect(opened.slots).toBe(10_000);
    // the synthetic district has 30 % L-shapes, which keep flat roofs
    expect(opened.modelled).toBeGreaterThan(2_000);
    expect(opened.withPanels).toBe(2_500);
    expect(opened.facts.calls).toBeLessThanOrEqual(21);
    expect(browser.errors).toEqual([]);
  });
});
