import { describe, expect, it } from 'vitest';
import { MISSING_CODE } from '../../../models/energy/quality.js';
import { makeSeries } from '../../../models/energy/series.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { dispatchBattery } from '../../../models/scenarios/battery.js';
import { runScenario } from '../../../models/scenarios/run-scenario.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';

const T0 = Date.UTC(2025, 0, 1);
const slots = (n: number) => ({ from: T0, to: T0 + n * INTERVAL_MS });
const ctx = (n: number) => ({ period: slots(n), primarySet: GEG_ANLAGE_4, co2Set: GEG_ANLAGE_9 });
const series = (input: Parameters<typeof makeSeries>[0]) => {
  const r = makeSeries(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('dispatchBattery (worked by hand)', () => {
  it('charges from surplus, discharges into deficit, within power, capacity and losses', () => {
    // 2 kWh, 4 kW = 1 kWh per 15 min, round trip 0.81 -> 0.9 each way.
    // slot 0: surplus 2 -> charge 1, soc 0.9, export 1
    // slot 1: surplus 2 -> charge min(1, 1.1 / 0.9) = 1, soc 1.8, export 1
    // slot 2: deficit 1 -> discharge 1, soc 1.8 - 1 / 0.9 = 0.6889, import 0
    // slot 3: deficit 1 -> discharge 0.6889 x 0.9 = 0.62, soc 0, import 0.38
    // slot 4: deficit 1 -> empty, import 1
    const imp = Float64Array.from([0, 0, 1, 1, 1]);
    const exp = Float64Array.from([2, 2, 0, 0, 0]);
    const d = dispatchBattery(imp, exp, new Uint8Array(5), INTERVAL_MS, { capacityKwh: 2, powerKw: 4, roundTripEfficiency: 0.81 });
    expect([...d.export]).toEqual([1, 1, 0, 0, 0]);
    expect(d.import[2]).toBeCloseTo(0, 12);
    expect(d.import[3]).toBeCloseTo(0.38, 12);
    expect(d.import[4]).toBe(1);
    expect(d.chargedKwh).toBe(2);
    expect(d.dischargedKwh).toBeCloseTo(1.62, 12);
    expect(d.finalSocKwh).toBeCloseTo(0, 12);
    expect(d.equivalentCycles).toBe(1);
  });

  it('leaves missing slots alone', () => {
    const q = Uint8Array.from([0, MISSING_CODE, 0]);
    const d = dispatchBattery(Float64Array.from([0, 5, 1]), Float64Array.from([1, 0, 0]), q, INTERVAL_MS, { capacityKwh: 10, powerKw: 10, roundTripEfficiency: 1 });
    expect(Number.isNaN(d.import[1])).toBe(true);
    expect(d.import[2]).toBe(0);
    expect(d.dischargedKwh).toBe(1);
  });
});

describe('runScenario measures on small profiles (worked by hand)', () => {
  it('efficiency cuts consumption and moves the grid exchange', () => {
    const p = { buildingId: 'a', series: [series({ carrier: 'electricity', start: T0, consumption: [1, 1], generation: [0.5, 2] })] };
    const r = runScenario([p], { id: 's', name: 'eff', measures: [{ kind: 'efficiency', buildingId: '*', carrier: 'electricity', saving: 0.1 }] }, ctx(2));
    if (!r.ok) throw new Error(r.error.message);
    const e = r.value.profiles[0]?.series[0];
    expect([...(e?.consumption ?? [])]).toEqual([0.9, 0.9]);
    expect(e?.import[0]).toBeCloseTo(0.4, 12);
    expect(e?.export[1]).toBeCloseTo(1.1, 12);
    expect(r.value.effects[0]?.consumptionChangeKwh.electricity).toBeCloseTo(-0.2, 12);
    // the measured column is untouched
    expect(r.value.measured.balance.carriers[0]?.consumptionKwh).toBe(2);
  });

  it('a heat pump turns gas into electricity: gas x boiler efficiency / SCOP', () => {
    const p = {
      buildingId: 'a',
      series: [
        series({ carrier: 'electricity', start: T0, consumption: [1, 1, 1] }),
        series({ carrier: 'gas', start: T0, consumption: [10, 0, null] }),
      ],
    };
    const r = runScenario([p], { id: 's', name: 'hp', measures: [{ kind: 'heat-pump', buildingId: 'a', scop: 4 }] }, ctx(3));
    if (!r.ok) throw new Error(r.error.message);
    const [e, g] = r.value.profiles[0]?.series ?? [];
    // 10 x 0.9 / 4 = 2.25
    expect(e?.consumption[0]).toBeCloseTo(3.25, 12);
    expect(e?.consumption[1]).toBe(1);
    expect(e?.quality[2]).toBe(MISSING_CODE);
    expect(g?.import[0]).toBe(0);
    expect(r.value.effects[0]?.consumptionChangeKwh).toEqual({ gas: -10, electricity: 2.25 });
  });

  it('names what is wrong with a scenario', () => {
    const p = { buildingId: 'a', series: [series({ carrier: 'electricity', start: T0, consumption: [1] })] };
    const run = (m: never) => runScenario([p], { id: 's', name: 'x', measures: [m] }, ctx(1));
    const who = run({ kind: 'battery', buildingId: 'zz', capacityKwh: 1, powerKw: 1, roundTripEfficiency: 0.9 } as never);
    expect(!who.ok && who.error.where).toBe('measures[0].buildingId');
    const rte = run({ kind: 'battery', buildingId: 'a', capacityKwh: 1, powerKw: 1, roundTripEfficiency: 1.2 } as never);
    expect(!rte.ok && rte.error.where).toBe('measures[0].roundTripEfficiency');
    const noGas = run({ kind: 'heat-pump', buildingId: 'a', scop: 3 } as never);
    expect(!noGas.ok && noGas.error.message).toMatch(/no gas series/);
    const noWeather = run({ kind: 'pv', buildingId: 'a', kwp: 5, tiltDeg: 30, azimuthDeg: 180 } as never);
    expect(!noWeather.ok && noWeather.error.where).toBe('ctx.weather');
    const mixed = runScenario(
      [p, { buildingId: 'b', series: [series({ carrier: 'electricity', start: T0, stepMs: 2 * INTERVAL_MS, consumption: [1] })] }],
      { id: 's', name: 'x', measures: [] },
      ctx(2),
    );
    expect(!mixed.ok && mixed.error.message).toMatch(/cannot be summed/);
    const saving = run({ kind: 'efficiency', buildingId: 'a', carrier: 'electricity', saving: 2 } as never);
    expect(!saving.ok && saving.error.where).toBe('measures[0].saving');
  });
});
