/**
 * Add or edit one device: protocol and address, profile or SunSpec auto (Modbus), security, login and picked
 * variables (OPC UA), building and role, poll interval, and "test connection" showing what the core found.
 * Saving goes through 'devices.add' / 'devices.update': the core tries the device and stores nothing on failure.
 */
import type { DeviceInput, DeviceListEntry, DeviceProfileInfo, OpcUaLogin, OpcUaPointChoice, OpcUaSecurityChoice, PlusTwinApi } from '../../models/contract/index.js';
import type { Building, PointRole } from '../../models/types.js';
import { OPCUA_SECURITY_CHOICES } from '../../models/values.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { openCertificateDialog } from './cert-dialog.js';
import { buildingOptions, deviceRoleOptions, field, profileOptions, profileParameterFields, protocolOfUrl, PROTOCOLS, selectOf, URL_EXAMPLE, type Protocol } from './device-fields.js';
import { callApi, errorText, isCertificateProblem } from './devices-api.js';
import { OpcUaBrowser } from './opcua-browser.js';
import { renderProbe } from './probe-view.js';

/** 'Sign:Basic256Sha256' as the message key spells it ('Sign.Basic256Sha256'), typed so that tsc checks the key. */
type Dotted<S extends string> = S extends `${infer Mode}:${infer Policy}` ? `${Mode}.${Policy}` : S;
const dotted = <S extends string>(s: S): Dotted<S> => s.replace(':', '.') as Dotted<S>;

export interface DeviceDialogContext {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly host: HTMLElement;
  readonly buildings: readonly Building[];
  readonly profiles: readonly DeviceProfileInfo[];
}

