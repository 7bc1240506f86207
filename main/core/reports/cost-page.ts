/** The PDF's costs page: the report's cost rows (cost-section.ts) as a table, with the rules they follow. */
import { reportCostText } from './cost-messages.js';
import type { CostRow, CostSection } from './cost-section.js';
import type { Formatter } from './format.js';
import { esc, table, type Cell } from './html-parts.js';
import type { ReportTranslate } from './messages.js';
import type { Language } from '../../../models/values.js';
import { noteText } from '../../../models/i18n/analysis-notes.js';

export const costPage = (section: CostSection | undefined, lang: Language, f: Formatter, t: ReportTranslate, number: string): string => {
  const c = reportCostText(lang);
  // without a stored tariff there is no money to show: no page (as the XLSX has no costs sheet then)
  if (section === undefined || !section.hasTariffs) return '';
  const head = `<section class="page"><h2>${esc(number)} ${esc(c('costs.title'))}</h2>`;
  const eur = (v: number) => f.num(v, 2);
  const cells = (r: CostRow): Cell[] => [
    r.id === 'district' ? c('costs.district') : r.name,
    r.carrier === null ? c('costs.total') : t(`carrier.${r.carrier}`),
    eur(r.energyEur), eur(r.fixedEur), eur(r.feedInEur), eur(r.netEur), eur(r.referenceEur), eur(r.savingsEur), f.kwh(r.unpricedImportKwh)];
  const body = section.rows.filter((r) => r.id !== 'district' || r.carrier !== null);
  const total = section.rows.filter((r) => r.id === 'district' && r.carrier === null);
  return `${head}<p>${esc(c('costs.intro'))}</p>
${table(
  [c('costs.building'), c('costs.carrier'), `${c('costs.energy')} [€]`, `${c('costs.fixed')} [€]`, `${c('costs.feedIn')} [€]`, `${c('costs.net')} [€]`, `${c('costs.reference')} [€]`, `${c('costs.savings')} [€]`, `${c('costs.unpriced')} [kWh]`],
  body.map(cells),
  { numeric: [2, 3, 4, 5, 6, 7, 8], total: total.map(cells), cls: 'costs' },
)}
<div class="note"><b>${esc(c('costs.rules'))}:</b> ${section.rules.map((n) => esc(noteText(lang, n))).join(' · ')}</div></section>`;
};
