/** Planning exports from the UI: the heat plan, the BISKO balance and the energy report as a file to download. */
import type { Language, PlanningExportKind } from '../values.js';

export interface PlanningExportArgs {
  readonly kind: PlanningExportKind;
  /** Local calendar year: BISKO's balance year, the energy report's year, the heat plan's last measured year. */
  readonly year: number;
  /** Labels and number format (default de). */
  readonly lang?: Language;
}

export interface PlanningExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  /** The file's bytes, base64 (the UI turns them into a download). */
  readonly base64: string;
  readonly bytes: number;
}

export interface PlanningMethods {
  'planning.export': { args: PlanningExportArgs; result: PlanningExportFile };
}
