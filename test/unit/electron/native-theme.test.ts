import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeSource, windowBackground } from '../../../main/shells/electron/native-theme.js';
import { buildMenuTemplate, type MenuItemData } from '../../../main/shells/electron/menu-template.js';
import { defaultSettings } from '../../../main/core/settings/settings-schema.js';
import { parseSettings } from '../../../main/core/settings/settings-store.js';

const flat = (items: readonly MenuItemData[]): MenuItemData[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('the theme setting in the desktop app', () => {
  it("hands 'system' to nativeTheme.themeSource, so the page follows the OS; light and dark override it", () => {
    expect(themeSource('system')).toBe('system');
    expect(themeSource('light')).toBe('light');
    expect(themeSource('dark')).toBe('dark');
  });

  it('follows the OS by default', () => {
    expect(defaultSettings().theme).toBe('system');
    // a settings file written before 'system' existed keeps its choice
    expect(parseSettings('{"theme":"light"}', 'settings.json').theme).toBe('light');
  });

  it("paints the window in the page's background before the page loads", () => {
    // the values of --bg in renderer/styles/app.css for the light and the dark theme
    const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/styles/app.css'), 'utf8');
    const [light, dark] = [...css.matchAll(/--bg: (#[0-9a-f]{6});/g)].map((m) => m[1]);
    expect(windowBackground('light', true)).toBe(light);
    expect(windowBackground('dark', false)).toBe(dark);
    expect(windowBackground('system', true)).toBe(dark);
    expect(windowBackground('system', false)).toBe(light);
  });

  it('offers System, Light and Dark in the menu, the current one checked', () => {
    const items = flat(buildMenuTemplate({ settings: { ...defaultSettings(), language: 'en' }, recent: [], platform: 'linux' }));
    const themes = items.filter((i) => i.action?.kind === 'set-theme');
    expect(themes.map((i) => [i.label, i.checked])).toEqual([
      ['Use System Setting', true],
      ['Light', false],
      ['Dark', false],
    ]);
  });
});
