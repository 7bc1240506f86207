import type { FactorSet } from './factor-set.js';

/**
 * Life-cycle emission factors with upstream chain (BISKO style): GEMIS 4.95 via KEA-BW, g CO2e per kWh final
 * energy; grid electricity is the 2015 federal mix. Basis 'consumption': BISKO weighs each carrier's final
 * energy consumption with the federal mix and gives no credit for local generation or feed-in (territorial
 * principle). Yearly BISKO tables (ifeu/Difu, 5th edition 2024) replace these numbers in a user set.
 */
export const LIFE_CYCLE_GEMIS: FactorSet = {
  id: 'bisko-gemis-4.95',
  version: 'GEMIS 4.95 (Strommix 2015)',
  name: 'Lebenszyklus-Emissionsfaktoren (BISKO-Stil)',
  kind: 'co2',
  unit: 'g CO2e/kWh',
  basis: 'consumption',
  source: 'GEMIS 4.95 via KEA-BW (Lebenszyklus inkl. Vorkette); Bilanzierung nach BISKO (ifeu/Difu)',
  factors: {
    electricity: { value: 565, note: 'Bundesstrommix 2015' },
    gas: { value: 250, note: 'Erdgas' },
    oil: { value: 319, note: 'Heizöl' },
    lpg: { value: 277, note: 'Flüssiggas' },
    pellets: { value: 27, note: 'Holzpellets' },
    'ambient-heat': { value: 0, note: 'Umweltwärme (Strom der Wärmepumpe ist unter electricity bilanziert)' },
  },
  exportCredit: {},
  userDefined: false,
};
