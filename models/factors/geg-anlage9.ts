import type { Carrier } from '../energy/carriers.js';
import type { FactorEntry, FactorSet } from './factor-set.js';
import { ANLAGE_9_ROWS, anlage9Row } from './geg-anlage9-rows.js';

const entry = (nr: number): FactorEntry => {
  const row = anlage9Row(nr);
  if (row === undefined || row.value === null) throw new Error(`GEG Anlage 9 has no numeric row ${nr}`);
  return { value: row.value, note: `Nr. ${row.nr} ${row.name}` };
};

const defaults = (): Partial<Record<Carrier, FactorEntry>> => {
  const out: Partial<Record<Carrier, FactorEntry>> = {};
  for (const row of ANLAGE_9_ROWS) if (row.carrier !== undefined) out[row.carrier] = entry(row.nr);
  // pellets are wood (Nr. 11 "Holz"); the law has no separate row
  out.pellets = entry(11);
  return out;
};

/**
 * CO2-equivalent emission factors, GEG Anlage 9 (zu § 85 Abs. 6) Nr. 3, g CO2e per kWh final energy: every
 * row of the law is in ANLAGE_9_ROWS; the set weighs each carrier with its plain row. Rows that are
 * alternatives (biogas or bio-oil gebäudenah erzeugt, district heat by plant type) are picked with
 * withAnlage9Row / withDistrictHeat and give a derived set that says so. District heat has no default row.
 * The law defines no credit for exported electricity, so none is given.
 */
export const GEG_ANLAGE_9: FactorSet = {
  id: 'geg-anlage-9',
  version: '2023-10-16',
  name: 'GEG Anlage 9 Emissionsfaktoren',
  kind: 'co2',
  unit: 'g CO2e/kWh',
  basis: 'delivered',
  source: 'Gebäudeenergiegesetz Anlage 9 (zu § 85 Abs. 6) Nr. 3, BGBl. I 2020, 1788-1789 (lexcada.com, geg-info.de)',
  factors: defaults(),
  exportCredit: {},
  userDefined: false,
};

/** The district-heat rows of Anlage 9 (Nr. 20-25), g CO2e/kWh, for users who know their network's plant type. */
export const DISTRICT_HEAT_ANLAGE_9 = {
  'chp-coal': entry(20).value,
  'chp-gas-liquid': entry(21).value,
  'chp-renewable': entry(22).value,
  'heat-only-coal': entry(23).value,
  'heat-only-gas-liquid': entry(24).value,
  'heat-only-renewable': entry(25).value,
} as const;

/** The Anlage 9 row number of each district-heat choice. */
export const DISTRICT_HEAT_ROW: Readonly<Record<keyof typeof DISTRICT_HEAT_ANLAGE_9, number>> = {
  'chp-coal': 20,
  'chp-gas-liquid': 21,
  'chp-renewable': 22,
  'heat-only-coal': 23,
  'heat-only-gas-liquid': 24,
  'heat-only-renewable': 25,
};
