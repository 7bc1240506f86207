/**
 * What is wrong with a line of a history CSV (or the whole file, line 0), as a code and parameters beside the
 * importer's English message, so the UI and the CLI say it in the user's language. Values from the file are passed
 * as the file writes them (strings); counts as numbers.
 */
export const HISTORY_LINE_CODES = [
  /** The header has no date or time column. params: none. */
  'noTimeColumn',
  /** The header has no value column. params: none. */
  'noValueColumn',
  /** Energy values (readings, kWh per quarter hour) with a unit of power. params: unit. */
  'unitIsPower',
  /** Mean power per quarter hour with a unit of energy. params: unit. */
  'unitIsEnergy',
  /** Nothing below the header. params: none. */
  'noDataLines',
  /** Fewer fields than the header. params: expected, found, delimiter (';', ',' or 'tab'). */
  'columns',
  /** Not a date and time. params: value. */
  'notDateTime',
  /** A local time skipped when the clocks go forward. params: value. */
  'noLocalTime',
  /** A decimal point in a file of decimal commas. params: value, suggestion (the value with a comma). */
  'decimalPoint',
  /** A decimal comma in a file of decimal points. params: value, suggestion. */
  'decimalComma',
  /** Not a number. params: value. */
  'notNumber',
  /** A time not after the line before. params: value. */
  'notAfter',
  /** A load profile's time off the 15-minute grid. params: value. */
  'offGrid',
  /** A negative value in a load profile. params: value. */
  'negative',
  /** Warning: a meter reading below the one before. params: value, previous, previousLine. */
  'readingBackwards',
  /** Warning: values with the other decimal mark. params: count, lines ("4, 9"). */
  'mixedMarks',
  /** Warning: implausible quarter hours, imported and flagged. params: count, maxKw. */
  'implausible',
] as const;
export type HistoryLineCode = (typeof HISTORY_LINE_CODES)[number];

/** A bad or doubtful line: line 0 for the whole file; message in English for logs and older clients. */
export interface HistoryLineProblem {
  readonly line: number;
  readonly message: string;
  readonly code: HistoryLineCode;
  readonly params: Readonly<Record<string, string | number>>;
}
