/**
 * Mounts the device UI: "Devices" (list with health, add / edit, certificates) and the charge points and street
 * lights in the top bar's menu and, while the district has no devices of the user's own, an "Add your first meter"
 * button for the guided flow in the top bar itself, where a new user sees it.
 */
import type { PlusTwinApi } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { openDeviceList } from './device-list-dialog.js';
import { callApi, errorText } from './devices-api.js';
import { ensureDeviceStyles } from './devices-style.js';
import { openFirstMeter } from './first-meter.js';
import { openAssetsDialog } from './assets-dialog.js';
import type { TopMenu } from '../app/top-menu.js';

export interface DevicesMount {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  /** Where the first-meter button goes (the top bar). */
  readonly bar: HTMLElement;
  /** Where the other entries go. */
  readonly menu: TopMenu;
  /** Re-read the district and show this building on the map. */
  readonly showBuilding: (buildingId: string) => void;
  readonly timeZone?: () => string;
  /** Where errors go that have no dialog to show them in. */
  readonly notice?: HTMLElement;
}

export function mountDevices(m: DevicesMount): { refresh(): Promise<void> } {
  const doc = m.bar.ownerDocument;
  ensureDeviceStyles(doc);
  const host = doc.body;
  const first = h('button', { type: 'button', class: 'dev-topbar-button primary', text: m.i18n.t('devices.first.open'), hidden: true, 'data-testid': 'first-meter-open' });
  m.bar.append(first);

  const fail = (e: unknown) => {
    if (m.notice) m.notice.textContent = m.i18n.t('app.error', { message: errorText(e, m.i18n) });
  };
  const refresh = async () => {
    try {
      const devices = await callApi(m.api, 'devices.list', {});
      first.hidden = devices.some((d) => !d.demo);
    } catch {
      first.hidden = true; // a core without device management: the list button shows why
    }
  };
  const changed = (buildingId: string) => {
    m.showBuilding(buildingId);
    void refresh();
  };

  m.menu.entry('devices', 'devices-open', m.i18n.t('menu.devices'), () => {
    void openDeviceList({ api: m.api, i18n: m.i18n, host, timeZone: m.timeZone ?? (() => 'Europe/Berlin'), onChanged: changed })
      .then(refresh)
      .catch(fail);
  });
  m.menu.entry('assets', 'assets-open', m.i18n.t('menu.assets'), () => {
    void (async () => {
      const district = await callApi(m.api, 'district.get', {});
      await openAssetsDialog({ api: m.api, i18n: m.i18n, host, buildings: district.buildings, timeZone: m.timeZone?.() ?? 'Europe/Berlin' });
    })().catch(fail);
  });
  first.addEventListener('click', () => {
    void (async () => {
      const [district, profiles] = await Promise.all([callApi(m.api, 'district.get', {}), callApi(m.api, 'profiles.list', {})]);
      await openFirstMeter({ api: m.api, i18n: m.i18n, host, buildings: district.buildings, profiles, showBuilding: changed });
      await refresh();
    })().catch(fail);
  });
  void refresh();
  return { refresh };
}
