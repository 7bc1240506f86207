/**
 * Alarms: devices that do not answer (offline or backing off), with the building they belong to, since when the
 * last good reading is missing and the device's own error. Clicking one selects its building.
 */
import type { CollectorStatus, DeviceHealth, DistrictView } from '../../models/contract.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';

export interface Alarm {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly buildingId: string | null;
  readonly buildingName: string;
  readonly health: DeviceHealth;
}

/** Devices that failed their last poll, worst (longest without data) first. */
export function activeAlarms(status: CollectorStatus, district: DistrictView | null): Alarm[] {
  const devices = new Map(district?.devices.map((d) => [d.id, d]) ?? []);
  const buildings = new Map(district?.buildings.map((b) => [b.id, b]) ?? []);
  return status.devices
    .filter((d) => d.state === 'offline' || d.state === 'backoff')
    .map((health) => {
      const device = devices.get(health.deviceId);
      const building = device ? buildings.get(device.buildingId) : undefined;
      return {
        deviceId: health.deviceId,
        deviceName: device?.name ?? health.deviceId,
        buildingId: building?.id ?? null,
        buildingName: building?.name ?? '',
        health,
      };
    })
    .sort((a, b) => (a.health.lastGoodTs ?? 0) - (b.health.lastGoodTs ?? 0));
}

export class AlarmList {
  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
    private readonly onSelect: (buildingId: string) => void,
  ) {}

  show(alarms: readonly Alarm[]): void {
    const t = this.i18n;
    if (alarms.length === 0) {
      this.root.replaceChildren(h('h2', { text: t.t('alarms.title') }), h('p', { class: 'hint', 'data-testid': 'alarms-none', text: t.t('alarms.none') }));
      return;
    }
    const items = alarms.map((a) => {
      const since = a.health.lastGoodTs === null ? t.t('alarms.never') : t.dateTime(a.health.lastGoodTs, this.timeZone);
      const button = h(
        'button',
        { type: 'button', class: 'alarm', 'data-testid': 'alarm-item', 'data-device-id': a.deviceId },
        h('span', { class: 'name', text: a.deviceName }),
        h('span', { class: 'sub', text: t.t('alarms.since', { since }) }),
        a.health.lastError ? h('span', { class: 'sub', text: a.health.lastError }) : '',
      );
      if (a.buildingId) button.addEventListener('click', () => this.onSelect(a.buildingId!));
      return h('li', {}, button);
    });
    this.root.replaceChildren(h('h2', { text: `${t.t('alarms.title')} (${alarms.length})` }), h('ul', { class: 'alarms' }, ...items));
  }
}
