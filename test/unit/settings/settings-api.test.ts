/** The settings reach the UI through the contract: dispatch() checks the patch, the store checks the result. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { settingsHandlers } from '../../../main/core/api/settings-api.js';
import { SettingsStore } from '../../../main/core/settings/settings-store.js';

let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

describe('settings over the API', () => {
  it('reads, changes in part, refuses bad input, and persists', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-settings-api-'));
    const file = path.join(dir, 'settings.json');
    const handlers = settingsHandlers(SettingsStore.open(file).store) as unknown as Handlers;
    expect(await dispatch(handlers, 'settings.get', {})).toMatchObject({ ok: true, value: { language: 'de', theme: 'system' } });
    expect(await dispatch(handlers, 'settings.set', { theme: 'dark', shadows: true })).toMatchObject({
      ok: true,
      value: { theme: 'dark', shadows: true, language: 'de' },
    });
    expect(await dispatch(handlers, 'settings.set', { theme: 'neon' })).toMatchObject({ ok: false, error: { kind: 'validation', where: 'theme' } });
    // retired fields are no longer settings: a patch naming one is refused like any unknown field
    expect(await dispatch(handlers, 'settings.set', { polling: { intervalMs: 60_000 } })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await dispatch(handlers, 'settings.set', { isAdmin: true })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const reopened = SettingsStore.open(file).store.get();
    expect(reopened).toEqual({ language: 'de', theme: 'dark', shadows: true, keepCollectingWhenClosed: true, startAtLogin: false, verdictMinCoverage: 0.9 });
  });
});
