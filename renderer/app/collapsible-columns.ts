/**
 * The building list and the dashboard dock can be folded to a rail, giving the 3D scene their width. Below 1300 px
 * the building list starts folded (the scene keeps at least about 600 px beside the dock and the panel); the
 * user's choice is kept for the session.
 */
import type { I18n } from '../i18n/i18n.js';

interface Column {
  /** The element whose grid gives the column its width. */
  readonly grid: HTMLElement;
  /** The data attribute on grid that names the state ('nav' or 'dock'). */
  readonly attr: 'nav' | 'dock';
  readonly column: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The column's name, for the button's label. */
  readonly name: string;
  /** Which way the arrow of "fold" points: a left column folds to the left. */
  readonly side: 'left' | 'right';
}

const NARROW = '(max-width: 1299px)';

function set(c: Column, collapsed: boolean, i18n: I18n): void {
  c.grid.dataset[c.attr] = collapsed ? 'collapsed' : 'open';
  c.column.dataset['collapsed'] = String(collapsed);
  c.button.setAttribute('aria-expanded', String(!collapsed));
  const label = i18n.t(collapsed ? 'layout.expand' : 'layout.collapse', { name: c.name });
  c.button.setAttribute('aria-label', label);
  c.button.title = label;
  const left = c.side === 'left' ? !collapsed : collapsed;
  c.button.textContent = left ? '‹' : '›';
}

export function setupCollapsibleColumns(doc: Document, i18n: I18n): void {
  const q = <T extends HTMLElement>(testid: string): T | null => doc.querySelector<T>(`[data-testid="${testid}"]`);
  const layout = q('layout');
  const nav = q('buildings-column');
  const navButton = q<HTMLButtonElement>('buildings-collapse');
  const view = doc.querySelector<HTMLElement>('.view');
  const dock = q('dashboard-dock');
  const dockButton = q<HTMLButtonElement>('dock-collapse');
  const columns: Column[] = [];
  if (layout && nav && navButton) columns.push({ grid: layout, attr: 'nav', column: nav, button: navButton, name: i18n.t('buildings.title'), side: 'left' });
  if (view && dock && dockButton) columns.push({ grid: view, attr: 'dock', column: dock, button: dockButton, name: i18n.t('dashboard.dock'), side: 'right' });
  const narrow = typeof matchMedia === 'function' && matchMedia(NARROW).matches;
  for (const c of columns) {
    set(c, c.attr === 'nav' && narrow, i18n);
    c.button.addEventListener('click', () => {
      set(c, c.column.dataset['collapsed'] !== 'true', i18n);

    });
  }
}
