/**
 * The theme setting as Electron applies it. nativeTheme.themeSource 'system' lets Chromium follow the OS (the page's
 * prefers-color-scheme and the native menus and dialogs with it); 'light' or 'dark' override it (electron.d.ts 41,
 * NativeTheme.themeSource). Forcing light or dark for 'system' would freeze the page's media query at that value.
 */
import type { ThemeSetting as Theme } from '../../../models/values.js';

export type ThemeSource = 'system' | 'light' | 'dark';

const SOURCES: Readonly<Record<Theme, ThemeSource>> = { system: 'system', light: 'light', dark: 'dark' };

export const themeSource = (theme: Theme): ThemeSource => SOURCES[theme];

/**
 * The window's colour before the page paints, the page's own --bg (renderer/styles/app.css), so a dark page does not
 * flash white. For 'system' the caller passes nativeTheme.shouldUseDarkColors.
 */
export function windowBackground(theme: Theme, osUsesDarkColors: boolean): string {
  const dark = theme === 'dark' || (theme === 'system' && osUsesDarkColors);
  return dark ? '#0f141a' : '#f4f6f8';
}
