/**
 * The Energiebericht category per building: derived from the building's use unless the user sets one; the UI lists
 * the categories of the comparison table and sets or clears a building's choice (stored with its planning
 * attributes, PlanningAttributes.energyReportCategory).
 */
import type { BuildingUse } from '../types.js';

export interface ReportCategoryOption {
  /** Lfd. Nr. of the Bekanntmachung's Anlage 1 Tabelle 1. */
  readonly no: number;
  readonly name: string;
  /** The VDI 3807 electricity row the category is compared with, if any. */
  readonly electricity: string | null;
}

export interface BuildingReportCategory {
  readonly id: string;
  readonly name: string;
  readonly use: BuildingUse;
  /** The category the report uses (the user's, else the use's); null: none. */
  readonly category: number | null;
  /** The category the use gives (what "from the use" restores). */
  readonly derived: number | null;
  readonly overridden: boolean;
}

export interface ReportCategories {
  readonly categories: readonly ReportCategoryOption[];
  readonly buildings: readonly BuildingReportCategory[];
}

export interface SetReportCategoryArgs {
  readonly buildingId: string;
  /** null clears the choice: the category follows the use again. */
  readonly category: number | null;
}

export interface PlanningCategoryMethods {
  'planning.reportCategories': { args: Record<string, never>; result: ReportCategories };
  'planning.setReportCategory': { args: SetReportCategoryArgs; result: SetReportCategoryArgs };
}
