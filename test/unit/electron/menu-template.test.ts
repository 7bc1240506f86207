import { describe, expect, it } from 'vitest';
import { defaultSettings, LANGUAGES } from '../../../main/core/settings/settings-schema.js';
import { accelerators, buildMenuTemplate, type MenuItemData } from '../../../main/shells/electron/menu-template.js';
import { electronMessages } from '../../../main/shells/electron/messages.js';

const flat = (items: readonly MenuItemData[]): MenuItemData[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
const recent = [
  { name: 'Bottrop Süd', file: '/p/a.sqlite', missing: false },
  { name: 'Alt', file: '/p/b.sqlite', missing: true },
];

describe('menu template', () => {
  it('has every message in German and English, none empty', () => {
    const texts: Record<string, Record<string, string>> = electronMessages.texts;
    const keys = Object.keys(texts['de']!).sort();
    expect(Object.keys(texts['en']!).sort()).toEqual(keys);
    for (const lang of LANGUAGES) for (const k of keys) expect(texts[lang]![k], `${lang} ${k}`).not.toBe('');
  });

  it('speaks the chosen language', () => {
    const de = buildMenuTemplate({ settings: defaultSettings(), recent, platform: 'linux' });
    const en = buildMenuTemplate({ settings: { ...defaultSettings(), language: 'en' }, recent, platform: 'linux' });
    expect(de.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Einstellungen', 'Hilfe']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Settings', 'Help']);
    expect(flat(de).some((i) => i.label === 'Bericht exportieren …')).toBe(true);
  });

  it('binds no shortcut twice and gives the main actions one', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const keys = accelerators(buildMenuTemplate({ settings: defaultSettings(), recent, platform }));
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
    const items = flat(buildMenuTemplate({ settings: defaultSettings(), recent, platform: 'linux' }));
    const key = (kind: string) => items.find((i) => i.action?.kind === kind)?.accelerator;
    expect(key('open-project')).toBe('CmdOrCtrl+O');
    expect(key('import')).toBe('CmdOrCtrl+I');
    expect(key('quit')).toBe('CmdOrCtrl+Q');
  });

  it('lists recent projects, missing ones disabled, and says so when there are none', () => {
    const items = flat(buildMenuTemplate({ settings: defaultSettings(), recent, platform: 'linux' }));
    const opens = items.filter((i) => i.action?.kind === 'open-recent');
    expect(opens.map((i) => [i.label, i.enabled])).toEqual([
      ['Bottrop Süd', true],
      ['Alt', false],
    ]);
    const none = flat(buildMenuTemplate({ settings: defaultSettings(), recent: [], platform: 'linux' }));
    expect(none.find((i) => i.label === 'Keine Projekte')?.enabled).toBe(false);
  });

  it('checks the current theme, language and switches', () => {
    const settings = { ...defaultSettings(), theme: 'dark' as const, language: 'en' as const, startAtLogin: true, keepCollectingWhenClosed: false };
    const items = flat(buildMenuTemplate({ settings, recent: [], platform: 'win32' }));
    const checked = items.filter((i) => i.checked).map((i) => i.action);
    expect(checked).toEqual([
      { kind: 'set-theme', theme: 'dark' },
      { kind: 'set-language', language: 'en' },
      { kind: 'toggle-start-at-login' },
    ]);
  });

  it('on macOS starts with the app menu and leaves Quit to it', () => {
    const mac = buildMenuTemplate({ settings: defaultSettings(), recent: [], platform: 'darwin' });
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(flat(mac).some((i) => i.action?.kind === 'quit')).toBe(false);
  });
});
