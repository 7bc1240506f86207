/**
 * The building list: real buttons (so Tab, Enter and Space work), arrow keys move between them, the selected one
 * is marked with aria-current. Each item shows a swatch in the building's current colour.
 */
import type { Building } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';

export class BuildingList {
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly swatches = new Map<string, HTMLElement>();

  constructor(
    private readonly root: HTMLElement,
    private readonly i18n: I18n,
    private readonly onSelect: (id: string) => void,
  ) {
    root.addEventListener('keydown', (e) => this.onKey(e));
  }

  render(buildings: readonly Building[]): void {
    this.root.replaceChildren();
    this.buttons.clear();
    this.swatches.clear();
    if (buildings.length === 0) {
      this.root.append(h('li', { class: 'empty', text: this.i18n.t('buildings.empty') }));
      return;
    }
    const sorted = [...buildings].sort((a, b) => a.name.localeCompare(b.name, this.i18n.locale));
    for (const b of sorted) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      const button = h(
        'button',
        { type: 'button', 'data-testid': 'building-item', 'data-building-id': b.id },
        swatch,
        h('span', { class: 'name', text: b.name }),
        h('span', { class: 'use', text: this.i18n.t(`use.${b.use}`) }),
      );
      button.addEventListener('click', () => this.onSelect(b.id));
      this.buttons.set(b.id, button);
      this.swatches.set(b.id, swatch);
      this.root.append(h('li', {}, button));
    }
  }

  setColor(id: string, css: string, title: string): void {
    const s = this.swatches.get(id);
    if (s) {
      s.style.background = css;
      s.title = title;
    }
  }

  setSelected(id: string | null): void {
    for (const [bid, button] of this.buttons) {
      if (bid === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    if (id) this.buttons.get(id)?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const list = [...this.buttons.values()];
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    let next = at;
    if (e.key === 'ArrowDown') next = Math.min(list.length - 1, at + 1);
    if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = list.length - 1;
    e.preventDefault();
    list[next]?.focus();
  }
}
