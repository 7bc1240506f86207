/**
 * The energy report as one table (a row per building) and its notes, shared by the XLSX and the PDF so that both
 * show the same cells: numbers stay numbers here (rounded to one decimal, ratios and trends to three), each format
 * writes them in its own way.
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
  /** The traffic light of each row (for colouring), null where there is none. */
  readonly lights: readonly (TrafficLight | null)[];
  readonly notes: readonly string[];
}

const r1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const r3 = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

const row = (b: ReportBuilding, lang: PlanningLang): ReportCell[] => {
  const t = ENERGY_REPORT_TEXT[lang];
  const last = b.years[b.years.length - 1];
  return [
    b.id,
    b.name,
    t.use[b.use],
    b.category === null ? null : `${b.category.no} ${b.category.name}`,
    r1(b.floorAreaM2),
    b.floorAreaEstimated ? t.yes : t.no,
    ...b.years.map((y) => r1(y.heatKwhPerM2)),
    last?.heatKwhPerM2 === null || last === undefined ? null : last.weatherCorrected ? t.yes : t.no,
    r1(b.heatComparisonKwhPerM2),
    r3(b.heatRatio),
    b.heatLight === null ? null : t.light[b.heatLight],
    r3(b.heatTrend),
    ...b.years.map((y) => r1(y.electricityKwhPerM2)),
    r3(b.electricityTrend),
    b.noBenchmark === null ? null : t.noBenchmark[b.noBenchmark],
  ];
};

export function energyReportTable(r: EnergyReport, lang: PlanningLang): EnergyReportTable {
  const t = ENERGY_REPORT_TEXT[lang];
  const pct = `${Math.round(r.minCoverage * 100)} %`;
  const kf = r.klimafaktoren.map((k) => `${k.year}: ${String(k.factor).replace('.', lang === 'de' ? ',' : '.')} (${k.source})`).join('; ');
  const num = (v: number) => String(v).replace('.', lang === 'de' ? ',' : '.');
  const amber = num(r.amberLimit);
  const f = r.benchmarks.sizeFactor;
  const sizeNote = t.sizeFactor(`f = ${num(f.smallFactor)} (A ≤ ${f.smallLimitM2} m²)`, `f = ${num(f.largeFactor)} (A ≥ ${f.largeLimitM2} m²)`, `f = ${num(f.a)} × A^${num(f.exponent)} + ${num(f.b)}`);
  return {
    title: t.title(r.year),
    subtitle: t.subtitle(r.siteName, r.years),
    header: t.headers(r.years),
    rows: r.buildings.map((b) => row(b, lang)),
    lights: r.buildings.map((b) => b.heatLight),
    notes: [
      t.benchmarks(r.benchmarks.title, r.benchmarks.table),
      t.heatRule,
      sizeNote,
      t.lightRule(amber),
      r.klimafaktoren.length === 0 ? t.notCorrected : t.klimafaktoren(kf),
      t.electricity,
      t.heatDefinition,
      t.floorArea,
      t.coverage(pct),
      t.trend,
    ],
  };
}
