/**
 * The notice over the scene when buildings cannot be drawn ("2 Gebäude ohne gültigen Grundriss nicht dargestellt"),
 * with a tooltip naming each building and its problem in the user's language. The notice used to carry the list as
 * its title, but since the layout made the notice click-through (so that it never swallows a click on a building)
 * no hover reached it and the list was lost. Now only a notice with details takes the pointer, as wide as its text,
 * and shows its own tooltip above the canvas on hover and on keyboard focus (a title is neither reachable by
 * keyboard nor testable). The tip is a child of the notice: whoever writes another text into the notice (an error)
 * removes it with the old text.
 */
import type { Building } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import type { SkipProblem, SkippedBuilding } from '../scene/district-geometry.js';

function problemText(i18n: I18n, name: string, p: SkipProblem): string {
  switch (p.kind) {
    case 'too-few-points':
      return i18n.t('notice.skipped.tooFewPoints', { name, count: p.count });
    case 'not-finite':
      return i18n.t('notice.skipped.notFinite', { name, index: p.index });
    case 'no-area':
      return i18n.t('notice.skipped.noArea', { name });
  }
}

export function showSkipped(notice: HTMLElement, i18n: I18n, skipped: readonly SkippedBuilding[], buildings: readonly Building[]): void {
  notice.classList.remove('error');
  notice.removeAttribute('title');
  notice.removeAttribute('tabindex');
  notice.removeAttribute('aria-describedby');
  if (skipped.length === 0) {
    notice.textContent = '';
    return;
  }
  const names = new Map(buildings.map((b) => [b.id, b.name || b.id]));
  const tip = h('span', { class: 'notice-tip', id: 'notice-tip', role: 'tooltip', 'data-testid': 'notice-tip' });
  for (const s of skipped) tip.append(h('span', { class: 'notice-tip-line', text: problemText(i18n, names.get(s.id) ?? s.id, s.problem) }));
  notice.replaceChildren(h('span', { class: 'notice-text', text: i18n.plural('buildings.skipped', skipped.length) }), tip);
  // focusable, so that a keyboard user reaches the list as a mouse user does by hovering
  notice.tabIndex = 0;
  notice.setAttribute('aria-describedby', tip.id);
}
