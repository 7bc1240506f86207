/**
 * One top-bar menu for what the README promises beyond the live view: report export, district export and backup,
 * the building import, scenarios and the CO2 path. Each entry opens its dialog; the dialogs ask the core for the
 * collector's clock and time zone when they open, so they follow the demo's fast clock like the rest of the page.
 */
import type { BuildingImportSummary, PlusTwinApi } from '../../models/contract/index.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { safeTimeZone } from '../time/zoned-time.js';
import { openCo2Dialog } from './co2-dialog.js';
import { openExportDialog } from './export-dialog.js';
import { ensureFilesStyles } from './files-style.js';
import { openImportDialog } from './import-dialog.js';
import { openScenarioDialog } from './scenario-dialog.js';

export interface FilesMount {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly bar: HTMLElement;
  /** After an import: redraw the district with its new buildings. */
  readonly onImported: (summary: BuildingImportSummary) => void;
  readonly notice?: HTMLElement;
}

export function mountFiles(m: FilesMount): void {
  const doc = m.bar.ownerDocument;
  ensureFilesStyles(doc);
  const entry = (id: string, text: string) => h('button', { type: 'button', role: 'menuitem', 'data-testid': id, text });
  const items = {
    export: entry('tools-export', m.i18n.t('tools.export')),
    import: entry('tools-import', m.i18n.t('tools.import')),
    scenarios: entry('tools-scenarios', m.i18n.t('tools.scenarios')),
    co2: entry('tools-co2', m.i18n.t('tools.co2')),
  };
  const summary = h('summary', { class: 'dev-topbar-button', 'data-testid': 'tools-open', text: m.i18n.t('tools.open') });
  const list = h('div', { class: 'tools-list', role: 'menu' }, items.export, items.import, items.scenarios, items.co2);
  const menu = h('details', { class: 'tools-menu', 'data-testid': 'tools-menu' }, summary, list);
  m.bar.append(menu);
  // the top bar scrolls sideways and would clip a dropdown inside it: the list is fixed to the window, under the button
  menu.addEventListener('toggle', () => {
    if (!menu.open) return;
    const r = summary.getBoundingClientRect();
    list.style.top = `${Math.round(r.bottom + 4)}px`;
    list.style.right = `${Math.max(4, Math.round(doc.documentElement.clientWidth - r.right))}px`;
  });
  doc.addEventListener('click', (e) => {
    if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  });

  const context = async () => {
    const [district, status] = await Promise.all([callApi(m.api, 'district.get', {}), callApi(m.api, 'status.get', {})]);
    return { district, timeZone: safeTimeZone(district.site.timezone), now: status.now };
  };
  const open = (work: (ctx: Awaited<ReturnType<typeof context>>) => Promise<void>) => () => {
    menu.open = false;
    void context()
      .then(work)
      .catch((e: unknown) => {
        if (m.notice) m.notice.textContent = m.i18n.t('app.error', { message: errorText(e, m.i18n) });
      });
  };
  const { api, i18n } = m;
  items.export.addEventListener('click', open(({ timeZone, now }) => openExportDialog({ api, i18n, timeZone, now })));
  items.import.addEventListener('click', open(() => openImportDialog({ api, i18n, onImported: m.onImported })));
  items.scenarios.addEventListener('click', open(({ district, timeZone, now }) => openScenarioDialog({ api, i18n, timeZone, now, buildings: district.buildings })));
  items.co2.addEventListener('click', open(({ timeZone, now }) => openCo2Dialog({ api, i18n, timeZone, now })));
}
