/**
 * The analysis' figures for every surface (one-number): verdicts with their coverage, local calendar months, the
 * values the district is coloured by, and each building's overview for the panel and the building list.
 * Sign convention everywhere: net = consumption - generation = import - export, positive = deficit.
 */
import type { HeatDensityClass } from '../planning/heat-density.js';

/**
 * An energy-plus verdict with the data it rests on. Below the coverage threshold (a setting, default 90 %) the
 * verdict is provisional and every surface says so, with the coverage.
 */
export interface Verdict {
  readonly energyPlus: boolean;
  /** Share of the window's slots (all carriers) that hold a value, 0..1; excluded (implausible) intervals count as missing. */
  readonly coverage: number;
  readonly provisional: boolean;
}

/** The values the district can be coloured by, computed by the analysis (the renderer only maps them to colours). */
export interface ColourMetrics {
  /** Final energy net, kWh: consumption - generation over every delivered carrier; positive = deficit. */
  readonly netKwh: number | null;
  /** Electricity self-sufficiency at the analysis' resolution, 0..1. */
  readonly selfSufficiency: number | null;
  /** g CO2e per kWh of final energy consumed (all delivered carriers, the CO2 factor set's values). */
  readonly co2IntensityGPerKwh: number | null;
  /** Rooftop PV potential, kWh/a (district.pvPotential's figure). */
  readonly pvPotentialKwh: number | null;
  /**
   * Heat density of the building's grid cell, MWh/(ha*a), and its KEA-BW suitability class: the heat plan's figure
   * (the same as `plustwin heat-plan`'s heat_grid layer, without withholding cells of fewer than five buildings).
   */
  readonly heatDensityMwhPerHaA: number | null;
  readonly heatDensityClass: HeatDensityClass | null;
}

/** Energy totals of one building over a period, kWh, electricity (the store's quick look; the UI shows BuildingOverview). */
export interface BuildingBalance {
  readonly buildingId: string;
  readonly from: number;
  readonly to: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** consumption - generation (= import - export): positive = deficit (drawn from the grid), negative = surplus. */
  readonly netKwh: number;
  /** Share of the period's intervals that are measured (0..1). */
  readonly coverage: number;
}

/** One building over the shown period as the UI shows it: electricity totals, final net, verdict and colour values. */
export interface BuildingOverview extends BuildingBalance {
  /** Final energy net over every delivered carrier, kWh, positive = deficit. */
  readonly finalEnergyNetKwh: number;
  readonly verdict: Verdict;
  readonly colours: ColourMetrics;
}

/** One local calendar month (clipped to the period) of one building or the district. */
export interface MonthBalance {
  readonly from: number;
  readonly to: number;
  /** false when no slot of the month holds a value: every surface shows "no data", never 0. */
  readonly hasData: boolean;
  /** Electricity, kWh. */
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  readonly selfConsumedKwh: number;
  /** Electricity consumption - generation, kWh: positive = deficit. */
  readonly netKwh: number;
  /** Final energy net over every delivered carrier, kWh: positive = deficit. */
  readonly finalEnergyNetKwh: number;
  /** Share of the month's slots (all carriers) with a value, 0..1. */
  readonly coverage: number;
}
