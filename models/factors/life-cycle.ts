import type { YearFactor } from './by-year.js';
import type { FactorSet } from './factor-set.js';

/**
 * BISKO weighs electricity with the life-cycle factor of the federal mix (Bundesstrommix) of the balance year.
 * Only rows with a citable life-cycle value (upstream chain included) are here; the yearly ifeu/Klimaschutz-
 * Planer table could not be obtained, and UBA's yearly "Entwicklung der spezifischen Kohlendioxid-Emissionen des
 * deutschen Strommix" values are direct CO2 without upstream chain, so they are not life-cycle values and are
 * not used. A balance year without its own row gets the newest earlier row, and the set's version says so.
 * Add a year's row in a user set (withOverrides keeps 'yearly' of the base only when given again).
 */
export const BUNDESSTROMMIX_LCA: readonly YearFactor[] = [
  {
    year: 2015,
    value: 565,
    source: 'GEMIS 4.95, Prozess "Stromnetz-lokal 2015" (Bundesmix), CO2e inkl. Vorketten, via KEA-BW Emissionsfaktoren (Stand 11/2016)',
  },
];

/**
 * Life-cycle emission factors with upstream chain (BISKO style): GEMIS 4.95 via KEA-BW, g CO2e per kWh final
 * energy; grid electricity by balance year (BUNDESSTROMMIX_LCA, chosen by setForYear). Basis 'consumption':
 * BISKO weighs each carrier's final energy consumption with the federal mix and gives no credit for local
 * generation or feed-in (territorial principle).
 */
export const LIFE_CYCLE_GEMIS: FactorSet = {
  id: 'bisko-gemis-4.95',
  version: 'GEMIS 4.95',
  name: 'Lebenszyklus-Emissionsfaktoren (BISKO-Stil)',
  kind: 'co2',
  unit: 'g CO2e/kWh',
  basis: 'consumption',
  source: 'GEMIS 4.95 via KEA-BW (Lebenszyklus inkl. Vorkette, Stand 11/2016); Bilanzierung nach BISKO (ifeu/Difu)',
  factors: {
    electricity: { value: 565, note: 'Bundesstrommix 2015 (ohne Bilanzjahr gewählt)' },
    gas: { value: 250, note: 'Erdgas' },
    oil: { value: 319, note: 'Heizöl' },
    lpg: { value: 277, note: 'Flüssiggas' },
    pellets: { value: 27, note: 'Holzpellets' },
    'ambient-heat': { value: 0, note: 'Umweltwärme (Strom der Wärmepumpe ist unter electricity bilanziert)' },
  },
  yearly: { electricity: BUNDESSTROMMIX_LCA },
  exportCredit: {},
  userDefined: false,
};
