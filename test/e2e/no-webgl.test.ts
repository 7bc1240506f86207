/**
 * A machine without a usable GPU (remote desktop, VM, blocklisted driver): Chromium started with WebGL and every
 * 3D API switched off, so `new WebGLRenderer` would throw. The UI must still work: the district as a 2D map with a
 * notice in the user's language, and the building list, the panel and the dashboard as usual.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { CHROMIUM_PATH } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { startServe, type ServeProcess } from './serve-process.js';

let serve: ServeProcess;
let context: BrowserContext;
let page: Page;
let profile: string;
let district: DistrictView;
const errors: string[] = [];

beforeAll(async () => {
  serve = await startServe({ startTimeoutMs: 110_000 });
  district = await callApi(serve.url, 'district.get', {});
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // no SwiftShader fallback either: WebGL is simply not there
    args: ['--no-sandbox', '--disable-webgl', '--disable-3d-apis', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
}, 240_000);

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  await serve?.stop();
});

describe('the UI without WebGL', () => {
  it('really has no WebGL in this browser', async () => {
    await page.goto('about:blank');
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2') === null && document.createElement('canvas').getContext('webgl') === null)).toBe(true);
  });

  it('says why there is no 3D view, in German, and draws the district as a map', async () => {
    await openUi(page, `${serve.url}?lang=de`);
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.error)).toBeNull();
    const notice = page.getByTestId('no-webgl');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/^Keine 3D-Ansicht: Dieser Rechner stellt kein WebGL 2 bereit/);
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.sceneBuildingCount())).toBe(district.buildings.length);
    // the map has painted footprints: pixels other than the ground colour
    const painted = await page.getByTestId('district-canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const ground = [d[0], d[1], d[2]];
      let other = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] !== ground[0] || d[i + 1] !== ground[1] || d[i + 2] !== ground[2]) other++;
      return other;
    });
    expect(painted).toBeGreaterThan(1000);
  });

  it('lists every building, and a click in the list shows it in the panel', async () => {
    await expect.poll(() => page.getByTestId('building-item').count()).toBe(district.buildings.length);
    const target = district.buildings[0]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${target.id}"]`).click();
    await expect.poll(() => page.getByTestId('panel-title').textContent()).toBe(target.name);
  });

  it('selects a building clicked on the map', async () => {
    // a building not selected yet whose point on the map is not under one of the boxes floating over the view
    const choice = await page.evaluate((ids) => {
      const app = (window as unknown as Hooked).__plustwin;
      for (const id of ids) {
        const at = app.screenPositionOf(id);
        if (id !== app.selectedId() && at && document.elementFromPoint(at.x, at.y)?.getAttribute('data-testid') === 'district-canvas') return { id, at };
      }
      return null;
    }, district.buildings.map((b) => b.id));
    expect(choice, 'some building should be clickable on the map').not.toBeNull();
    const target = district.buildings.find((b) => b.id === choice!.id)!;
    await page.mouse.click(choice!.at.x, choice!.at.y);
    await expect.poll(() => page.getByTestId('panel-title').textContent()).toBe(target.name);
    expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(target.id);
  });

  it('shows the district dashboard', async () => {
    await expect.poll(() => page.getByTestId('dashboard-status').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('district-dashboard').locator('dd').count()).toBe(6);
  });

  it('says it in English too, and logs no error', async () => {
    await openUi(page, `${serve.url}?lang=en`);
    expect(await page.getByTestId('no-webgl').textContent()).toMatch(/^No 3D view: this computer offers no WebGL 2/);
    expect(errors).toEqual([]);
  });
});
