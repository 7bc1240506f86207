/**
 * Replays the district over a day, a month or a year: a slider over the scope's steps, a play button that walks
 * through them, and "live", which follows the collector's clock. The scene is coloured by the energy from the
 * scope's start to the slider's step.
 */
import type { I18n } from '../i18n/i18n.js';
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
    this.label = h('span', { 'data-testid': 'time-label', 'aria-live': 'polite' });
    root.replaceChildren(this.scopeSelect, this.playButton, this.slider, this.liveButton, this.label);

    this.scopeSelect.addEventListener('change', () => {
      this.scope = TIME_SCOPES.find((s) => s === this.scopeSelect.value) ?? 'day';
      this.goLive();
    });
    this.slider.addEventListener('input', () => {
      this.stopPlaying();
      this.live = Number(this.slider.value) >= liveStep(this.frame, this.now());
      this.changed();
    });
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
    if (Number(this.slider.value) >= liveStep(this.frame, now)) this.slider.value = '1';
    this.playButton.textContent = this.i18n.t('time.pause');
    this.playing = setInterval(() => {
      const next = Number(this.slider.value) + 1;
      if (next >= liveStep(this.frame, this.now())) return this.goLive();
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
    const { to } = windowAt(this.frame, Number(this.slider.value), now);
    const at = this.scope === 'day' ? this.i18n.time(to, this.timeZone) : this.i18n.day(to - 1, this.timeZone);
    this.label.textContent = this.live ? this.i18n.t('time.liveLabel', { at }) : this.i18n.t('time.until', { at });
    this.liveButton.setAttribute('aria-pressed', String(this.live));
  }
}
