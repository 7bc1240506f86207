/**
 * Reports (PDF, XLSX, CSV per building) over chosen local days, and the district file to hand on or to keep as a
 * backup, as downloads with a progress bar. The core writes the files ('files.export'); this only asks and shows.
 */
import { REPORT_FORMATS, type ExportArgs, type FileJobView, type PlusTwinApi } from '../../models/contract/index.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { dayRange, isoDay, parseDay, showDay } from './day-range.js';
import { followJob, startDownload } from './file-job.js';
import { ensureFilesStyles } from './files-style.js';

export interface ExportDialogOptions {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly timeZone: string;
  /** The collector's clock (the demo's may run fast), for the default period. */
  readonly now: number;
}

/** The default period: the current month up to today, in the site's local days. */
export function defaultReportDays(now: number, timeZone: string): { first: string; last: string } {
  const last = isoDay(now, timeZone);
  return { first: `${last.slice(0, 8)}01`, last };
}

const megabytes = (i18n: I18n, bytes: number): string => i18n.number(bytes / 1e6, bytes < 1e5 ? 2 : 1);

export async function openExportDialog(o: ExportDialogOptions): Promise<void> {
  const { api, i18n } = o;
  ensureFilesStyles(document);
  const days = defaultReportDays(o.now, o.timeZone);
  const format = h('select', { 'data-testid': 'export-format' }, ...REPORT_FORMATS.map((f) => h('option', { value: f, text: i18n.t(`export.format.${f}`) })));
  const dayField = (value: string, testId: string) =>
    h('input', { type: 'text', inputmode: 'numeric', size: 10, value: showDay(value, i18n.lang), placeholder: i18n.t('period.placeholder'), required: true, 'data-testid': testId });
  const first = dayField(days.first, 'export-from');
  const last = dayField(days.last, 'export-to');
  const report = h('button', { type: 'button', class: 'primary', 'data-testid': 'export-report', text: i18n.t('export.report') });
  const district = h('button', { type: 'button', 'data-testid': 'export-district', text: i18n.t('export.district') });
  const backup = h('button', { type: 'button', 'data-testid': 'export-backup', text: i18n.t('export.backup') });
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'export-progress' });
  const status = h('p', { class: 'files-status', 'aria-live': 'polite', 'data-testid': 'export-status' });
  const link = h('a', { hidden: true, 'data-testid': 'export-download', text: i18n.t('export.again') });
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'export-error' });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog files-dialog', 'aria-labelledby': 'export-title', 'data-testid': 'export-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'export-title', text: i18n.t('export.title') }),
      h(
        'fieldset',
        {},
        h('legend', { text: i18n.t('export.reportTitle') }),
        h('p', { class: 'dev-hint', text: i18n.t('export.reportHint') }),
        h('div', { class: 'files-row' }, h('label', {}, i18n.t('export.format'), format), h('label', {}, i18n.t('period.first'), first), h('label', {}, i18n.t('period.last'), last)),
        h('div', { class: 'dev-actions' }, report),
      ),
      h(
        'fieldset',
        {},
        h('legend', { text: i18n.t('export.districtTitle') }),
        h('p', { class: 'dev-hint', text: i18n.t('export.districtHint') }),
        h('div', { class: 'dev-actions' }, district, backup),
      ),
      bar,
      status,
      link,
      message,
      h('div', { class: 'dev-actions' }, close),
    ),
  );
  const buttons = [report, district, backup];
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const what = (args: ExportArgs): string => (args.kind === 'report' ? i18n.t(`export.format.${args.format}`) : i18n.t(`export.kind.${args.kind}`));
  const run = (args: ExportArgs): void => {
    buttons.forEach((b) => (b.disabled = true));
    message.textContent = '';
    link.hidden = true;
    bar.hidden = false;
    bar.value = 0;
    const shown = (job: FileJobView) => {
      bar.value = job.progress;
      status.textContent = i18n.t('export.running', { what: what(args), percent: i18n.percent(job.progress) });
    };
    void (async () => {
      try {
        const job = await followJob(api, await callApi(api, 'files.export', args), shown);
        status.textContent = i18n.t('export.done', { file: job.fileName, size: megabytes(i18n, job.bytes ?? 0) });
        status.dataset['file'] = job.fileName;
        startDownload(job, link);
      } catch (e) {
        bar.hidden = true;
        status.textContent = '';
        message.textContent = errorText(e, i18n);
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    })();
  };

  report.addEventListener('click', () => {
    const [from, to] = [parseDay(first.value), parseDay(last.value)];
    if (from === null || to === null || dayRange(from, to, o.timeZone) === null) {
      message.textContent = i18n.t('period.invalid');
      return;
    }
    const chosen = REPORT_FORMATS.find((f) => f === format.value) ?? 'pdf';
    run({ kind: 'report', format: chosen, period: `${from}..${to}`, lang: i18n.lang });
  });
  district.addEventListener('click', () => run({ kind: 'district' }));
  backup.addEventListener('click', () => run({ kind: 'backup' }));

  document.body.append(dialog);
  dialog.showModal();
  await done;
  dialog.remove();
}
