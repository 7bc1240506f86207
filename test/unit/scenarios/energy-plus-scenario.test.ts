import { beforeAll, describe, expect, it } from 'vitest';
import { makeSeries, type BuildingProfile } from '../../../models/energy/series.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { withExportCredit } from '../../../models/factors/export-credit.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { runScenario } from '../../../models/scenarios/run-scenario.js';
import { DEFAULT_PV_SYSTEM, pvPerKwp } from '../../../models/solar/pv-system.js';
import { ESSEN } from '../../../models/solar/pv-potential.js';
import { buildSkyTable, type SkyTable } from '../../../models/solar/sky.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { parseProfileCsv, powerToKwh } from '../../../models/weather/profile-csv.js';
import { parseTryCsv, type WeatherSeries } from '../../../models/weather/try-weather.js';
import { alignTypicalYear } from '../../../models/weather/typical-year.js';
import { profileText as text } from '../../fixtures/data/fixture-files.js';

/** The energy-plus verdict's rule: export credited with the Verdrängungsstrommix 2.8 (Effizienzhaus Plus). */
const EH_PLUS = withExportCredit(GEG_ANLAGE_4, 'effizienzhaus-plus');

const YEAR = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };
const N = (YEAR.to - YEAR.from) / INTERVAL_MS;

let weather: WeatherSeries;
let sky: SkyTable;
let house: BuildingProfile;

beforeAll(() => {
  const w = parseTryCsv(text('TRY_5_a_2015_15min.csv'));
  if (!w.ok) throw new Error(w.error.message);
  weather = w.value;
  sky = buildSkyTable(weather, ESSEN.latDeg, ESSEN.lonDeg);
  // A single-family house in Essen: 4,000 kWh/a household electricity (profile LP_W_EFH), 12,000 kWh/a gas
  // (2,000 flat for hot water, 10,000 by heating degrees below 15 °C from the TRY temperature).
  const lp = parseProfileCsv(text('LP_W_EFH.csv'));
  if (!lp.ok) throw new Error(lp.error.message);
  const perMwh = powerToKwh(lp.value.columns[0]?.values ?? [], 1, lp.value.stepMs);
  const elecRaw = alignTypicalYear(perMwh, lp.value.start, lp.value.stepMs, YEAR.from, N);
  const elecSum = elecRaw.reduce((s, v) => s + v, 0);
  const electricity = elecRaw.map((v) => (v * 4000) / elecSum);
  const degrees = alignTypicalYear(weather.tempC.map((t) => Math.max(0, 15 - t)), weather.start, weather.stepMs, YEAR.from, N);
  const degreeSum = degrees.reduce((s, v) => s + v, 0);
  const gas = degrees.map((d) => 2000 / N + (10_000 * d) / degreeSum);
  const e = makeSeries({ carrier: 'electricity', start: YEAR.from, consumption: electricity });
  const g = makeSeries({ carrier: 'gas', start: YEAR.from, consumption: gas });
  if (!e.ok || !g.ok) throw new Error('series');
  house = { buildingId: 'efh', series: [e.value, g.value] };
});

