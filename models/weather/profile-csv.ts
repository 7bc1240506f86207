import { err, ok, type Result } from '../result.js';
import { parseNumber, parseStamp, regularStep, splitCsv } from './csv-text.js';

export interface ProfileColumn {
  /** Header text before the unit, e.g. 'LP_G0' or 'south'. */
  readonly name: string;
  /** Unit in brackets, e.g. 'W/MWh' or 'W/kWp'; '' when the header has none. */
  readonly unit: string;
  readonly values: Float64Array;
}

/** A profile file (load profiles, PV per kWp, hot water): one time column, then value columns. */
export interface ProfileTable {
  readonly start: number;
  readonly stepMs: number;
  readonly columns: readonly ProfileColumn[];
  readonly source: string;
}

const splitHeader = (cell: string): { name: string; unit: string } => {
  const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(cell);
  return m === null ? { name: cell.trim(), unit: '' } : { name: (m[1] as string).trim(), unit: (m[2] as string).trim() };
};

/** Parses the profile CSVs of assets/profiles (first column time with offset, value columns after). */
export const parseProfileCsv = (text: string, what = 'profile'): Result<ProfileTable> => {
  const table = splitCsv(text, what);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  if (header.length < 2) return err('validation', 'a profile needs a time column and at least one value column', `${what}:1`);
  const n = rows.length;
  const columns = header.slice(1).map((h) => ({ ...splitHeader(h), values: new Float64Array(n) }));
  const stamps = new Array<number>(n);
  const lines = new Array<number>(n);
  for (let r = 0; r < n; r++) {
    const { line, cells } = rows[r] as { line: number; cells: readonly string[] };
    const ts = parseStamp(cells[0] as string);
    if (ts === null) return err('validation', `'${cells[0]}' is not a time stamp like 2015-01-01 00:15:00+01:00`, `${what}:${line}`);
    stamps[r] = ts;
    lines[r] = line;
    for (let c = 0; c < columns.length; c++) {
      const v = parseNumber(cells[c + 1] as string);
      if (v === null) return err('validation', `'${cells[c + 1]}' in column '${header[c + 1]}' is not a number`, `${what}:${line}`);
      (columns[c] as ProfileColumn).values[r] = v;
    }
  }
  const step = regularStep(stamps, lines, what);
  if (!step.ok) return step;
  return ok({ start: stamps[0] as number, stepMs: step.value, columns, source: what });
};

export const profileColumn = (table: ProfileTable, name: string): ProfileColumn | undefined =>
  table.columns.find((c) => c.name === name);

/** Mean power per slot (W, or W per unit) x scale -> kWh per slot. */
export const powerToKwh = (wattValues: ArrayLike<number>, scale: number, stepMs: number): Float64Array => {
  const k = (scale * stepMs) / 3_600_000 / 1000;
  const out = new Float64Array(wattValues.length);
  for (let i = 0; i < out.length; i++) out[i] = (wattValues[i] as number) * k;
  return out;
};
