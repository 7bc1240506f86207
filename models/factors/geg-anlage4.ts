import type { FactorSet } from './factor-set.js';

/**
 * Primary-energy factors, non-renewable share, GEG Anlage 4 (zu § 22 Abs. 1), version of 16.10.2023 (buzer.de).
 * Biogenes Flüssiggas has no row in Anlage 4, so 'bio-lpg' has no factor here (weighing it is an error).
 * District heat has no default: GEG § 22 takes it from the supplier's certificate, so a user set must add it.
 * The law credits no exported electricity (Nr. 10: on-site PV 0,0), so the set has none; the analysis adds the
 * credit of the chosen variant (export-credit.ts, Effizienzhaus Plus by default) and names it.
 */
export const GEG_ANLAGE_4: FactorSet = {
  id: 'geg-anlage-4',
  version: '2023-10-16',
  name: 'GEG Anlage 4 Primärenergiefaktoren (nicht erneuerbarer Anteil)',
  kind: 'primary-energy',
  unit: '-',
  basis: 'delivered',
  source: 'Gebäudeenergiegesetz Anlage 4 (zu § 22 Abs. 1), Fassung vom 16.10.2023, buzer.de',
  factors: {
    electricity: { value: 1.8, note: 'netzbezogener Strom' },
    gas: { value: 1.1, note: 'Erdgas' },
    oil: { value: 1.1, note: 'Heizöl' },
    lpg: { value: 1.1, note: 'Flüssiggas' },
    'hard-coal': { value: 1.1, note: 'Steinkohle' },
    lignite: { value: 1.2, note: 'Braunkohle' },
    biogas: { value: 1.1, note: 'Biogas' },
    'bio-oil': { value: 1.1, note: 'Bioöl' },
    wood: { value: 0.2, note: 'Holz' },
    pellets: { value: 0.2, note: 'Holz' },
    'ambient-heat': { value: 0, note: 'Umweltwärme / Solarthermie' },
    'waste-heat': { value: 0, note: 'Abwärme' },
  },
  exportCredit: {},
  userDefined: false,
};
