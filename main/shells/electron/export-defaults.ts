/** What the export dialog proposes: the last twelve full months, and a file name that says what and when. */
export type ExportFormat = 'pdf' | 'xlsx' | 'csv';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** 'YYYY-MM-DD..YYYY-MM-DD' (end inclusive, as `plustwin report --period` reads it) of the 12 months before now's month. */
export function defaultExportPeriod(now: Date): string {
  const end = new Date(now.getFullYear(), now.getMonth(), 0);
  const start = new Date(now.getFullYear() - 1, now.getMonth(), 1);
  return `${day(start)}..${day(end)}`;
}

export function defaultExportName(format: ExportFormat, now: Date): string {
  return `plustwin-bericht-${day(now)}.${format}`;
}

export const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
};
