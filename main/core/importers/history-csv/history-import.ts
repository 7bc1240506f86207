/**
 * History import from CSV: meter readings (cumulative kWh, turned into intervals by the same engine as live data)
 * or 15-minute load profiles (kWh per interval, or mean kW). previewHistoryCsv parses everything and reports every
 * bad line with its number; importHistoryCsv writes only a file without a single bad line, in one transaction.
 */
import { runIntervalEngine } from '../../../../models/intervals/interval-engine.js';
import { DEFAULT_LIMITS, type IntervalLimits } from '../../../../models/intervals/limits.js';
import { qualityFromCode } from '../../../../models/intervals/quality.js';
import { INTERVAL_HOURS, INTERVAL_MS } from '../../../../models/time-grid.js';
import type { HistoryPreviewView } from '../../../../models/contract/index.js';
import type { IntervalQuality, Reading } from '../../../../models/types.js';
import type { SqliteStore } from '../../store/sqlite-store.js';

/** Where an import writes: the store's all-or-nothing replacement of one point's history. */
export type HistoryTarget = Pick<SqliteStore, 'replaceHistory'>;
import { csvLines, detectDelimiter, type CsvLine, type Delimiter } from './csv-lines.js';
import { detectLayout, LayoutError, type CsvLayout, type HistoryKind } from './csv-layout.js';
import { joinDateTime, parseNumber, parseWallClock, resolveLocal } from './csv-values.js';

export interface HistoryCsvOptions {
  readonly kind?: HistoryKind;
  readonly delimiter?: Delimiter;
  readonly decimalComma?: boolean;
  /**
   * For a profile without from/to columns: does a time mark the interval's start or end? Guessed 'end' when the
   * first row is at 00:15, as German utility exports write it.
   */
  readonly stampMarks?: 'start' | 'end';
  readonly limits?: Partial<IntervalLimits>;
}

export interface LineError {
  readonly line: number;
  readonly message: string;
}

export interface HistoryRow {
  readonly line: number;
  /** UTC ms: the reading's time, or the interval's start. */
  readonly ts: number;
  readonly value: number;
}

export interface HistoryPreview {
  readonly kind: HistoryKind;
  readonly delimiter: Delimiter;
  readonly decimalComma: boolean;
  readonly stampMarks: 'start' | 'end';
  readonly header: readonly string[];
  readonly rows: readonly HistoryRow[];
  readonly errors: readonly LineError[];
  /** The intervals an import would write (empty when there are errors). */
  readonly intervals: readonly { start: number; kwh: number; quality: IntervalQuality }[];
}

/** "line 12: ..." (a problem of the whole file has no line). */
export const lineErrorText = (e: LineError): string => (e.line > 0 ? `line ${e.line}: ${e.message}` : e.message);

export class HistoryImportError extends Error {
  constructor(readonly errors: readonly LineError[]) {
    super(
      `${errors.length} bad line${errors.length === 1 ? '' : 's'}, nothing imported: ` +
        errors
          .slice(0, 5)
          .map(lineErrorText)
          .join('; ') +
        (errors.length > 5 ? '; ...' : ''),
    );
  }
}

function timeText(layout: CsvLayout, f: readonly string[]): string | undefined {
  const t = layout.time;
  if (t.kind === 'timestamp') return f[t.col];
  if (t.kind === 'date-time') return f[t.date] === undefined || f[t.time] === undefined ? undefined : joinDateTime(f[t.date] as string, f[t.time] as string);
  return f[t.from];
}

