/** A meter's history from a CSV file: preview, then import into one point. */
import type { HistoryKind, HistoryUnit } from '../values.js';
import type { HistoryLineProblem } from '../history-line-codes.js';

export type { HistoryKind, HistoryUnit } from '../values.js';

/** A meter's history as CSV text (readings or a 15-minute load profile), for preview or import into one point. */
export interface HistoryCsvArgs {
  readonly csv: string;
  /** When the columns do not say: cumulative readings, kWh per quarter hour, or mean kW. */
  readonly kind?: HistoryKind;
  /** The values' unit, overriding what the header or an 'Einheit' line says. */
  readonly unit?: HistoryUnit;
  /** A profile's times mark the quarter hour's start or end (guessed from the first row). */
  readonly stampMarks?: 'start' | 'end';
}

/** What in a file decided that its times mark quarter-hour starts or ends, for a surface to say in its language. */
export const STAMP_MARKS_EVIDENCE = ['time-24:00', 'first-00:15', 'first-00:00', 'last-00:00', 'last-23:45', 'twice-03:00', 'twice-02:00'] as const;
export type StampMarksEvidence = (typeof STAMP_MARKS_EVIDENCE)[number];

/**
 * Why the times were taken as starts or ends: chosen (--marks), meter readings (instants), from-to columns, what
 * the file shows (evidence), nothing in the file (taken as starts), or a file that could not be read.
 */
export interface StampMarksWhy {
  readonly basis: 'chosen' | 'readings' | 'from-to' | 'evidence' | 'nothing' | 'unread';
  readonly evidence: readonly StampMarksEvidence[];
}

/** What a history file holds, as the import would read it. Errors are listed with their line numbers. */
export interface HistoryPreviewView {
  readonly kind: HistoryKind;
  readonly delimiter: string;
  readonly decimalComma: boolean;
  readonly stampMarks: 'start' | 'end';
  /** Why the stamps were taken as the quarter hour's start or end (decided from the whole file). */
  readonly stampMarksReason: string;
  /** The same reason as codes (stampMarksReason is its English text). */
  readonly stampMarksWhy: StampMarksWhy;
  /** The unit the values were read in, and where it came from ('assumed' when nothing said). */
  readonly unit: HistoryUnit;
  readonly unitSource: 'option' | 'header' | 'unit-line' | 'assumed';
  /** Lines that import but deserve a look (a meter reading going backwards, implausible quarter hours). */
  readonly warnings: readonly HistoryLineProblem[];
  readonly rows: number;
  /** First and last time in the file, UTC epoch ms; null without rows. */
  readonly first: number | null;
  readonly last: number | null;
  /** Quarter hours and energy the import would write (0 when there are errors). */
  readonly intervals: number;
  readonly kwh: number;
  /** The first rows as read, for the user to check the columns were understood. */
  readonly sample: readonly { readonly line: number; readonly ts: number; readonly value: number }[];
  /** Bad lines (at most 100 listed), and how many there are in all. */
  readonly errors: readonly HistoryLineProblem[];
  readonly errorCount: number;
}

export interface HistoryImportResult {
  readonly pointId: string;
  readonly intervals: number;
  readonly rows: number;
  readonly kind: HistoryKind;
  /** The unit the values were read in. */
  readonly unit: HistoryUnit;
  /** What was imported but deserves a look (a reading going backwards, implausible quarter hours). */
  readonly warnings: readonly HistoryLineProblem[];
}

export interface HistoryMethods {
  'history.preview': { args: HistoryCsvArgs; result: HistoryPreviewView };
  'history.import': { args: HistoryCsvArgs & { readonly pointId: string }; result: HistoryImportResult };
}
