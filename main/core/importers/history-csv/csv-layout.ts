/**
 * Recognises the usual layouts of utility and meter exports from the header row:
 *   Zeitstempel;Wert            Datum;Uhrzeit;Wert            Von;Bis;kWh            Datum;Zählerstand
 * (and the English equivalents). Metadata lines above the header are skipped. Options override every guess.
 */
import type { CsvLine } from './csv-lines.js';

import type { HistoryKind } from '../../../../models/contract/index.js';

// the contract names the kinds, so the UI, the API and this parser cannot drift apart
export type { HistoryKind };

export interface CsvLayout {
  /** Index of the header line in the non-empty lines, or -1 without a header. */
  readonly headerIndex: number;
  readonly header: readonly string[];
  readonly time:
    | { readonly kind: 'timestamp'; readonly col: number }
    | { readonly kind: 'date-time'; readonly date: number; readonly time: number }
    | { readonly kind: 'from-to'; readonly from: number; readonly to: number };
  readonly valueCol: number;
  readonly kind: HistoryKind;
}

const norm = (h: string) => h.toLowerCase().replace(/\[.*?\]|\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim();
/** Whole words only ("to" must not match "Zählerstand"); long keywords also as a word's start ("Zeitstempel"). */
const has = (h: string, words: readonly string[]) => {
  const tokens = h.split(/[^a-zäöüß0-9/]+/).filter(Boolean);
  return words.some((w) => tokens.some((t) => t === w || (w.length >= 4 && t.startsWith(w))));
};

const TIMESTAMP = ['zeitstempel', 'timestamp', 'datum/zeit', 'date/time', 'datetime', 'zeitpunkt'];
const DATE = ['datum', 'date', 'tag'];
const TIME = ['uhrzeit', 'zeit', 'time'];
const FROM = ['von', 'beginn', 'start', 'from', 'ab'];
const TO = ['bis', 'ende', 'end', 'to'];
const READING = ['zählerstand', 'zaehlerstand', 'stand', 'reading', 'meter', 'register'];
const VALUE = ['wert', 'value', 'kwh', 'kw', 'verbrauch', 'energie', 'energy', 'leistung', 'power', 'menge', 'bezug', 'einspeisung', ...READING];
const TIME_WORDS = [...TIMESTAMP, ...DATE, ...TIME, ...FROM];
const KNOWN = [...TIME_WORDS, ...TO, ...VALUE];

export class LayoutError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly code: 'noTimeColumn' | 'noValueColumn',
  ) {
    super(message);
  }
}

function findHeader(lines: readonly CsvLine[]): number {
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const fields = (lines[i] as CsvLine).fields.map(norm);
    if (fields.length >= 2 && fields.some((f) => has(f, TIME_WORDS)) && fields.some((f) => has(f, KNOWN))) return i;
  }
  return -1;
}

/**
 * unitDim tells what the values' unit measures once the value column is known (from its raw header): a power
 * unit makes a profile of mean kW, an energy unit one of kWh per quarter hour, unless the header says readings.
 */
export function detectLayout(
  lines: readonly CsvLine[],
  kindOverride?: HistoryKind,
  unitDim: (rawValueHeader: string, headerIndex: number) => 'power' | 'energy' | null = () => null,
): CsvLayout {
  const headerIndex = findHeader(lines);
  const header = headerIndex >= 0 ? (lines[headerIndex] as CsvLine).fields : [];
  const h = header.map(norm);
  const find = (words: readonly string[], except: readonly number[] = []) =>
    h.findIndex((x, i) => !except.includes(i) && has(x, words));

  let time: CsvLayout['time'];
  const ts = find(TIMESTAMP);
  const from = find(FROM);
  const to = find(TO, [from]);
  const date = find(DATE);
  const clock = find(TIME, [date, ts]);
  if (ts >= 0) time = { kind: 'timestamp', col: ts };
  else if (from >= 0 && to >= 0) time = { kind: 'from-to', from, to };
  else if (date >= 0 && clock >= 0) time = { kind: 'date-time', date, time: clock };
  else if (date >= 0) time = { kind: 'timestamp', col: date };
  else if (clock >= 0) time = { kind: 'timestamp', col: clock };
  else if (headerIndex < 0) {
    // no header: "timestamp;value" or "date;time;value"
    const first = lines[0]?.fields ?? [];
    time = first.length >= 3 && /^\d{1,2}:\d{2}/.test(first[1] ?? '') ? { kind: 'date-time', date: 0, time: 1 } : { kind: 'timestamp', col: 0 };
  } else throw new LayoutError((lines[headerIndex] as CsvLine).line, 'no date or time column in the header', 'noTimeColumn');

  const used = time.kind === 'timestamp' ? [time.col] : time.kind === 'date-time' ? [time.date, time.time] : [time.from, time.to];
  let valueCol = find(READING, used);
  if (valueCol < 0) valueCol = find(VALUE, used);
  if (valueCol < 0) valueCol = headerIndex < 0 ? Math.max(...used) + 1 : h.findIndex((_, i) => !used.includes(i));
  if (valueCol < 0) throw new LayoutError(lines[Math.max(0, headerIndex)]?.line ?? 0, 'no value column found', 'noValueColumn');

  const valueHeader = h[valueCol] ?? '';
  const dim = unitDim(header[valueCol] ?? '', headerIndex);
  const kind: HistoryKind =
    kindOverride ??
    (has(valueHeader, READING)
      ? 'readings'
      : dim === 'power'
        ? 'profile-kw'
        : dim === 'energy'
          ? 'profile-kwh'
          : /\bkw\b/.test(valueHeader) || has(valueHeader, ['leistung', 'power'])
            ? 'profile-kw'
            : 'profile-kwh');
  return { headerIndex, header, time, valueCol, kind };
}
