/**
 * The time bar replays stored history in the building panel, and implausible values show as alarms. Serve mode
 * with two days of demo history; a SunSpec inverter simulated here whose lifetime counter climbs at tens of MW,
 * far beyond the 1,000 kW an interval may plausibly hold, is added as a user device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeviceListEntry, DistrictView, SeriesBucket } from '../../models/contract/index.js';
import { startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../drivers/simulators/modbus/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { openUi, type Hooked } from './open-ui.js';

const HOUR = 3600_000;

describe('replayed charts and implausible-value alarms', () => {
  let serve: ServeProcess;
  let sim: ModbusTcpSimulator;
  let browser: Browser;
  let page: Page;
  let district: DistrictView;
  let spiky: DeviceListEntry;

  beforeAll(async () => {
    const t0 = Date.now();
    sim = await startModbusTcpSimulator({
      units: {
        3: sunSpecSimDevice([{ id: 1, strings: { Mn: 'Test', Md: 'Spike', SN: 'S-1', Vr: '1' } }, 103], (k, now) =>
          k === '103.W' ? 5_000_000 : k === '103.WH' ? 1_000_000 + (now - t0) * 1000 : 1,
        ),
      },
    });
    serve = await startServe({ speed: 60, historyDays: 2, startTimeoutMs: 110_000 });
    district = await callApi(serve.url, 'district.get', {});
    const target = district.buildings[0]!;
    spiky = await callApi(serve.url, 'devices.add', {
      name: 'Wechselrichter Spitze',
      buildingId: target.id,
      url: `modbus-tcp://127.0.0.1:${sim.port}?unit=3`,
      profile: 'sunspec',
      pollIntervalMs: 1000,
    });
    browser = await launchChromium();
    page = browser.page;
    await openUi(page, `${serve.url}?lang=en`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sim?.close();
  });

  const charts = () => page.evaluate(() => (window as unknown as Hooked).__plustwin.panelCharts());
  const setSlider = (value: number) =>
    page.getByTestId('time-slider').evaluate((el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);

  it('moving the slider to another day shows that day in the building charts, as the core stores it', async () => {
    const building = district.buildings[1]!;
    await page.locator(`[data-testid="building-item"][data-building-id="${building.id}"]`).click();
    await expect.poll(async () => (await charts())?.hourly?.starts.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const today = (await charts())!;
    expect(today.buildingId).toBe(building.id);

    await page.getByTestId('time-scope').selectOption('month');
    const liveDay = Number(await page.getByTestId('time-slider').inputValue());
    // yesterday: one step back, or the last day of the previous month on the 1st
    if (liveDay > 1) await setSlider(liveDay - 1);
    else await page.getByTestId('time-prev').click();

    const yesterdayStart = today.day!.from - 24 * HOUR;
    await expect.poll(async () => (await charts())?.day?.from, { timeout: 30_000 }).toBeLessThan(today.day!.from);
    await expect.poll(async () => (await charts())?.hourly?.starts[0], { timeout: 30_000 }).toBeLessThan(today.day!.from);
    const shown = (await charts())!;
    // 24 hours on the day before (23/25 on a DST day), every bar inside it
    const day = shown.day!;
    expect(Math.abs(day.from - yesterdayStart)).toBeLessThanOrEqual(HOUR);
    expect(shown.hourly!.starts.length).toBe(Math.round((day.to - day.from) / HOUR));
    expect(shown.hourly!.starts.every((s) => s >= day.from && s < day.to)).toBe(true);
    expect(JSON.stringify(shown.hourly!.consumption)).not.toBe(JSON.stringify(today.hourly!.consumption));

    // the bars are what the core stores for that day, hour by hour
    const quarters = await callApi(serve.url, 'building.series', { buildingId: building.id, from: day.from, to: day.to, resolution: '15min' });
    const perHour = new Map<number, number>();
    for (const q of quarters.energy as SeriesBucket[]) {
      const h = Math.floor(q.start / HOUR) * HOUR;
      perHour.set(h, (perHour.get(h) ?? 0) + q.consumptionKwh);
    }
    shown.hourly!.starts.forEach((s, i) => expect(shown.hourly!.consumption[i]).toBeCloseTo(perHour.get(s) ?? Number.NaN, 6));
    // the day's bar in the month is outlined; titles and the period label name the day
    expect(shown.barsData!.starts[shown.barsData!.focusIndex]).toBe(day.from);
    const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', ...o }).format(day.from);
    expect(shown.titles.hourly).toMatch(new RegExp(`^Energy per hour on .*\\b${part({ day: 'numeric' })}\\b`));
    expect(shown.titles.hourly).toContain(part({ month: 'long' }));
    expect(shown.titles.period).toMatch(/^Period: /);
    expect(await page.getByTestId('time-label').textContent()).toMatch(/^history until/);

    // dragging through the month coalesces: far fewer calls than positions
    const before = await page.evaluate(() => (window as unknown as Hooked).__plustwin.replayCalls());
    await page.getByTestId('time-slider').evaluate((el) => {
      const input = el as HTMLInputElement;
      for (let v = 1; v <= Number(input.max); v++) {
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    const after = await page.evaluate(() => (window as unknown as Hooked).__plustwin.replayCalls());
    expect(after.day - before.day).toBeLessThanOrEqual(2);
    expect(after.analysis - before.analysis).toBeLessThanOrEqual(2);

    await page.getByTestId('time-live').click();
    await expect.poll(async () => (await charts())?.day?.from, { timeout: 30_000 }).toBeGreaterThanOrEqual(today.day!.from);
  });

  it('shows an implausible value as an alarm with building, point, time, value and limit; keyboard selects its building', async () => {
    const counter = spiky.points.find((p) => p.kind === 'energy-counter' && p.role === 'generation');
    expect(counter).toBeDefined();
    // live: the last 24 hours are searched
    await page.getByTestId('time-live').click();
    const item = page.locator(`[data-testid="alarm-implausible"][data-point-id="${counter!.id}"]`).first();
    await expect.poll(() => item.count(), { timeout: 90_000 }).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(district.buildings[0]!.name);
    expect(text).toMatch(/quarter hour from/);
    expect(text).toMatch(/average [\d,.]+ kW, limit 1,000\.0 kW/);
    // the core agrees
    const now = (await callApi(serve.url, 'status.get', {})).now;
    const stored = await callApi(serve.url, 'alarms.implausible', { from: now - 24 * HOUR, to: now + HOUR });
    expect(stored.some((i) => i.pointId === counter!.id && i.avgKw > i.limitKw)).toBe(true);

    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__plustwin.selectedId())).toBe(district.buildings[0]!.id);
    // the demo's own devices answer, so the device section stays calm
    expect(await page.getByTestId('alarms-none').count()).toBe(1);
  });
});
