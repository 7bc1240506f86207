/**
 * The planning dialog's editor of each building's Energiebericht category: the core lists the buildings with the
 * category the report uses and the table's categories ('planning.reportCategories'); the user picks one or "from the
 * use" and saves ('planning.setReportCategory', checked and stored in the core). Nothing is computed here.
 */
import type { PlusTwinApi, ReportCategories } from '../../models/contract/index.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';

const AUTO = 'auto';

export function reportCategoryEditor(api: PlusTwinApi, i18n: I18n): HTMLElement {
  const building = h('select', { 'data-testid': 'planning-category-building' });
  const category = h('select', { 'data-testid': 'planning-category-value' });
  const save = h('button', { type: 'button', 'data-testid': 'planning-category-save', text: i18n.t('planning.category.save') });
  const message = h('p', { class: 'dev-hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'planning-category-message' });
  const box = h(
    'fieldset',
    { 'data-testid': 'planning-category' },
    h('legend', { text: i18n.t('planning.category.title') }),
    h('p', { class: 'dev-hint', text: i18n.t('planning.category.hint') }),
    h('label', {}, i18n.t('planning.category.building'), building),
    h('label', {}, i18n.t('planning.category.category'), category),
    message,
    save,
  );
  let data: ReportCategories | null = null;
  const nameOf = (no: number | null) => (no === null ? null : (data?.categories.find((c) => c.no === no)?.name ?? String(no)));

  const fillCategories = () => {
    const b = data?.buildings.find((x) => x.id === building.value);
    if (data === null || b === undefined) return;
    const autoText = b.derived === null ? i18n.t('planning.category.autoNone') : i18n.t('planning.category.auto', { name: `${b.derived} ${nameOf(b.derived)}` });
    category.replaceChildren(
      h('option', { value: AUTO, text: autoText }),
      ...data.categories.map((c) => h('option', { value: String(c.no), text: `${c.no} ${c.name}${c.electricity === null ? '' : ` · ${c.electricity}`}` })),
    );
    category.value = b.overridden && b.category !== null ? String(b.category) : AUTO;
  };

  const load = async (keep?: string) => {
    data = await callApi(api, 'planning.reportCategories', {});
    if (data.buildings.length === 0) {
      message.textContent = i18n.t('planning.category.none');
      save.disabled = true;
      return;
    }
    building.replaceChildren(...data.buildings.map((b) => h('option', { value: b.id, text: `${b.name} (${b.id})` })));
    if (keep !== undefined) building.value = keep;
    fillCategories();
  };

  building.addEventListener('change', fillCategories);
  save.addEventListener('click', () => {
    const id = building.value;
    const value = category.value === AUTO ? null : Number(category.value);
    save.disabled = true;
    message.className = 'dev-hint';
    void (async () => {
      try {
        await callApi(api, 'planning.setReportCategory', { buildingId: id, category: value });
        await load(id);
        const b = data?.buildings.find((x) => x.id === id);
        message.textContent = i18n.t('planning.category.saved', {
          building: b?.name ?? id,
          category: b?.category === null || b === undefined ? i18n.t('planning.category.autoNone') : `${b.category} ${nameOf(b.category)}`,
        });
      } catch (e) {
        message.className = 'dev-error';
        message.textContent = errorText(e, i18n);
      } finally {
        save.disabled = false;
      }
    })();
  });
  void load().catch((e: unknown) => {
    message.className = 'dev-error';
    message.textContent = errorText(e, i18n);
  });
  return box;
}
