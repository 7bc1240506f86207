/**
 * 'scenario.lighting': the LED retrofit and dimming scenario (models/scenarios/lighting-retrofit.ts) on the
 * district's street-light inventory, weighed with the electricity factor of the CO2 set the analysis uses for
 * the period's balance year.
 */
import type { LightingScenarioArgs, LightingScenarioResult } from '../../../models/contract/index.js';
import { parseSchedule, scheduleText } from '../../../models/lighting/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import {
  DEFAULT_LED_POWER_SHARE,
  DEFAULT_LED_POWER_SHARE_SOURCE,
  DEFAULT_PRICE_EUR_PER_KWH,
  DEFAULT_PRICE_SOURCE,
  DORTMUND_DIMMING,
  DORTMUND_DIMMING_SOURCE,
  lightingRetrofit,
} from '../../../models/scenarios/lighting-retrofit.js';
import type { StreetLightStore } from '../store/street-light-store.js';
import { checkPeriod, MAX_ANALYSIS_DAYS, prepareSets } from './district-analysis.js';

const HOUR_MS = 3_600_000;

export async function lightingScenario(lights: StreetLightStore, args: LightingScenarioArgs): Promise<Result<LightingScenarioResult>> {
  const period = checkPeriod(args.from, args.to, HOUR_MS, MAX_ANALYSIS_DAYS);
  if (!period.ok) return period;
  const sets = prepareSets(undefined, args.co2SetId, undefined, period.value);
  if (!sets.ok) return sets;
  const co2 = sets.value.co2.factors.electricity;
  if (co2 === undefined) return err('validation', `factor set ${sets.value.co2.id} has no electricity factor`, 'co2SetId');
  const dimming = args.dimming === undefined ? DORTMUND_DIMMING : parseSchedule(args.dimming);
  if (typeof dimming === 'string') return err('validation', `dimming: ${dimming}`, 'dimming');
  const ledPowerShare = args.ledPowerShare ?? DEFAULT_LED_POWER_SHARE;
  const priceEurPerKwh = args.priceEurPerKwh ?? DEFAULT_PRICE_EUR_PER_KWH;
  const inventory = await lights.streetLights();
  const r = lightingRetrofit(inventory, period.value.from, period.value.to, { ledPowerShare, dimming, priceEurPerKwh, co2GPerKwh: co2.value });
  return ok({
    period: period.value,
    ...r,
    ledPowerShare,
    dimming: scheduleText(dimming),
    priceEurPerKwh,
    co2GPerKwh: co2.value,
    co2Set: { id: sets.value.co2.id, version: sets.value.co2.version },
    assumptions: [
      'Both states are computed from civil twilight and each light\'s schedule at rated power x level (lights with a circuit meter too).',
      `LED power ${Math.round(ledPowerShare * 100)} % of the replaced lamp's${args.ledPowerShare === undefined ? ` (default; ${DEFAULT_LED_POWER_SHARE_SOURCE})` : ' (given)'}.`,
      `Dimming "${scheduleText(dimming)}" for lights at full power all night${args.dimming === undefined ? ` (default; ${DORTMUND_DIMMING_SOURCE})` : ' (given)'}.`,
      `Price ${priceEurPerKwh} EUR/kWh${args.priceEurPerKwh === undefined ? ` (default; ${DEFAULT_PRICE_SOURCE})` : ' (given)'}.`,
      `CO2: ${co2.value} g/kWh, electricity in ${sets.value.co2.name} (${sets.value.co2.id}, ${sets.value.co2.version}).`,
    ],
  });
}
