/**
 * The guided "add your first meter" flow: 1. address and test connection (SunSpec auto or a profile),
 * 2. name, building and role, 3. the meter is added and its building is shown on the map.
 */
import type { DeviceListEntry, DeviceProfileInfo, PlusTwinApi } from '../../models/contract/index.js';
import type { Building, PointRole } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { buildingOptions, deviceRoleOptions, field, profileOptions, selectOf, URL_EXAMPLE } from './device-fields.js';
import { callApi, errorText } from './devices-api.js';
import { renderProbe } from './probe-view.js';

export interface FirstMeterContext {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly host: HTMLElement;
  readonly buildings: readonly Building[];
  readonly profiles: readonly DeviceProfileInfo[];
  /** Show the building on the map (select it in the scene and the panel). */
  readonly showBuilding: (buildingId: string) => void;
}

export function openFirstMeter(ctx: FirstMeterContext): Promise<DeviceListEntry | null> {
  const { api, i18n } = ctx;
  const stepNames = [i18n.t('devices.first.step1'), i18n.t('devices.first.step2'), i18n.t('devices.first.step3')];
  const steps = h('ol', { class: 'dev-steps' }, ...stepNames.map((s) => h('li', { text: s })));

  const url = field(i18n.t('devices.field.url'), h('input', { 'data-testid': 'first-url', placeholder: URL_EXAMPLE['modbus-tcp'], spellcheck: 'false' }), i18n.t('devices.urlHint', { example: URL_EXAMPLE['modbus-tcp'] }));
  const profile = field(i18n.t('devices.field.profile'), selectOf(profileOptions(ctx.profiles, i18n), 'sunspec', 'first-profile'));
  const test = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.test'), 'data-testid': 'first-test' });
  const probeOut = h('div', { 'aria-live': 'polite' });
  const next = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.next'), disabled: true, 'data-testid': 'first-next' });

  const name = field(i18n.t('devices.field.name'), h('input', { 'data-testid': 'first-name' }));
  const building = field(i18n.t('devices.field.building'), selectOf(buildingOptions(ctx.buildings), ctx.buildings[0]?.id, 'first-building'));
  const role = field(i18n.t('devices.field.deviceRole'), selectOf(deviceRoleOptions(i18n), '', 'first-role'));
  const back = h('button', { type: 'button', text: i18n.t('devices.back') });
  const add = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.add'), 'data-testid': 'first-add' });

  const doneText = h('p', { 'data-testid': 'first-done', role: 'status' });
  const show = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.first.show'), 'data-testid': 'first-show' });

  const error = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'first-error' });
  const cancel = h('button', { type: 'button', text: i18n.t('devices.cancel') });
  const pages = [
    h('div', { class: 'dev-body' }, h('p', { class: 'dev-hint', text: i18n.t('devices.first.intro') }), h('div', { class: 'dev-row' }, url.label, profile.label), h('div', { class: 'dev-actions' }, test), probeOut, h('div', { class: 'dev-actions' }, next)),
    h('div', { class: 'dev-body' }, h('div', { class: 'dev-row' }, name.label, building.label, role.label), h('div', { class: 'dev-actions' }, back, add)),
    h('div', { class: 'dev-body' }, doneText, h('div', { class: 'dev-actions' }, show)),
  ];
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'dev-first-title', 'data-testid': 'first-meter' },
    h('div', { class: 'dev-body' }, h('h2', { id: 'dev-first-title', text: i18n.t('devices.first.title') }), steps),
    ...pages,
    h('div', { class: 'dev-body' }, error, h('div', { class: 'dev-actions' }, cancel)),
  );

  const go = (i: number) => {
    pages.forEach((p, k) => (p.hidden = k !== i));
    [...steps.children].forEach((li, k) => (k === i ? li.setAttribute('aria-current', 'step') : li.removeAttribute('aria-current')));
    error.textContent = '';
    const focus = [url.control, name.control, show][i];
    focus?.focus();
  };

  let added: DeviceListEntry | null = null;
  test.addEventListener('click', () => {
    void (async () => {
      error.textContent = '';
      next.disabled = true;
      test.disabled = true;
      probeOut.replaceChildren(h('p', { class: 'dev-hint', text: i18n.t('devices.testing') }));
      try {
        const r = await callApi(api, 'devices.probe', { url: url.control.value.trim(), profile: profile.control.value });
        probeOut.replaceChildren(renderProbe(r, i18n));
        name.control.value ||= [r.identity.manufacturer, r.identity.model].filter(Boolean).join(' ') || i18n.t('devices.first.defaultName');
        next.disabled = false;
        next.focus();
      } catch (e) {
        probeOut.replaceChildren();
        error.textContent = errorText(e);
      } finally {
        test.disabled = false;
      }
    })();
  });
  url.control.addEventListener('input', () => (next.disabled = true));
  profile.control.addEventListener('change', () => (next.disabled = true));
  next.addEventListener('click', () => go(1));
  back.addEventListener('click', () => go(0));
  add.addEventListener('click', () => {
    void (async () => {
      error.textContent = '';
      add.disabled = true;
      try {
        added = await callApi(api, 'devices.add', {
          name: name.control.value.trim(),
          buildingId: building.control.value,
          url: url.control.value.trim(),
          profile: profile.control.value,
          ...(role.control.value ? { role: role.control.value as PointRole } : {}),
        });
        const b = ctx.buildings.find((x) => x.id === added?.device.buildingId);
        doneText.textContent = i18n.t('devices.first.done', { name: added.device.name, building: b?.name ?? added.device.buildingId, points: added.points.length });
        ctx.showBuilding(added.device.buildingId);
        go(2);
      } catch (e) {
        error.textContent = errorText(e);
      } finally {
        add.disabled = false;
      }
    })();
  });

  return new Promise((resolve) => {
    show.addEventListener('click', () => {
      if (added) ctx.showBuilding(added.device.buildingId);
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(added);
    });
    ctx.host.append(dialog);
    dialog.showModal();
    go(0);
  });
}