export function previewHistoryCsv(text: string, options: HistoryCsvOptions = {}): HistoryPreview {
  const rawLines = text.split(/\r\n|\n|\r/);
  const delimiter = options.delimiter ?? detectDelimiter(rawLines.filter((l) => l.trim() !== ''));
  const lines = csvLines(text, delimiter);
  const errors: LineError[] = [];
  let layout: CsvLayout;
  try {
    layout = detectLayout(lines, options.kind);
  } catch (e) {
    if (e instanceof LayoutError) return empty(options, delimiter, [{ line: e.line, message: e.message }]);
    throw e;
  }
  const body: CsvLine[] = lines.slice(layout.headerIndex + 1);
  if (body.length === 0) errors.push({ line: 0, message: 'no data lines' });
  const decimalComma = options.decimalComma ?? (delimiter !== ',' && body.some((l) => /\d,\d/.test(l.fields[layout.valueCol] ?? '')));
  const width = layout.header.length > 0 ? layout.header.length : (body[0]?.fields.length ?? 0);

  const firstWall = body[0] === undefined ? null : parseWallClock(timeText(layout, body[0].fields) ?? '');
  const stampMarks =
    options.stampMarks ??
    (layout.kind !== 'readings' && layout.time.kind !== 'from-to' && firstWall !== null && firstWall.ms % 86_400_000 === 15 * 60_000
      ? 'end'
      : 'start');

  const rows: HistoryRow[] = [];
  let previous: number | null = null;
  for (const l of body) {
    const f = l.fields;
    if (f.length < width) {
      errors.push({ line: l.line, message: `expected ${width} fields separated by '${delimiter === '\t' ? 'tab' : delimiter}', found ${f.length}` });
      continue;
    }
    const tText = timeText(layout, f) ?? '';
    const wall = parseWallClock(tText);
    if (wall === null) {
      errors.push({ line: l.line, message: `'${tText}' is not a date and time (dd.mm.yyyy hh:mm or yyyy-mm-dd hh:mm)` });
      continue;
    }
    const utc = resolveLocal(wall, previous);
    if (!utc.ok) {
      errors.push({ line: l.line, message: `'${tText}' ${utc.message}` });
      continue;
    }
    const vText = f[layout.valueCol] ?? '';
    const value = parseNumber(vText, decimalComma);
    if (value === null || !Number.isFinite(value)) {
      errors.push({ line: l.line, message: `value '${vText}' is not a number` });
      continue;
    }
    const ts = layout.kind !== 'readings' && stampMarks === 'end' && layout.time.kind !== 'from-to' ? utc.utc - INTERVAL_MS : utc.utc;
    if (previous !== null && utc.utc <= previous) {
      errors.push({ line: l.line, message: `'${tText}' is not after the line before` });
      continue;
    }
    if (layout.kind !== 'readings') {
      if (ts % INTERVAL_MS !== 0) {
        errors.push({ line: l.line, message: `'${tText}' is not on the 15-minute grid` });
        continue;
      }
      if (value < 0) {
        errors.push({ line: l.line, message: `negative energy ${vText} in a load profile` });
        continue;
      }
    }
    previous = utc.utc;
    rows.push({ line: l.line, ts, value });
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return {
    kind: layout.kind,
    delimiter,
    decimalComma,
    stampMarks,
    header: layout.header,
    rows,
    errors,
    intervals: errors.length > 0 ? [] : toIntervals(layout.kind, rows, limits),
  };
}

function empty(options: HistoryCsvOptions, delimiter: Delimiter, errors: LineError[]): HistoryPreview {
  return {
    kind: options.kind ?? 'profile-kwh',
    delimiter,
    decimalComma: options.decimalComma ?? false,
    stampMarks: options.stampMarks ?? 'start',
    header: [],
    rows: [],
    errors,
    intervals: [],
  };
}

function toIntervals(kind: HistoryKind, rows: readonly HistoryRow[], limits: IntervalLimits) {
  if (kind !== 'readings') {
    const maxKwh = limits.maxPowerKw * INTERVAL_HOURS;
    return rows.map((r) => {
      const kwh = kind === 'profile-kw' ? r.value * INTERVAL_HOURS : r.value;
      return { start: r.ts, kwh, quality: (kwh > maxKwh ? 'implausible' : 'measured') as IntervalQuality };
    });
  }
  const result = runIntervalEngine(
    rows.map((r) => ({ point: 1, ts: r.ts, value: r.value })),
    new Map([[1, { source: 'counter' as const, series: [1, null] as const, limits }]]),
    new Map(),
  );
  return [...result.contributions.entries()]
    .map((c) => ({ start: c.slot * INTERVAL_MS, kwh: c.kwh, quality: qualityFromCode(c.q) }))
    .sort((a, b) => a.start - b.start);
}

/** Imports the file into one point, all or nothing. Throws HistoryImportError listing every bad line. */
export async function importHistoryCsv(
  store: HistoryTarget,
  pointId: string,
  text: string,
  options: HistoryCsvOptions = {},
): Promise<{ intervals: number; rows: number; kind: HistoryKind }> {
  const preview = previewHistoryCsv(text, options);
  if (preview.errors.length > 0) throw new HistoryImportError(preview.errors);
  const samples: Reading[] =
    preview.kind === 'readings' ? preview.rows.map((r) => ({ pointId, ts: r.ts, value: r.value, quality: 'good' })) : [];
  const intervals = await store.replaceHistory(pointId, preview.intervals, samples);
  return { intervals, rows: preview.rows.length, kind: preview.kind };
}

/** The preview as the UI and the CLI show it: counts, period and energy, the first rows and the first bad lines. */
export function previewView(p: HistoryPreview, sampleRows = 8, listedErrors = 100): HistoryPreviewView {
  return {
    kind: p.kind,
    delimiter: p.delimiter,
    decimalComma: p.decimalComma,
    stampMarks: p.stampMarks,
    rows: p.rows.length,
    first: p.rows[0]?.ts ?? null,
    last: p.rows[p.rows.length - 1]?.ts ?? null,
    intervals: p.intervals.length,
    kwh: p.intervals.reduce((a, i) => a + i.kwh, 0),
    sample: p.rows.slice(0, sampleRows),
    errors: p.errors.slice(0, listedErrors),
    errorCount: p.errors.length,
  };
}
