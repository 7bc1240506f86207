/**
 * The layout a facility manager sees from 1366x768 to 2560x1440 (issue #17): the dashboard docks beside the 3D
 * scene and never covers it, a click on a building lands on the canvas and selects it, the top bar keeps one row,
 * the panel shows heat and the fuel behind it (the demo's school has a boiler heat meter) in a table and a chart,
 * the power chart is tall enough to read, and every time on the screen names the same period end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { startServe, waitForDemoHeatMeters, type ServeProcess } from './serve-process.js';
import { stopDemoInChromium } from './demo-in-chromium.js';
import { chooseMenuEntry } from './top-menu.js';

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

async function box(page: Page, testid: string): Promise<Box> {
  const b = await page.getByTestId(testid).boundingBox();
  if (b === null) throw new Error(`${testid} is not on screen`);
  return b;
}

describe('layout from 1366x768 to 2560x1440', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let district: DistrictView;
  let schoolId: string;

  beforeAll(async () => {
    // the real clock (speed 1): a quarter hour does not pass between two reads of the screen
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    expect(await waitForDemoHeatMeters(serve)).toBeGreaterThan(0);
    district = await callApi(serve.url, 'district.get', {});
    // the building with a heat meter that the demo names a school
    const heated = new Set(district.points.filter((p) => p.medium === 'heat').map((p) => district.devices.find((d) => d.id === p.deviceId)?.buildingId));
    const school = district.buildings.find((b) => b.use === 'school' && heated.has(b.id));
    expect(school, 'the demo has a school with a heat meter').toBeDefined();
    schoolId = school!.id;
    // its heat history is written right after the meters joined: wait until the analysis' loader holds it
    for (let until = Date.now() + 90_000; ; ) {
      const now = (await callApi(serve.url, 'status.get', {})).now;
      const s = await callApi(serve.url, 'carriers.series', { buildingId: schoolId, from: now - 86_400_000, to: now, step: 'day' });
      if (s.carriers.some((c) => c.carrier === 'heat' && c.consumptionKwh > 0)) break;
      if (Date.now() > until) throw new Error(`no heat history for ${schoolId} within 90 s: ${JSON.stringify(s.carriers.map((c) => c.carrier))}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launchChromium();
  }, 240_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  for (const size of SIZES) {
    it(`at ${size.width}x${size.height}: dock beside the scene, a click selects, heat and gas in the panel, one period end`, async () => {
      const page = browser.page;
      await page.setViewportSize(size);
      await openUi(page, `${serve.url}?lang=de`);

      // the dock and everything else beside the canvas, never over it
      const canvas = await box(page, 'district-canvas');
      expect(canvas.width).toBeGreaterThan(500);
      expect(canvas.height).toBeGreaterThan(500);
      for (const other of ['dashboard-dock', 'district-dashboard', 'legend', 'time-control', 'building-panel', 'buildings-column']) {
        const b = await box(page, other);
        expect(intersects(canvas, b), `${other} must not cover the canvas`).toBe(false);
      }

      // the top bar is one row: every control sits on the same line
      const tops = await page.evaluate(() =>
        [...document.querySelectorAll('header.topbar > *')].filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect()),
      );
      const centre = (r: { top: number; height: number }) => r.top + r.height / 2;
      expect(Math.max(...tops.map(centre)) - Math.min(...tops.map(centre))).toBeLessThan(6);
      expect((await box(page, 'status-line')).y).toBeLessThan(30);

      // a click on the school lands on the canvas and selects it
      const at = await page.evaluate((id) => (window as unknown as Hooked).__plustwin.screenPositionOf(id), schoolId);
      expect(at, 'the school is visible on the canvas').not.toBeNull();
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-testid'), at!);
      expect(hit).toBe('district-canvas');
      await page.mouse.click(at!.x, at!.y);
      await expect.poll(() => page.getByTestId('panel-title').getAttribute('data-building-id')).toBe(schoolId);

      // heat and the gas behind it: in the carriers table (from the analysis) and in the chart (carriers.series)
      const charts = () => page.evaluate(() => (window as unknown as Hooked).__plustwin.panelCharts());
      await expect.poll(async () => (await charts())?.carriers.table, { timeout: 60_000 }).toEqual(['electricity', 'heat', 'gas']);
      await expect.poll(async () => (await charts())?.carriers.chart, { timeout: 60_000 }).toEqual(['heat', 'gas']);
      expect((await charts())?.carriers.chartBuckets).toBe(24);
      expect(await page.getByTestId('panel-carrier-table').locator('tr[data-carrier="gas"]').getAttribute('data-derived')).toBe('true');
      expect(await page.getByTestId('panel-carrier-table-derived').textContent()).toMatch(/Erdgas: aus der gemessenen Wärme abgeleitet \(Wärme ÷ 0,90/);
      // the dashboard shows the district's carriers from the same analysis
      await expect.poll(() => page.getByTestId('dashboard-carrier-table').locator('tr[data-carrier]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-carrier')))).toEqual(['electricity', 'heat', 'gas']);
      expect((await box(page, 'chart-carriers')).height).toBeGreaterThanOrEqual(190);

      // the power chart has room for its plot under a one-line legend: 14 rem at least (196 px at 14 px)
      expect((await box(page, 'chart-power')).height).toBeGreaterThanOrEqual(190);

      // one period end on the time bar, the panel, the dashboard and the alarms; the last poll lies in the running
      // quarter hour after it (all on the collector's clock, hours and minutes, 24 h)
      await expect
        .poll(
          async () =>
            page.evaluate(() => {
              const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
              const end = Number(document.querySelector<HTMLElement>('[data-testid="time-label"]')?.dataset['end']);
              const hhmm = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(end);
              const last = /letzte Abfrage (\d\d):(\d\d)/.exec(text('status-line'));
              const endMin = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
              const lastMin = last ? Number(last[1]) * 60 + Number(last[2]) : NaN;
              return {
                bar: text('time-label').endsWith(hhmm),
                panel: text('panel-period').includes(`${hhmm} Uhr`) || text('panel-period').endsWith(hhmm),
                dashboard: text('dashboard-period').includes(`${hhmm} Uhr`) || text('dashboard-period').endsWith(hhmm),
                alarms: text('alarms-implausible-period').includes(`${hhmm} Uhr`),
                status: (lastMin - endMin + 1440) % 1440 < 15,
              };
            }),
          { timeout: 60_000 },
        )
        .toEqual({ bar: true, panel: true, dashboard: true, alarms: true, status: true });
      expect(browser.errors).toEqual([]);
    });
  }

  it('at 1280x720 the buildings column starts folded to a rail and opens with its button; the canvas stays clear', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openUi(page, `${serve.url}?lang=en`);
    const toggle = page.getByTestId('buildings-collapse');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-label')).toBe('Expand Buildings');
    const rail = await box(page, 'buildings-column');
    expect(rail.width).toBeLessThan(50);
    expect((await box(page, 'district-canvas')).width).toBeGreaterThan(500);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await box(page, 'buildings-column')).width).toBeGreaterThan(150);
    await page.getByTestId('building-item').first().click();
    await expect.poll(() => page.getByTestId('panel-title').count()).toBe(1);
    const canvas = await box(page, 'district-canvas');
    for (const other of ['dashboard-dock', 'time-control', 'building-panel', 'buildings-column']) expect(intersects(canvas, await box(page, other)), other).toBe(false);
    // the dock folds too, and the canvas takes its width
    const before = canvas.width;
    await page.getByTestId('dock-collapse').click();
    await expect.poll(async () => (await box(page, 'district-canvas')).width).toBeGreaterThan(before + 150);
  });

  it('at 1440x900 the top bar keeps one row; the devices dialog opens at its top with its whole table reachable', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openUi(page, `${serve.url}?lang=de`);
    const tops = await page.evaluate(() => [...document.querySelectorAll('header.topbar > *')].map((e) => e.getBoundingClientRect().top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    await chooseMenuEntry(page, 'devices-open');
    await page.getByTestId('devices-table').locator('tbody tr').first().waitFor();
    const title = await page.locator('#dev-list-title').boundingBox();
    const dialog = await box(page, 'devices-dialog');
    expect(title).not.toBeNull();
    expect(title!.y).toBeGreaterThanOrEqual(dialog.y);
    expect(title!.y).toBeLessThan(dialog.y + 60);
    // the table fits or scrolls sideways inside the dialog: its last column is never cut off unreachable
    const table = await page.getByTestId('devices-table').evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, overflow: getComputedStyle(t).overflowX }));
    expect(table.scroll <= table.client || table.overflow === 'auto').toBe(true);
  });
});
