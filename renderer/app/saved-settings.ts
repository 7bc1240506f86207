/**
 * The core keeps the user's language and theme (settings.json, shared with the desktop menus); the page reads them
 * once at start and writes a change back, so the choice survives restarts and follows the user from browser to
 * desktop. Without an answer (an older core, a failed call) the page keeps its own defaults.
 */
import type { AppSettings, AppSettingsPatch, PlusTwinApi } from '../../models/contract/index.js';

export async function loadSettings(api: PlusTwinApi): Promise<AppSettings | null> {
  const result = await api.call('settings.get', {});
  return result.ok ? result.value : null;
}

export function saveSettings(api: PlusTwinApi, patch: AppSettingsPatch): void {
  // a failed save only costs the memory of the choice; the page already shows it
  void api.call('settings.set', patch).catch(() => undefined);
}
