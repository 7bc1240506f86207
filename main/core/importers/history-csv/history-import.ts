/**
 * History import from CSV: meter readings (cumulative kWh, turned into intervals by the same engine as live data)
 * or 15-minute load profiles (kWh per interval, or mean kW). previewHistoryCsv parses everything and reports every
 * bad line with its number; importHistoryCsv writes only a file without a single bad line, in one transaction.
 */
import type { HistoryLineProblem } from '../../../../models/history-line-codes.js';
import { runIntervalEngine } from '../../../../models/intervals/interval-engine.js';
import { DEFAULT_LIMITS, type IntervalLimits } from '../../../../models/intervals/limits.js';
import { qualityFromCode } from '../../../../models/intervals/quality.js';
import { INTERVAL_HOURS, INTERVAL_MS } from '../../../../models/time-grid.js';
import type { HistoryPreviewView, StampMarksEvidence, StampMarksWhy } from '../../../../models/contract/index.js';
import type { IntervalQuality, Reading } from '../../../../models/types.js';
import type { SqliteStore } from '../../store/sqlite-store.js';

/** Where an import writes: the store's all-or-nothing replacement of one point's history. */
export type HistoryTarget = Pick<SqliteStore, 'replaceHistory'>;
import { csvLines, detectDelimiter, type CsvLine, type Delimiter } from './csv-lines.js';
import { detectLayout, LayoutError, type CsvLayout, type HistoryKind } from './csv-layout.js';
import { decimalMarkProblem, joinDateTime, parseNumber, parseWallClock, resolveLocal, type LocalResult, type WallClock } from './csv-values.js';
import { UNIT_FACTORS, unitInHeader, unitLineAbove, type HistoryUnit } from './csv-units.js';

const DAY_MS = 86_400_000;
/** A reading below the one before by more than this is a step back, not float rounding. */
const JITTER_KWH = DEFAULT_LIMITS.jitterKwh;

export interface HistoryCsvOptions {
  readonly kind?: HistoryKind;
  readonly delimiter?: Delimiter;
  readonly decimalComma?: boolean;
  /**
   * For a profile without from/to columns: does a time mark the interval's start or end? Decided from the whole
   * file (24:00, first and last rows, the repeated October hour) when not given.
   */
  readonly stampMarks?: 'start' | 'end';
  /** The values' unit; otherwise from the value header ("Wert [kW]"), an "Einheit;kW" line, or assumed. */
  readonly unit?: HistoryUnit;
  readonly limits?: Partial<IntervalLimits>;
}

/** A bad or doubtful line, coded for the surfaces (models/history-line-codes.ts). */
export type LineError = HistoryLineProblem;

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
  readonly stampMarksReason: string;
  readonly stampMarksWhy: StampMarksWhy;
  /** Values were converted from this unit to kWh (energy) or kW (power). */
  readonly unit: HistoryUnit;
  readonly unitSource: 'option' | 'header' | 'unit-line' | 'assumed';
  readonly header: readonly string[];
  /** Values in kWh (readings, profile-kwh) or kW (profile-kw). */
  readonly rows: readonly HistoryRow[];
  readonly errors: readonly LineError[];
  /** Lines that import but deserve a look (a reading going backwards, implausible quarter hours, mixed marks). */
  readonly warnings: readonly LineError[];
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

/** Decides start or end from the whole file and says why (shown in the preview). */
/** The English words for each piece of evidence (stampMarksReason); surfaces translate the codes. */
const EVIDENCE_TEXT: Readonly<Record<StampMarksEvidence, string>> = {
  'time-24:00': 'a time of 24:00',
  'first-00:15': 'the first row at 00:15',
  'first-00:00': 'the first row at 00:00',
  'last-00:00': 'the last row at 00:00',
  'last-23:45': 'the last row at 23:45',
  'twice-03:00': '03:00 twice on the day the clocks go back',
  'twice-02:00': '02:00 twice on the day the clocks go back',
};

