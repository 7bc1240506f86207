/**
 * District assets in the UI: the OCPP endpoint's settings (on/off, address, whether unknown charge points are let
 * in, heartbeat), the registered charge points (id, building, position, password: sent once, stored hashed by the
 * core, never shown again) and the street-light inventory's import. Everything goes through the contract's calls;
 * problems of an imported file come back in the UI's language with their line or feature.
 */
import type { ChargePointView, OcppSettingsView, PlusTwinApi } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { callApi, errorText } from './devices-api.js';

export interface AssetsDialogOptions {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly host: HTMLElement;
  readonly buildings: readonly Building[];
  readonly timeZone: string;
  /** The map shows the assets anew after a change. */
  readonly onChanged?: () => void;
}

const labelled = (text: string, input: HTMLElement) => h('label', { class: 'dev-field' }, h('span', { text }), input);

export async function openAssetsDialog(o: AssetsDialogOptions): Promise<void> {
  const { api, i18n } = o;
  const t = i18n.t;
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'assets-message' });
  const info = h('p', { class: 'dev-hint', role: 'status', 'data-testid': 'assets-info' });
  const show = (ok: string | null, e?: unknown) => {
    info.textContent = ok ?? '';
    message.textContent = e === undefined ? '' : errorText(e, i18n);
  };

  // the endpoint
  const enabled = h('input', { type: 'checkbox', 'data-testid': 'ocpp-enabled' });
  const hostInput = h('input', { type: 'text', 'data-testid': 'ocpp-host' });
  const port = h('input', { type: 'number', min: '1', max: '65535', 'data-testid': 'ocpp-port' });
  const allowUnknown = h('input', { type: 'checkbox', 'data-testid': 'ocpp-allow-unknown' });
  const heartbeat = h('input', { type: 'number', min: '10', max: '86400', 'data-testid': 'ocpp-heartbeat' });
  const saveSettings = h('button', { type: 'button', class: 'primary', text: t('assets.ocpp.save'), 'data-testid': 'ocpp-save' });
  let settings: OcppSettingsView | null = null;

  // charge points
  const cpList = h('div', { 'data-testid': 'cp-list' });
  const cpId = h('input', { type: 'text', 'data-testid': 'cp-id' });
  const cpBuilding = h('select', { 'data-testid': 'cp-building' }, h('option', { value: '', text: '—' }), ...o.buildings.map((b) => h('option', { value: b.id, text: b.name })));
  const cpPassword = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'cp-password' });
  const cpLon = h('input', { type: 'number', step: 'any', 'data-testid': 'cp-lon' });
  const cpLat = h('input', { type: 'number', step: 'any', 'data-testid': 'cp-lat' });
  const cpSave = h('button', { type: 'button', class: 'primary', text: t('assets.cp.save'), 'data-testid': 'cp-save' });

  // street lights
  const lightsFile = h('input', { type: 'file', accept: '.csv,.geojson,.json,text/csv,application/geo+json', 'data-testid': 'lights-file' });

  const close = h('button', { type: 'button', text: t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'assets-title', 'data-testid': 'assets-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'assets-title', text: t('assets.dialog.title') }),
      h('h3', { text: t('assets.ocpp.title') }),
      h('p', { class: 'dev-hint', text: t('assets.ocpp.hint') }),
      labelled(t('assets.ocpp.enabled'), enabled),
      labelled(t('assets.ocpp.host'), hostInput),
      labelled(t('assets.ocpp.port'), port),
      labelled(t('assets.ocpp.allowUnknown'), allowUnknown),
      labelled(t('assets.ocpp.heartbeat'), heartbeat),
      h('div', { class: 'dev-actions' }, saveSettings),
      h('h3', { text: t('assets.cp.title') }),
      cpList,
      labelled(t('assets.cp.id'), cpId),
      labelled(t('assets.cp.building'), cpBuilding),
      labelled(t('assets.cp.password'), cpPassword),
      labelled(t('assets.cp.lon'), cpLon),
      labelled(t('assets.cp.lat'), cpLat),
      h('div', { class: 'dev-actions' }, cpSave),
      h('h3', { text: t('assets.lights.title') }),
      h('p', { class: 'dev-hint', text: t('assets.lights.hint') }),
      labelled(t('assets.lights.file'), lightsFile),
      info,
      message,
      h('div', { class: 'dev-actions' }, close),
    ),
  );
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const fillSettings = (s: OcppSettingsView) => {
    settings = s;
    enabled.checked = s.enabled;
    hostInput.value = s.host;
    port.value = String(s.port);
    allowUnknown.checked = s.allowUnknown;
    heartbeat.value = String(s.heartbeatS);
  };

  const row = (cp: ChargePointView): HTMLElement => {
    const remove = h('button', { type: 'button', text: t('assets.cp.remove'), 'data-testid': 'cp-remove' });
    remove.addEventListener('click', () =>
      void (async () => {
        try {
          await callApi(api, 'ocpp.removeChargePoint', { id: cp.id });
          await renderList();
          o.onChanged?.();
        } catch (e) {
          show(null, e);
        }
      })(),
    );
    const building = o.buildings.find((b) => b.id === cp.buildingId)?.name ?? '—';
    const seen = cp.lastSeen === null ? t('assets.cp.never') : i18n.dateTime(cp.lastSeen, o.timeZone);
    return h(
      'div',
      { class: 'dev-cert', 'data-cp': cp.id },
      h('p', {}, h('strong', { text: cp.id }), ` · ${building} · ${cp.hasPassword ? t('assets.cp.passwordSet') : t('assets.cp.noPassword')} · ${t('assets.cp.lastSeen')}: ${seen}`),
      h('div', { class: 'dev-actions' }, remove),
    );
  };

  async function renderList(): Promise<void> {
    const cps = await callApi(api, 'ocpp.chargePoints', {});
    cpList.replaceChildren(...(cps.length ? cps.map(row) : [h('p', { class: 'dev-hint', text: t('assets.cp.none') })]));
  }

  saveSettings.addEventListener('click', () =>
    void (async () => {
      if (!settings) return;
      try {
        fillSettings(
          await callApi(api, 'ocpp.setSettings', {
            ...settings,
            enabled: enabled.checked,
            host: hostInput.value.trim(),
            port: Number(port.value),
            allowUnknown: allowUnknown.checked,
            heartbeatS: Number(heartbeat.value),
          }),
        );
        show(t('assets.ocpp.saved'));
      } catch (e) {
        show(null, e);
      }
    })(),
  );

  cpSave.addEventListener('click', () =>
    void (async () => {
      const lon = cpLon.value.trim();
      const lat = cpLat.value.trim();
      try {
        await callApi(api, 'ocpp.saveChargePoint', {
          id: cpId.value.trim(),
          buildingId: cpBuilding.value === '' ? null : cpBuilding.value,
          // the password only when one was typed: an empty field keeps the stored one
          ...(cpPassword.value === '' ? {} : { password: cpPassword.value }),
          ...(lon === '' && lat === '' ? {} : { position: { lon: Number(lon), lat: Number(lat) } }),
        });
        cpPassword.value = '';
        await renderList();
        show(t('assets.cp.saved', { id: cpId.value.trim() }));
        o.onChanged?.();
      } catch (e) {
        show(null, e);
      }
    })(),
  );

  lightsFile.addEventListener('change', () =>
    void (async () => {
      const file = lightsFile.files?.[0];
      if (!file) return;
      try {
        const r = await callApi(api, 'lights.import', { fileName: file.name, text: await file.text(), lang: i18n.lang });
        show(t('assets.lights.imported', { count: r.count, added: r.added, updated: r.updated, removed: r.removed }));
        o.onChanged?.();
      } catch (e) {
        show(null, e);
      } finally {
        lightsFile.value = '';
      }
    })(),
  );

  try {
    fillSettings(await callApi(api, 'ocpp.settings', {}));
    await renderList();
  } catch (e) {
    show(null, e);
  }
  o.host.append(dialog);
  dialog.showModal();
  await done;
  dialog.remove();
}
