/**
 * Import a meter's history from a CSV file into one point of the selected building: the core previews the file
 * (what it recognised, the period, the energy, the first rows, every bad line by number) and imports only a file
 * without errors, all or nothing. The file is read here and sent as text; the core does all the parsing.
 */
import { historyLineText } from './history-line-text.js';
import type { HistoryPreviewView, PlusTwinApi, StampMarksWhy } from '../../models/contract/index.js';
import { HISTORY_UNITS, type HistoryUnit } from '../../models/values.js';
import type { Point } from '../../models/types.js';
import { callApi, errorText } from '../devices/devices-api.js';
import { pointLabel } from '../i18n/point-names.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';

/** UTF-8, or Windows-1252 as German utilities' Windows exports are written; without a byte order mark. */
export function decodeCsvFile(bytes: ArrayBuffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Points whose history can be imported: the ones the interval engine turns into energy. */
export const historyPoints = (points: readonly Point[], buildingId: string): Point[] =>
  points.filter((p) => p.buildingId === buildingId && (p.kind === 'energy-counter' || p.kind === 'power'));

/** What decided starts or ends, in the user's language: the evidence in the file, or the basis when there is none. */
const whyText = (i18n: I18n, why: StampMarksWhy): string =>
  why.basis === 'evidence' ? why.evidence.map((e) => i18n.t(`history.evidence.${e}`)).join(', ') : i18n.t(`history.why.${why.basis}`);

export async function openHistoryDialog(
  api: PlusTwinApi,
  i18n: I18n,
  timeZone: string,
  points: readonly Point[],
  onImported: () => void,
  devices: readonly { readonly id: string; readonly protocol: string }[] = [],
): Promise<void> {
  const pointSelect = h(
    'select',
    { 'data-testid': 'history-point' },
    ...points.map((p) => h('option', { value: p.id, text: `${pointLabel(i18n.lang, p, devices)} (${i18n.t(`history.role.${p.role}`)})` })),
  );
  const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv', 'data-testid': 'history-file' });
  const unitSelect = h(
    'select',
    { 'data-testid': 'history-unit-choice' },
    h('option', { value: '', text: i18n.t('history.unit.auto') }),
    ...HISTORY_UNITS.map((u) => h('option', { value: u, text: u })),
  );
  const unitArg = (): { unit?: HistoryUnit } => (unitSelect.value === '' ? {} : { unit: unitSelect.value as HistoryUnit });
  const preview = h('div', { class: 'history-preview', 'data-testid': 'history-preview', 'aria-live': 'polite' });
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'history-message' });
  const importButton = h('button', { type: 'button', class: 'primary', disabled: true, 'data-testid': 'history-import', text: i18n.t('history.import') });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'history-title', 'data-testid': 'history-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'history-title', text: i18n.t('history.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('history.hint') }),
      h('label', {}, i18n.t('history.point'), pointSelect),
      h('label', {}, i18n.t('history.file'), file),
      h('label', {}, i18n.t('history.unit'), unitSelect),
      preview,
      message,
      h('div', { class: 'dev-actions' }, close, importButton),
    ),
  );
  let csv: string | null = null;
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const show = (p: HistoryPreviewView): void => {
    const when = (ts: number | null) => (ts === null ? '–' : i18n.dateTime(ts, timeZone));
    const lines = [
      i18n.t('history.recognised', { kind: i18n.t(`history.kind.${p.kind}`), delimiter: p.delimiter === '\t' ? i18n.t('history.tab') : p.delimiter }),
      i18n.t('history.period', { rows: p.rows, from: when(p.first), to: when(p.last) }),
    ];
    if (p.errorCount === 0) lines.push(i18n.t('history.energy', { intervals: p.intervals, kwh: i18n.number(p.kwh, 1) }));
    // the unit decides the numbers by factors of 4 or 1,000: shown first and in bold, and loudly when assumed
    const unitText = i18n.t('history.unitApplied', { unit: p.unit, source: i18n.t(`history.unitSource.${p.unitSource}`) });
    preview.replaceChildren(
      h('p', { class: p.unitSource === 'assumed' ? 'history-unit dev-error' : 'history-unit', 'data-testid': 'history-unit' }, h('strong', { text: unitText })),
      h('p', { 'data-testid': 'history-marks', text: i18n.t('history.marks', { marks: i18n.t(`history.marks.${p.stampMarks}`), reason: whyText(i18n, p.stampMarksWhy) }) }),
      ...lines.map((text) => h('p', { text })),
      p.warnings.length > 0
        ? h(
            'div',
            { 'data-testid': 'history-warnings' },
            h('p', { class: 'dev-error', text: i18n.t('history.warnings', { count: p.warnings.length }) }),
            h('ul', {}, ...p.warnings.map((w) => h('li', { 'data-line': String(w.line), text: historyLineText(i18n, w) }))),
          )
        : '',
      p.sample.length > 0
        ? h(
            'table',
            { class: 'history-sample' },
            h('caption', { text: i18n.t('history.sample') }),
            ...p.sample.map((r) => h('tr', {}, h('td', { text: String(r.line) }), h('td', { text: when(r.ts) }), h('td', { text: i18n.number(r.value, 3) }))),
          )
        : '',
      p.errorCount > 0
        ? h(
            'div',
            { 'data-testid': 'history-errors' },
            h('p', { class: 'dev-error', text: i18n.plural('history.errors', p.errorCount) }),
            h('ul', {}, ...p.errors.map((e) => h('li', { 'data-line': String(e.line), text: historyLineText(i18n, e) }))),
          )
        : '',
    );
    importButton.disabled = p.errorCount > 0 || p.intervals === 0;
  };

  const refresh = (read: () => Promise<string>) => {
    importButton.disabled = true;
    message.textContent = '';
    preview.replaceChildren();
    void (async () => {
      try {
        csv = await read();
        show(await callApi(api, 'history.preview', { csv, ...unitArg() }));
      } catch (e) {
        csv = null;
        message.textContent = errorText(e, i18n);
      }
    })();
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      importButton.disabled = true;
      preview.replaceChildren();
      return;
    }
    refresh(async () => decodeCsvFile(await chosen.arrayBuffer()));
  });
  unitSelect.addEventListener('change', () => {
    const text = csv;
    if (text !== null) refresh(async () => text);
  });

  importButton.addEventListener('click', () => {
    if (csv === null) return;
    importButton.disabled = true;
    void (async () => {
      try {
        const r = await callApi(api, 'history.import', { csv: csv as string, pointId: pointSelect.value, ...unitArg() });
        preview.replaceChildren(h('p', { 'data-testid': 'history-done', text: i18n.t('history.imported', { intervals: r.intervals }) }));
        onImported();
      } catch (e) {
        message.textContent = errorText(e, i18n);
      }
    })();
  });

  document.body.append(dialog);
  dialog.showModal();
  await done;
  dialog.remove();
}
