/** Renders what "test connection" found: identity, current values with units, and the core's notes. */
import type { DeviceProbeView } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { pointDisplayName } from '../i18n/point-names.js';

export function renderProbe(result: DeviceProbeView, i18n: I18n): HTMLElement {
  const id = result.identity;
  const who = [id.manufacturer, id.model, id.serial ? `S/N ${id.serial}` : undefined, id.version].filter(Boolean).join(' · ');
  const rows = result.values.slice(0, 40).map((v) =>
    h(
      'tr',
      {},
      h('td', { text: pointDisplayName(i18n.lang, { id: `:${v.key}`, name: v.name }, result.protocol.startsWith('modbus')) }),
      h('td', { text: typeof v.value === 'number' ? i18n.number(v.value, 3) : (v.value ?? '–') }),
      h('td', { text: v.unit }),
      h('td', { text: v.quality }),
    ),
  );
  return h(
    'div',
    { class: 'dev-probe', 'data-testid': 'probe-result', role: 'status' },
    h('p', { class: 'dev-ok', text: i18n.t('devices.probe.ok', { who: who || result.url }) }),
    rows.length
      ? h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', { text: i18n.t('devices.probe.point') }), h('th', { text: i18n.t('devices.probe.value') }), h('th', { text: i18n.t('devices.probe.unit') }), h('th', { text: i18n.t('devices.probe.quality') }))),
          h('tbody', {}, ...rows),
        )
      : null,
    result.notes.length ? h('ul', {}, ...result.notes.map((n) => h('li', { class: 'dev-hint', text: n }))) : null,
  );
}
