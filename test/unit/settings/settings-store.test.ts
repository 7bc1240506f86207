import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../main/core/settings/settings-schema.js';
import { SettingsError, SettingsStore } from '../../../main/core/settings/settings-store.js';

const dirs: string[] = [];
const tempFile = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-settings-'));
  dirs.push(d);
  return path.join(d, 'settings.json');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('settings store', () => {
  it('starts with German defaults and keeps changes across a restart', () => {
    const file = tempFile();
    const first = SettingsStore.open(file).store;
    expect(first.get()).toEqual(defaultSettings());
    expect(first.get().language).toBe('de');
    first.update({ language: 'en', theme: 'dark', shadows: true });

    const { store: again, problem } = SettingsStore.open(file);
    expect(problem).toBeUndefined();
    expect(again.get()).toEqual({ ...defaultSettings(), language: 'en', theme: 'dark', shadows: true });
  });

  it('refuses a bad change with the field named and changes nothing', () => {
    const file = tempFile();
    const { store } = SettingsStore.open(file);
    store.update({ theme: 'dark' });
    const before = fs.readFileSync(file, 'utf8');
    expect(() => store.update({ theme: 'neon' as 'dark' })).toThrow(SettingsError);
    expect(() => store.update({ theme: 'neon' as 'dark' })).toThrow(/theme/);
    expect(() => store.update({ language: 'fr' as 'de' })).toThrow(/language/);
    expect(() => store.update({ startAtLogin: 'yes' as unknown as boolean })).toThrow(/startAtLogin/);
    expect(store.get().theme).toBe('dark');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('tells listeners about a change', () => {
    const { store } = SettingsStore.open(tempFile());
    const seen: string[] = [];
    const off = store.onChange((s) => seen.push(s.language));
    store.update({ language: 'en' });
    off();
    store.update({ language: 'de' });
    expect(seen).toEqual(['en']);
  });

  it('loads an older file that lacks newer fields', () => {
    const file = tempFile();
    fs.writeFileSync(file, JSON.stringify({ language: 'en' }));
    const { store, problem } = SettingsStore.open(file);
    expect(problem).toBeUndefined();
    expect(store.get()).toEqual({ ...defaultSettings(), language: 'en' });
  });

  it('loads a file from a version with units, factor sets and polling defaults, and drops those fields silently', () => {
    const file = tempFile();
    // the whole file as versions up to 0.1.0 wrote it, with every field changed from its default
    const old = {
      language: 'en',
      theme: 'dark',
      units: { power: 'MW', energy: 'MWh' },
      factorSets: { primary: 'geg-anlage-4', co2: 'uba-2024' },
      polling: { intervalMs: 15_000, timeoutMs: 5_000 },
      keepCollectingWhenClosed: false,
      startAtLogin: true,
      shadows: true,
    };
    fs.writeFileSync(file, JSON.stringify(old, null, 2));
    const { store, problem } = SettingsStore.open(file, () => 42);
    expect(problem).toBeUndefined();
    expect(fs.existsSync(`${file}.invalid-42`)).toBe(false);
    // verdictMinCoverage came later: its default fills in
    const kept = { language: 'en', theme: 'dark', keepCollectingWhenClosed: false, startAtLogin: true, shadows: true, verdictMinCoverage: 0.9 };
    expect(store.get()).toEqual(kept);

    // the next write leaves them out of the file
    store.update({ theme: 'light' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ ...kept, theme: 'light' });
  });

  it('still refuses a retired field that is not the only problem, and a typo next to it', () => {
    const file = tempFile();
    const text = JSON.stringify({ units: { power: 'kW' }, theem: 'dark' });
    fs.writeFileSync(file, text);
    const { store, problem } = SettingsStore.open(file, () => 7);
    expect(problem).toMatch(/theem|unrecognized/i);
    expect(store.get()).toEqual(defaultSettings());
    expect(fs.readFileSync(`${file}.invalid-7`, 'utf8')).toBe(text);
  });

  it('keeps an unreadable file aside, says why, and runs on defaults', () => {
    for (const [text, why] of [
      ['{ "language": "en", ', /not JSON/],
      [JSON.stringify({ theme: 'purple' }), /theme/],
      [JSON.stringify({ langauge: 'en' }), /langauge|unrecognized/i],
    ] as const) {
      const file = tempFile();
      fs.writeFileSync(file, text);
      const { store, problem } = SettingsStore.open(file, () => 42);
      expect(problem).toMatch(why);
      expect(problem).toContain('settings.json.invalid-42');
      expect(store.get()).toEqual(defaultSettings());
      expect(fs.readFileSync(`${file}.invalid-42`, 'utf8')).toBe(text);
      expect(fs.existsSync(file)).toBe(false);
    }
  });
});

describe('settings shared by two processes', () => {
  it('each store sees what the other wrote', () => {
    const file = tempFile();
    const menus = SettingsStore.open(file).store;
    const core = SettingsStore.open(file).store;
    core.update({ language: 'en' });
    // mtime resolution: make sure the second write is seen as newer
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(menus.get().language).toBe('en');
    menus.update({ theme: 'dark' });
    fs.utimesSync(file, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
    expect(core.get()).toMatchObject({ language: 'en', theme: 'dark' });
  });
});
