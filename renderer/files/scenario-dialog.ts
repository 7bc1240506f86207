/**
 * What-if scenarios: the user composes measures (PV, PV on the suitable roofs, battery, heat pump, efficiency) for
 * buildings of the district over chosen local days; the core applies them to the measured profiles and assesses
 * both with the one analysis ('scenario.run'). The table shows its measured and simulated figures side by side with
 * their difference, and the costs both states have under the buildings' tariffs with the saving per measure.
 */
import type { PlusTwinApi, ScenarioMeasureInput, ScenarioRunResult } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import { HEAT_PUMP_REPLACES } from '../../models/scenarios/measures.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { dayRange, isoDay, parseDay, showDay } from './day-range.js';
import { analysisWindow } from '../time/analysis-window.js';
import { ensureFilesStyles } from './files-style.js';
import { rowValue, SCENARIO_ROWS } from './scenario-rows.js';
import { costRows } from './scenario-cost-rows.js';
import { noteText } from '../../models/i18n/analysis-notes.js';

export interface ScenarioDialogOptions {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly timeZone: string;
  readonly buildings: readonly Building[];
  /** The collector's clock, for the default period (the last 30 days up to today). */
  readonly now: number;
}

/**
 * Scenarios up to a quarter of a year are asked at 15 minutes: a battery moves energy within the hour and a dynamic
 * tariff prices each quarter hour, which hourly rollups would average away; longer ones use the hourly rollups.
 */
const SCENARIO_QUARTER_HOURS_MS = 92 * 86_400_000;

export const MEASURE_KINDS = ['pv', 'pv-potential', 'battery', 'heat-pump', 'efficiency'] as const;
type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The inputs of one kind: name, default, bounds, step; shares are entered in per cent. */
type FieldName = 'kwp' | 'tiltDeg' | 'azimuthDeg' | 'sharePct' | 'capacityKwh' | 'powerKw' | 'efficiencyPct' | 'scop' | 'savingPct' | 'replaces' | 'carrier';
const FIELDS: Record<MeasureKind, readonly { name: FieldName; value: number; min: number; max: number; step: number }[]> = {
  pv: [
    { name: 'kwp', value: 30, min: 0.1, max: 100_000, step: 0.1 },
    { name: 'tiltDeg', value: 30, min: 0, max: 90, step: 1 },
    { name: 'azimuthDeg', value: 180, min: 0, max: 360, step: 1 },
  ],
  'pv-potential': [{ name: 'sharePct', value: 100, min: 0, max: 100, step: 1 }],
  battery: [
    { name: 'capacityKwh', value: 20, min: 0.1, max: 100_000, step: 0.1 },
    { name: 'powerKw', value: 10, min: 0.1, max: 100_000, step: 0.1 },
    { name: 'efficiencyPct', value: 90, min: 1, max: 100, step: 1 },
  ],
  'heat-pump': [{ name: 'scop', value: 3.5, min: 1, max: 10, step: 0.1 }],
  efficiency: [{ name: 'savingPct', value: 10, min: 0, max: 100, step: 1 }],
};

/** One measure row of the dialog: its inputs and how it becomes the API's measure. */
class MeasureRow {
  readonly el: HTMLElement;
  private readonly kind: HTMLSelectElement;
  private readonly building: HTMLSelectElement;
  private readonly remove: HTMLButtonElement;
  private readonly inputs = new Map<FieldName, HTMLInputElement | HTMLSelectElement>();

  constructor(
    private readonly i18n: I18n,
    buildings: readonly Building[],
    onRemove: (row: MeasureRow) => void,
  ) {
    this.kind = h('select', { 'data-testid': 'measure-kind' }, ...MEASURE_KINDS.map((k) => h('option', { value: k, text: i18n.t(`scenario.kind.${k}`) })));
    this.building = h('select', { 'data-testid': 'measure-building' }, ...buildings.map((b) => h('option', { value: b.id, text: b.name })));
    this.remove = h('button', { type: 'button', 'data-testid': 'measure-remove', 'aria-label': i18n.t('scenario.remove'), text: '✕' });
    this.remove.addEventListener('click', () => onRemove(this));
    this.el = h('div', { class: 'scenario-measure', 'data-testid': 'scenario-measure' });
    this.kind.addEventListener('change', () => this.render());
    this.render();
  }