describe('a scenario that turns a known house energy-plus', () => {
  it('efficiency, heat pump, 10 kWp PV and a battery', () => {
    const r = runScenario(
      [house],
      {
        id: 'plus',
        name: 'Plusenergiehaus',
        measures: [
          { kind: 'battery', buildingId: 'efh', capacityKwh: 10, powerKw: 5, roundTripEfficiency: 0.9 },
          { kind: 'pv', buildingId: 'efh', kwp: 10, tiltDeg: 35, azimuthDeg: 180 },
          { kind: 'heat-pump', buildingId: 'efh', scop: 3.2 },
          { kind: 'efficiency', buildingId: 'efh', carrier: 'gas', saving: 0.2 },
        ],
      },
      { period: YEAR, primarySet: EH_PLUS, co2Set: GEG_ANLAGE_9, weather, sky },
    );
    if (!r.ok) throw new Error(`${r.error.where}: ${r.error.message}`);
    const before = r.value.measured.buildings[0];
    const after = r.value.simulated.buildings[0];
    // measured: 4,000 + 12,000 kWh drawn, primary 4,000 x 1.8 + 12,000 x 1.1
    expect(before?.energyPlus.finalEnergyNetKwh).toBeCloseTo(16_000, 6);
    expect(before?.energyPlus.primaryEnergy.total).toBeCloseTo(20_400, 6);
    expect(before?.energyPlus.energyPlus).toBe(false);

    // gas 12,000 - 20 % = 9,600; x 0.9 / 3.2 = 2,700 kWh more electricity
    const elec = after?.balance.carriers.find((c) => c.carrier === 'electricity');
    const gas = after?.balance.carriers.find((c) => c.carrier === 'gas');
    expect(elec?.consumptionKwh).toBeCloseTo(6_700, 6);
    expect(gas?.consumptionKwh).toBe(0);
    // PV: 10 kWp x the typical-year yield, laid onto 2025 dates (same year length, so within 0.5 %)
    const perKwp = pvPerKwp(sky, 35, 180, DEFAULT_PV_SYSTEM).kwhPerKwp;
    expect(Math.abs((elec?.generationKwh ?? 0) / (10 * perKwp) - 1)).toBeLessThan(0.005);
    // the battery only shifts energy: import - export = load - generation + its losses
    const bat = r.value.effects.find((x) => x.kind === 'battery')?.battery;
    expect(bat?.lossesKwh).toBeGreaterThan(0);
    expect((elec?.importKwh ?? 0) - (elec?.exportKwh ?? 0)).toBeCloseTo(
      (elec?.consumptionKwh ?? 0) - (elec?.generationKwh ?? 0) + (bat?.lossesKwh ?? 0),
      6,
    );
    // with PV and battery the house covers more than half of its (larger) load itself
    expect(after?.electricityKpis?.selfSufficiency).toBeGreaterThan(0.5);

    expect(after?.energyPlus.finalEnergyNetKwh).toBeLessThan(0);
    expect(after?.energyPlus.primaryEnergy.total).toBeLessThan(0);
    expect(after?.energyPlus.energyPlus).toBe(true);
    expect(r.value.simulated.energyPlus.energyPlus).toBe(true);
    expect(after?.co2Tonnes).toBeLessThan(before?.co2Tonnes ?? 0);
    // measures were applied in the fixed order, whatever the list order
    expect(r.value.effects.map((x) => x.kind)).toEqual(['efficiency', 'heat-pump', 'pv', 'battery']);
  });

  it('PV alone is not enough for this house', () => {
    const r = runScenario([house], { id: 'pv', name: 'PV', measures: [{ kind: 'pv', buildingId: 'efh', kwp: 10, tiltDeg: 35, azimuthDeg: 180 }] }, {
      period: YEAR,
      primarySet: EH_PLUS,
      co2Set: GEG_ANLAGE_9,
      weather,
      sky,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.simulated.buildings[0]?.energyPlus.energyPlus).toBe(false);
  });

  it('PV from the roof potential, on an hourly rollup of the same house', () => {
    const hourly = house.series.map((s) => {
      const sum = (col: Float64Array) => Array.from({ length: col.length / 4 }, (_, i) => col[4 * i]! + col[4 * i + 1]! + col[4 * i + 2]! + col[4 * i + 3]!);
      const r = makeSeries({ carrier: s.carrier, start: s.start, stepMs: 4 * INTERVAL_MS, consumption: sum(s.consumption) });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    const roofs = [{ buildingId: 'efh', areaM2: 60, tiltDeg: 40, azimuthDeg: 200 }];
    const r = runScenario([{ buildingId: 'efh', series: hourly }], { id: 'pot', name: 'pot', measures: [{ kind: 'pv-potential', buildingId: 'efh', roofs, share: 0.5 }] }, {
      period: YEAR,
      primarySet: EH_PLUS,
      co2Set: GEG_ANLAGE_9,
      weather,
      sky,
    });
    if (!r.ok) throw new Error(r.error.message);
    // 60 x 0.7 / 5.5 kWp, half of it
    expect(r.value.effects[0]?.kwp).toBeCloseTo((60 * 0.7) / 5.5 / 2, 12);
    expect(r.value.simulated.buildings[0]?.electricityKpis?.resolution).toBe('1 h');
    expect(r.value.simulated.buildings[0]?.balance.carriers[0]?.generationKwh).toBeGreaterThan(3000);
  });
});
