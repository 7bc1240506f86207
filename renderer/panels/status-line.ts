/** Polling health in one line: devices online, last poll, readings stored, and whether the event stream is up. */
import type { CollectorStatus } from '../../models/contract/index.js';
import type { ConnectionState } from '../api/http-client.js';
import type { I18n } from '../i18n/i18n.js';
import { formatDate } from '../time/date-format.js';

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

  /**
   * The last poll on the screen's clock, in hours and minutes like the time bar (seconds would only disagree with it);
   * a poll on an earlier day names its date.
   */
  private pollTime(ts: number, now: number): string {
    const { i18n, timeZone } = this;
    const sameDay = i18n.day(ts, timeZone) === i18n.day(now, timeZone) && Math.abs(now - ts) < 86_400_000;
    return sameDay ? i18n.time(ts, timeZone) : formatDate(i18n.locale, ts, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
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
          lastPoll: s.lastPollTs === null ? i18n.t('status.never') : this.pollTime(s.lastPollTs, s.now),
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
    // the bar keeps one row: a long line ends in an ellipsis and reads in full as the tooltip
    this.el.title = parts.join(' · ');
    this.el.dataset['health'] = !s || this.connection === 'closed' || storage?.problem ? 'bad' : s.devicesOnline === s.devicesTotal ? 'good' : 'partial';
    this.el.dataset['online'] = String(s?.devicesOnline ?? 0);
    this.el.dataset['lastPoll'] = String(s?.lastPollTs ?? '');
    this.el.dataset['storage'] = storage?.problem ? 'failing' : 'ok';
  }
}
