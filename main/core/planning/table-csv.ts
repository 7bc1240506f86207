/**
 * A table as CSV in the two dialects of the reports: 'de' (semicolon, decimal comma, UTF-8 BOM so that Excel reads
 * umlauts) and 'intl' (comma, decimal point). Texts are quoted when they hold the separator, a quote or a newline.
 */
import type { SqlValue } from '../store/sqlite-db.js';
import type { Table } from './heat-plan-layers.js';

export type CsvDialectName = 'de' | 'intl';

export function tableCsv(table: Table, dialect: CsvDialectName): string {
  const sep = dialect === 'de' ? ';' : ',';
  const cell = (v: SqlValue): string => {
    if (v === null) return '';
    if (typeof v === 'number') return dialect === 'de' ? String(v).replace('.', ',') : String(v);
    const s = String(v);
    return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns.map((c) => c.name).join(sep), ...table.rows.map((r) => r.map(cell).join(sep))];
  return (dialect === 'de' ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
