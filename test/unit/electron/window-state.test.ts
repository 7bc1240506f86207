import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, openingSteps, parseWindowState, placeWindow } from '../../../main/shells/electron/window-state.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window placement', () => {
  it('opens centred at the default size the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1050 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('returns where it was, on a second screen too, maximised or not', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop, right])).toEqual(saved);
  });

  it('comes back to the primary screen when its screen is gone, and fits it', () => {
    const saved = { x: 2100, y: 100, width: 2400, height: 1300, maximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed).toEqual({ x: 0, y: 0, width: 1920, height: 1050, maximized: false });
  });

  it('does not trust a title bar that is off screen', () => {
    const aboveTop = { x: 100, y: -500, width: 1000, height: 400, maximized: false };
    const placed = placeWindow(aboveTop, [laptop]);
    expect(placed.y).toBeGreaterThanOrEqual(0);
    expect(placed.x).toBe((1920 - 1000) / 2);
  });

  it('reads a stored state or nothing', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('not json')).toBeNull();
    expect(parseWindowState('{"x":1,"y":2,"width":3,"height":4,"maximized":false}')).toBeNull();
    expect(parseWindowState('{"x":1,"y":2,"width":900,"height":700,"maximized":true}')).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true });
  });
});

describe('opening the window', () => {
  it('maximizes and shows at ready when started normally', () => {
    expect(openingSteps(true, false)).toEqual({ maximizeAtReady: true, showAtReady: true, maximizeOnFirstShow: false });
    expect(openingSteps(false, false)).toEqual({ maximizeAtReady: false, showAtReady: true, maximizeOnFirstShow: false });
  });

  it('started hidden, neither shows nor maximizes (maximize() would show it) until the user opens it', () => {
    expect(openingSteps(true, true)).toEqual({ maximizeAtReady: false, showAtReady: false, maximizeOnFirstShow: true });
    expect(openingSteps(false, true)).toEqual({ maximizeAtReady: false, showAtReady: false, maximizeOnFirstShow: false });
  });

  it('main.ts never maximizes outside these steps', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../../../main/shells/electron/main.ts'), 'utf8');
    const calls = [...main.matchAll(/^.*\.maximize\(\).*$/gm)].map((m) => m[0].trim());
    expect(calls).toEqual(['if (steps.maximizeAtReady) win.maximize();', 'window.maximize();']);
    expect(main).toMatch(/if \(maximizeOnShow\) \{\s*maximizeOnShow = false;\s*window\.maximize\(\);/);
  });
});
