import { describe, expect, it } from 'vitest';
import { classCoverage, surplusShares, type BuildingElectricity } from '../../../models/energy/consumption-classes.js';

const QH = 900_000;
const f = (...v: number[]) => Float64Array.from(v);

describe('consumption classes: coverage of a charging session per quarter hour', () => {
  it('splits a quarter hour of charging into local PV, district surplus and grid, worked by hand', () => {
    // Quarter hour 1: the school has PV G = 2 kWh, imports 3 kWh, exports 0: its consumption L = G + import = 5 kWh,
    // of which the wallbox behind its grid meter draws 2.5 kWh. The town hall next door exports 0.6 kWh.
    //   PV share of the school's loads: min(G, L) / L = 2 / 5 = 0.4 -> wallbox from PV: 2.5 x 0.4 = 1.0 kWh
    //   district surplus E = 0.6, demand from outside D = 3 (school's import) -> share min(1, 0.6 / 3) = 0.2
    //   wallbox from the surplus: (2.5 - 1.0) x 0.2 = 0.3 kWh; from the grid: 2.5 - 1.0 - 0.3 = 1.2 kWh
    // Quarter hour 2: no sun (G = 0, import 4, L = 4), the wallbox draws 2 kWh, the town hall exports 5 kWh:
    //   PV 0; share min(1, 5 / 4) = 1 -> all 2 kWh from the surplus.
    // A street light outside every building draws 0.01 kWh in quarter hour 2: D = 4 + 0.01 -> share still 1.
    const school: BuildingElectricity = { buildingId: 'school', generation: f(2, 0), consumption: f(5, 4), import: f(3, 4), export: f(0, 0) };
    const hall: BuildingElectricity = { buildingId: 'hall', generation: f(0.6, 5), consumption: f(0, 0), import: f(0, 0), export: f(0.6, 5) };
    const lights = f(0, 0.01);
    const share = surplusShares([school, hall], [lights], 2);
    expect(share[0]).toBeCloseTo(0.2, 12);
    expect(share[1]).toBe(1);
    const ev = classCoverage([{ buildingId: 'school', kwh: f(2.5, 2) }], [school, hall], share, QH);
    expect(ev.kwh).toBeCloseTo(4.5, 12);
    expect(ev.pvKwh).toBeCloseTo(1.0, 12);
    expect(ev.surplusKwh).toBeCloseTo(0.3 + 2, 12);
    expect(ev.gridKwh).toBeCloseTo(1.2, 12);
    // peak: 2.5 kWh in a quarter hour = 10 kW
    expect(ev.peakKw).toBeCloseTo(10, 12);
    const lit = classCoverage([{ buildingId: null, kwh: lights }], [school, hall], share, QH);
    expect(lit).toMatchObject({ kwh: 0.01, pvKwh: 0, surplusKwh: 0.01, unknownKwh: 0, steps: 2 });
    // the light burns only in quarter hour 2, so quarter hour 1 adds nothing though it counts as a known step
  });

  it('counts a load in a quarter hour without a building balance as unknown coverage', () => {
    const b: BuildingElectricity = { buildingId: 'b', generation: f(Number.NaN), consumption: f(Number.NaN), import: f(Number.NaN), export: f(Number.NaN) };
    const share = surplusShares([b], [], 1);
    const ev = classCoverage([{ buildingId: 'b', kwh: f(1) }], [b], share, QH);
    expect(ev).toMatchObject({ kwh: 1, pvKwh: 0, surplusKwh: 0, gridKwh: 0, unknownKwh: 1 });
  });
});
