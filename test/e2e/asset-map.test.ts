/**
 * The asset layer on the 3D map, in Chromium against `plustwin serve`: a charge point registered over the API gets
 * its status from a Python OCPP 1.6J peer (test/fixtures/ocpp/ocpp-peer.py, no code of ours) and its pin turns
 * the colour of that status, on the canvas as the user sees it; a street light shows the level the API reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { stopDemoInChromium } from './demo-in-chromium.js';
import { freePort } from '../integration/fleet/servers.js';
import { requirePythonWebsockets, resultOf, runChargePoint } from '../integration/ocpp/charge-point-process.js';
import { chooseMenuEntry } from './top-menu.js';

type Rgb = readonly [number, number, number];

/** The colour the user sees at a client position on the canvas (a screenshot decoded in the page). */
async function colourAt(page: Page, canvas: Locator, at: { x: number; y: number }): Promise<Rgb> {
  const box = (await canvas.boundingBox())!;
  const png = await canvas.screenshot({ type: 'png' });
  return page.evaluate(
    async ([b64, x, y, cssWidth]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const scale = img.naturalWidth / cssWidth;
      const d = ctx.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as const;
    },
    [png.toString('base64'), at.x - box.x, at.y - box.y, box.width] as const,
  );
}

describe('charge points and street lights on the 3D map', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let ocppUrl: string;

  beforeAll(async () => {
    requirePythonWebsockets();
    // the wall clock (speed 1): a charge point is offline only after two heartbeats of real silence
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    const district: DistrictView = await callApi(serve.url, 'district.get', {});
    const port = await freePort();
    await callApi(serve.url, 'ocpp.setSettings', { enabled: true, host: '127.0.0.1', port, allowUnknown: false, unknownBuildingId: null, heartbeatS: 300 });
    ocppUrl = `ws://127.0.0.1:${port}/ocpp/`;
    // 30 m south of the district's southernmost corner, so no building hides the pin
    const corners = district.buildings.flatMap((b) => b.footprint);
    const south = Math.min(...corners.map((c) => c[1]));
    const lon = corners.reduce((a, c) => a + c[0], 0) / corners.length;
    await callApi(serve.url, 'ocpp.saveChargePoint', { id: 'CP-E2E', buildingId: district.buildings[0]!.id, position: { lon, lat: south - 0.00027 } });
    await callApi(serve.url, 'lights.import', { fileName: 'lights.csv', text: `id,lon,lat,power_w,led,schedule\nL-E2E,${lon},${south - 0.0004},60,yes,100@22:00 50@05:00 100\n` });
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  const markerState = () => page.evaluate(() => (window as unknown as Hooked).__plustwin.assetMarkers().find((m) => m.id === 'CP-E2E') ?? null);

  it('turns the pin blue when the Python peer reports Charging and red when it reports Faulted', async () => {
    const t1 = new Date().toISOString();
    const lines = await runChargePoint(ocppUrl, 'CP-E2E', [
      ['BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Python' }],
      ['StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: t1 }],
    ]);
    expect(resultOf(lines, 'BootNotification')['status']).toBe('Accepted');
    await page.waitForFunction(() => (window as unknown as Hooked).__plustwin.assetMarkers().some((m) => m.id === 'CP-E2E' && m.state === 'charging'), null, { timeout: 30_000 });
    expect(await markerState()).toMatchObject({ state: 'charging', color: '#1f6fe0' });
    const canvas = page.locator('canvas').first();
    const at = await page.evaluate(() => (window as unknown as Hooked).__plustwin.assetScreenPositionOf('CP-E2E'));
    expect(at).not.toBeNull();
    const [r, g, b] = await colourAt(page, canvas, at!);
    // lit by the scene's lights the blue is shaded, but blue clearly leads
    expect(b).toBeGreaterThan(r + 60);
    expect(b).toBeGreaterThan(g + 20);
    await expect(page.getByTestId('asset-state-charging').textContent()).resolves.toBe('lädt (1)');

    const t2 = new Date(Date.now() + 1000).toISOString();
    await runChargePoint(ocppUrl, 'CP-E2E', [['StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted', timestamp: t2 }]]);
    await page.waitForFunction(() => (window as unknown as Hooked).__plustwin.assetMarkers().some((m) => m.id === 'CP-E2E' && m.state === 'faulted'), null, { timeout: 30_000 });
    expect(await markerState()).toMatchObject({ state: 'faulted', color: '#d62728' });
    const at2 = await page.evaluate(() => (window as unknown as Hooked).__plustwin.assetScreenPositionOf('CP-E2E'));
    const [r2, g2, b2] = await colourAt(page, canvas, at2!);
    expect(r2).toBeGreaterThan(g2 + 60);
    expect(r2).toBeGreaterThan(b2 + 60);
  }, 120_000);

  it('shows the street light at the level the API reports for the time shown', async () => {
    const map = await callApi(serve.url, 'assets.map', { at: Date.now() });
    const expected = map.lights.find((l) => l.id === 'L-E2E')!.percent;
    await page.waitForFunction(() => (window as unknown as Hooked).__plustwin.lightLevel('L-E2E') !== null, null, { timeout: 30_000 });
    const shown = await page.evaluate(() => (window as unknown as Hooked).__plustwin.lightLevel('L-E2E'));
    // both asked for "now" within seconds; the level changes at most at dusk, 22:00, 05:00 and dawn
    expect(shown).toBe(expected);
  }, 60_000);

  it('registers a charge point with a password and names a bad inventory line in German, in the dialog', async () => {
    await chooseMenuEntry(page, 'assets-open');
    const dialog = page.getByTestId('assets-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByTestId('cp-id').fill('CP-UI');
    await dialog.getByTestId('cp-building').selectOption({ index: 1 });
    await dialog.getByTestId('cp-password').fill('ein-langes-passwort-1');
    await dialog.getByTestId('cp-save').click();
    await expect.poll(() => dialog.getByTestId('assets-info').textContent(), { timeout: 20_000 }).toBe('Ladepunkt CP-UI gespeichert.');
    const cps = await callApi(serve.url, 'ocpp.chargePoints', {});
    expect(cps.find((c) => c.id === 'CP-UI')).toMatchObject({ hasPassword: true });
    // the password field is emptied and the list shows "Passwort gesetzt", never the password
    expect(await dialog.getByTestId('cp-password').inputValue()).toBe('');
    await expect.poll(() => dialog.locator('[data-cp="CP-UI"]').textContent()).toContain('Passwort gesetzt');

    const before = await callApi(serve.url, 'lights.list', {});
    await dialog.getByTestId('lights-file').setInputFiles({ name: 'leuchten.csv', mimeType: 'text/csv', buffer: Buffer.from('id;lon;lat;power_w;led;schedule\nX1;7,1;51,5;-5;ja;\n') });
    await expect.poll(() => dialog.getByTestId('assets-message').textContent(), { timeout: 20_000 }).toContain('leuchten.csv: Zeile 2: power_w muss über 0 liegen');
    expect(await callApi(serve.url, 'lights.list', {})).toEqual(before);
  }, 60_000);
});
