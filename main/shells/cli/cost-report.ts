/** The cost and comparison tables `plustwin balance` prints after the energy tables (figures of the analysis only). */
import { localDate } from './local-date.js';
import type { CostFigures, DistrictAnalysis, PeriodComparison, PeriodFigures } from '../../../models/contract/index.js';
import { localParts } from '../../core/analysis/local-time.js';
import { reportText } from '../../core/reports/messages.js';
import { costText } from './cost-messages.js';
import { textTable, type Lang, type NumberFormatter } from './number-format.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** A local day as the language writes it (01.12.2025 or 2025-12-01), with the time when it is not midnight. */
const localDay = (ts: number, timeZone: string, lang: Lang) => {
  const p = localParts(ts, timeZone);
  const date = localDate(lang, `${p.year}-${pad(p.month0 + 1)}-${pad(p.day)}`);
  return p.hour === 0 && p.minute === 0 ? date : `${date} ${pad(p.hour)}:${pad(p.minute)}`;
};

export const costReport = (a: DistrictAnalysis, f: NumberFormatter, buildingId?: string): string => {
  const t = costText(f.lang);
  const day = (ts: number) => localDay(ts, a.timeZone, f.lang);
  const buildings = buildingId === undefined ? a.buildings : a.buildings.filter((b) => b.buildingId === buildingId);
  const subjects: { label: string; costs: CostFigures; comparison: PeriodComparison | null }[] = [
    ...buildings.map((b) => ({ label: b.buildingId, costs: b.costs, comparison: b.comparison })),
    ...(buildingId === undefined ? [{ label: t('costs.district'), costs: a.district.costs, comparison: a.district.comparison }] : []),
  ];
  const out: string[] = [''];
  const eur = (v: number) => f.num(v, 2);
  if (!subjects.some((s) => s.costs.hasTariffs)) out.push(t('costs.none'));
  else {
    out.push(t('costs.title', { from: day(a.period.from), to: day(a.period.to), zone: a.timeZone }));
    const rows: string[][] = [];
    for (const s of subjects) {
      if (!s.costs.hasTariffs) continue;
      for (const c of s.costs.carriers)
        rows.push([`${s.label} ${reportText(f.lang)(`carrier.${c.carrier}`)}`, eur(c.energyEur), eur(c.fixedEur), eur(c.feedInEur), eur(c.netEur), eur(c.referenceEur), eur(c.savingsEur), f.kwh(c.unpricedImportKwh)]);
      const c = s.costs;
      rows.push([`${s.label} ${t('costs.total')}`, eur(c.energyEur), eur(c.fixedEur), eur(c.feedInEur), eur(c.netEur), eur(c.referenceEur), eur(c.savingsEur), f.kwh(c.unpricedImportKwh)]);
    }
    out.push(
      textTable(
        [`${t('costs.building')} ${t('costs.carrier')}`, t('costs.energy'), t('costs.fixed'), t('costs.feedIn'), t('costs.net'), t('costs.reference'), t('costs.savings'), t('costs.unpriced')],
        rows,
      ),
    );
  }
  const first = subjects.find((s) => s.comparison !== null)?.comparison;
  if (first !== undefined && first !== null) {
    const range = (p: PeriodFigures) => `${day(p.from)}..${day(p.to)}`;
    out.push('');
    out.push(t('compare.title', { current: range(first.current), previous: range(first.previous), lastYear: range(first.lastYear) }));
    const net = (p: PeriodFigures) => (!p.costs.hasTariffs ? '-' : eur(p.costs.netEur));
    const kwh = (p: PeriodFigures) => (p.hasData ? f.kwh(p.consumptionKwh) : t('compare.noData'));
    out.push(
      textTable(
        [t('costs.building'), t('compare.net'), t('compare.netPrevious'), t('compare.netLastYear'), t('compare.consumption'), t('compare.netPrevious'), t('compare.netLastYear')],
        subjects
          .filter((s) => s.comparison !== null)
          .map((s) => {
            const c = s.comparison as PeriodComparison;
            return [s.label, net(c.current), net(c.previous), net(c.lastYear), kwh(c.current), kwh(c.previous), kwh(c.lastYear)];
          }),
      ),
    );
  }
  return out.join('\n') + '\n';
};
