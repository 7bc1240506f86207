import { describe, expect, it } from 'vitest';
import { DORTMUND_DIMMING, lightingRetrofit } from '../../../models/scenarios/lighting-retrofit.js';

const DORTMUND = { lat: 51.5136, lon: 7.4653 };
/** 21 December 2026 12:00 CET to 22 December 12:00 CET: one night. */
const FROM = Date.UTC(2026, 11, 21, 11);
const TO = FROM + 24 * 3_600_000;

describe('LED retrofit and dimming of street lights', () => {
  it('saves kWh, euros and t CO2 over one night, worked by hand', () => {
    // Night of 21/22 December 2026 in Dortmund: dusk 17:03:21, dawn 07:53:33 CET = 14.8367 h
    // (street-light-night.test.ts); 17:03:21-22:00 = 4.944 h, 22:00-05:00 = 7 h, 05:00-07:53:33 = 2.893 h.
    // A 100 W sodium lamp at full power all night: 0.1 x 14.8367 = 1.48367 kWh.
    // LED at 70 %: 0.07 x 14.8367 = 1.03857 kWh (saves 0.44510)
    // dimmed 100@22:00 50@05:00 100: 0.07 x (4.944 + 7 x 0.5 + 2.893) = 0.07 x 11.3367 = 0.79357 kWh (saves 0.24500)
    // saved 1.48367 - 0.79357 = 0.69010 kWh; x 0.30 EUR/kWh = 0.20703 EUR; x 560 g/kWh = 386.5 g = 0.0003865 t.
    // The LED already in place (60 W, dimmed) changes nothing: 0.6802 kWh in all three states.
    const r = lightingRetrofit(
      [
        { ...DORTMUND, powerW: 100, led: false, schedule: { steps: [], thenPercent: 100 } },
        { ...DORTMUND, powerW: 60, led: true, schedule: DORTMUND_DIMMING },
      ],
      FROM,
      TO,
      { ledPowerShare: 0.7, dimming: DORTMUND_DIMMING, priceEurPerKwh: 0.3, co2GPerKwh: 560 },
    );
    // the position is rounded to 0.05 degree for the twilight (seconds): 1e-3 kWh tolerance
    expect(r.baselineKwh).toBeCloseTo(1.48367 + 0.6802, 3);
    expect(r.ledKwh).toBeCloseTo(1.03857 + 0.6802, 3);
    expect(r.scenarioKwh).toBeCloseTo(0.79357 + 0.6802, 3);
    expect(r.savedByLedKwh).toBeCloseTo(0.4451, 3);
    expect(r.savedByDimmingKwh).toBeCloseTo(0.245, 3);
    expect(r.savedKwh).toBeCloseTo(0.6901, 3);
    expect(r.savedEur).toBeCloseTo(0.20703, 3);
    expect(r.savedTonnesCo2).toBeCloseTo(0.0003865, 6);
    expect(r).toMatchObject({ lights: 2, retrofitted: 1, dimmed: 1 });
  });

  it('refuses an LED share outside (0, 1]', () => {
    expect(() => lightingRetrofit([], FROM, TO, { ledPowerShare: 0, dimming: DORTMUND_DIMMING, priceEurPerKwh: 0.3, co2GPerKwh: 560 })).toThrow(/ledPowerShare/);
  });
});
