/**
 * What-if for street lighting: replace the lights that are not LED by LEDs and dim the lights that burn at full
 * power all night, and what that saves in kWh, euros and t CO2 over a period. Both states are computed the same
 * way (civil twilight and schedule, models/lighting/), so a light measured on its circuit is computed here too.
 *
 * Defaults, each a parameter the user can change and every result names:
 * - an LED draws 70 % of the power of the lamp it replaces: Dortmund expected "rund 30 Prozent" less energy from
 *   the change to LED alone and another 30 % from dimming (ruhr-guide.de, "Straßenbeleuchtung wird erneuert",
 *   idr report on the city of Dortmund); Dortmund's lighting fell from 17.45 GWh (2017) to 8.3 GWh a year with
 *   both (stadt-und-werk.de, "Umstellung auf LED fast abgeschlossen");
 * - the dimming schedule is Dortmund's: half the luminous flux between 22:00 and 05:00 (Ruhr Nachrichten, "Dimmbare
 *   LED-Straßenbeleuchtung: Stadt will Austausch beschleunigen", 2022), written "100@22:00 50@05:00 100".
 */
import { lightingProfile, NightCache, type LightForProfile } from '../lighting/lighting-profile.js';
import type { DimmingSchedule } from '../lighting/night-energy.js';

export const DEFAULT_LED_POWER_SHARE = 0.7;
export const DEFAULT_LED_POWER_SHARE_SOURCE = 'Dortmund: about 30 % less energy from the change to LED alone (ruhr-guide.de, idr report "Straßenbeleuchtung wird erneuert")';
export const DORTMUND_DIMMING: DimmingSchedule = { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 };
export const DORTMUND_DIMMING_SOURCE = 'Dortmund: luminous flux halved 22:00-05:00 (Ruhr Nachrichten, 2022)';

export interface RetrofitLight extends LightForProfile {
  readonly led: boolean;
}

export interface RetrofitOptions {
  /** LED power as a share of the replaced lamp's, 0 < x <= 1. */
  readonly ledPowerShare: number;
  /** Schedule given to lights that burn at full power all night (an empty schedule). */
  readonly dimming: DimmingSchedule;
  readonly priceEurPerKwh: number;
  /** g CO2e per kWh of grid electricity. */
  readonly co2GPerKwh: number;
}

export interface RetrofitResult {
  readonly lights: number;
  /** Lights that are not LED and would be replaced. */
  readonly retrofitted: number;
  /** Lights at full power all night that would be dimmed. */
  readonly dimmed: number;
  readonly baselineKwh: number;
  /** After the LED retrofit alone. */
  readonly ledKwh: number;
  /** After the retrofit and the dimming. */
  readonly scenarioKwh: number;
  readonly savedKwh: number;
  readonly savedByLedKwh: number;
  readonly savedByDimmingKwh: number;
  readonly savedEur: number;
  readonly savedTonnesCo2: number;
}

const total = (a: Float64Array): number => a.reduce((x, v) => x + v, 0);
const undimmed = (s: DimmingSchedule): boolean => s.steps.length === 0 && s.thenPercent === 100;

/** Over [from, to) (on the hour grid). */
export function lightingRetrofit(lights: readonly RetrofitLight[], from: number, to: number, o: RetrofitOptions): RetrofitResult {
  if (!(o.ledPowerShare > 0 && o.ledPowerShare <= 1)) throw new RangeError(`ledPowerShare must be in (0, 1], got ${o.ledPowerShare}`);
  const step = 3_600_000;
  const cache = new NightCache();
  const led = lights.map((l) => (l.led ? l : { ...l, powerW: l.powerW * o.ledPowerShare }));
  const dimmed = led.map((l) => (undimmed(l.schedule) ? { ...l, schedule: o.dimming } : l));
  const baselineKwh = total(lightingProfile(lights, from, to, step, cache));
  const ledKwh = total(lightingProfile(led, from, to, step, cache));
  const scenarioKwh = total(lightingProfile(dimmed, from, to, step, cache));
  const savedKwh = baselineKwh - scenarioKwh;
  return {
    lights: lights.length,
    retrofitted: lights.filter((l) => !l.led).length,
    dimmed: lights.filter((l) => undimmed(l.schedule)).length,
    baselineKwh,
    ledKwh,
    scenarioKwh,
    savedKwh,
    savedByLedKwh: baselineKwh - ledKwh,
    savedByDimmingKwh: ledKwh - scenarioKwh,
    savedEur: savedKwh * o.priceEurPerKwh,
    savedTonnesCo2: (savedKwh * o.co2GPerKwh) / 1e6,
  };
}

/**
 * Electricity price when no tariff is given: commercial customers with 50 MWh a year, volume-weighted mean on
 * 1 April 2024, 30.52 ct/kWh (Bundesnetzagentur/Bundeskartellamt, Monitoringbericht 2024, as quoted by Statista,
 * "Strompreise für Gewerbe- und Industriekunden in Deutschland bis 2024"). A city buying several GWh for its
 * street lighting pays less: give its own price.
 */
export const DEFAULT_PRICE_EUR_PER_KWH = 0.3052;
export const DEFAULT_PRICE_SOURCE = 'Bundesnetzagentur/Bundeskartellamt Monitoringbericht 2024: commercial customers, 50 MWh/a, 1 April 2024, 30.52 ct/kWh';