  private render(): void {
    const kind = this.kindValue();
    this.inputs.clear();
    const labels: HTMLElement[] = FIELDS[kind].map((f) => {
      const input = h('input', { type: 'number', value: f.value, min: f.min, max: f.max, step: f.step, required: true, 'data-field': f.name });
      this.inputs.set(f.name, input);
      return h('label', {}, this.i18n.t(`scenario.field.${f.name}`), input);
    });
    if (kind === 'heat-pump') {
      const replaces = h('select', { 'data-field': 'replaces' }, ...HEAT_PUMP_REPLACES.map((c) => h('option', { value: c, text: this.i18n.t(`scenario.carrier.${c}`) })));
      this.inputs.set('replaces', replaces);
      labels.push(h('label', {}, this.i18n.t('scenario.field.replaces'), replaces));
    }
    if (kind === 'efficiency') {
      const carrier = h(
        'select',
        { 'data-field': 'carrier' },
        ...(['*', 'electricity', 'heat', 'gas', 'district-heat'] as const).map((c) => h('option', { value: c, text: this.i18n.t(`scenario.carrier.${c === '*' ? 'all' : c}`) })),
      );
      this.inputs.set('carrier', carrier);
      labels.push(h('label', {}, this.i18n.t('scenario.field.carrier'), carrier));
    }
    this.el.replaceChildren(
      h('label', { class: 'wide' }, this.i18n.t('scenario.measure'), this.kind),
      h('label', { class: 'wide' }, this.i18n.t('scenario.building'), this.building),
      ...labels,
      this.remove,
    );
  }

  private kindValue(): MeasureKind {
    return MEASURE_KINDS.find((k) => k === this.kind.value) ?? 'pv';
  }

  /** The measure, or the name of the first input that holds no valid number. */
  measure(): ScenarioMeasureInput | { invalid: string } {
    for (const [name, input] of this.inputs) {
      if (input instanceof HTMLInputElement && (!input.checkValidity() || input.value === '')) return { invalid: this.i18n.t(`scenario.field.${name}`) };
    }
    const num = (name: FieldName): number => Number(this.inputs.get(name)?.value);
    const text = (name: FieldName): string => this.inputs.get(name)?.value ?? '';
    const buildingId = this.building.value;
    switch (this.kindValue()) {
      case 'pv':
        return { kind: 'pv', buildingId, kwp: num('kwp'), tiltDeg: num('tiltDeg'), azimuthDeg: num('azimuthDeg') };
      case 'pv-potential':
        return { kind: 'pv-potential', buildingId, share: num('sharePct') / 100 };
      case 'battery':
        return { kind: 'battery', buildingId, capacityKwh: num('capacityKwh'), powerKw: num('powerKw'), roundTripEfficiency: num('efficiencyPct') / 100 };
      case 'heat-pump':
        return { kind: 'heat-pump', buildingId, scop: num('scop'), replaces: HEAT_PUMP_REPLACES.find((c) => c === text('replaces')) ?? 'gas' };
      case 'efficiency': {
        const carrier = text('carrier');
        return { kind: 'efficiency', buildingId, carrier: carrier === 'electricity' || carrier === 'heat' || carrier === 'gas' || carrier === 'district-heat' ? carrier : '*', saving: num('savingPct') / 100 };
      }
    }
  }
}

