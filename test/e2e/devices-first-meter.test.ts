/**
 * The guided "add your first meter" flow in Chromium against serve mode: the demo district opens at once, the user
 * enters the address of a SunSpec inverter (a simulator started here), tests the connection, assigns it to a
 * building and a role, and the building then shows the new meter on the map and in its panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../drivers/simulators/modbus/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { openUi, type Hooked } from './open-ui.js';
import { chooseMenuEntry } from './top-menu.js';


describe('guided "add your first meter" flow', () => {
  let serve: ServeProcess;
  let sim: ModbusTcpSimulator;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    sim = await startModbusTcpSimulator({
      units: { 3: sunSpecSimDevice([{ id: 1, strings: { Mn: 'Fronius', Md: 'Symo 10.0', SN: 'FR-4711', Vr: '3.1' } }, 103], (k) => (k === '103.W' ? 7300 : 1)) },
    });
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    district = await callApi(serve.url, 'district.get', {});
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=en`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sim?.close();
  });

  it('opens the demo district at once and offers the guided flow', async () => {
    expect(district.buildings.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('first-meter-open').isVisible()).toBe(true);
    expect(await page.getByTestId('first-meter-open').textContent()).toBe('Add your first meter');
  });

  it('probes, assigns to a building and shows the meter on the map', async () => {
    const target = district.buildings[district.buildings.length - 1]!;
    const before = district.devices.filter((d) => d.buildingId === target.id).length;
    await page.getByTestId('first-meter-open').click();
    const dialog = page.getByTestId('first-meter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // keyboard: the address field has the focus as the dialog opens
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('first-url');

    // a dead address: a clear error, and the flow does not go on
    await page.keyboard.type('modbus-tcp://127.0.0.1:1?unit=3');
    await page.getByTestId('first-test').click();
    await expect.poll(() => page.getByTestId('first-error').textContent(), { timeout: 20_000 }).not.toBe('');
    expect(await page.getByTestId('first-next').isDisabled()).toBe(true);

    await page.getByTestId('first-url').fill(`modbus-tcp://127.0.0.1:${sim.port}?unit=3`);
    await page.getByTestId('first-test').click();
    const probe = page.getByTestId('probe-result');
    await expect.poll(() => probe.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await probe.textContent()).toContain('Fronius');
    expect(await page.getByTestId('first-error').textContent()).toBe('');
    await page.getByTestId('first-next').click();

    expect(await page.getByTestId('first-name').inputValue()).toBe('Fronius Symo 10.0');
    await page.getByTestId('first-name').fill('PV Dach Süd');
    await page.getByTestId('first-building').selectOption(target.id);
    await page.getByTestId('first-role').selectOption('generation');
    await page.getByTestId('first-add').click();
    const done = page.getByTestId('first-done');
    await expect.poll(() => done.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await done.textContent()).toContain(target.name);
    await page.getByTestId('first-show').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // the building is selected on the map and its panel lists the new meter
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(target.id);
    expect(await page.getByTestId('panel-title').textContent()).toBe(target.name);
    const meters = page.getByTestId('panel-meters').locator('li');
    await expect.poll(() => meters.count()).toBe(before + 1);
    expect(await page.getByTestId('panel-meters').textContent()).toContain('PV Dach Süd');

    // the core stored it and polls it; the first-meter button goes away
    const list = await callApi(serve.url, 'devices.list', {});
    const added = list.find((e) => e.device.name === 'PV Dach Süd');
    expect(added).toMatchObject({ demo: false, device: { buildingId: target.id, profile: 'sunspec' } });
    await expect.poll(() => page.getByTestId('first-meter-open').isVisible()).toBe(false);
  });

  it('lists the device with its health in the device list', async () => {
    await chooseMenuEntry(page, 'devices-open');
    const row = page.locator('[data-testid="devices-table"] tr', { hasText: 'PV Dach Süd' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId('device-state').textContent(), { timeout: 30_000 }).toBe('online');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('devices-dialog').count()).toBe(0);
  });
});