function decideStampMarks(layout: CsvLayout, body: readonly CsvLine[], options: HistoryCsvOptions): { marks: 'start' | 'end'; reason: string; why: StampMarksWhy } {
  if (options.stampMarks !== undefined) return { marks: options.stampMarks, reason: 'as chosen', why: { basis: 'chosen', evidence: [] } };
  if (layout.kind === 'readings') return { marks: 'start', reason: 'meter readings are instants', why: { basis: 'readings', evidence: [] } };
  if (layout.time.kind === 'from-to') return { marks: 'start', reason: 'the file has from and to columns', why: { basis: 'from-to', evidence: [] } };
  const texts = body.map((l) => timeText(layout, l.fields) ?? '');
  const walls = texts.map(parseWallClock).filter((w): w is NonNullable<typeof w> => w !== null && !w.offsetKnown);
  const tod = (ms: number) => ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  const forEnd: StampMarksEvidence[] = [];
  const forStart: StampMarksEvidence[] = [];
  if (texts.some((t) => /\b24:00/.test(t))) forEnd.push('time-24:00');
  const first = walls[0];
  const last = walls[walls.length - 1];
  if (first !== undefined && tod(first.ms) === INTERVAL_MS) forEnd.push('first-00:15');
  if (first !== undefined && tod(first.ms) === 0) forStart.push('first-00:00');
  if (walls.length > 1 && last !== undefined && tod(last.ms) === 0) forEnd.push('last-00:00');
  if (walls.length > 1 && last !== undefined && tod(last.ms) === DAY_MS - INTERVAL_MS) forStart.push('last-23:45');
  // the repeated October hour: interval ends run 02:15 ... 03:00 twice, interval starts 02:00 ... 02:45 twice
  const seen = new Set<number>();
  for (const w of walls) {
    if (seen.has(w.ms)) {
      if (tod(w.ms) === 3 * 3_600_000) forEnd.push('twice-03:00');
      if (tod(w.ms) === 2 * 3_600_000) forStart.push('twice-02:00');
    }
    seen.add(w.ms);
  }
  const words = (e: readonly StampMarksEvidence[]) => e.map((x) => EVIDENCE_TEXT[x]).join(', ');
  if (forEnd.length > forStart.length) return { marks: 'end', reason: `times mark the quarter hour's end: ${words(forEnd)}`, why: { basis: 'evidence', evidence: forEnd } };
  if (forStart.length > 0) return { marks: 'start', reason: `times mark the quarter hour's start: ${words(forStart)}`, why: { basis: 'evidence', evidence: forStart } };
  return { marks: 'start', reason: "nothing in the file tells, taken as the quarter hour's start", why: { basis: 'nothing', evidence: [] } };
}

/** A quarter hour's start from its end stamp: the start's wall clock, so the repeated October hour resolves. */
function startFromEnd(wall: WallClock, previousStart: number | null): LocalResult {
  if (wall.offsetKnown) return { ok: true, utc: wall.ms - INTERVAL_MS };
  const start = resolveLocal({ ms: wall.ms - INTERVAL_MS, offsetKnown: false }, previousStart);
  if (start.ok) return start;
  // 02:00-03:00 does not exist in spring: the quarter hour ending at 03:00 starts at 01:45 winter time
  const end = resolveLocal(wall, previousStart === null ? null : previousStart + INTERVAL_MS);
  return end.ok ? { ok: true, utc: end.utc - INTERVAL_MS } : end;
}

