/**
 * What heat planning (WPG section 15, Anlage 2) and the BISKO balance need to know of a building beyond its
 * geometry. Every field is optional: it comes from the import's attributes where the file has them, else the user
 * enters it; the building's JSON document in the store carries it, so no schema migration is needed.
 */
/** BISKO's consumer sectors for stationary energy (transport is balanced by territory, not by building). */
export const BISKO_SECTORS = ['households', 'trade-services', 'industry', 'municipal'] as const;
export type BiskoSector = (typeof BISKO_SECTORS)[number];

/** How the building is heated. */
export const HEATING_TYPES = ['boiler', 'heat-pump', 'district-heat', 'electric-direct', 'stove', 'chp', 'none', 'unknown'] as const;
export type HeatingType = (typeof HEATING_TYPES)[number];

/** The fuel or carrier the heater takes. */
export const HEATING_FUELS = ['gas', 'oil', 'lpg', 'biogas', 'wood', 'pellets', 'district-heat', 'electricity', 'coal', 'unknown'] as const;
export type HeatingFuel = (typeof HEATING_FUELS)[number];

export interface PlanningAttributes {
  readonly yearBuilt?: number;
  readonly heatingType?: HeatingType;
  readonly fuel?: HeatingFuel;
  readonly heaterYear?: number;
  /** Heated floor area, m², where the import or the user knows it (else estimated, see floor-area.ts). */
  readonly floorAreaM2?: number;
  readonly sector?: BiskoSector;
  /**
   * The Energiebericht category the user chose (lfd. Nr. of the Bekanntmachung's Anlage 1 Tabelle 1, 1-52); absent:
   * derived from the building's use.
   */
  readonly energyReportCategory?: number;
}
