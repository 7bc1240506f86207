/**
 * Every dialog of the app, step by step, in Chromium at 1366x768 against serve mode: at each step only that step's
 * fields and buttons are visible, and what is visible can be clicked. The `hidden` attribute must win over the
 * dialogs' flex rows (the "first meter" wizard once showed all three steps at once, with "Add" clickable in step 1;
 * the add-device dialog kept the Modbus profile and role for OPC UA). Then a device that joins after the page opened
 * (added here through the API, as the demo's OPC UA meters join late) shows in its building's panel without a reload,
 * and "current power" is shown only while the time bar is live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { HTTP_CALL_PATH } from '../../models/contract/wire.js';
import { loadProfile } from '../../drivers/modbus/index.js';
import { profileSimDevice, startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../drivers/simulators/modbus/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { openUi, type Hooked } from './open-ui.js';
import { chooseMenuEntry } from './top-menu.js';

/** Visible, enabled and not covered: Playwright's actionability checks without clicking (trial). */
async function clickable(l: Locator): Promise<boolean> {
  try {
    await l.click({ trial: true, timeout: 2_000 });
    return true;
  } catch {
    return false;
  }
}

/** Which of these test ids are visible right now, as a record for one readable assertion per step. */
async function visibility(scope: Locator | Page, ids: readonly string[]): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const id of ids) out[id] = await scope.getByTestId(id).isVisible();
  return out;
}

/** The dialog's title is inside the viewport: the dialog did not open scrolled away from its top. */
async function titleOnScreen(dialog: Locator): Promise<boolean> {
  const box = await dialog.locator('h2').first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= 768;
}

