/**
 * The top bar's one menu: a button that opens a list of every dialog beyond the live view, grouped (devices,
 * district assets, analysis & files, planning). Five buttons side by side did not fit 1366 px in German.
 *
 * Keyboard and roles follow the WAI-ARIA menu button pattern (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/):
 * on the button Enter, Space and ↓ open the menu on its first entry, ↑ on its last; in the menu ↑/↓ move (wrapping),
 * Home/End jump, Escape closes and gives focus back to the button, Tab closes; a click outside closes it.
 */
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';

/** The groups in the order they are listed. */
export const MENU_GROUPS = ['devices', 'assets', 'files', 'planning'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface TopMenu {
  /** The button and its list; goes into the top bar. */
  readonly element: HTMLElement;
  /**
   * Adds an entry to a group. The entry carries the test id, so tests and scripts reach a dialog by its entry as
   * before; choosing it closes the menu first (focus back on the menu button, where a closing dialog returns it).
   */
  entry(group: MenuGroup, testId: string, label: string, choose: () => void): HTMLButtonElement;
  readonly isOpen: boolean;
  open(focus?: 'first' | 'last'): void;
  close(returnFocus?: boolean): void;
}

export function createTopMenu(doc: Document, i18n: I18n): TopMenu {
  const button = h('button', {
    type: 'button',
    class: 'top-menu-button',
    id: 'top-menu-button',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    'aria-controls': 'top-menu-list',
    'data-testid': 'menu-open',
  });
  button.append(h('span', { text: i18n.t('menu.open') }), h('span', { class: 'top-menu-caret', 'aria-hidden': 'true', text: '▾' }));
  const list = h('div', { class: 'top-menu-list', id: 'top-menu-list', role: 'menu', 'aria-labelledby': 'top-menu-button', hidden: true, 'data-testid': 'menu-list' });
  const groups = new Map<MenuGroup, HTMLElement>();
  for (const g of MENU_GROUPS) {
    // the group's title is read as its name; menus may not hold headings, so it is a labelled group
    const title = h('div', { class: 'top-menu-group-title', id: `top-menu-group-${g}`, 'aria-hidden': 'true', text: i18n.t(`menu.group.${g}`) });
    const group = h('div', { class: 'top-menu-group', role: 'group', 'aria-labelledby': title.id, 'data-testid': `menu-group-${g}`, hidden: true }, title);
    groups.set(g, group);
    list.append(group);
  }
  const element = h('div', { class: 'top-menu', 'data-testid': 'top-menu' }, button, list);

  const items = (): HTMLButtonElement[] => [...list.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].filter((b) => !b.hidden && !b.disabled);
  const place = (): void => {
    // the list is fixed to the window under the button, right edges aligned, and never taller than the room below:
    // the top bar may scroll sideways as a last resort and would clip a list positioned inside it
    const r = button.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth;
    list.style.top = `${Math.round(r.bottom + 4)}px`;
    list.style.right = `${Math.max(4, Math.round(vw - r.right))}px`;
    list.style.maxHeight = `${Math.max(120, Math.round(doc.documentElement.clientHeight - r.bottom - 12))}px`;
  };
  let isOpen = false;
  const open = (focus: 'first' | 'last' = 'first'): void => {
    if (!isOpen) {
      isOpen = true;
      list.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      place();
    }
    const all = items();
    (focus === 'first' ? all[0] : all[all.length - 1])?.focus();
  };
  const close = (returnFocus = false): void => {
    if (!isOpen) return;
    isOpen = false;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  };

  button.addEventListener('click', () => (isOpen ? close() : open()));
  button.addEventListener('keydown', (e) => {
    // Enter and Space reach the button's click (which opens on the first entry); the arrows open without a click
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowDown' ? 'first' : 'last');
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      close(true);
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = items();
    const at = all.indexOf(doc.activeElement as HTMLButtonElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(-1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return; // Tab moves on as usual
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation(); // Escape must not also close a dialog behind the menu
  });
  doc.addEventListener('pointerdown', (e) => {
    if (isOpen && !element.contains(e.target as Node)) close(false);
  });
  doc.defaultView?.addEventListener('resize', () => {
    if (isOpen) place();
  });

  return {
    element,
    get isOpen() {
      return isOpen;
    },
    open,
    close,
    entry(group, testId, label, choose) {
      const item = h('button', { type: 'button', role: 'menuitem', tabindex: '-1', class: 'top-menu-item', 'data-testid': testId, text: label });
      item.addEventListener('click', () => {
        close(true);
        choose();
      });
      const g = groups.get(group)!;
      g.hidden = false;
      g.append(item);
      return item;
    },
  };
}
