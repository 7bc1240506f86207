/**
 * The device list with health: every device of the district, its building, address, state, last good reading and
 * last error, with add, edit and remove for the user's own devices (the demo's are read-only).
 */
import type { DeviceListEntry, PlusTwinApi } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { openCertificateDialog } from './cert-dialog.js';
import { openDeviceDialog } from './device-dialog.js';
import { callApi, errorText } from './devices-api.js';

export interface DeviceListContext {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly host: HTMLElement;
  readonly timeZone: () => string;
  /** A device was added, changed or removed: the app re-reads the district and shows the building. */
  readonly onChanged: (buildingId: string) => void;
}

const REFRESH_MS = 3000;

/** What the state column shows: the supervisor's start-up states, else the collector's health. */
export type DeviceRowState = 'starting' | 'retrying' | NonNullable<DeviceListEntry['health']>['state'] | 'unknown';

export function stateOf(e: DeviceListEntry): DeviceRowState {
  if (e.run === 'starting' || e.run === 'retrying') return e.run;
  return e.health?.state ?? 'unknown';
}

export async function openDeviceList(ctx: DeviceListContext): Promise<void> {
  const { api, i18n } = ctx;
  const body = h('tbody');
  const message = h('p', { class: 'dev-error', role: 'alert' });
  const add = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.add.title'), 'data-testid': 'devices-add' });
  const certs = h('button', { type: 'button', text: i18n.t('devices.certs.open') });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog dev-list', 'aria-labelledby': 'dev-list-title', 'data-testid': 'devices-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'dev-list-title', text: i18n.t('devices.title') }),
      h(
        'table',
        { 'data-testid': 'devices-table' },
        h('thead', {}, h('tr', {}, ...(['name', 'building', 'address', 'state', 'lastGood', 'error', 'actions'] as const).map((k) => h('th', { text: i18n.t(`devices.col.${k}`) })))),
        body,
      ),
      message,
      h('div', { class: 'dev-actions' }, certs, add, close),
    ),
  );
  let buildings: readonly Building[] = [];

  const row = (e: DeviceListEntry): HTMLElement => {
    const state = stateOf(e);
    const edit = h('button', { type: 'button', text: i18n.t('devices.edit'), 'aria-label': `${i18n.t('devices.edit')}: ${e.device.name}` });
    const remove = h('button', { type: 'button', text: i18n.t('devices.remove'), 'aria-label': `${i18n.t('devices.remove')}: ${e.device.name}` });
    edit.addEventListener('click', () => void editDevice(e));
    remove.addEventListener('click', () => void removeDevice(e));
    const lastGood = e.health?.lastGoodTs ? i18n.dateTime(e.health.lastGoodTs, ctx.timeZone()) : '–';
    return h(
      'tr',
      { 'data-device-id': e.device.id },
      h('td', { text: e.device.name }),
      h('td', { text: buildings.find((b) => b.id === e.device.buildingId)?.name ?? e.device.buildingId }),
      h('td', {}, h('code', { text: e.device.url })),
      h('td', { class: `dev-state-${state}`, 'data-testid': 'device-state', text: i18n.t(`devices.state.${state}`) }),
      h('td', { text: lastGood }),
      h('td', { class: 'dev-hint', text: e.startError ?? e.health?.lastError ?? '' }),
      h('td', {}, e.demo ? h('span', { class: 'dev-hint', text: i18n.t('devices.demo') }) : h('span', {}, edit, ' ', remove)),
    );
  };

  async function refresh(): Promise<void> {
    try {
      const [list, district] = await Promise.all([callApi(api, 'devices.list', {}), callApi(api, 'district.get', {})]);
      buildings = district.buildings;
      body.replaceChildren(...(list.length ? list.map(row) : [h('tr', {}, h('td', { colspan: 7, class: 'dev-hint', text: i18n.t('devices.empty') }))]));
      message.textContent = '';
    } catch (e) {
      message.textContent = errorText(e);
    }
  }

  async function dialogContext() {
    const [district, profiles] = await Promise.all([callApi(api, 'district.get', {}), callApi(api, 'profiles.list', {})]);
    return { api, i18n, host: ctx.host, buildings: district.buildings, profiles };
  }

  async function editDevice(e?: DeviceListEntry): Promise<void> {
    try {
      const saved = await openDeviceDialog(await dialogContext(), e);
      if (saved) ctx.onChanged(saved.device.buildingId);
      await refresh();
    } catch (err) {
      message.textContent = errorText(err);
    }
  }

  async function removeDevice(e: DeviceListEntry): Promise<void> {
    if (!confirm(i18n.t('devices.removeConfirm', { name: e.device.name }))) return;
    try {
      await callApi(api, 'devices.remove', { id: e.device.id });
      ctx.onChanged(e.device.buildingId);
      await refresh();
    } catch (err) {
      message.textContent = errorText(err);
    }
  }

  add.addEventListener('click', () => void editDevice());
  certs.addEventListener('click', () => void openCertificateDialog(api, i18n, ctx.host));
  close.addEventListener('click', () => dialog.close());
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  const done = new Promise<void>((resolve) =>
    dialog.addEventListener('close', () => {
      clearInterval(timer);
      dialog.remove();
      resolve();
    }),
  );
  ctx.host.append(dialog);
  await refresh();
  dialog.showModal();
  await done;
}
