/**
 * The district scene in real Chromium (WebGL on SwiftShader), without the core: draw calls stay flat at 10,000
 * buildings, GPU picking finds the building under a point, and closing a district gives back every GPU resource
 * (renderer.info returns to its baseline), with and without shadows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RoofLab } from '../lab/roof-lab.js';
import type { RendererFacts, SceneLab } from '../lab/scene-lab.js';
import { ensureLabBuilt, LAB_DIST } from './build-once.js';
import { launchChromium, type Browser } from './chromium.js';
import { serveFolder } from './static-server.js';

type Lab = { __sceneLab: SceneLab; __roofLab: RoofLab };
const memoryOf = (f: RendererFacts) => ({ geometries: f.geometries, textures: f.textures, programs: f.programs });

describe('district scene in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    await ensureLabBuilt();
    server = await serveFolder(LAB_DIST);
    browser = await launchChromium({ width: 1000, height: 700 });
    page = browser.page;
    await page.goto(`${server.url}scene-lab.html`);
    await page.waitForFunction(() => (window as unknown as Partial<Lab>).__sceneLab !== undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws 10,000 buildings in at most 20 draw calls and picks them on the GPU', async () => {
    const empty = await page.evaluate(() => (window as unknown as Lab).__sceneLab.create());
    const opened = await page.evaluate(() => (window as unknown as Lab).__sceneLab.open(10_000));
    expect(opened.buildings).toBe(10_000);
    expect(opened.skipped).toBe(0);
    expect(opened.facts.calls).toBeGreaterThan(empty.calls);
    expect(opened.facts.calls).toBeLessThanOrEqual(20);
    expect(opened.facts.triangles).toBeGreaterThan(10_000 * 10);

    for (const index of [0, 4_321, 9_999]) {
      const probe = await page.evaluate((i) => (window as unknown as Lab).__sceneLab.probe(i), index);
      expect(probe.at, `building ${probe.id} should be visible`).not.toBeNull();
      expect(probe.picked).toBe(probe.id);
    }
    // the canvas corner shows ground or sky: no building there
    expect(await page.evaluate(() => (window as unknown as Lab).__sceneLab.pickAt(2, 2))).toBeNull();
    await page.evaluate(() => (window as unknown as Lab).__sceneLab.destroy());
  });

  it('returns renderer.info to its baseline when a district is closed, repeatedly', async () => {
    const baseline = await page.evaluate(() => (window as unknown as Lab).__sceneLab.create());
    for (const n of [2_000, 300]) {
      const opened = await page.evaluate((k) => {
        const lab = (window as unknown as Lab).__sceneLab;
        const o = lab.open(k);
        lab.probe(0); // allocates the pick target and program
        lab.probe(1);
        return { ...o, after: lab.facts() };
      }, n);
      expect(opened.after.geometries).toBeGreaterThan(baseline.geometries);
      expect(opened.after.programs).toBeGreaterThan(baseline.programs);
      expect(opened.after.textures).toBeGreaterThan(baseline.textures);
      const closed = await page.evaluate(() => (window as unknown as Lab).__sceneLab.close());
      expect(memoryOf(closed)).toEqual(memoryOf(baseline));
    }
    const destroyed = await page.evaluate(() => (window as unknown as Lab).__sceneLab.destroy());
    expect(memoryOf(destroyed)).toEqual({ geometries: 0, textures: 0, programs: 0 });
  });

  it('returns renderer.info to its baseline with modelled roofs and the PV panel mesh, repeatedly', async () => {
    // the roof lab has its own renderer: its baseline is its own
    const baseline = await page.evaluate(() => (window as unknown as Lab).__roofLab.create());
    for (const n of [2_000, 300]) {
      const opened = await page.evaluate((k) => (window as unknown as Lab).__roofLab.openSynthetic(k, 3, 4), n);
      expect(opened.withPanels).toBe(n / 4);
      // the silhouette's render target is freed at once
      expect(await page.evaluate(() => (window as unknown as Lab).__roofLab.silhouetteColumns('syn-0', 270, 5))).toBeGreaterThan(10);
      // buildings, ground and one panel mesh
      expect(opened.facts.geometries).toBe(baseline.geometries + 3);
      const closed = await page.evaluate(() => (window as unknown as Lab).__roofLab.close());
      expect(memoryOf(closed)).toEqual(memoryOf(baseline));
    }
    const destroyed = await page.evaluate(() => (window as unknown as Lab).__roofLab.destroy());
    expect({ geometries: destroyed.geometries, textures: destroyed.textures }).toEqual({ geometries: 0, textures: 0 });
  });

  it('frees the shadow map too when shadows are on; only the renderer\'s own depth program stays', async () => {
    const baseline = await page.evaluate(() => (window as unknown as Lab).__sceneLab.create({ shadows: true }));
    const cycles: RendererFacts[] = [];
    for (let i = 0; i < 2; i++) {
      const opened = await page.evaluate(() => {
        const lab = (window as unknown as Lab).__sceneLab;
        const o = lab.open(1_000);
        lab.probe(10);
        return o;
      });
      expect(opened.facts.calls).toBeLessThanOrEqual(20);
      cycles.push(await page.evaluate(() => (window as unknown as Lab).__sceneLab.close()));
    }
    for (const closed of cycles) {
      expect(closed.geometries).toBe(baseline.geometries);
      expect(closed.textures).toBe(baseline.textures);
    }
    // WebGLShadowMap keeps one MeshDepthMaterial for all shadow casters for the renderer's lifetime (three.js
    // has no API to free it); it is compiled once and must not grow with further districts
    expect(cycles[0]!.programs).toBeLessThanOrEqual(baseline.programs + 1);
    expect(cycles[1]!.programs).toBe(cycles[0]!.programs);
    const destroyed = await page.evaluate(() => (window as unknown as Lab).__sceneLab.destroy());
    expect({ geometries: destroyed.geometries, textures: destroyed.textures }).toEqual({ geometries: 0, textures: 0 });
    expect(browser.errors).toEqual([]);
  });
});