/** Resolves with the saved entry, or null when the user cancelled. */
export function openDeviceDialog(ctx: DeviceDialogContext, existing?: DeviceListEntry): Promise<DeviceListEntry | null> {
  const { api, i18n } = ctx;
  const d = existing?.device;
  const cfg = (d?.config ?? {}) as { securityMode?: string; securityPolicy?: string; identity?: { kind: string; username?: string }; points?: readonly OpcUaPointChoice[]; role?: PointRole };
  const initialProtocol: Protocol = (d?.protocol as Protocol | undefined) ?? 'modbus-tcp';

  const protocol = field(i18n.t('devices.field.protocol'), selectOf(PROTOCOLS.map((p) => ({ value: p, text: i18n.t(`devices.protocol.${p}`) })), initialProtocol, 'device-protocol'));
  const url = field(i18n.t('devices.field.url'), h('input', { value: d?.url ?? '', required: true, 'data-testid': 'device-url', spellcheck: 'false' }), i18n.t('devices.urlHint', { example: URL_EXAMPLE[initialProtocol] }));
  const name = field(i18n.t('devices.field.name'), h('input', { value: d?.name ?? '', required: true, 'data-testid': 'device-name' }));
  const building = field(i18n.t('devices.field.building'), selectOf(buildingOptions(ctx.buildings), d?.buildingId, 'device-building'));
  const profile = field(i18n.t('devices.field.profile'), selectOf(profileOptions(ctx.profiles, i18n), d && d.protocol !== 'opcua' ? d.profile : 'sunspec', 'device-profile'));
  const role = field(i18n.t('devices.field.deviceRole'), selectOf(deviceRoleOptions(i18n), cfg.role ?? '', 'device-role'));
  const poll = field(i18n.t('devices.field.poll'), h('input', { type: 'number', min: 1, max: 3600, value: String((d?.pollIntervalMs ?? 15_000) / 1000), 'data-testid': 'device-poll' }));
  const currentSecurity = cfg.securityMode && cfg.securityMode !== 'None' ? `${cfg.securityMode}:${cfg.securityPolicy}` : 'None';
  const security = field(i18n.t('devices.field.security'), selectOf(OPCUA_SECURITY_CHOICES.map((s) => ({ value: s, text: i18n.t(`devices.security.${dotted(s)}`) })), currentSecurity));
  const user = field(i18n.t('devices.field.username'), h('input', { value: cfg.identity?.username ?? '', autocomplete: 'username' }), i18n.t('devices.usernameHint'));
  const password = field(i18n.t('devices.field.password'), h('input', { type: 'password', autocomplete: 'current-password' }));

  const login = (): OpcUaLogin => (user.control.value.trim() ? { kind: 'username', username: user.control.value.trim(), password: password.control.value } : { kind: 'anonymous' });
  const connect = () => ({ url: url.control.value.trim(), security: security.control.value as OpcUaSecurityChoice, login: login() });
  const browser = new OpcUaBrowser(api, i18n, connect, cfg.points ?? []);

  const parameters = profileParameterFields(ctx.profiles, profile.control, url.control, i18n);
  const modbusPart = h('div', {}, h('div', { class: 'dev-row' }, profile.label, role.label), parameters);
  const opcuaPart = h('div', {}, h('div', { class: 'dev-row' }, security.label, user.label, password.label), browser.element);
  const probeOut = h('div', { 'aria-live': 'polite' });
  const error = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'device-error' });
  const testButton = h('button', { type: 'button', text: i18n.t('devices.test'), 'data-testid': 'device-test' });
  const certButton = h('button', { type: 'button', text: i18n.t('devices.certs.open'), hidden: true, 'data-testid': 'device-certs' });
  const cancel = h('button', { type: 'button', text: i18n.t('devices.cancel') });
  const save = h('button', { type: 'submit', class: 'primary', text: i18n.t(existing ? 'devices.save' : 'devices.add'), 'data-testid': 'device-save' });
  const title = i18n.t(existing ? 'devices.edit.title' : 'devices.add.title');
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { id: 'dev-dialog-title', text: title }),
    h('div', { class: 'dev-row' }, protocol.label, url.label),
    modbusPart,
    opcuaPart,
    h('div', { class: 'dev-row' }, name.label, building.label, poll.label),
    h('div', { class: 'dev-actions' }, testButton, certButton),
    probeOut,
    error,
    h('div', { class: 'dev-actions' }, cancel, save),
  );
  const dialog = h('dialog', { class: 'dev-dialog', 'aria-labelledby': 'dev-dialog-title', 'data-testid': 'device-dialog' }, form);

  const sync = () => {
    const p = protocol.control.value as Protocol;
    modbusPart.hidden = p === 'opcua';
    opcuaPart.hidden = p !== 'opcua';
    url.control.placeholder = URL_EXAMPLE[p];
    const hint = url.label.querySelector('.dev-hint');
    if (hint) hint.textContent = i18n.t('devices.urlHint', { example: URL_EXAMPLE[p] });
  };
  protocol.control.addEventListener('change', sync);
  url.control.addEventListener('change', () => {
    const p = protocolOfUrl(url.control.value.trim());
    if (p && p !== protocol.control.value) {
      protocol.control.value = p;
      sync();
    }
  });
  sync();

  const showError = (e: unknown) => {
    error.textContent = errorText(e);
    certButton.hidden = !isCertificateProblem(e);
  };

  testButton.addEventListener('click', () => {
    void (async () => {
      error.textContent = '';
      probeOut.replaceChildren(h('p', { class: 'dev-hint', text: i18n.t('devices.testing') }));
      testButton.disabled = true;
      try {
        const isOpc = protocol.control.value === 'opcua';
        const result = await callApi(api, 'devices.probe', isOpc ? connect() : { url: url.control.value.trim(), profile: profile.control.value });
        probeOut.replaceChildren(renderProbe(result, i18n));
        const who = [result.identity.manufacturer, result.identity.model].filter(Boolean).join(' ');
        if (!name.control.value.trim() && who) name.control.value = who;
      } catch (e) {
        probeOut.replaceChildren();
        showError(e);
      } finally {
        testButton.disabled = false;
      }
    })();
  });
  certButton.addEventListener('click', () => void openCertificateDialog(api, i18n, ctx.host));

  const input = (): DeviceInput => {
    const isOpc = protocol.control.value === 'opcua';
    const seconds = Number(poll.control.value);
    const base = {
      name: name.control.value.trim(),
      buildingId: building.control.value,
      url: url.control.value.trim(),
      ...(Number.isFinite(seconds) && seconds > 0 ? { pollIntervalMs: Math.round(seconds * 1000) } : {}),
    };
    if (isOpc) return { ...base, opcua: { security: security.control.value as OpcUaSecurityChoice, login: login(), points: browser.points() } };
    return { ...base, profile: profile.control.value, ...(role.control.value ? { role: role.control.value as PointRole } : {}) };
  };

  return new Promise((resolve) => {
    let saved: DeviceListEntry | null = null;
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(saved);
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        error.textContent = '';
        save.disabled = true;
        try {
          saved = existing ? await callApi(api, 'devices.update', { id: existing.device.id, device: input() }) : await callApi(api, 'devices.add', input());
          dialog.close();
        } catch (e) {
          showError(e);
        } finally {
          save.disabled = false;
        }
      })();
    });
    ctx.host.append(dialog);
    dialog.showModal();
    url.control.focus();
  });
}
