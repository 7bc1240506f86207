/**
 * The quarter-hour prices of a dynamic tariff from a supplier's or exchange CSV:
 *   Zeitstempel;Preis (ct/kWh)          (German: ";" and decimal comma, dd.mm.yyyy or ISO dates)
 *   timestamp,price_ct_per_kwh          (English: "," and decimal point)
 *   Datum;Uhrzeit;Preis [EUR/MWh]       (date and time in two columns; EUR/MWh and EUR/kWh are converted)
 * A timestamp is the start of its quarter hour, in the site's local time unless it carries an offset; in the
 * repeated autumn hour the first pass is summer time. A file with a bad row is refused whole, every bad row named
 * (file:line and the problem), so a tariff never rests on half a file.
 */
import { MAX_NAMED_PROBLEMS, type TariffCsvProblem, type TariffCsvProblemCode } from '../../../../models/tariffs/tariff-csv-problems.js';
import { PRICE_LIMIT_CT, type QuarterHourPrice } from '../../../../models/tariffs/tariff.js';
import { csvLines, detectDelimiter, type CsvLine } from '../history-csv/csv-lines.js';
import { decimalMarkProblem, joinDateTime, parseNumber, parseWallClock } from '../history-csv/csv-values.js';

const QUARTER_HOUR_MS = 900_000;

/** Local wall-clock time (as if UTC, ms) to UTC in the site's zone; null in the spring gap. */
export type WallToUtc = (wallMs: number, preferLater: boolean) => number | null;

export interface TariffCsvResult {
  readonly prices: readonly QuarterHourPrice[];
  /** The first MAX_NAMED_PROBLEMS problems; problemCount counts them all. */
  readonly problems: readonly TariffCsvProblem[];
  readonly problemCount: number;
  /** The unit the price column was read in, for the summary. */
  readonly unit: 'ct/kWh' | 'EUR/MWh' | 'EUR/kWh';
}

const norm = (h: string) => h.toLowerCase().replace(/\s+/g, ' ').trim();

/** Factor from the header's unit to ct/kWh: 1 EUR/MWh = 0.1 ct/kWh, 1 EUR/kWh = 100 ct/kWh. */
const unitOf = (header: string): { unit: TariffCsvResult['unit']; toCt: number } => {
  const h = norm(header).replace('€', 'eur');
  if (/eur\s*\/\s*mwh/.test(h)) return { unit: 'EUR/MWh', toCt: 0.1 };
  if (/eur\s*\/\s*kwh/.test(h) && !/\bct\b|cent/.test(h)) return { unit: 'EUR/kWh', toCt: 100 };
  return { unit: 'ct/kWh', toCt: 1 };
};

const looksLikeTime = (s: string) => /^\d{1,2}:\d{2}(:\d{2})?$/.test(s.trim());

interface Layout {
  readonly dataFrom: number;
  readonly date: number;
  readonly time: number | null;
  readonly price: number;
  readonly header: string;
  /** Fields of the header row (0 without a header). */
  readonly width: number;
}

const layoutOf = (lines: readonly CsvLine[]): Layout => {
  const first = lines[0]?.fields ?? [];
  const hasHeader = first.length > 0 && parseWallClock(first[0] ?? '') === null && parseWallClock(joinDateTime(first[0] ?? '', first[1] ?? '')) === null;
  if (hasHeader) {
    const h = first.map(norm);
    const time = h.findIndex((x, i) => i > 0 && /^(uhrzeit|zeit|time|hour)\b/.test(x));
    let price = h.findIndex((x) => /preis|price|ct|eur|€|tarif/.test(x));
    if (price < 0 || price === 0 || price === time) price = h.length - 1;
    return { dataFrom: 1, date: 0, time: time > 0 ? time : null, price, header: first[price] ?? '', width: first.length };
  }
  const time = looksLikeTime(first[1] ?? '') && first.length >= 3 ? 1 : null;
  return { dataFrom: 0, date: 0, time, price: time === null ? 1 : 2, header: '', width: 0 };
};

export function parseTariffCsv(text: string, file: string, toUtc: WallToUtc): TariffCsvResult {
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const physical = raw.split(/\r\n|\n|\r/);
  const delimiter = detectDelimiter(physical.filter((l) => l.trim() !== ''));
  const lines = csvLines(raw, delimiter);
  const problems: TariffCsvProblem[] = [];
  let problemCount = 0;
  const problem = (line: number, code: TariffCsvProblemCode, value = '', otherLine?: number) => {
    problemCount++;
    if (problems.length < MAX_NAMED_PROBLEMS) problems.push({ file, line, code, value, ...(otherLine === undefined ? {} : { otherLine }) });
  };
  const layout = layoutOf(lines);
  const rows = lines.slice(layout.dataFrom);
  const { unit, toCt } = unitOf(layout.header);
  if (rows.length === 0) {
    problem(0, 'empty');
    return { prices: [], problems, problemCount, unit };
  }
  // ";" files write decimal commas unless none of their prices has one (some tools export "0.3012" with ";")
  const decimalComma = delimiter !== ',' && rows.some((r) => (r.fields[layout.price] ?? '').includes(','));
  const seen = new Map<number, number>();
  const prices: QuarterHourPrice[] = [];
  let previousUtc: number | null = null;
  for (const r of rows) {
    const priceText = r.fields[layout.price];
    const dateText = r.fields[layout.date] ?? '';
    const stamp = layout.time === null ? dateText : joinDateTime(dateText, r.fields[layout.time] ?? '');
    if (priceText === undefined || priceText === '') {
      problem(r.line, 'columns');
      continue;
    }
    // "12,5" in a file split at commas reads as 12 and a stray 5: refused, never read as 12
    if (layout.width > 0 && r.fields.length > layout.width) {
      problem(r.line, 'extra', r.fields.slice(layout.width).join(delimiter));
      continue;
    }
    const wall = parseWallClock(stamp);
    if (wall === null) {
      problem(r.line, 'time', stamp);
      continue;
    }
    let utc: number | null;
    if (wall.offsetKnown) utc = wall.ms;
    else {
      const early = toUtc(wall.ms, false);
      const late = toUtc(wall.ms, true);
      // in the repeated hour the times run backwards once: from then on the later (winter) instant
      utc = early !== null && late !== null && previousUtc !== null && early <= previousUtc && late > previousUtc ? late : early;
    }
    if (utc === null) {
      problem(r.line, 'gap', stamp);
      continue;
    }
    if (utc % QUARTER_HOUR_MS !== 0) {
      problem(r.line, 'grid', stamp);
      continue;
    }
    const value = parseNumber(priceText, decimalComma);
    if (value === null) {
      problem(r.line, decimalMarkProblem(priceText, decimalComma) === null ? 'price' : 'decimalMark', priceText);
      continue;
    }
    const ct = value * toCt;
    if (!(Math.abs(ct) <= PRICE_LIMIT_CT)) {
      problem(r.line, 'range', priceText);
      continue;
    }
    const first = seen.get(utc);
    if (first !== undefined) {
      problem(r.line, 'duplicate', stamp, first);
      continue;
    }
    seen.set(utc, r.line);
    previousUtc = utc;
    prices.push({ start: utc, ctPerKwh: ct });
  }
  prices.sort((a, b) => a.start - b.start);
  return { prices: problemCount > 0 ? [] : prices, problems, problemCount, unit };
}