describe('dialogs honour hidden, step by step', () => {
  let serve: ServeProcess;
  let sim: ModbusTcpSimulator;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;

  beforeAll(async () => {
    const sdm630 = await loadProfile('eastron-sdm630');
    sim = await startModbusTcpSimulator({
      units: {
        // an SDM630 answers "illegal data address" outside its registers, so a SunSpec search finds nothing
        5: profileSimDevice(sdm630, () => 1, { gaps: 'exception' }),
        3: sunSpecSimDevice([{ id: 1, strings: { Mn: 'Fronius', Md: 'Symo 10.0', SN: 'FR-4711', Vr: '3.1' } }, 103], (k) => (k === '103.W' ? 7300 : 1)),
        4: sunSpecSimDevice([{ id: 1, strings: { Mn: 'SMA', Md: 'STP 8.0', SN: 'SMA-42', Vr: '1.0' } }, 103], (k) => (k === '103.W' ? 5100 : 1)),
      },
    });
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    district = await callApi(serve.url, 'district.get', {});
    browser = await launchChromium({ width: 1366, height: 768 });
    page = browser.page;
    await openUi(page, `${serve.url}?lang=en`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sim?.close();
  });

  it('first-meter wizard: one step at a time', async () => {
    await expect.poll(() => page.getByTestId('first-meter-open').isVisible()).toBe(true);
    await page.getByTestId('first-meter-open').click();
    const dialog = page.getByTestId('first-meter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await titleOnScreen(dialog)).toBe(true);
    const ids = ['first-url', 'first-profile', 'first-test', 'first-next', 'first-name', 'first-building', 'first-role', 'first-add', 'first-done', 'first-show'] as const;

    // step 1: address and test; "Next" shown but disabled until a test passed; nothing of steps 2 and 3
    expect(await visibility(dialog, ids)).toEqual({
      'first-url': true, 'first-profile': true, 'first-test': true, 'first-next': true,
      'first-name': false, 'first-building': false, 'first-role': false, 'first-add': false, 'first-done': false, 'first-show': false,
    });
    expect(await clickable(dialog.getByTestId('first-test'))).toBe(true);
    expect(await dialog.getByTestId('first-next').isDisabled()).toBe(true);
    expect(await clickable(dialog.getByTestId('first-add'))).toBe(false);
    expect(await clickable(dialog.getByTestId('first-show'))).toBe(false);

    await dialog.getByTestId('first-url').fill(`modbus-tcp://127.0.0.1:${sim.port}?unit=3`);
    await dialog.getByTestId('first-test').click();
    await expect.poll(() => dialog.getByTestId('first-next').isEnabled(), { timeout: 20_000 }).toBe(true);
    await dialog.getByTestId('first-next').click();

    // step 2: name, building, role and "Add"
    expect(await visibility(dialog, ids)).toEqual({
      'first-url': false, 'first-profile': false, 'first-test': false, 'first-next': false,
      'first-name': true, 'first-building': true, 'first-role': true, 'first-add': true, 'first-done': false, 'first-show': false,
    });
    expect(await clickable(dialog.getByTestId('first-add'))).toBe(true);
    await dialog.getByTestId('first-name').fill('PV Werkstatt');
    await dialog.getByTestId('first-building').selectOption(district.buildings[0]!.id);
    await dialog.getByTestId('first-add').click();

    // step 3: the result and "Show on the map" only
    await expect.poll(() => dialog.getByTestId('first-done').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await visibility(dialog, ids)).toEqual({
      'first-url': false, 'first-profile': false, 'first-test': false, 'first-next': false,
      'first-name': false, 'first-building': false, 'first-role': false, 'first-add': false, 'first-done': true, 'first-show': true,
    });
    expect(await clickable(dialog.getByTestId('first-show'))).toBe(true);
    await dialog.getByTestId('first-show').click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('device list and add-device dialog: OPC UA hides the Modbus profile and role, Modbus hides the OPC UA part', async () => {
    await chooseMenuEntry(page, 'devices-open');
    const list = page.getByTestId('devices-dialog');
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await titleOnScreen(list)).toBe(true);
    expect(await clickable(list.getByTestId('devices-add'))).toBe(true);
    expect(await clickable(list.getByTestId('devices-certs'))).toBe(true);

    await list.getByTestId('devices-add').click();
    const dialog = page.getByTestId('device-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await titleOnScreen(dialog)).toBe(true);
    const ids = ['device-protocol', 'device-url', 'device-profile', 'device-role', 'opcua-load', 'opcua-search', 'device-name', 'device-test', 'device-certs', 'device-save'] as const;

    // Modbus TCP (the default): profile and role, no OPC UA browser; the certificate button only after a certificate error
    expect(await visibility(dialog, ids)).toEqual({
      'device-protocol': true, 'device-url': true, 'device-profile': true, 'device-role': true, 'opcua-load': false, 'opcua-search': false,
      'device-name': true, 'device-test': true, 'device-certs': false, 'device-save': true,
    });
    expect(await clickable(dialog.getByTestId('device-profile'))).toBe(true);

    await dialog.getByTestId('device-protocol').selectOption('opcua');
    expect(await visibility(dialog, ids)).toEqual({
      'device-protocol': true, 'device-url': true, 'device-profile': false, 'device-role': false, 'opcua-load': true, 'opcua-search': true,
      'device-name': true, 'device-test': true, 'device-certs': false, 'device-save': true,
    });
    expect(await clickable(dialog.getByTestId('device-profile'))).toBe(false);
    expect(await clickable(dialog.getByTestId('device-role'))).toBe(false);
    expect(await clickable(dialog.getByTestId('opcua-load'))).toBe(true);

    // typing a Modbus address switches back and shows the Modbus fields again
    await dialog.getByTestId('device-url').fill('modbus-tcp://127.0.0.1:502?unit=1');
    await dialog.getByTestId('device-url').dispatchEvent('change');
    await expect.poll(() => dialog.getByTestId('device-profile').isVisible()).toBe(true);
    expect(await dialog.getByTestId('opcua-load').isVisible()).toBe(false);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await list.isVisible()).toBe(true);
  });

  it('certificate dialog: title, list and close', async () => {
    const list = page.getByTestId('devices-dialog');
    await list.getByTestId('devices-certs').click();
    const dialog = page.getByTestId('cert-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await titleOnScreen(dialog)).toBe(true);
    expect(await dialog.getByTestId('cert-list').isVisible()).toBe(true);
    const close = dialog.getByRole('button', { name: 'Close' });
    expect(await clickable(close)).toBe(true);
    await close.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
  });

  it('history import: the import button stays disabled until a good file is previewed', async () => {
    const counter = district.points.find((p) => p.role === 'import' && p.kind === 'energy-counter')!;
    await page.locator(`[data-testid="building-item"][data-building-id="${counter.buildingId}"]`).click();
    await page.getByTestId('history-open').click();
    const dialog = page.getByTestId('history-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await titleOnScreen(dialog)).toBe(true);
    expect(await visibility(dialog, ['history-point', 'history-file', 'history-import'])).toEqual({ 'history-point': true, 'history-file': true, 'history-import': true });
    expect(await dialog.getByTestId('history-import').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('a device that joins after the page opened shows in its building panel without a reload', async () => {
    const target = district.buildings[district.buildings.length - 1]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${target.id}"]`).click();
    await expect.poll(() => page.getByTestId('panel-title').textContent()).toBe(target.name);
    const meters = page.getByTestId('panel-meters');
    expect(await meters.textContent()).not.toContain('Wechselrichter spät');
    // added behind the UI's back: only the core's status events tell the page about it
    await callApi(serve.url, 'devices.add', { name: 'Wechselrichter spät', buildingId: target.id, url: `modbus-tcp://127.0.0.1:${sim.port}?unit=4`, profile: 'sunspec' });
    await expect.poll(() => meters.textContent(), { timeout: 30_000 }).toContain('Wechselrichter spät');
    expect(await page.getByTestId('panel-title').textContent()).toBe(target.name);
  });

  it("a late device's district reload keeps the building the user chose while it ran", async () => {
    const [first, second] = [district.buildings[0]!, district.buildings[1]!];
    await page.locator(`[data-testid="building-item"][data-building-id="${first.id}"]`).click();
    await expect.poll(() => page.getByTestId('panel-title').textContent()).toBe(first.name);
    const reloadsBefore = await page.evaluate(() => (window as unknown as Hooked).__plustwin.lateDeviceReloads());
    // the page's next district read is held until the user has chosen another building
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    await page.route(`**${HTTP_CALL_PATH}`, async (route) => {
      if ((route.request().postData() ?? '').includes('"district.get"')) {
        held();
        await released;
      }
      await route.continue();
    });
    try {
      await callApi(serve.url, 'devices.add', { name: 'Zähler spät', buildingId: first.id, url: `modbus-tcp://127.0.0.1:${sim.port}?unit=4`, profile: 'sunspec' });
      await holding;
      await page.locator(`[data-testid="building-item"][data-building-id="${second.id}"]`).click();
      await expect.poll(() => page.getByTestId('panel-title').textContent()).toBe(second.name);
      release();
      await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__plustwin.lateDeviceReloads()), { timeout: 30_000 }).toBeGreaterThan(reloadsBefore);
      // it used to show the building selected when the reload began
      expect(await page.getByTestId('panel-title').textContent()).toBe(second.name);
      expect(await page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(second.id);
    } finally {
      release();
      await page.unroute(`**${HTTP_CALL_PATH}`);
    }
  });

  it('"current power" shows in live mode only, and times use a 24-hour clock in English', async () => {
    const section = page.getByTestId('panel-live-section');
    expect(await section.isVisible()).toBe(true);
    await page.getByTestId('time-prev').click();
    await expect.poll(() => section.isVisible()).toBe(false);
    await page.getByTestId('time-live').click();
    await expect.poll(() => section.isVisible()).toBe(true);
    expect(await page.getByTestId('time-label').textContent()).toMatch(/\b([01]\d|2[0-3]):[0-5]\d\b/);
    expect(await page.getByTestId('status-line').textContent()).not.toMatch(/\b(AM|PM)\b/);
  });

  it('explains errors in German with the next step: no SunSpec at an SDM630, an address without a scheme', async () => {
    await openUi(page, `${serve.url}?lang=de`);
    await chooseMenuEntry(page, 'devices-open');
    await page.getByTestId('devices-add').click();
    const dialog = page.getByTestId('device-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const error = dialog.getByTestId('device-error');

    await dialog.getByTestId('device-url').fill('192.168.1.20');
    await dialog.getByTestId('device-test').click();
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toBe(
      'Die Adresse muss mit modbus-tcp://, modbus-rtu://, modbus-rtu-tcp:// oder opc.tcp:// beginnen, z. B. modbus-tcp://192.168.1.20:502?unit=1.',
    );

    // the default profile "SunSpec (auto)" against an SDM630: the registers searched (drivers/sunspec/discover.ts
    // SUNSPEC_BASES, in that order) and the profiles to choose from, among them the SDM630's
    await dialog.getByTestId('device-url').fill(`modbus-tcp://127.0.0.1:${sim.port}?unit=5`);
    await dialog.getByTestId('device-test').click();
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toMatch(/^Kein SunSpec-Gerät an den Registern 40000, 0, 50000 gefunden: wählen Sie das Profil des Zählers unter „Geräteprofil“ \(.*Eastron SDM630.*\) und testen Sie erneut\.$/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(browser.errors).toEqual([]);
  });
});
