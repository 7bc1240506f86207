/** Polling health in one line: devices online, last poll, readings stored, and whether the event stream is up. */
import type { CollectorStatus } from '../../models/contract/index.js';
import type { ConnectionState } from '../api/http-client.js';
import type { I18n } from '../i18n/i18n.js';

export class StatusLine {
  private status: CollectorStatus | null = null;
  private connection: ConnectionState = 'connecting';

  constructor(
    private readonly el: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
  ) {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    this.render();
  }

  setStatus(status: CollectorStatus): void {
    this.status = status;
    this.render();
  }

  setConnection(state: ConnectionState): void {
    this.connection = state;
    this.render();
  }

  private render(): void {
    const s = this.status;
    const { i18n } = this;
    const parts: string[] = [];
    if (s) {
      parts.push(
        i18n.t('status.line', {
          online: s.devicesOnline,
          total: s.devicesTotal,
          lastPoll: s.lastPollTs === null ? i18n.t('status.never') : i18n.dateTime(s.lastPollTs, this.timeZone),
          readings: s.readingsStored,
        }),
      );
    }
    const storage = s?.storage;
    if (storage?.problem) parts.push(i18n.t('status.storageProblem', { problem: storage.problem, pending: storage.pending }));
    if (storage && storage.dropped > 0) parts.push(i18n.t('status.readingsDropped', { dropped: storage.dropped }));
    if (this.connection === 'closed') parts.push(i18n.t('status.disconnected'));
    else if (!s) parts.push(i18n.t('status.connecting'));
    this.el.textContent = parts.join(' · ');
    this.el.dataset['health'] = !s || this.connection === 'closed' || storage?.problem ? 'bad' : s.devicesOnline === s.devicesTotal ? 'good' : 'partial';
    this.el.dataset['online'] = String(s?.devicesOnline ?? 0);
    this.el.dataset['lastPoll'] = String(s?.lastPollTs ?? '');
    this.el.dataset['storage'] = storage?.problem ? 'failing' : 'ok';
  }
}