export function previewHistoryCsv(text: string, options: HistoryCsvOptions = {}): HistoryPreview {
  const rawLines = text.split(/\r\n|\n|\r/);
  const delimiter = options.delimiter ?? detectDelimiter(rawLines.filter((l) => l.trim() !== ''));
  const lines = csvLines(text, delimiter);
  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  let unitFound: { unit: HistoryUnit; source: HistoryPreview['unitSource'] } | null = null;
  const unitDim = (rawHeader: string, headerIndex: number) => {
    const line = unitLineAbove(lines, headerIndex);
    const header = unitInHeader(rawHeader);
    unitFound =
      options.unit !== undefined
        ? { unit: options.unit, source: 'option' }
        : header !== null
          ? { unit: header, source: 'header' }
          : line !== null
            ? { unit: line.unit, source: 'unit-line' }
            : null;
    return unitFound === null ? null : UNIT_FACTORS[unitFound.unit].dim;
  };
  let layout: CsvLayout;
  try {
    layout = detectLayout(lines, options.kind, unitDim);
  } catch (e) {
    if (e instanceof LayoutError) return empty(options, delimiter, [{ line: e.line, message: e.message, code: e.code, params: {} }]);
    throw e;
  }
  const found = unitFound as { unit: HistoryUnit; source: HistoryPreview['unitSource'] } | null;
  const unit: HistoryUnit = found?.unit ?? (layout.kind === 'profile-kw' ? 'kW' : 'kWh');
  const unitSource = found?.source ?? 'assumed';
  const headerLine = lines[Math.max(0, layout.headerIndex)]?.line ?? 0;
  const wantDim = layout.kind === 'profile-kw' ? 'power' : 'energy';
  if (UNIT_FACTORS[unit].dim !== wantDim) {
    const what = layout.kind === 'readings' ? 'meter readings' : layout.kind === 'profile-kw' ? 'mean power per quarter hour' : 'energy per quarter hour';
    return empty(options, delimiter, [{ line: headerLine, message: `the values are ${what}, but their unit ${unit} measures ${UNIT_FACTORS[unit].dim}: choose the unit or the kind of values`, code: wantDim === 'energy' ? 'unitIsPower' : 'unitIsEnergy', params: { unit } }]);
  }
  const factor = UNIT_FACTORS[unit].factor;
  const body: CsvLine[] = lines.slice(layout.headerIndex + 1);
  if (body.length === 0) errors.push({ line: 0, message: 'no data lines', code: 'noDataLines', params: {} });
  const decimalComma = options.decimalComma ?? (delimiter !== ',' && body.some((l) => /\d,\d/.test(l.fields[layout.valueCol] ?? '')));
  const width = layout.header.length > 0 ? layout.header.length : (body[0]?.fields.length ?? 0);
  const { marks: stampMarks, reason: stampMarksReason, why: stampMarksWhy } = decideStampMarks(layout, body, options);
  const endStamps = layout.kind !== 'readings' && stampMarks === 'end' && layout.time.kind !== 'from-to';

  const rows: HistoryRow[] = [];
  const markLines: number[] = [];
  let previous: number | null = null;
  let previousReading: { value: number; text: string; line: number } | null = null;
  for (const l of body) {
    const f = l.fields;
    if (f.length < width) {
      const shown = delimiter === '\t' ? 'tab' : delimiter;
      errors.push({ line: l.line, message: `expected ${width} fields separated by '${shown}', found ${f.length}`, code: 'columns', params: { expected: width, found: f.length, delimiter: shown } });
      continue;
    }
    const tText = timeText(layout, f) ?? '';
    const wall = parseWallClock(tText);
    if (wall === null) {
      errors.push({ line: l.line, message: `'${tText}' is not a date and time (dd.mm.yyyy hh:mm or yyyy-mm-dd hh:mm)`, code: 'notDateTime', params: { value: tText } });
      continue;
    }
    const utc: LocalResult = endStamps ? startFromEnd(wall, previous) : resolveLocal(wall, previous);
    if (!utc.ok) {
      errors.push({ line: l.line, message: `'${tText}' ${utc.message}`, code: 'noLocalTime', params: { value: tText } });
      continue;
    }
    const vText = f[layout.valueCol] ?? '';
    const raw = parseNumber(vText, decimalComma);
    if (raw === null || !Number.isFinite(raw)) {
      const mark = decimalMarkProblem(vText, decimalComma);
      if (mark !== null) markLines.push(l.line);
      errors.push(
        mark === null
          ? { line: l.line, message: `value '${vText}' is not a number`, code: 'notNumber', params: { value: vText } }
          : { line: l.line, message: mark.message, code: mark.code, params: { value: vText, suggestion: mark.suggestion } },
      );
      continue;
    }
    const value = raw * factor;
    const ts: number = utc.utc;
    if (previous !== null && ts <= previous) {
      errors.push({ line: l.line, message: `'${tText}' is not after the line before`, code: 'notAfter', params: { value: tText } });
      continue;
    }
    if (layout.kind !== 'readings') {
      if (ts % INTERVAL_MS !== 0) {
        errors.push({ line: l.line, message: `'${tText}' is not on the 15-minute grid`, code: 'offGrid', params: { value: tText } });
        continue;
      }
      if (value < 0) {
        errors.push({ line: l.line, message: `negative energy ${vText} in a load profile`, code: 'negative', params: { value: vText } });
        continue;
      }
    } else {
      if (previousReading !== null && value < previousReading.value - JITTER_KWH) {
        warnings.push({
          line: l.line,
          message: `meter reading ${vText} is below ${previousReading.text} on line ${previousReading.line}: a reset, a replaced meter or a wrong value; its quarter hours are flagged and left out of balances, so they count as missing`,
          code: 'readingBackwards',
          params: { value: vText, previous: previousReading.text, previousLine: String(previousReading.line) },
        });
      }
      previousReading = { value, text: vText, line: l.line };
    }
    previous = ts;
    rows.push({ line: l.line, ts, value });
  }
  if (markLines.length > 0) {
    warnings.unshift({
      line: 0,
      message: `the file mixes decimal marks: ${markLines.length} value${markLines.length === 1 ? '' : 's'} (line${markLines.length === 1 ? '' : 's'} ${markLines.slice(0, 10).join(', ')}${markLines.length > 10 ? ', ...' : ''}) use${markLines.length === 1 ? 's' : ''} the other mark; nothing is imported until they are corrected`,
      code: 'mixedMarks',
      params: { count: markLines.length, lines: `${markLines.slice(0, 10).join(', ')}${markLines.length > 10 ? ', …' : ''}` },
    });
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const intervals = errors.length > 0 ? [] : toIntervals(layout.kind, rows, limits);
  const implausible = intervals.filter((i) => i.quality === 'implausible');
  if (implausible.length > 0) {
    warnings.push({
      line: 0,
      message: `${implausible.length} quarter hour${implausible.length === 1 ? ' is' : 's are'} implausible (above ${limits.maxPowerKw} kW over the quarter hour, or a counter going backwards): imported and flagged, left out of balances and counted as missing`,
      code: 'implausible',
      params: { count: implausible.length, maxKw: limits.maxPowerKw },
    });
  }
  return {
    kind: layout.kind,
    delimiter,
    decimalComma,
    stampMarks,
    stampMarksReason,
    stampMarksWhy,
    unit,
    unitSource,
    header: layout.header,
    rows,
    errors,
    warnings,
    intervals,
  };
}

function empty(options: HistoryCsvOptions, delimiter: Delimiter, errors: LineError[]): HistoryPreview {
  return {
    kind: options.kind ?? 'profile-kwh',
    delimiter,
    decimalComma: options.decimalComma ?? false,
    stampMarks: options.stampMarks ?? 'start',
    stampMarksReason: options.stampMarks === undefined ? 'not decided: the file could not be read' : 'as chosen',
    stampMarksWhy: { basis: options.stampMarks === undefined ? 'unread' : 'chosen', evidence: [] },
    unit: options.unit ?? 'kWh',
    unitSource: options.unit === undefined ? 'assumed' : 'option',
    header: [],
    rows: [],
    errors,
    warnings: [],
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
): Promise<{ intervals: number; rows: number; kind: HistoryKind; unit: HistoryUnit; warnings: readonly LineError[] }> {
  const preview = previewHistoryCsv(text, options);
  if (preview.errors.length > 0) throw new HistoryImportError(preview.errors);
  const samples: Reading[] =
    preview.kind === 'readings' ? preview.rows.map((r) => ({ pointId, ts: r.ts, value: r.value, quality: 'good' })) : [];
  const intervals = await store.replaceHistory(pointId, preview.intervals, samples);
  return { intervals, rows: preview.rows.length, kind: preview.kind, unit: preview.unit, warnings: preview.warnings };
}

/** The preview as the UI and the CLI show it: counts, period and energy, the first rows and the first bad lines. */
export function previewView(p: HistoryPreview, sampleRows = 8, listedErrors = 100): HistoryPreviewView {
  return {
    kind: p.kind,
    delimiter: p.delimiter,
    decimalComma: p.decimalComma,
    stampMarks: p.stampMarks,
    stampMarksReason: p.stampMarksReason,
    stampMarksWhy: p.stampMarksWhy,
    unit: p.unit,
    unitSource: p.unitSource,
    warnings: p.warnings.slice(0, listedErrors),
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
