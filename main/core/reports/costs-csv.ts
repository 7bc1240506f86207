/**
 * The costs as CSV: one row per building and carrier, each building's total and the district's, for the report
 * period (the analysis' figures, cost-section.ts). Variants as the interval CSV: 'intl' (comma, decimal point, UTC)
 * and 'de' (semicolon, decimal comma, local time with offset, BOM).
 */
import type { CostSection } from './cost-section.js';
import { csvNumber, dialectOf, type CsvVariant } from './csv-writer.js';
import { reportText } from './messages.js';
import { reportCostText } from './cost-messages.js';

export const COST_HEADERS: Record<CsvVariant, readonly string[]> = {
  intl: ['building_id', 'carrier', 'start', 'end', 'energy_eur', 'fixed_eur', 'feed_in_eur', 'net_eur', 'reference_eur', 'savings_eur', 'unpriced_import_kwh'],
  de: ['Gebäude', 'Energieträger', 'Beginn', 'Ende', 'Energie [€]', 'Grundpreise [€]', 'Einspeisevergütung [€]', 'Nettokosten [€]', 'ohne Eigenerzeugung [€]', 'Ersparnis [€]', 'Bezug ohne Tarif [kWh]'],
};

/**
 * 'total' in the carrier column marks a building's (or the district's) sum over its carriers; the German variant
 * names carriers and the total in German, as its header does.
 */
export const costsCsv = (section: CostSection, variant: CsvVariant, from: number, to: number, timeZone: string): string => {
  const d = dialectOf(variant, timeZone);
  const n = (v: number) => csvNumber(v, d.decimal);
  const t = reportText('de');
  const carrierCell = (c: CostSection['rows'][number]['carrier']): string => (variant === 'intl' ? (c ?? 'total') : c === null ? reportCostText('de')('costs.total') : t(`carrier.${c}`));
  const lines = [COST_HEADERS[variant].join(d.sep)];
  for (const r of section.rows)
    lines.push(
      [r.id, carrierCell(r.carrier), d.stamp(from), d.stamp(to), n(r.energyEur), n(r.fixedEur), n(r.feedInEur), n(r.netEur), n(r.referenceEur), n(r.savingsEur), n(r.unpricedImportKwh)].join(d.sep),
    );
  return `${variant === 'de' ? '\uFEFF' : ''}${lines.join('\n')}\n`;
};
