/**
 * The cost rows of the scenario comparison: each picks one figure out of the costs the core computed for the
 * measured and the simulated state and their difference ('scenario.run' -> costs), so nothing is priced or
 * subtracted in the UI. Energy cost has one
 * row per carrier that either state prices.
 */
import type { CostFigures, ScenarioRunResult } from '../../models/contract/index.js';
import type { Carrier } from '../../models/energy/carriers.js';

export type CostRowKind = 'energy' | 'fixed' | 'feedIn' | 'net';

export interface CostRow {
  /** data-row of the cells: cost-energy-electricity, cost-fixed, cost-feed-in, cost-net. */
  readonly id: string;
  readonly kind: CostRowKind;
  readonly carrier?: Carrier;
  readonly measured: number;
  readonly simulated: number;
  /** simulated - measured, as the core computed it. */
  readonly difference: number;
}

const energyOf = (c: CostFigures, carrier: Carrier): number => c.carriers.find((x) => x.carrier === carrier)?.energyEur ?? 0;

/** The rows, or [] when no tariff covers the period in either state (the dialog says "no tariff" instead). */
export function costRows(r: ScenarioRunResult): CostRow[] {
  const m = r.costs.measured.district;
  const s = r.costs.simulated.district;
  const d = r.costs.difference;
  if (!m.hasTariffs && !s.hasTariffs) return [];
  return [
    ...d.carriers.map(
      (c): CostRow => ({ id: `cost-energy-${c.carrier}`, kind: 'energy', carrier: c.carrier, measured: energyOf(m, c.carrier), simulated: energyOf(s, c.carrier), difference: c.energyEur }),
    ),
    { id: 'cost-fixed', kind: 'fixed', measured: m.fixedEur, simulated: s.fixedEur, difference: d.fixedEur },
    { id: 'cost-feed-in', kind: 'feedIn', measured: m.feedInEur, simulated: s.feedInEur, difference: d.feedInEur },
    { id: 'cost-net', kind: 'net', measured: m.netEur, simulated: s.netEur, difference: d.netEur },
  ];
}
