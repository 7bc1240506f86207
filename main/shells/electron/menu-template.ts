/**
 * The application menu as plain data, built from the settings and the message table, so it is tested in Node.
 * Items that do something carry an `action` id; main.ts attaches the click handlers. Items with a `role` are
 * Electron's own (copy, paste, zoom), which keep their native behaviour and shortcuts.
 */
import type { Settings } from '../../core/settings/settings-schema.js';
import { LANGUAGES, THEME_SETTINGS, type Language } from '../../../models/values.js';
import { t, type ElectronMessageKey } from './messages.js';

export type MenuAction =
  | { readonly kind: 'new-from-demo' }
  | { readonly kind: 'new-from-import' }
  | { readonly kind: 'open-project' }
  | { readonly kind: 'open-recent'; readonly file: string }
  | { readonly kind: 'open-central' }
  | { readonly kind: 'import' }
  | { readonly kind: 'export'; readonly format: 'pdf' | 'xlsx' | 'csv' }
  | { readonly kind: 'set-theme'; readonly theme: Settings['theme'] }
  | { readonly kind: 'set-language'; readonly language: Language }
  | { readonly kind: 'toggle-keep-collecting' }
  | { readonly kind: 'toggle-start-at-login' }
  | { readonly kind: 'about' }
  | { readonly kind: 'quit' };

export type MenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'togglefullscreen'
  | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'close' | 'appMenu' | 'editMenu';

export interface MenuItemData {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly accelerator?: string;
  readonly type?: 'separator' | 'checkbox' | 'radio' | 'submenu' | 'normal';
  readonly checked?: boolean;
  readonly enabled?: boolean;
  readonly action?: MenuAction;
  readonly submenu?: readonly MenuItemData[];
}

export interface MenuInput {
  readonly settings: Settings;
  readonly recent: ReadonlyArray<{ readonly name: string; readonly file: string; readonly missing: boolean }>;
  readonly platform: NodeJS.Platform;
}

const sep: MenuItemData = { type: 'separator' };
const LANGUAGE_NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };
const THEME_LABELS: Record<Settings['theme'], ElectronMessageKey> = { system: 'menu.themeSystem', light: 'menu.themeLight', dark: 'menu.themeDark' };

export function buildMenuTemplate({ settings, recent, platform }: MenuInput): MenuItemData[] {
  const l = settings.language;
  const mac = platform === 'darwin';
  const recentItems: MenuItemData[] =
    recent.length === 0
      ? [{ label: t(l, 'menu.noRecent'), enabled: false }]
      : recent.map((p) => ({ label: p.name, enabled: !p.missing, action: { kind: 'open-recent', file: p.file } }));
  const file: MenuItemData = {
    label: t(l, 'menu.file'),
    submenu: [
      { label: t(l, 'menu.newFromDemo'), accelerator: 'CmdOrCtrl+N', action: { kind: 'new-from-demo' } },
      { label: t(l, 'menu.newFromImport'), accelerator: 'CmdOrCtrl+Shift+N', action: { kind: 'new-from-import' } },
      { label: t(l, 'menu.open'), accelerator: 'CmdOrCtrl+O', action: { kind: 'open-project' } },
      { label: t(l, 'menu.openRecent'), submenu: recentItems },
      { label: t(l, 'menu.openCentral'), action: { kind: 'open-central' } },
      sep,
      { label: t(l, 'menu.import'), accelerator: 'CmdOrCtrl+I', action: { kind: 'import' } },
      {
        label: t(l, 'menu.export'),
        submenu: [
          { label: 'PDF', accelerator: 'CmdOrCtrl+E', action: { kind: 'export', format: 'pdf' } },
          { label: 'XLSX', accelerator: 'CmdOrCtrl+Shift+E', action: { kind: 'export', format: 'xlsx' } },
          { label: 'CSV', action: { kind: 'export', format: 'csv' } },
        ],
      },
      sep,
      { label: t(l, 'menu.close'), role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ label: t(l, 'menu.quit'), accelerator: 'CmdOrCtrl+Q', action: { kind: 'quit' } } as const]),
    ],
  };
  const edit: MenuItemData = {
    label: t(l, 'menu.edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemData = {
    label: t(l, 'menu.view'),
    submenu: [
      { label: t(l, 'menu.reload'), role: 'reload', accelerator: 'CmdOrCtrl+R' },
      sep,
      { label: t(l, 'menu.zoomIn'), role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { label: t(l, 'menu.zoomOut'), role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { label: t(l, 'menu.zoomReset'), role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { label: t(l, 'menu.fullscreen'), role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      sep,
      {
        label: t(l, 'menu.theme'),
        submenu: THEME_SETTINGS.map((theme) => ({
          label: t(l, THEME_LABELS[theme]),
          type: 'radio',
          checked: settings.theme === theme,
          action: { kind: 'set-theme', theme },
        })),
      },
      {
        label: t(l, 'menu.language'),
        submenu: LANGUAGES.map((language) => ({
          label: LANGUAGE_NAMES[language],
          type: 'radio',
          checked: settings.language === language,
          action: { kind: 'set-language', language },
        })),
      },
    ],
  };
  const settingsMenu: MenuItemData = {
    label: t(l, 'menu.settings'),
    submenu: [
      { label: t(l, 'menu.keepCollecting'), type: 'checkbox', checked: settings.keepCollectingWhenClosed, action: { kind: 'toggle-keep-collecting' } },
      { label: t(l, 'menu.startAtLogin'), type: 'checkbox', checked: settings.startAtLogin, action: { kind: 'toggle-start-at-login' } },
    ],
  };
  const help: MenuItemData = { label: t(l, 'menu.help'), submenu: [{ label: t(l, 'menu.about'), action: { kind: 'about' } }] };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, settingsMenu, help];
}

/** Every accelerator in the menu, to prove no shortcut is bound twice. */
export function accelerators(items: readonly MenuItemData[]): string[] {
  return items.flatMap((i) => [...(i.accelerator ? [i.accelerator] : []), ...accelerators(i.submenu ?? [])]);
}
