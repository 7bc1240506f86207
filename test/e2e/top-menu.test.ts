/**
 * The top bar's one menu and the scene's framing (issue #17), serve mode with the demo district in Chromium:
 * at 1280x720, 1366x768, 1440x900 and 1920x1080, in German and English, the top bar keeps one row without scrolling,
 * the menu opens with every entry inside the window and each entry opens its dialog; the menu works from the
 * keyboard (WAI-ARIA menu button) and closes on a click outside; the district stays in the canvas when the window
 * or the dock changes the canvas' size, and an orbit the user made is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium.js';
import { openUi, type Hooked } from './open-ui.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { stopDemoInChromium } from './demo-in-chromium.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Every entry of the menu and the dialog it opens, in the menu's order (devices, assets, files, planning). */
const ENTRIES = [
  ['devices-open', 'devices-dialog'],
  ['assets-open', 'assets-dialog'],
  ['tools-export', 'export-dialog'],
  ['tools-import', 'import-dialog'],
  ['tools-scenarios', 'scenario-dialog'],
  ['tools-co2', 'co2-dialog'],
  ['planning-open', 'planning-dialog'],
] as const;

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const closeDialogs = (page: Page) => page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()));

describe('the top bar menu and the scene framing', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe({ speed: 1, startTimeoutMs: 110_000 });
    browser = await launchChromium({ width: 1920, height: 1080 });
    page = browser.page;
  }, 180_000);

  afterAll(() => stopDemoInChromium(browser, serve));

  for (const lang of ['de', 'en'] as const) {
    it(`in ${lang}: one row without scrolling at every size, and every menu entry in the window opens its dialog`, async () => {
      await page.setViewportSize(SIZES[0]);
      await openUi(page, `${serve.url}?lang=${lang}`);
      // the demo district has no meter of the user's own: the first-meter button is in the bar, the widest case
      await expect.poll(() => page.getByTestId('first-meter-open').isVisible()).toBe(true);
      const menuLabel = lang === 'de' ? 'Menü' : 'Menu';
      expect(await page.getByTestId('menu-open').textContent()).toContain(menuLabel);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const bar = await page.evaluate(() => {
          const el = document.querySelector<HTMLElement>('header.topbar')!;
          const kids = [...el.children].filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect());
          const mids = kids.map((r) => r.top + r.height / 2);
          return {
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
            height: el.getBoundingClientRect().height,
            spread: Math.max(...mids) - Math.min(...mids),
            buttons: [...el.querySelectorAll('button, summary')].filter((b) => b.getClientRects().length > 0).length,
            tallest: Math.max(...kids.map((r) => r.height)),
          };
        });
        const where = `${lang} ${size.width}x${size.height}`;
        expect(bar.scrollWidth, `${where}: the top bar must not scroll`).toBeLessThanOrEqual(bar.clientWidth);
        // one row: every child's middle on one line, and the bar no taller than one row plus its padding (2 x 0.45 rem)
        expect(bar.spread, `${where}: a top bar element wrapped`).toBeLessThan(4);
        expect(bar.height, `${where}: the top bar is taller than one row`).toBeLessThan(bar.tallest + 16);
        // the first-meter button and the menu button, nothing else
        expect(bar.buttons, where).toBe(2);

        for (const [entry, dialog] of ENTRIES) {
          await page.getByTestId('menu-open').click();
          const item = page.getByTestId(entry);
          await item.waitFor({ state: 'visible' });
          const b = (await item.boundingBox())!;
          expect(b.x, `${where} ${entry}`).toBeGreaterThanOrEqual(0);
          expect(b.y, `${where} ${entry}`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, `${where} ${entry}`).toBeLessThanOrEqual(size.width);
          expect(b.y + b.height, `${where} ${entry}`).toBeLessThanOrEqual(size.height);
          // nothing covers the entry: a click there lands on it
          const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-testid'), { x: b.x + b.width / 2, y: b.y + b.height / 2 });
          expect(hit, `${where} ${entry}`).toBe(entry);
          await item.click();
          expect(await page.getByTestId('menu-list').isHidden(), `${where}: choosing ${entry} closes the menu`).toBe(true);
          await page.getByTestId(dialog).waitFor({ state: 'visible', timeout: 60_000 });
          await closeDialogs(page);
          await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
        }
      }
      // the groups in their order, titled in the UI's language
      await page.getByTestId('menu-open').click();
      const titles = await page.locator('.top-menu-group-title').allTextContents();
      expect(titles).toEqual(lang === 'de' ? ['Geräte', 'Anlagen im Quartier', 'Auswertung & Dateien', 'Planung'] : ['Devices', 'District assets', 'Analysis & files', 'Planning']);
      await page.keyboard.press('Escape');
      expect(browser.errors).toEqual([]);
    }, 300_000);
  }

  it('works from the keyboard, closes on a click outside and gives focus back to its button', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openUi(page, `${serve.url}?lang=de`);
    const list = page.getByTestId('menu-list');
    const button = page.getByTestId('menu-open');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await list.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('devices-open');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('assets-open');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('planning-open');
    await page.keyboard.press('ArrowDown'); // wraps round
    expect(await focused(page)).toBe('devices-open');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('planning-open');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('devices-open');
    await page.keyboard.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await focused(page)).toBe('menu-open');

    // Space opens too; ↑ on the button opens on the last entry
    await page.keyboard.press('Space');
    expect(await focused(page)).toBe('devices-open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('planning-open');

    // Enter on an entry opens its dialog; closing the dialog gives focus back to the menu button
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('tools-scenarios');
    await page.keyboard.press('Enter');
    await page.getByTestId('scenario-dialog').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await list.isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await focused(page)).toBe('menu-open');

    // a click outside (on the building list) closes the menu and does what it was meant to
    await button.click();
    expect(await list.isVisible()).toBe(true);
    await page.getByTestId('building-list').locator('button').first().click();
    expect(await list.isHidden()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(browser.errors).toEqual([]);
  }, 120_000);

  it('keeps the whole district in the canvas when the window or the dock resizes it, and keeps an orbit the user made', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openUi(page, `${serve.url}?lang=de`);
    /**
     * Waits until the district's projected box lies inside the canvas and fills it as the first view does (the fit
     * puts the farthest corner at 90 % of the way to the edge, so the box spans well over half the canvas in its
     * tighter direction): not cut off when the canvas narrows, not lost in the middle when it widens.
     */
    const framed = async (why: string) => {
      // the ResizeObserver re-frames before the next paint: poll until the box reports the new canvas
      await expect
        .poll(
          async () => {
            const d = await page.evaluate(() => (window as unknown as Hooked).__plustwin.districtBox());
            if (!d) return 'no 3D scene';
            const { box, canvas } = d;
            const inCanvas = box.left >= canvas.left - 0.5 && box.right <= canvas.right + 0.5 && box.top >= canvas.top - 0.5 && box.bottom <= canvas.bottom + 0.5;
            const fill = Math.max((box.right - box.left) / (canvas.right - canvas.left), (box.bottom - box.top) / (canvas.bottom - canvas.top));
            return inCanvas && fill > 0.6 ? 'framed' : `${why}: ${JSON.stringify({ fill, ...d })}`;
          },
          { timeout: 15_000 },
        )
        .toBe('framed');
    };
    await framed('first view at 1920x1080');
    const canvasWidth = async () => (await page.getByTestId('district-canvas').boundingBox())!.width;
    const wide = await canvasWidth();

    // a narrow, tall window: the canvas loses far more width than height, so the fixed vertical field of view alone
    // would cut the district's sides off
    await page.setViewportSize({ width: 1280, height: 1440 });
    await expect.poll(canvasWidth).toBeLessThan(wide * 0.75);
    await framed('window narrowed to 1280x1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await framed('1280x720');

    await page.setViewportSize({ width: 1366, height: 768 });
    await framed('1366x768');
    const docked = await canvasWidth();
    await page.getByTestId('dock-collapse').click();
    await expect.poll(canvasWidth).toBeGreaterThan(docked + 100);
    await framed('dock folded');
    await page.getByTestId('dock-collapse').click();
    await expect.poll(canvasWidth).toBeLessThan(docked + 1);
    await framed('dock opened again');
    await page.setViewportSize({ width: 2560, height: 1440 });
    await framed('2560x1440');

    // the user orbits: the direction stays through a resize (only the distance follows the canvas)
    const direction = () => page.evaluate(() => (window as unknown as Hooked).__plustwin.viewDirection());
    const start = (await direction())!;
    const c = (await page.getByTestId('district-canvas').boundingBox())!;
    await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
    await page.mouse.down();
    await page.mouse.move(c.x + c.width / 2 + 160, c.y + c.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    const before = (await direction())!;
    expect(Math.abs(before[0] - start[0]) + Math.abs(before[2] - start[2]), 'the drag orbited the camera').toBeGreaterThan(0.05);
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(canvasWidth).toBeLessThan(c.width * 0.7);
    const after = (await direction())!;
    for (let i = 0; i < 3; i++) expect(after[i]).toBeCloseTo(before[i]!, 6);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
