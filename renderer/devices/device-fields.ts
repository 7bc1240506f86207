/** Form fields shared by the device dialog and the guided first-meter flow. */
import type { Building } from '../../models/types.js';
import { DEVICE_PROTOCOLS, type DeviceProtocol } from '../../models/values.js';
import type { DeviceProfileInfo } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';

export type Protocol = DeviceProtocol;
export const PROTOCOLS: readonly Protocol[] = DEVICE_PROTOCOLS;

export const URL_EXAMPLE: Record<Protocol, string> = {
  'modbus-tcp': 'modbus-tcp://192.168.1.20:502?unit=1',
  'modbus-rtu-tcp': 'modbus-rtu-tcp://192.168.1.30:4001?unit=2',
  'modbus-rtu': 'modbus-rtu:///dev/ttyUSB0?baud=9600&unit=3',
  opcua: 'opc.tcp://192.168.1.40:4840',
};

export const protocolOfUrl = (url: string): Protocol | undefined => PROTOCOLS.find((p) => url.startsWith(p === 'opcua' ? 'opc.tcp://' : `${p}://`));

let counter = 0;
/** A labelled control; the label wraps it, so screen readers and clicks find it. */
export function field<T extends HTMLElement>(label: string, control: T, hint?: string): { label: HTMLLabelElement; control: T } {
  const id = `dev-field-${++counter}`;
  control.id = id;
  const el = h('label', { for: id }, label, control, hint ? h('span', { class: 'dev-hint', text: hint }) : null);
  return { label: el, control };
}

export function selectOf(options: readonly { value: string; text: string }[], value?: string, testId?: string): HTMLSelectElement {
  const s = h('select', testId ? { 'data-testid': testId } : {});
  s.append(...options.map((o) => h('option', { value: o.value, text: o.text })));
  if (value !== undefined) s.value = value;
  return s;
}

export const profileOptions = (profiles: readonly DeviceProfileInfo[], i18n: I18n) => [
  { value: 'sunspec', text: i18n.t('devices.profile.sunspec') },
  ...profiles.map((p) => ({ value: p.id, text: `${p.manufacturer} ${p.model}` })),
];

export const buildingOptions = (buildings: readonly Building[]) => buildings.map((b) => ({ value: b.id, text: b.name }));

/** Roles a whole Modbus device can take: as the profile says (grid meter), or a PV / sub-meter. */
export const deviceRoleOptions = (i18n: I18n) => [
  { value: '', text: i18n.t('devices.deviceRole.profile') },
  { value: 'generation', text: i18n.t('devices.deviceRole.generation') },
  { value: 'consumption', text: i18n.t('devices.deviceRole.consumption') },
];

/** Labels of the profile parameters the shipped profiles declare (an unknown one shows its key). */
const PARAMETER_LABELS: Readonly<Record<string, 'devices.param.energyunit'>> = { energyunit: 'devices.param.energyunit' };

/**
 * The choices a profile requires (e.g. the energy unit a heat meter is set to), as selects that write their
 * value into the address' query, where the driver reads it; nothing is preselected, so the user must choose.
 */
export function profileParameterFields(
  profiles: readonly DeviceProfileInfo[],
  profileSelect: HTMLSelectElement,
  url: HTMLInputElement,
  i18n: I18n,
): HTMLElement {
  const row = h('div', { class: 'dev-row', 'data-testid': 'device-parameters' });
  const render = () => {
    const params = profiles.find((p) => p.id === profileSelect.value)?.parameters ?? [];
    row.hidden = params.length === 0;
    row.replaceChildren(
      ...params.map((param) => {
        const current = queryOf(url.value).get(param.key) ?? '';
        const options = [{ value: '', text: i18n.t('devices.param.choose') }, ...param.choices.map((c) => ({ value: c, text: c }))];
        const select = selectOf(options, param.choices.includes(current) ? current : '', `device-param-${param.key}`);
        select.required = true;
        select.addEventListener('change', () => (url.value = withQuery(url.value, param.key, select.value)));
        const labelKey = PARAMETER_LABELS[param.key];
        const label = labelKey === undefined ? param.key : i18n.t(labelKey);
        return field(label, select).label;
      }),
    );
  };
  profileSelect.addEventListener('change', render);
  url.addEventListener('change', render);
  render();
  return row;
}

const queryOf = (url: string): URLSearchParams => new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');

/** The address with one query parameter set (or removed when value is empty), the rest kept as typed. */
export const withQuery = (url: string, key: string, value: string): string => {
  const at = url.indexOf('?');
  const head = at < 0 ? url : url.slice(0, at);
  const q = queryOf(url);
  if (value === '') q.delete(key);
  else q.set(key, value);
  const text = q.toString();
  return text === '' ? head : `${head}?${text}`;
};
