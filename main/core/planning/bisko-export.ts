/**
 * `bisko` export: the balance as a table laid out for entry into Klimaschutz-Planer (one row per sector and
 * carrier, final energy, GHG, factor, data quality), every sector listed (transport empty), totals and the notes
 * that say what the numbers rest on; written as XLSX (typed number cells) or CSV (de: semicolon, decimal comma).
 */
import { writeFile } from 'node:fs/promises';
import { BISKO_ROWS, type BiskoBalance } from '../../../models/planning/bisko.js';
import { BISKO_TEXT, CARRIER_LABEL, SECTOR_LABEL, type PlanningLang } from './planning-messages.js';

type Cell = string | number | null;

const round = (v: number | null, digits: number): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function biskoRows(b: BiskoBalance, lang: PlanningLang): { header: readonly string[]; rows: Cell[][]; notes: string[] } {
  const t = BISKO_TEXT[lang];
  const rows: Cell[][] = [];
  for (const sector of BISKO_ROWS) {
    const cells = b.cells.filter((c) => c.sector === sector);
    if (cells.length === 0) rows.push([SECTOR_LABEL[lang][sector], null, null, null, null, null, null, null]);
    for (const c of cells)
      rows.push([SECTOR_LABEL[lang][sector], CARRIER_LABEL[lang][c.carrier], round(c.mwh, 3), round(c.tCo2e, 3), c.factorGPerKwh, c.grade, round(c.gradeValue, 3), c.buildings]);
  }
  rows.push([t.total, null, round(b.totalMwh, 3), round(b.totalTCo2e, 3), null, null, null, null]);
  const notes = [t.title(b.year), t.factors(b.factorSet.id, b.factorSet.version, b.factorSet.source), t.grades, t.transportNote];
  if (b.carriersWithoutFactor.length > 0) notes.push(t.noFactor(b.carriersWithoutFactor.map((c) => CARRIER_LABEL[lang][c]).join(', ')));
  return { header: t.headers, rows, notes };
}

export async function writeBisko(file: string, b: BiskoBalance, lang: PlanningLang, leftOut: readonly string[]): Promise<void> {
  const { header, rows, notes } = biskoRows(b, lang);
  if (leftOut.length > 0) notes.push(BISKO_TEXT[lang].leftOut(leftOut.join(', ')));
  if (file.toLowerCase().endsWith('.xlsx')) {
    // loaded when a workbook is written: exceljs costs every other command ~30 MB and 0.3 s at start
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`BISKO ${b.year}`);
    ws.addRow([...header]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.addRow([]);
    for (const n of notes) ws.addRow([n]);
    ws.columns.forEach((c, i) => (c.width = i < 2 ? 36 : 18));
    await wb.xlsx.writeFile(file);
    return;
  }
  const sep = lang === 'de' ? ';' : ',';
  const cell = (v: Cell): string => {
    if (v === null) return '';
    if (typeof v === 'number') return lang === 'de' ? String(v).replace('.', ',') : String(v);
    return v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [header.map(cell).join(sep), ...rows.map((r) => r.map(cell).join(sep)), '', ...notes.map((n) => cell(n))];
  await writeFile(file, (lang === 'de' ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n');
}
