/** The energy report page (the PDF's HTML) names the TRY default in German and colours both traffic lights. */
import { describe, expect, it } from 'vitest';
import { readBenchmarks } from '../../../main/core/planning/benchmarks-file.js';
import type { EnergyReport } from '../../../main/core/planning/energy-report-data.js';
import { energyReportHtml } from '../../../main/core/planning/energy-report-export.js';
import { DEFAULT_AMBER_LIMIT, reportBuilding } from '../../../models/planning/energy-report.js';
import type { WeatherInputs } from '../../../models/planning/weather-correction.js';

const benchmarks = readBenchmarks();
const weather: WeatherInputs = { klimafaktoren: [], degreeDays: [], tryDegreeDays: 3120 };
// a school of 2,000 m², 2025 only: heat 170,000 kWh = 85 kWh/m² against 79.2847 (ratio 1.072, amber); electricity
// 30,000 kWh = 15 kWh/m² above the VDI 3807 Grenzwert 14 -> red
const school = reportBuilding(
  { id: 'S', name: 'Schule', use: 'school', floorAreaM2: 2000, floorAreaEstimated: false, years: [{ year: 2025, heatKwh: 170_000, heatCoverage: 1, electricityKwh: 30_000, electricityCoverage: 1 }] },
  benchmarks,
  weather,
  0.9,
);
const report: EnergyReport = {
  year: 2025,
  years: [2025],
  siteName: 'Testquartier',
  timeZone: 'Europe/Berlin',
  buildings: [school],
  benchmarks,
  klimafaktoren: [],
  weather,
  amberLimit: DEFAULT_AMBER_LIMIT,
  minCoverage: 0.9,
  notes: [],
};

describe('energy report page', () => {
  it('labels the TRY default and shows both lights', () => {
    expect(school.heatLight).toBe('amber');
    expect(school.electricityLight).toBe('red');
    const html = energyReportHtml(report, 'de');
    expect(html).toContain('<td>TRY-Standard (nicht bereinigt)</td>');
    expect(html).toContain('TRY-Standardannahme für 2025: weder DWD-Klimafaktor noch Gradtagzahl eingegeben');
    expect(html).toContain('(G20/15 = 3120 Kd)');
    expect(html).toContain('<span class="light" style="background:#e0a526">gelb</span>');
    expect(html).toContain('<span class="light" style="background:#c8553d">rot</span>');
    // 15 / 14 = 1.071 (three decimals, German comma)
    expect(html).toContain('<td class="num">1,071</td>');
  });
});
