/**
 * Fields older versions wrote into settings.json that nothing reads any more. The schema is strict (a typo must not
 * pass silently), so a file that still has them would be refused and set aside; instead they are dropped on load,
 * and the next write leaves them out.
 * - units (power W/kW/MW, energy kWh/MWh): the UI, the reports and the CLI always show kW and kWh.
 * - factorSets (default primary energy and CO2 factor sets): each analysis call names its factor sets
 *   (primarySetId, co2SetId in the contract) or gets the analysis' defaults.
 * - polling (default poll interval and timeout for new devices): each device has its own poll interval in its config.
 */
export const RETIRED_SETTINGS = ['units', 'factorSets', 'polling'] as const;

/** The parsed file without the retired fields; anything that is not a plain object is left for the schema to refuse. */
export function dropRetiredSettings(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const kept: Record<string, unknown> = { ...(json as Record<string, unknown>) };
  for (const field of RETIRED_SETTINGS) delete kept[field];
  return kept;
}
