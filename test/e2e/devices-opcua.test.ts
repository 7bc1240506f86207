/**
 * Adding an OPC UA device in Chromium: the server's unknown certificate is shown (subject, thumbprint, validity)
 * and trusted only by the user's click; then the tree browser's search finds a variable, the user picks it with
 * medium, role and kind, and the device is saved with the unit the server publishes.
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { startBuildingAutomationSimulator, type BuildingAutomationSimulator } from '../../drivers/simulators/opcua/building-automation-simulator.js';
import { fixtureBuildings, fixtureValues } from '../fixtures/opcua/fixture-values.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { openUi } from './open-ui.js';
import { chooseMenuEntry } from './top-menu.js';


describe('OPC UA device with certificate trust and tree browser', () => {
  let serve: ServeProcess;
  let sim: BuildingAutomationSimulator;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    sim = await startBuildingAutomationSimulator({ pkiDir: path.join(os.tmpdir(), 'plustwin-e2e-devices-sim-pki'), buildings: fixtureBuildings, values: fixtureValues });
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    district = await callApi(serve.url, 'district.get', {});
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=de`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sim?.close();
  });

  it('trusts the server certificate only on request, then browses, picks and saves', async () => {
    await chooseMenuEntry(page, 'devices-open');
    await page.getByTestId('devices-add').click();
    const dialog = page.getByTestId('device-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByTestId('device-protocol').selectOption('opcua');
    await page.getByTestId('device-url').fill(sim.endpointUrl);
    await dialog.getByLabel('Sicherheit').selectOption('SignAndEncrypt:Basic256Sha256');
    await page.getByTestId('device-test').click();
    await expect.poll(() => page.getByTestId('device-error').textContent(), { timeout: 30_000 }).toMatch(/nicht vertraut|not trusted/);
    expect(await callApi(serve.url, 'opcua.certificates', {}).then((c) => c.filter((x) => x.status === 'trusted').length)).toBe(0);

    await page.getByTestId('device-certs').click();
    const certs = page.getByTestId('cert-dialog');
    await expect.poll(() => certs.isVisible()).toBe(true);
    const unknown = (await callApi(serve.url, 'opcua.certificates', {})).find((c) => c.status === 'unknown')!;
    const card = certs.locator(`[data-thumbprint="${unknown.thumbprint}"]`);
    expect(await card.textContent()).toContain(unknown.thumbprint);
    expect(await card.textContent()).toContain(unknown.validTo.slice(0, 10));
    await card.getByTestId('cert-trust').click();
    await expect.poll(() => card.textContent()).toContain('Vertraut');
    await certs.getByRole('button', { name: 'Schließen' }).click();

    await page.getByTestId('device-test').click();
    await expect.poll(() => page.getByTestId('probe-result').isVisible(), { timeout: 30_000 }).toBe(true);

    await page.getByTestId('opcua-search').fill('HeatEnergy');
    await page.getByTestId('opcua-search').press('Enter');
    const node = page.locator(`[data-testid="opcua-tree"] li[data-node-id="${sim.nodeId('school-1', 'H1', 'HeatEnergy')}"]`);
    await expect.poll(() => node.count(), { timeout: 30_000 }).toBe(1);
    await node.getByTestId('opcua-pick').check();
    const row = page.getByTestId('opcua-picked').locator(`[data-node-id="${sim.nodeId('school-1', 'H1', 'HeatEnergy')}"]`);
    await row.getByLabel('Medium').selectOption('heat');
    await row.getByLabel('Rolle', { exact: true }).selectOption('consumption');
    expect(await row.getByLabel('Art').inputValue()).toBe('energy-counter');

    await page.getByTestId('device-name').fill('Wärmezähler GLT');
    const target = district.buildings[0]!;
    await page.getByTestId('device-building').selectOption(target.id);
    await page.getByTestId('device-save').click();
    await expect
      .poll(async () => ((await dialog.count()) === 0 ? 'saved' : await page.getByTestId('device-error').textContent()), { timeout: 30_000 })
      .toBe('saved');

    const list = await callApi(serve.url, 'devices.list', {});
    const added = list.find((e) => e.device.name === 'Wärmezähler GLT');
    expect(added?.points).toHaveLength(1);
    expect(added?.points[0]).toMatchObject({ unit: 'kWh', medium: 'heat', role: 'consumption', kind: 'energy-counter', buildingId: target.id });
    const tableRow = page.locator('[data-testid="devices-table"] tr', { hasText: 'Wärmezähler GLT' });
    await expect.poll(() => tableRow.count()).toBe(1);
  });
});
