import type { Medium } from '../types.js';

/**
 * Energy carriers a balance can hold. The metered media of models/types.ts (without water, which carries no
 * energy in a balance) plus the fuels that GEG Anlage 4/9 and the life-cycle sets list separately.
 * 'heat' is useful heat metered inside the building (a heat meter behind a boiler or heat pump): it does not
 * cross the building boundary, so it is shown per carrier but left out of final/primary/CO2 totals by default.
 */
export const CARRIERS = [
  'electricity',
  'gas',
  'oil',
  'lpg',
  'district-heat',
  'heat',
  'biogas',
  'bio-lpg',
  'bio-oil',
  'wood',
  'pellets',
  'hard-coal',
  'lignite',
  'ambient-heat',
  'waste-heat',
] as const;

export type Carrier = (typeof CARRIERS)[number];

export const isCarrier = (value: string): value is Carrier => (CARRIERS as readonly string[]).includes(value);

/** Carriers that stay inside the building boundary and therefore never enter delivered-energy totals. */
export const INTERNAL_CARRIERS: readonly Carrier[] = ['heat', 'ambient-heat'];

/** The carrier a metered medium stands for; null for water. */
export const carrierOfMedium = (medium: Medium): Carrier | null => (medium === 'water' ? null : medium);
