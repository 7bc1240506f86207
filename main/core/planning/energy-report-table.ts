/**
 * The energy report as one table (a row per building) and its notes, shared by the XLSX and the PDF so that both
 * show the same cells: numbers stay numbers here (rounded to one decimal, ratios and trends to three), each format
 * writes them in its own way. The table also says which columns hold traffic lights and ratios (0-based).
 */
import type { ReportBuilding, TrafficLight } from '../../../models/planning/energy-report.js';
import type { EnergyReport } from './energy-report-data.js';
import { ENERGY_REPORT_TEXT } from './energy-report-messages.js';
import type { PlanningLang } from './planning-messages.js';

export type ReportCell = string | number | null;

export interface EnergyReportTable {
  readonly title: string;
  readonly subtitle: string;
  readonly header: readonly string[];
  readonly rows: readonly ReportCell[][];
  /** Per row, the traffic light of each column in lightCols (for colouring), null where there is none. */
  readonly lights: readonly (readonly (TrafficLight | null)[])[];
  /** Columns (0-based) holding the heat and the electricity traffic light. */
  readonly lightCols: readonly number[];
  /** Columns (0-based) holding ratios and trends (three decimals). */
  readonly ratioCols: readonly number[];
  readonly notes: readonly string[];
}

const r1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const r3 = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

const row = (b: ReportBuilding, lang: PlanningLang): ReportCell[] => {
  const t = ENERGY_REPORT_TEXT[lang];
  const last = b.years[b.years.length - 1];
  const notes = [b.noBenchmark === null ? null : t.noBenchmark[b.noBenchmark], b.noElectricityBenchmark === null ? null : t.noElectricityBenchmark[b.noElectricityBenchmark]].filter((n) => n !== null);
  return [
    b.id,
    b.name,
    t.use[b.use],
    b.category === null ? null : `${b.category.no} ${b.category.name}${b.categoryOverridden ? ` (${t.overridden})` : ''}`,
    r1(b.floorAreaM2),
    b.floorAreaEstimated ? t.yes : t.no,
    ...b.years.map((y) => r1(y.heatKwhPerM2)),
    last?.weatherBasis === null || last?.weatherBasis === undefined ? null : t.weatherBasis[last.weatherBasis],
    r1(b.heatComparisonKwhPerM2),
    r3(b.heatRatio),
    b.heatLight === null ? null : t.light[b.heatLight],
    r3(b.heatTrend),
    ...b.years.map((y) => r1(y.electricityKwhPerM2)),
    b.electricityBenchmark === null ? null : b.electricityBenchmark.targetKwhPerM2,
    b.electricityBenchmark === null ? null : b.electricityBenchmark.limitKwhPerM2,
    r3(b.electricityRatio),
    b.electricityLight === null ? null : t.light[b.electricityLight],
    r3(b.electricityTrend),
    notes.length === 0 ? null : notes.join('; '),
  ];
};

export function energyReportTable(r: EnergyReport, lang: PlanningLang): EnergyReportTable {
  const t = ENERGY_REPORT_TEXT[lang];
  const n = r.years.length;
  const pct = `${Math.round(r.minCoverage * 100)} %`;
  const num = (v: number) => String(v).replace('.', lang === 'de' ? ',' : '.');
  const kf = r.klimafaktoren.map((k) => `${k.year}: ${num(k.factor)} (${k.source})`).join('; ');
  const g = r.weather.degreeDays.map((d) => `${d.year}: ${num(d.g)} Kd (${d.source})`).join('; ');
  const tryG = r.weather.tryDegreeDays === null ? null : num(Math.round(r.weather.tryDegreeDays));
  const amber = num(r.amberLimit);
  const f = r.benchmarks.sizeFactor;
  const sizeNote = t.sizeFactor(`f = ${num(f.smallFactor)} (A ≤ ${f.smallLimitM2} m²)`, `f = ${num(f.largeFactor)} (A ≥ ${f.largeLimitM2} m²)`, `f = ${num(f.a)} × A^${num(f.exponent)} + ${num(f.b)}`);
  const defaultYears = r.years.filter((y) => !r.klimafaktoren.some((k) => k.year === y) && !(tryG !== null && r.weather.degreeDays.some((d) => d.year === y)));
  const usedCategories = new Set(r.buildings.map((b) => b.category?.no));
  const rowSources = r.benchmarks.categories.filter((c) => usedCategories.has(c.no)).map((c) => `${c.no} ${c.name}: ${c.source}`);
  const elSources = r.benchmarks.electricity.rows.filter((e) => e.categories.some((c) => usedCategories.has(c))).map((e) => e.source);
  return {
    title: t.title(r.year),
    subtitle: t.subtitle(r.siteName, r.years),
    header: t.headers(r.years),
    rows: r.buildings.map((b) => row(b, lang)),
    lights: r.buildings.map((b) => [b.heatLight, b.electricityLight]),
    lightCols: [n + 9, 2 * n + 14],
    ratioCols: [n + 8, n + 10, 2 * n + 13, 2 * n + 15],
    notes: [
      t.benchmarks(r.benchmarks.title, r.benchmarks.table),
      ...rowSources.map((s) => t.rowSource(s)),
      t.heatRule,
      sizeNote,
      t.lightRule(amber),
      t.electricity(r.benchmarks.electricity.title, r.benchmarks.electricity.source),
      ...elSources.map((s) => t.rowSource(s)),
      t.electricityLightRule,
      ...(r.klimafaktoren.length === 0 ? [] : [t.klimafaktoren(kf)]),
      ...(g === '' || tryG === null ? [] : [t.degreeDays(g, tryG)]),
      ...(defaultYears.length === 0 ? [] : [t.tryDefault(defaultYears.join(', '), tryG)]),
      t.categoryOverride,
      t.heatDefinition,
      t.floorArea,
      t.coverage(pct),
      t.trend,
    ],
  };
}
