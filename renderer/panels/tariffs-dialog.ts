/**
 * The tariffs of one building: the list (carrier, kind, validity, prices) and a form to add or change one. A
 * dynamic tariff's CSV is read here and sent as text; the core checks it and refuses a file with a bad row whole,
 * each row named in the user's language (tariff-csv-text.ts). Nothing is stored until the core accepts it.
 */
import type { PlusTwinApi, TariffSaveArgs, TariffView } from '../../models/contract/index.js';
import { TARIFF_CARRIERS, TARIFF_KINDS, type TariffCarrier, type TariffKind } from '../../models/tariffs/tariff.js';
import type { Building } from '../../models/types.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from './dom.js';
import { decodeCsvFile } from './history-dialog.js';

/** "31,5" or "31.5" as typed in either language; null when it is not a number. */
export const typedNumber = (text: string): number | null => {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const v = Number(t.includes(',') ? t.replaceAll('.', '').replace(',', '.') : t);
  return Number.isFinite(v) ? v : null;
};

export async function openTariffsDialog(api: PlusTwinApi, i18n: I18n, building: Building, onChanged: () => void): Promise<void> {
  const carrierName = (c: TariffCarrier) => i18n.t(`tariffs.carrier.${c}`);
  const carrier = h('select', { 'data-testid': 'tariff-carrier' }, ...TARIFF_CARRIERS.map((c) => h('option', { value: c, text: carrierName(c) })));
  const kind = h('select', { 'data-testid': 'tariff-kind' }, ...TARIFF_KINDS.map((k) => h('option', { value: k, text: i18n.t(`tariffs.kind.${k}`) })));
  const name = h('input', { type: 'text', maxlength: 200, 'data-testid': 'tariff-name' });
  const validFrom = h('input', { type: 'date', required: true, 'data-testid': 'tariff-from' });
  const validTo = h('input', { type: 'date', 'data-testid': 'tariff-to' });
  const energy = h('input', { type: 'text', inputmode: 'decimal', 'data-testid': 'tariff-energy' });
  const fixed = h('input', { type: 'text', inputmode: 'decimal', value: '0', 'data-testid': 'tariff-fixed' });
  const feedIn = h('input', { type: 'text', inputmode: 'decimal', value: '0', 'data-testid': 'tariff-feed-in' });
  const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv', 'data-testid': 'tariff-file' });
  const fileLabel = h('label', { hidden: true }, i18n.t('tariffs.file'), file);
  const feedInLabel = h('label', {}, i18n.t('tariffs.feedIn'), feedIn);
  const list = h('div', { 'data-testid': 'tariff-list' });
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'tariff-message' });
  const done = h('p', { role: 'status', 'data-testid': 'tariff-done' });
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'tariff-save', text: i18n.t('tariffs.save') });
  const reset = h('button', { type: 'button', 'data-testid': 'tariff-new', text: i18n.t('tariffs.new') });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'tariffs-title', 'data-testid': 'tariffs-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'tariffs-title', text: i18n.t('tariffs.title', { building: building.name }) }),
      h('p', { class: 'dev-hint', text: i18n.t('tariffs.hint') }),
      list,
      h('label', {}, i18n.t('tariffs.carrier'), carrier),
      h('label', {}, i18n.t('tariffs.kind'), kind),
      h('label', {}, i18n.t('tariffs.name'), name),
      h('label', {}, i18n.t('tariffs.validFrom'), validFrom),
      h('label', {}, i18n.t('tariffs.validTo'), validTo),
      h('label', {}, i18n.t('tariffs.energy'), energy),
      h('label', {}, i18n.t('tariffs.fixed'), fixed),
      feedInLabel,
      fileLabel,
      message,
      done,
      h('div', { class: 'dev-actions' }, close, reset, save),
    ),
  );
  let editing: TariffView | null = null;
  // dynamic tariffs need their file; feed-in is paid for exported electricity
  const follow = () => {
    fileLabel.hidden = kind.value !== 'dynamic';
    feedInLabel.hidden = carrier.value !== 'electricity';
  };
  carrier.addEventListener('change', follow);
  kind.addEventListener('change', follow);
  const fill = (t: TariffView | null) => {
    editing = t;
    carrier.value = t?.carrier ?? 'electricity';
    kind.value = t?.kind ?? 'fixed';
    name.value = t?.name ?? '';
    validFrom.value = t?.validFrom ?? '';
    validTo.value = t?.validTo ?? '';
    energy.value = t === null ? '' : i18n.number(t.energyCtPerKwh, 2);
    fixed.value = t === null ? '0' : i18n.number(t.fixedEurPerMonth, 2);
    feedIn.value = t === null ? '0' : i18n.number(t.feedInCtPerKwh, 2);
    file.value = '';
    carrier.disabled = t !== null;
    message.textContent = done.textContent = '';
    follow();
  };
  const render = (tariffs: readonly TariffView[]) => {
    if (tariffs.length === 0) {
      list.replaceChildren(h('p', { class: 'note', text: i18n.t('tariffs.none') }));
      return;
    }
    list.replaceChildren(
      h(
        'table',
        { class: 'tariffs' },
        h('tbody', {}, ...tariffs.map((t) => {
          const edit = h('button', { type: 'button', 'data-testid': 'tariff-edit', text: i18n.t('tariffs.edit') });
          const remove = h('button', { type: 'button', 'data-testid': 'tariff-remove', text: i18n.t('tariffs.remove') });
          edit.addEventListener('click', () => fill(t));
          remove.addEventListener('click', () => void run(async () => {
            await callApi(api, 'tariffs.remove', { id: t.id });
            done.textContent = i18n.t('tariffs.removed');
          }));
          return h(
            'tr',
            { 'data-tariff-id': t.id },
            h('td', { text: carrierName(t.carrier) }),
            h('td', { text: t.name }),
            h('td', { text: `${t.validFrom} – ${t.validTo ?? i18n.t('tariffs.openEnd')}` }),
            h('td', { class: 'num', text: `${i18n.number(t.energyCtPerKwh, 2)} ct/kWh` }),
            h('td', { class: 'num', text: `${i18n.number(t.fixedEurPerMonth, 2)} €` }),
            h('td', { text: t.prices === null ? i18n.t(`tariffs.kind.${t.kind}`) : i18n.t('tariffs.prices', { count: t.prices.count }) }),
            h('td', {}, edit, remove),
          );
        })),
      ),
    );
  };
  const reload = async () => render(await callApi(api, 'tariffs.list', { buildingId: building.id }));
  const run = async (fn: () => Promise<void>) => {
    message.textContent = done.textContent = '';
    save.disabled = true;
    try {
      await fn();
      await reload();
      onChanged();
    } catch (e) {
      message.textContent = errorText(e, i18n);
    } finally {
      save.disabled = false;
    }
  };
  const args = async (): Promise<TariffSaveArgs | string> => {
    const numbers = { energy: typedNumber(energy.value), fixed: typedNumber(fixed.value), feedIn: typedNumber(feedIn.value) };
    if (validFrom.value === '') return i18n.t('tariffs.badDate', { field: i18n.t('tariffs.validFrom') });
    if (numbers.energy === null) return i18n.t('tariffs.badNumber', { field: i18n.t('tariffs.energy') });
    if (numbers.fixed === null) return i18n.t('tariffs.badNumber', { field: i18n.t('tariffs.fixed') });
    if (numbers.feedIn === null) return i18n.t('tariffs.badNumber', { field: i18n.t('tariffs.feedIn') });
    const chosen = file.files?.[0];
    const prices = kind.value === 'dynamic' && chosen ? { csv: decodeCsvFile(await chosen.arrayBuffer()), file: chosen.name } : undefined;
    return {
      ...(editing === null ? {} : { id: editing.id }),
      buildingId: building.id,
      carrier: carrier.value as TariffCarrier,
      kind: kind.value as TariffKind,
      name: name.value.trim(),
      validFrom: validFrom.value,
      validTo: validTo.value === '' ? null : validTo.value,
      energyCtPerKwh: numbers.energy,
      fixedEurPerMonth: numbers.fixed,
      feedInCtPerKwh: carrier.value === 'electricity' ? numbers.feedIn : 0,
      ...(prices === undefined ? {} : { prices }),
    };
  };
  save.addEventListener('click', () =>
    void run(async () => {
      const a = await args();
      if (typeof a === 'string') {
        message.textContent = a;
        return;
      }
      const saved = await callApi(api, 'tariffs.save', a);
      fill(null);
      done.textContent = i18n.t('tariffs.saved');
      done.dataset['tariffId'] = saved.id;
    }),
  );
  reset.addEventListener('click', () => fill(null));
  const closed = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());
  fill(null);
  document.body.append(dialog);
  dialog.showModal();
  await run(async () => {});
  await closed;
  dialog.remove();
}
