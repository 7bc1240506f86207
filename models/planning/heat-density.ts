/**
 * Heat density of an area, MWh per hectare and year, and the suitability class for heat networks used in German
 * municipal heat planning. Thresholds (MWh/(ha*a)) from KEA Baden-Württemberg, "Handlungsleitfaden Kommunale
 * Wärmeplanung" (2020), table of heat densities and heat-network suitability (after the Danish Energy Agency),
 * also used as the legend of heat-density maps of NRW heat plans:
 *   0-70      no technical potential
 *   70-175    recommended for heat networks in new development areas
 *   175-415   recommended for low-temperature networks in existing buildings
 *   415-1050  guide value for conventional heat networks in existing buildings
 *   > 1050    very high heat-network suitability
 * A value on a boundary belongs to the lower class (the Leitfaden's ranges read "70 - 175" and so on).
 */

export const HEAT_DENSITY_CLASSES = ['none', 'new-development', 'existing-low-temperature', 'existing-conventional', 'very-high'] as const;
export type HeatDensityClass = (typeof HEAT_DENSITY_CLASSES)[number];

/** Upper bounds of the first four classes, MWh/(ha*a). */
export const HEAT_DENSITY_BOUNDS = [70, 175, 415, 1050] as const;

const M2_PER_HA = 10_000;

/** MWh/(ha*a) of an annual heat in kWh over an area in m². */
export const heatDensityMwhPerHaA = (kwhPerYear: number, areaM2: number): number => kwhPerYear / 1000 / (areaM2 / M2_PER_HA);

export function heatDensityClass(mwhPerHaA: number): HeatDensityClass {
  const i = HEAT_DENSITY_BOUNDS.findIndex((b) => mwhPerHaA <= b);
  return HEAT_DENSITY_CLASSES[i === -1 ? HEAT_DENSITY_CLASSES.length - 1 : i] ?? 'very-high';
}
