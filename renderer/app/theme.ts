/** Light, dark or follow the system; the choice is stored and applied as data-theme on <html>. */
import { THEMES, type Theme } from '../../models/values.js';

export type ThemeChoice = Theme | 'system';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', ...THEMES];

export const isThemeChoice = (v: unknown): v is ThemeChoice => v === 'system' || (THEMES as readonly unknown[]).includes(v);

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}
