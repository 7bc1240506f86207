/**
 * Buildings from a CityGML or GeoJSON file: picked here, read with a progress bar, sent to the core as text
 * ('files.import', at most MAX_IMPORT_UPLOAD_BYTES) and imported there with progress. The core reads the whole file
 * before it touches the district, so a broken file changes nothing and its error names the problem and the line.
 */
import { warningLines } from './import-warning-lines.js';
import { MAX_IMPORT_UPLOAD_BYTES, type BuildingImportSummary, type PlusTwinApi } from '../../models/contract/index.js';
import { callApi, DeviceApiError, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { followJob } from './file-job.js';
import { ensureFilesStyles } from './files-style.js';

export interface ImportDialogOptions {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  /** Called after a successful import: the app redraws the district. */
  readonly onImported: (summary: BuildingImportSummary) => void;
}

/** The CRSs the importers know (main/core/importers/crs), for files that name none or the wrong one. */
const CRS_CHOICES = ['EPSG:25832', 'EPSG:25833', 'EPSG:31466', 'EPSG:31467', 'EPSG:3857', 'EPSG:4326'] as const;

/** Reads the file as UTF-8 text, reporting the share read. */
function readText(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0);
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

export async function openImportDialog(o: ImportDialogOptions): Promise<void> {
  const { api, i18n } = o;
  ensureFilesStyles(document);
  const limitMb = String(MAX_IMPORT_UPLOAD_BYTES >> 20);
  const file = h('input', { type: 'file', accept: '.gml,.xml,.citygml,.geojson,.json', 'data-testid': 'import-file' });
  const crs = h(
    'select',
    { 'data-testid': 'import-crs' },
    h('option', { value: '', text: i18n.t('import.crs.file') }),
    ...CRS_CHOICES.map((c) => h('option', { value: c, text: c })),
  );
  const start = h('button', { type: 'button', class: 'primary', disabled: true, 'data-testid': 'import-start', text: i18n.t('import.start') });
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'import-progress' });
  const status = h('p', { class: 'files-status', 'aria-live': 'polite', 'data-testid': 'import-status' });
  const result = h('div', { 'data-testid': 'import-result' });
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'import-error' });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog files-dialog', 'aria-labelledby': 'import-title', 'data-testid': 'import-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'import-title', text: i18n.t('import.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('import.hint', { limitMb }) }),
      h('div', { class: 'files-row' }, h('label', {}, i18n.t('import.file'), file), h('label', {}, i18n.t('import.crs'), crs)),
      bar,
      status,
      result,
      message,
      h('div', { class: 'dev-actions' }, close, start),
    ),
  );
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const picked = (): File | undefined => file.files?.[0];
  file.addEventListener('change', () => {
    message.textContent = '';
    result.replaceChildren();
    status.textContent = '';
    const f = picked();
    start.disabled = f === undefined;
    if (f && f.size > MAX_IMPORT_UPLOAD_BYTES) {
      start.disabled = true;
      message.textContent = errorText(new DeviceApiError({ kind: 'validation', message: 'too large', code: 'import.tooLarge', params: { file: f.name, limitMb } }), i18n);
    }
  });

  const show = (s: BuildingImportSummary): void => {
    result.replaceChildren(
      h('p', { class: 'dev-ok', 'data-testid': 'import-done', text: i18n.t('import.done', { buildings: s.buildings, added: s.added, updated: s.updated, roofs: s.roofSurfaces }) }),
      h('p', { class: 'dev-hint', text: i18n.t('import.format', { format: s.format === 'citygml' ? 'CityGML' : 'GeoJSON', crs: s.crs }) }),
      s.warnings.length > 0 ? h('ul', { 'data-testid': 'import-warnings' }, ...warningLines(i18n, s).slice(0, 20).map((w) => h('li', { text: w }))) : '',
    );
  };

  start.addEventListener('click', () => {
    const f = picked();
    if (!f) return;
    start.disabled = true;
    file.disabled = true;
    message.textContent = '';
    result.replaceChildren();
    bar.hidden = false;
    bar.value = 0;
    // reading is the first fifth of the bar, the core's import the rest
    const step = (share: number, text: string) => {
      bar.value = share;
      status.textContent = text;
    };
    void (async () => {
      try {
        const text = await readText(f, (s) => step(0.2 * s, i18n.t('import.reading', { percent: i18n.percent(s) })));
        step(0.2, i18n.t('import.sending'));
        const started = await callApi(api, 'files.import', { fileName: f.name, text, ...(crs.value === '' ? {} : { crs: crs.value }) });
        const job = await followJob(api, started, (j) => step(0.2 + 0.8 * j.progress, i18n.t('import.importing', { percent: i18n.percent(j.progress) })));
        status.textContent = '';
        bar.hidden = true;
        if (job.imported) {
          show(job.imported);
          o.onImported(job.imported);
        }
      } catch (e) {
        bar.hidden = true;
        status.textContent = '';
        message.textContent = errorText(e, i18n);
      } finally {
        file.disabled = false;
        start.disabled = picked() === undefined;
      }
    })();
  });

  document.body.append(dialog);
  dialog.showModal();
  await done;
  dialog.remove();
}
