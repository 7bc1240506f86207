import { err, ok, type Result } from '../result.js';

/** A parsed CSV text: header cells and data rows, with 1-based line numbers for error messages. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/**
 * Splits a comma-separated text without quoting (the profile files have none; a quote is reported rather than
 * guessed at). Blank lines are skipped; every row must have as many cells as the header.
 */
export const splitCsv = (text: string, what: string): Result<CsvTable> => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0];
  if (headerLine === undefined || headerLine.trim() === '') return err('validation', 'the file is empty (no header line)', `${what}:1`);
  const header = headerLine.split(',').map((c) => c.trim());
  const rows: { line: number; cells: string[] }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    if (raw.includes('"')) return err('validation', 'quoted cells are not supported in profile files', `${what}:${i + 1}`);
    const cells = raw.split(',');
    if (cells.length !== header.length) {
      return err('validation', `expected ${header.length} cells, found ${cells.length}`, `${what}:${i + 1}`);
    }
    rows.push({ line: i + 1, cells });
  }
  if (rows.length === 0) return err('validation', 'the file has a header but no data rows', `${what}:2`);
  return ok({ header, rows });
};

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):?(\d{2})$/;

/** '2015-01-01 00:15:00+01:00' -> UTC epoch ms; null when the text is not such a stamp with offset. */
export const parseStamp = (text: string): number | null => {
  const m = STAMP.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m as unknown as string[];
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(local);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59) return null;
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return local - offset;
};

export const parseNumber = (text: string): number | null => {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
};

/** Checks that stamps form one regular grid and returns its step; an error names the first line off it. */
export const regularStep = (stamps: readonly number[], lines: readonly number[], what: string): Result<number> => {
  if (stamps.length < 2) return err('validation', 'at least two rows are needed to know the time step', `${what}:${lines[0] ?? 2}`);
  const step = (stamps[1] as number) - (stamps[0] as number);
  if (!(step > 0)) return err('validation', 'time stamps do not increase', `${what}:${lines[1]}`);
  for (let i = 2; i < stamps.length; i++) {
    const d = (stamps[i] as number) - (stamps[i - 1] as number);
    if (d !== step) {
      const what2 = d <= 0 ? 'goes back or repeats' : `jumps by ${d / 60_000} min instead of ${step / 60_000} min`;
      return err('validation', `time stamp ${what2}`, `${what}:${lines[i]}`);
    }
  }
  return ok(step);
};
