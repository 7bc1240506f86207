/**
 * Replays the district over a day, a month or a year: a slider over the scope's steps, a play button that walks
 * through them, buttons to the previous and next day, month or year, and "live", which follows the collector's
 * clock. The scene is coloured by the energy from the scope's start to the slider's step; the building panel, the
 * dashboard and the alarms follow the same position (panel-replay.ts).
 */
import type { I18n } from '../i18n/i18n.js';
import { analysisWindow } from '../time/analysis-window.js';
import { formatDate } from '../time/date-format.js';
import { startOfDay } from '../time/zoned-time.js';
import { liveStep, scopeFrame, TIME_SCOPES, windowAt, type ScopeFrame, type TimeScope } from '../time/time-window.js';
import { h } from './dom.js';

const PLAY_STEP_MS = 400;

export class TimeControl {
  private scope: TimeScope = 'day';
  private live = true;
  private frame: ScopeFrame;
  private playing: ReturnType<typeof setInterval> | null = null;
  private readonly scopeSelect: HTMLSelectElement;
  private readonly slider: HTMLInputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly liveButton: HTMLButtonElement;
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private readonly label: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {
    this.frame = scopeFrame(this.scope, now(), timeZone);
    this.scopeSelect = h('select', { 'data-testid': 'time-scope', 'aria-label': i18n.t('time.scope') });
    this.scopeSelect.replaceChildren(...TIME_SCOPES.map((s) => h('option', { value: s, text: i18n.t(`time.scope.${s}`) })));
    this.slider = h('input', { type: 'range', min: '1', step: '1', 'data-testid': 'time-slider', 'aria-label': i18n.t('time.slider') });
    this.playButton = h('button', { type: 'button', 'data-testid': 'time-play', text: i18n.t('time.play') });
    this.liveButton = h('button', { type: 'button', 'data-testid': 'time-live', text: i18n.t('time.live') });
    this.prevButton = h('button', { type: 'button', 'data-testid': 'time-prev', 'aria-label': i18n.t('time.prev'), title: i18n.t('time.prev'), text: '◀' });
    this.nextButton = h('button', { type: 'button', 'data-testid': 'time-next', 'aria-label': i18n.t('time.next'), title: i18n.t('time.next'), text: '▶' });
    this.label = h('span', { 'data-testid': 'time-label', 'aria-live': 'polite' });
    root.replaceChildren(this.scopeSelect, this.prevButton, this.playButton, this.slider, this.nextButton, this.liveButton, this.label);

    this.scopeSelect.addEventListener('change', () => {
      this.scope = TIME_SCOPES.find((s) => s === this.scopeSelect.value) ?? 'day';
      this.goLive();
    });
    this.slider.addEventListener('input', () => {
      this.stopPlaying();
      // live only in the period that holds now, at or beyond its running step
      const now = this.now();
      this.live = holdsNow(this.frame, now) && Number(this.slider.value) >= liveStep(this.frame, now);
      this.changed();
    });
    this.prevButton.addEventListener('click', () => this.shift(-1));
    this.nextButton.addEventListener('click', () => this.shift(1));
    this.playButton.addEventListener('click', () => (this.playing ? this.stopPlaying() : this.play()));
    this.liveButton.addEventListener('click', () => this.goLive());
    this.goLive(false);
  }

  /** The period to colour by: the scope's start to the slider's step (to now when live). */
  period(): { from: number; to: number } {
    const now = this.now();
    if (this.live) {
      this.frame = scopeFrame(this.scope, now, this.timeZone);
      this.slider.max = String(this.frame.stepEnds.length);
      this.slider.value = String(liveStep(this.frame, now));
      this.render(now);
    }
    return windowAt(this.frame, Number(this.slider.value), now);
  }

  get isLive(): boolean {
    return this.live;
  }

  get scopeName(): TimeScope {
    return this.scope;
  }

  /** The whole day, week, month or year the slider moves in. */
  frameSpan(): { from: number; to: number } {
    return { from: this.frame.start, to: this.frame.stepEnds[this.frame.stepEnds.length - 1] ?? this.frame.start + 1 };
  }

  /** Replays the previous (-1) or next (+1) day, month or year, at its last step that has begun. */
  private shift(direction: -1 | 1): void {
    this.stopPlaying();
    const now = this.now();
    const end = this.frame.stepEnds[this.frame.stepEnds.length - 1] ?? now;
    const anchor = direction < 0 ? this.frame.start - 1 : end;
    if (anchor > now) return;
    this.live = false;
    this.frame = scopeFrame(this.scope, anchor, this.timeZone);
    this.slider.max = String(this.frame.stepEnds.length);
    this.slider.value = String(holdsNow(this.frame, now) ? liveStep(this.frame, now) : this.frame.stepEnds.length);
    this.changed();
  }

  dispose(): void {
    this.stopPlaying();
  }

  private goLive(notify = true): void {
    this.stopPlaying();
    this.live = true;
    this.period();
    if (notify) this.changed();
  }

  private play(): void {
    const now = this.now();
    this.live = false;
    if (holdsNow(this.frame, now) && Number(this.slider.value) >= liveStep(this.frame, now)) this.slider.value = '1';
    else if (Number(this.slider.value) >= this.frame.stepEnds.length) this.slider.value = '1';
    this.playButton.textContent = this.i18n.t('time.pause');
    this.playing = setInterval(() => {
      const next = Number(this.slider.value) + 1;
      const t = this.now();
      if (holdsNow(this.frame, t) && next >= liveStep(this.frame, t)) return this.goLive();
      if (next > this.frame.stepEnds.length) return this.stopPlaying();
      this.slider.value = String(next);
      this.changed();
    }, PLAY_STEP_MS);
    this.changed();
  }

  private stopPlaying(): void {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    this.playButton.textContent = this.i18n.t('time.play');
  }

  private changed(): void {
    this.render(this.now());
    this.onChange();
  }

  private render(now: number): void {
    // the end every view names: the period on the analysis' grid (quarter hours up to two days, hours beyond), so
    // that the time bar, the panel, the dashboard and the alarms show the same time
    const period = windowAt(this.frame, Number(this.slider.value), now);
    const { to } = analysisWindow(period.from, period.to);
    // a period other than the running one names its date too
    const today = holdsNow(this.frame, now);
    const date = (ts: number) => formatDate(this.i18n.locale, ts, this.timeZone, { dateStyle: 'medium' });
    const time = this.i18n.time(to, this.timeZone);
    // a step that ends at midnight names the day it closes; an end within a day (now) names its time as well
    const atMidnight = time === this.i18n.time(startOfDay(to, this.timeZone), this.timeZone);
    const at =
      this.scope === 'day'
        ? today
          ? time
          : `${date(this.frame.start)} ${time}`
        : atMidnight
          ? today
            ? this.i18n.day(to - 1, this.timeZone)
            : date(to - 1)
          : `${today ? this.i18n.day(to, this.timeZone) : date(to)} ${time}`;
    this.label.dataset['end'] = String(to);
    this.label.textContent = this.live ? this.i18n.t('time.liveLabel', { at }) : this.i18n.t('time.until', { at });
    this.liveButton.setAttribute('aria-pressed', String(this.live));
    this.nextButton.disabled = today;
  }
}

/** The frame's period has begun and not ended yet. */
const holdsNow = (frame: ScopeFrame, now: number): boolean =>
  frame.start <= now && now < (frame.stepEnds[frame.stepEnds.length - 1] ?? -Infinity);
