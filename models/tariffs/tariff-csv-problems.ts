/**
 * What can be wrong in a row of a dynamic tariff's CSV. The parser names the code, the file and the line; each
 * surface words it in the user's language (renderer: 'tariffs.csv.<code>', CLI: tariff-messages.ts); the English
 * text below goes into the API's message and logs.
 */
export const TARIFF_CSV_PROBLEMS = ['empty', 'columns', 'extra', 'time', 'gap', 'grid', 'duplicate', 'price', 'decimalMark', 'range'] as const;
export type TariffCsvProblemCode = (typeof TARIFF_CSV_PROBLEMS)[number];

export interface TariffCsvProblem {
  readonly file: string;
  /** 1-based line of the file (0 for the file as a whole). */
  readonly line: number;
  readonly code: TariffCsvProblemCode;
  /** The offending field as written ('' when none). */
  readonly value: string;
  /** 'duplicate': the line that had the quarter hour first. */
  readonly otherLine?: number;
}

const ENGLISH: Readonly<Record<TariffCsvProblemCode, string>> = {
  empty: 'the file holds no price rows',
  columns: 'the row has no price column',
  extra: "the row has more fields than the header: '{value}' (a decimal comma in a comma-separated file?)",
  time: "'{value}' is not a date and time (write 2025-03-30 02:15 or 30.03.2025 02:15)",
  gap: "'{value}' does not exist in local time (the clocks go forward)",
  grid: "'{value}' is not the start of a quarter hour (:00, :15, :30, :45)",
  duplicate: "the quarter hour '{value}' is given a second time (first in line {otherLine})",
  price: "'{value}' is not a price",
  decimalMark: "'{value}' has the other decimal mark than the rest of the file",
  range: "the price '{value}' lies outside -1,000..1,000 ct/kWh",
};

/** "prices.csv:12: '0.3x' is not a price" */
export const tariffCsvProblemText = (p: TariffCsvProblem): string =>
  `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${ENGLISH[p.code].replace('{value}', p.value).replace('{otherLine}', String(p.otherLine ?? ''))}`;

/** At most this many rows are named; the rest is counted. */
export const MAX_NAMED_PROBLEMS = 20;

const isProblem = (x: unknown): x is TariffCsvProblem =>
  typeof x === 'object' && x !== null && (TARIFF_CSV_PROBLEMS as readonly unknown[]).includes((x as { code?: unknown }).code) && typeof (x as { line?: unknown }).line === 'number';

/** The problems a 'tariff.csv' failure carries as its rows parameter (JSON), read back safely; [] when unreadable. */
export const tariffCsvRows = (rows: string | number | undefined): TariffCsvProblem[] => {
  if (typeof rows !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(rows);
    return Array.isArray(parsed) ? parsed.filter(isProblem) : [];
  } catch {
    return [];
  }
};
