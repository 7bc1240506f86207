/**
 * `energy-report` files: XLSX (typed number cells, a sheet per report) and PDF (the report page printed by the
 * reports module's headless Chromium, with its print style), both from energyReportTable so they hold the same
 * cells. Files appear complete or not at all (written under a temp name, then renamed).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TrafficLight } from '../../../models/planning/energy-report.js';
import { DEFAULT_LOCALE } from '../../../models/i18n/locales.js';
import { noteText } from '../../../models/i18n/analysis-notes.js';
import { printReportPdf, type PdfOptions } from '../reports/chromium-pdf.js';
import { esc } from '../reports/html-parts.js';
import { REPORT_CSS } from '../reports/report-style.js';
import type { EnergyReport } from './energy-report-data.js';
import { ENERGY_REPORT_TEXT } from './energy-report-messages.js';
import { energyReportTable, type EnergyReportTable, type ReportCell } from './energy-report-table.js';
import type { PlanningLang } from './planning-messages.js';

const LIGHT_FILL: Readonly<Record<TrafficLight, string>> = { green: 'FF2E7D5B', amber: 'FFE0A526', red: 'FFC8553D' };

export async function writeEnergyReportXlsx(file: string, r: EnergyReport, lang: PlanningLang): Promise<void> {
  const t = energyReportTable(r, lang);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.title);
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  ws.addRow([t.subtitle]);
  ws.addRow([]);
  ws.addRow([...t.header]).font = { bold: true };
  t.rows.forEach((cells, i) => {
    const added = ws.addRow(cells);
    t.lightCols.forEach((col, k) => {
      const light = t.lights[i]?.[k];
      if (light === null || light === undefined) return;
      // ExcelJS counts columns from 1
      added.getCell(col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[light] } };
      added.getCell(col + 1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
    });
  });
  ws.addRow([]);
  ws.addRow([ENERGY_REPORT_TEXT[lang].notesTitle]).font = { bold: true };
  for (const n of t.notes) ws.addRow([n]);
  ws.addRow([ENERGY_REPORT_TEXT[lang].assumptions]).font = { bold: true };
  for (const a of r.notes) ws.addRow([noteText(lang, a)]);
  ws.columns.forEach((c, i) => (c.width = i === 1 || i === 3 ? 32 : i === t.header.length - 1 ? 60 : 14));
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const LIGHT_CSS: Readonly<Record<TrafficLight, string>> = { green: '#2e7d5b', amber: '#e0a526', red: '#c8553d' };

const PAGE_CSS = `@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
table.report { font-size: 7pt; }
table.report th { font-size: 7pt; }
.light { display: inline-block; padding: 0.3mm 1.5mm; border-radius: 1mm; color: #fff; font-weight: 700; }
ul.notes { font-size: 7.5pt; padding-left: 4mm; }`;

/** The page: title, the table (numbers in the language's format, the traffic light coloured), notes. */
export function energyReportHtml(r: EnergyReport, lang: PlanningLang): string {
  const t: EnergyReportTable = energyReportTable(r, lang);
  const nf1 = new Intl.NumberFormat(DEFAULT_LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const nf3 = new Intl.NumberFormat(DEFAULT_LOCALE[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const ratioCols = new Set(t.ratioCols);
  const cell = (c: ReportCell, col: number, lights: readonly (TrafficLight | null)[]): string => {
    if (c === null) return '<td></td>';
    if (typeof c === 'number') return `<td class="num">${esc((ratioCols.has(col) ? nf3 : nf1).format(c))}</td>`;
    const light = lights[t.lightCols.indexOf(col)] ?? null;
    if (light !== null) return `<td><span class="light" style="background:${LIGHT_CSS[light]}">${esc(c)}</span></td>`;
    return `<td>${esc(c)}</td>`;
  };
  const body = t.rows.map((row, i) => `<tr>${row.map((c, col) => cell(c, col, t.lights[i] ?? [])).join('')}</tr>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)}</title>
<style>${REPORT_CSS}${PAGE_CSS}</style></head>
<body data-ready="true" data-charts="0">
<h1>${esc(t.title)}</h1><p class="muted">${esc(t.subtitle)}</p>
<table class="report"><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>
<h3>${esc(ENERGY_REPORT_TEXT[lang].notesTitle)}</h3><ul class="notes">${t.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<h3>${esc(ENERGY_REPORT_TEXT[lang].assumptions)}</h3><ul class="notes">${r.notes.map((n) => `<li>${esc(noteText(lang, n))}</li>`).join('')}</ul>
</body></html>`;
}

const FOOTER = '<div style="font-size:7pt;width:100%;text-align:center;color:#6b7785"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export async function writeEnergyReportPdf(file: string, r: EnergyReport, lang: PlanningLang, o: PdfOptions = {}): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-energy-report-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const htmlFile = path.join(dir, 'report.html');
    writeFileSync(htmlFile, energyReportHtml(r, lang), 'utf8');
    await printReportPdf({ dir, htmlFile, headerTemplate: '<span></span>', footerTemplate: FOOTER, chartCount: 0, cleanup }, file, o);
  } finally {
    cleanup();
  }
}
