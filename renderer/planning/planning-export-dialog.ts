/**
 * Planning exports from the UI: the heat plan (GeoPackage), the BISKO balance (XLSX, CSV) and the energy report
 * (PDF, XLSX) of a year. The core writes the file ('planning.export', the same functions as the CLI) and answers
 * its bytes; the page hands them to the browser as a download. Nothing is computed here.
 */
import type { PlusTwinApi } from '../../models/contract/index.js';
import { PLANNING_EXPORT_KINDS, type PlanningExportKind } from '../../models/values.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import type { TopMenu } from '../app/top-menu.js';
import { reportCategoryEditor } from './report-category-editor.js';

/** The file's bytes as a download named fileName (an object URL, released once the click has started it). */
export function downloadBytes(doc: Document, fileName: string, mimeType: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = h('a', { href: url, download: fileName, hidden: true });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function openPlanningExportDialog(api: PlusTwinApi, i18n: I18n, doc: Document, lastYear: number): void {
  const kind = h('select', { 'data-testid': 'planning-kind' }, ...PLANNING_EXPORT_KINDS.map((k) => h('option', { value: k, text: i18n.t(`planning.kind.${k}`) })));
  const year = h('input', { type: 'number', min: '1990', max: String(lastYear + 1), step: '1', value: String(lastYear), 'data-testid': 'planning-year' });
  const message = h('p', { class: 'dev-hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'planning-message' });
  const exportButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'planning-export', text: i18n.t('planning.export') });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  // the app's energy report has no Klimafaktor input: say so where the report is chosen (the TRY default)
  const weatherNote = h('p', { class: 'dev-hint', 'data-testid': 'planning-weather-default', text: i18n.t('planning.weatherDefault') });
  const showWeatherNote = () => (weatherNote.hidden = !kind.value.startsWith('energy-report'));
  kind.addEventListener('change', showWeatherNote);
  showWeatherNote();
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'planning-title', 'data-testid': 'planning-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'planning-title', text: i18n.t('planning.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('planning.hint') }),
      h('label', {}, i18n.t('planning.kind'), kind),
      h('label', {}, i18n.t('planning.year'), year),
      weatherNote,
      message,
      h('div', { class: 'dev-actions' }, close, exportButton),
      reportCategoryEditor(api, i18n),
    ),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  exportButton.addEventListener('click', () => {
    const y = Number(year.value);
    if (!Number.isInteger(y) || y < 1990 || y > lastYear + 1) {
      message.className = 'dev-error';
      message.textContent = i18n.t('planning.badYear', { max: lastYear + 1 });
      return;
    }
    exportButton.disabled = true;
    message.className = 'dev-hint';
    message.textContent = i18n.t('planning.working');
    void (async () => {
      try {
        const f = await callApi(api, 'planning.export', { kind: kind.value as PlanningExportKind, year: y, lang: i18n.lang });
        downloadBytes(doc, f.fileName, f.mimeType, f.base64);
        message.textContent = i18n.t('planning.done', { file: f.fileName, kb: i18n.number(f.bytes / 1024, 0) });
      } catch (e) {
        message.className = 'dev-error';
        message.textContent = errorText(e, i18n);
      } finally {
        exportButton.disabled = false;
      }
    })();
  });
  doc.body.append(dialog);
  dialog.showModal();
}

/** The top bar menu's entry that opens the dialog; the default year is the last local calendar year. */
export function mountPlanningExport(api: PlusTwinApi, i18n: I18n, menu: TopMenu): void {
  menu.entry('planning', 'planning-open', i18n.t('menu.planning'), () => openPlanningExportDialog(api, i18n, document, new Date().getFullYear() - 1));
}
