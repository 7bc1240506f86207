/**
 * Failures the UI can explain in the user's language: the core attaches a code and its parameters beside its
 * English message, and each UI translates the code (renderer: messages 'error.<code>'), with a hint and the next
 * step. A failure without a code shows the core's message as it is.
 */
export const ERROR_CODES = [
  /** A SunSpec search found no "SunS" marker at any base register. params: registers ("40000, 0, 50000"). */
  'sunspec.notFound',
  /** A device address without a known scheme. params: none. */
  'address.scheme',
  /**
   * A dynamic tariff's CSV has bad rows (models/tariffs/tariff-csv-problems.ts). params: count (all problems), rows
   * (JSON of the first TariffCsvProblem[]: file, line, code, value, otherLine).
   */
  'tariff.csv',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}
