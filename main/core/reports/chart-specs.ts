/**
 * Chart descriptions computed on the Node side (numbers already final) and drawn by chart.js in the report page.
 * The page script only maps a spec onto a chart.js config, so what a chart shows is testable without a browser.
 */
import type { Formatter } from './format.js';
import type { Language } from '../../../models/values.js';
import { reportText } from './messages.js';
import type { MonthRow } from './report-data.js';

export interface ChartDataset {
  readonly label: string;
  /** null: no data (a gap in the chart, never 0). */
  readonly data: readonly (number | null)[];
  readonly color: string;
  /** One colour per bar, overriding color (surplus green, deficit red). */
  readonly colors?: readonly string[];
  /** Draw as a line over the bars. */
  readonly line?: boolean;
}

export interface ChartSpec {
  readonly id: string;
  readonly labels: readonly string[];
  readonly datasets: readonly ChartDataset[];
  readonly yTitle: string;
  readonly horizontal?: boolean;
  /** Locale for axis numbers. */
  readonly locale: string;
}

export const COLORS = {
  consumption: '#c8553d',
  generation: '#f2a541',
  import: '#5b7c99',
  export: '#7fb069',
  net: '#1f3b57',
  district: '#2e7d5b',
  singles: '#9aa9b8',
} as const;

export const monthlyChart = (id: string, months: readonly MonthRow[], lang: Language, f: Formatter, timeZone: string): ChartSpec => ({
  id,
  locale: f.locale,
  labels: months.map((m) => f.monthShort(m.from, timeZone)),
  yTitle: 'kWh',
  datasets: [
    { label: reportText(lang)('col.consumption'), data: months.map((m) => (m.hasData ? m.consumptionKwh : null)), color: COLORS.consumption },
    { label: reportText(lang)('col.generation'), data: months.map((m) => (m.hasData ? m.generationKwh : null)), color: COLORS.generation },
    { label: reportText(lang)('col.import'), data: months.map((m) => (m.hasData ? m.importKwh : null)), color: COLORS.import },
    { label: reportText(lang)('col.export'), data: months.map((m) => (m.hasData ? m.exportKwh : null)), color: COLORS.export },
    { label: reportText(lang)('col.net'), data: months.map((m) => (m.hasData ? m.netKwh : null)), color: COLORS.net, line: true },
  ],
});
