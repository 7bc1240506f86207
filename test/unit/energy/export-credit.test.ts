import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../../models/energy/balance.js';
import { energyPlusStatus } from '../../../models/energy/energy-plus.js';
import { EXPORT_CREDIT_VARIANTS, withExportCredit } from '../../../models/factors/export-credit.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { T0, series } from './helpers.js';

// Two days: electricity import 1000, export 3000 kWh; gas 2000 kWh.
const profile = () => ({
  buildingId: 'a',
  series: [
    series({ carrier: 'electricity', stepMs: DAY_MS, generation: [4000, 0], import: [0, 1000], export: [3000, 0] }),
    series({ carrier: 'gas', stepMs: DAY_MS, consumption: [1500, 500] }),
  ],
});

const total = (set: Parameters<typeof weighBalance>[1]) => {
  const w = weighBalance(computeBalance(profile()).carriers, set);
  if (!w.ok) throw new Error(w.error.message);
  return w.value;
};

describe('export credit in primary energy', () => {
  it('the law set itself credits nothing (GEG Anlage 4 Nr. 10: on-site PV 0,0)', () => {
    // 1000 x 1.8 + 2000 x 1.1 = 4000
    expect(total(GEG_ANLAGE_4).total).toBeCloseTo(4000, 9);
  });

  it('Effizienzhaus Plus credits export with the Verdrängungsstrommix 2.8 and names the rule', () => {
    const w = total(withExportCredit(GEG_ANLAGE_4, 'effizienzhaus-plus'));
    // 1000 x 1.8 + 2000 x 1.1 - 3000 x 2.8 = 1800 + 2200 - 8400
    expect(w.total).toBeCloseTo(-4400, 9);
    expect(w.set.exportCredit).toMatchObject({ id: 'effizienzhaus-plus', factor: 2.8 });
    expect(w.set.exportCredit?.source).toMatch(/Verdrängungsstrommix/);
    expect(w.factorsUsed.find((f) => f.use === 'export-credit')).toMatchObject({ carrier: 'electricity', value: 2.8 });
  });

  it('the symmetric variant credits export with the grid factor 1.8', () => {
    // 1800 + 2200 - 3000 x 1.8 = -1400
    const w = total(withExportCredit(GEG_ANLAGE_4, 'grid-symmetric'));
    expect(w.total).toBeCloseTo(-1400, 9);
    expect(w.set.exportCredit?.id).toBe('grid-symmetric');
  });

  it('the GEG variant credits nothing and still names itself', () => {
    const w = total(withExportCredit(GEG_ANLAGE_4, 'geg-none'));
    expect(w.total).toBeCloseTo(4000, 9);
    expect(w.factorsUsed.some((f) => f.use === 'export-credit')).toBe(false);
    expect(w.set.exportCredit).toEqual(EXPORT_CREDIT_VARIANTS['geg-none']);
  });

  it('the variant decides the energy-plus verdict', () => {
    // a year: load 10, PV 12 kWh/day (export 2), gas 2.4 kWh/day -> final 876 - 730 = +146 in every variant;
    // a year of load 10 and PV 12 kWh/day (export 2/day = 730) and gas 1 kWh/day (365): final 365 - 730 = -365
    const house = {
      buildingId: 'h',
      series: [
        series({ carrier: 'electricity', stepMs: DAY_MS, consumption: new Array<number>(365).fill(10), generation: new Array<number>(365).fill(12) }),
        series({ carrier: 'gas', stepMs: DAY_MS, consumption: new Array<number>(365).fill(1) }),
      ],
    };
    const to = T0 + 365 * DAY_MS;
    const at = (id: 'effizienzhaus-plus' | 'grid-symmetric' | 'geg-none') => {
      const r = energyPlusStatus(house, { primarySet: withExportCredit(GEG_ANLAGE_4, id), to });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    // gas 365 x 1.1 = 401.5; export 730: EH Plus 401.5 - 2044 = -1642.5; symmetric 401.5 - 1314 = -912.5; GEG +401.5
    expect(at('effizienzhaus-plus').primaryEnergy.total).toBeCloseTo(-1642.5, 9);
    expect(at('grid-symmetric').primaryEnergy.total).toBeCloseTo(-912.5, 9);
    expect(at('geg-none').primaryEnergy.total).toBeCloseTo(401.5, 9);
    expect(at('effizienzhaus-plus').energyPlus).toBe(true);
    expect(at('geg-none').energyPlus).toBe(false);
  });
});