export async function openScenarioDialog(o: ScenarioDialogOptions): Promise<void> {
  const { api, i18n } = o;
  ensureFilesStyles(document);
  const dayField = (value: string, testId: string) =>
    h('input', { type: 'text', inputmode: 'numeric', size: 10, value: showDay(value, i18n.lang), placeholder: i18n.t('period.placeholder'), required: true, 'data-testid': testId });
  const first = dayField(isoDay(o.now - 30 * 86_400_000, o.timeZone), 'scenario-from');
  const last = dayField(isoDay(o.now, o.timeZone), 'scenario-to');
  const list = h('div', { class: 'scenario-list', 'data-testid': 'scenario-measures' });
  const add = h('button', { type: 'button', 'data-testid': 'scenario-add', text: i18n.t('scenario.add') });
  const run = h('button', { type: 'button', class: 'primary', 'data-testid': 'scenario-run', text: i18n.t('scenario.run') });
  const busy = h('progress', { hidden: true, 'data-testid': 'scenario-busy' });
  const result = h('div', { 'data-testid': 'scenario-result', 'aria-live': 'polite' });
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'scenario-error' });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog files-dialog files-wide', 'aria-labelledby': 'scenario-title', 'data-testid': 'scenario-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'scenario-title', text: i18n.t('scenario.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('scenario.hint') }),
      h('div', { class: 'files-row' }, h('label', {}, i18n.t('period.first'), first), h('label', {}, i18n.t('period.last'), last)),
      h('fieldset', {}, h('legend', { text: i18n.t('scenario.measures') }), list, h('div', { class: 'dev-actions' }, add)),
      h('div', { class: 'dev-actions' }, run),
      busy,
      message,
      result,
      h('div', { class: 'dev-actions' }, close),
    ),
  );
  const rows: MeasureRow[] = [];
  const addRow = (): void => {
    const row = new MeasureRow(i18n, o.buildings, (r) => {
      rows.splice(rows.indexOf(r), 1);
      r.el.remove();
    });
    rows.push(row);
    list.append(row.el);
  };
  add.addEventListener('click', addRow);
  addRow();
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const show = (r: ScenarioRunResult): void => {
    const text = (v: number, digits: number, unit: string) => `${i18n.number(v, digits)} ${unit}`;
    const td = (row: string, col: string, t: string) => h('td', { class: 'num', 'data-row': row, 'data-col': col, text: t });
    const cell = (v: { value: number; unit: string; digits: number } | null, col: string, row: string) => td(row, col, v === null ? '–' : text(v.value, v.digits, v.unit));
    const body = SCENARIO_ROWS.flatMap((row) => {
      const m = rowValue(row, r.measured);
      const s = rowValue(row, r.simulated);
      if (m === null && s === null) return [];
      // the core answers no difference of these figures, and the UI works none out
      return [h('tr', {}, h('th', { text: i18n.t(`scenario.row.${row}`) }), cell(m, 'measured', row), cell(s, 'simulated', row), td(row, 'difference', ''))];
    });
    // a difference of a few thousandths of a cent is shown as 0,00 €, not -0,00 €
    const eur = (v: number) => text(Math.abs(v) < 0.005 ? 0 : v, 2, '€');
    const names = new Map(o.buildings.map((b) => [b.id, b.name]));
    const costs = costRows(r);
    const costLabel = (c: (typeof costs)[number]) =>
      c.kind === 'energy' && c.carrier !== undefined && c.carrier !== 'heat' && c.carrier !== 'ambient-heat'
        ? i18n.t('scenario.cost.energy', { carrier: i18n.t(`tariffs.carrier.${c.carrier}`) })
        : i18n.t(c.kind === 'fixed' ? 'scenario.cost.fixed' : c.kind === 'feedIn' ? 'scenario.cost.feedIn' : 'scenario.cost.net');
    const savingRow = (id: string, label: string, v: number) =>
      h('tr', { class: 'scenario-saving' }, h('th', { text: label }), td(id, 'measured', ''), td(id, 'simulated', ''), td(id, 'difference', eur(v)));
    const costBody =
      costs.length === 0
        ? [h('tr', {}, h('td', { colspan: 4, class: 'dev-hint', 'data-testid': 'scenario-no-tariff', text: i18n.t('scenario.cost.noTariff') }))]
        : [
            ...costs.map((c) =>
              h('tr', {}, h('th', { text: costLabel(c) }), td(c.id, 'measured', eur(c.measured)), td(c.id, 'simulated', eur(c.simulated)), td(c.id, 'difference', eur(c.difference))),
            ),
            ...r.effects
              .filter((e) => e.savingEur !== undefined)
              .map((e) =>
                savingRow(
                  `cost-saving-${e.index}-${e.buildingId}`,
                  i18n.t('scenario.cost.effect', { n: e.index + 1, kind: i18n.t(`scenario.kind.${e.kind}`), building: names.get(e.buildingId) ?? e.buildingId }),
                  e.savingEur ?? 0,
                ),
              ),
            savingRow('cost-saving', i18n.t('scenario.cost.saving'), r.costs.savingEur),
          ];
    const unpriced = [r.costs.measured.district.unpricedImportKwh, r.costs.simulated.district.unpricedImportKwh];
    const verdict = (plus: boolean) => i18n.t(plus ? 'scenario.plus' : 'scenario.notPlus');
    const num = { class: 'num' };
    result.replaceChildren(
      h(
        'table',
        { 'data-testid': 'scenario-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { text: '' }),
            h('th', { ...num, text: i18n.t('scenario.measured') }),
            h('th', { ...num, text: i18n.t('scenario.simulated') }),
            h('th', { ...num, text: i18n.t('scenario.difference') }),
          ),
        ),
        h(
          'tbody',
          {},
          ...body,
          h(
            'tr',
            {},
            h('th', { text: i18n.t('scenario.row.energyPlus') }),
            td('energyPlus', 'measured', verdict(r.measured.energyPlus.energyPlus)),
            td('energyPlus', 'simulated', verdict(r.simulated.energyPlus.energyPlus)),
            td('energyPlus', 'difference', ''),
          ),
        ),
        h('tbody', { 'data-testid': 'scenario-costs' }, h('tr', { class: 'scenario-section' }, h('th', { colspan: 4, text: i18n.t('scenario.costs') })), ...costBody),
      ),
      h('p', { class: 'dev-hint', text: i18n.t('scenario.differenceHint') }),
      unpriced.some((v) => v > 0)
        ? h('p', { class: 'dev-hint', 'data-testid': 'scenario-unpriced', text: i18n.t('scenario.cost.unpriced', { measured: i18n.number(unpriced[0] ?? 0, 0), simulated: i18n.number(unpriced[1] ?? 0, 0) }) })
        : '',
      h('p', { class: 'dev-hint', text: i18n.t('scenario.factors', { primary: r.factorSets.primary.name, co2: r.factorSets.co2.name }) }),
      r.notes.length > 0
        ? h(
            'details',
            { 'data-testid': 'scenario-notes' },
            h('summary', { text: i18n.t('scenario.assumptions') }),
            h('ul', {}, ...r.notes.map((n) => h('li', { text: noteText(i18n.lang, n) }))),
          )
        : '',
    );
  };

  run.addEventListener('click', () => {
    message.textContent = '';
    const [from, to] = [parseDay(first.value), parseDay(last.value)];
    const period = from === null || to === null ? null : dayRange(from, to, o.timeZone);
    if (period === null) return void (message.textContent = i18n.t('period.invalid'));
    const measures: ScenarioMeasureInput[] = [];
    for (const [i, row] of rows.entries()) {
      const m = row.measure();
      if ('invalid' in m) return void (message.textContent = i18n.t('scenario.invalid', { n: i + 1, field: m.invalid }));
      measures.push(m);
    }
    run.disabled = true;
    busy.hidden = false;
    void (async () => {
      try {
        show(await callApi(api, 'scenario.run', { ...analysisWindow(period.from, period.to, SCENARIO_QUARTER_HOURS_MS), measures }));
        result.scrollIntoView({ block: 'nearest' });
      } catch (e) {
        message.textContent = errorText(e, i18n);
      } finally {
        run.disabled = false;
        busy.hidden = true;
      }
    })();
  });

  document.body.append(dialog);
  dialog.showModal();
  await done;
  dialog.remove();
}
