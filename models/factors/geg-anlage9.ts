import type { FactorSet } from './factor-set.js';

/**
 * CO2-equivalent emission factors, GEG Anlage 9 (zu § 85 Abs. 6), version of 16.10.2023, g CO2e per kWh final
 * energy. Anlage 9 lists district heat by plant type, so the set has no single district-heat factor: the user
 * picks the network's row (withDistrictHeat, DISTRICT_HEAT_ANLAGE_9) and gets a derived set that says so.
 * Anlage 9 defines no credit for exported electricity, so none is given.
 */
export const GEG_ANLAGE_9: FactorSet = {
  id: 'geg-anlage-9',
  version: '2023-10-16',
  name: 'GEG Anlage 9 Emissionsfaktoren',
  kind: 'co2',
  unit: 'g CO2e/kWh',
  basis: 'delivered',
  source: 'Gebäudeenergiegesetz Anlage 9 (zu § 85 Abs. 6), Fassung vom 16.10.2023, buzer.de',
  factors: {
    electricity: { value: 560, note: 'netzbezogener Strom' },
    gas: { value: 240, note: 'Erdgas' },
    oil: { value: 310, note: 'Heizöl' },
    lpg: { value: 270, note: 'Flüssiggas' },
    'hard-coal': { value: 400, note: 'Steinkohle' },
    lignite: { value: 430, note: 'Braunkohle' },
    wood: { value: 20, note: 'Holz' },
    pellets: { value: 20, note: 'Holz' },
    'ambient-heat': { value: 0, note: 'Umweltwärme' },
  },
  exportCredit: {},
  userDefined: false,
};

/** All district-heat rows of Anlage 9, g CO2e/kWh, for users who know their network's plant type. */
export const DISTRICT_HEAT_ANLAGE_9 = {
  'chp-gas-liquid': 180,
  'chp-coal': 300,
  'chp-renewable': 40,
  'heat-only-gas-liquid': 300,
  'heat-only-coal': 400,
  'heat-only-renewable': 60,
} as const;
