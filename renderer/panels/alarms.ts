/**
 * Alarms: devices that do not answer (offline or backing off), with the building they belong to, since when the
 * last good reading is missing and the device's own error; and implausible values (implausible-alarms.ts) with
 * building, point, time, value and limit. Each is a button: click or Enter selects its building.
 */
import type { CollectorStatus, DeviceHealth, DistrictView } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';
import type { ImplausibleAlarm } from './implausible-alarms.js';

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
  private devices: readonly Alarm[] = [];
  private implausible: readonly ImplausibleAlarm[] = [];
  private implausiblePeriod = '';
  /** What the list shows now: a refresh that changes nothing leaves the DOM (and screen readers) alone. */
  private shown = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
    private readonly onSelect: (buildingId: string) => void,
  ) {}

  show(alarms: readonly Alarm[]): void {
    this.devices = alarms;
    this.render();
  }

  /** Implausible values found over `period` (already named for the user). */
  showImplausible(alarms: readonly ImplausibleAlarm[], period: string): void {
    this.implausible = alarms;
    this.implausiblePeriod = period;
    this.render();
  }

  private render(): void {
    const signature = JSON.stringify([
      this.devices.map((a) => [a.deviceId, a.health.state, a.health.lastGoodTs, a.health.lastError, a.buildingName]),
      this.implausible.map((a) => [a.key, a.valueKw, a.limitKw, a.buildingName, a.pointName]),
      this.implausiblePeriod,
    ]);
    if (signature === this.shown) return;
    this.shown = signature;
    const t = this.i18n;
    const count = this.devices.length + this.implausible.length;
    // keep the keyboard focus on the same alarm when a refresh rebuilds the list
    const focused = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement)
      ? document.activeElement.dataset['alarmKey']
      : undefined;
    this.root.replaceChildren(
      h('h2', { text: count > 0 ? `${t.t('alarms.title')} (${count})` : t.t('alarms.title') }),
      h('h3', { text: t.t('alarms.devices') }),
      this.devices.length === 0
        ? h('p', { class: 'hint', 'data-testid': 'alarms-none', text: t.t('alarms.none') })
        : h('ul', { class: 'alarms' }, ...this.devices.map((a) => this.deviceItem(a))),
      h('h3', { text: t.t('alarms.implausible') }),
      this.implausiblePeriod ? h('p', { class: 'note', 'data-testid': 'alarms-implausible-period', text: this.implausiblePeriod }) : '',
      this.implausible.length === 0
        ? h('p', { class: 'hint', 'data-testid': 'alarms-implausible-none', text: t.t('alarms.implausible.none') })
        : h('ul', { class: 'alarms' }, ...this.implausible.map((a) => this.implausibleItem(a))),
    );
    if (focused) this.root.querySelector<HTMLElement>(`[data-alarm-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private deviceItem(a: Alarm): HTMLElement {
    const t = this.i18n;
    const since = a.health.lastGoodTs === null ? t.t('alarms.never') : t.dateTime(a.health.lastGoodTs, this.timeZone);
    const button = h(
      'button',
      { type: 'button', class: 'alarm', 'data-testid': 'alarm-item', 'data-device-id': a.deviceId, 'data-alarm-key': `device|${a.deviceId}` },
      h('span', { class: 'name', text: a.buildingName ? `${a.deviceName} · ${a.buildingName}` : a.deviceName }),
      h('span', { class: 'sub', text: t.t('alarms.since', { since }) }),
      a.health.lastError ? h('span', { class: 'sub', text: a.health.lastError }) : '',
    );
    if (a.buildingId) button.addEventListener('click', () => this.onSelect(a.buildingId!));
    return h('li', {}, button);
  }

  private implausibleItem(a: ImplausibleAlarm): HTMLElement {
    const t = this.i18n;
    const value = t.number(a.valueKw, 1);
    const limit = t.number(a.limitKw, 1);
    const button = h(
      'button',
      {
        type: 'button',
        class: 'alarm implausible',
        'data-testid': 'alarm-implausible',
        'data-point-id': a.pointId,
        'data-building-id': a.buildingId,
        'data-start': String(a.start),
        'data-alarm-key': `implausible|${a.key}`,
      },
      h('span', { class: 'name', text: `${a.buildingName} · ${a.pointName}` }),
      h('span', { class: 'sub', text: t.t('alarms.implausible.at', { at: t.dateTime(a.start, this.timeZone) }) }),
      h('span', { class: 'sub value', text: t.t(a.valueKind === 'peak' ? 'alarms.implausible.peak' : 'alarms.implausible.average', { value, limit }) }),
    );
    button.addEventListener('click', () => this.onSelect(a.buildingId));
    return h('li', {}, button);
  }
}
