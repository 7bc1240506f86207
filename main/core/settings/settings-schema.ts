/**
 * The user's settings, as one validated JSON document in the data folder. Every field has a default, so a file
 * written by an older version (missing fields) still loads; unknown fields are refused so typos do not pass silently.
 */
import { z } from 'zod';
import { LANGUAGES, THEME_SETTINGS } from '../../../models/values.js';

export { LANGUAGES, type Language } from '../../../models/values.js';

const polling = z
  .object({
    /** Default poll interval for new devices, ms (the German metering grid is 15 min; meters are read faster). */
    intervalMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    timeoutMs: z.number().int().min(100).max(60_000).default(3_000),
  })
  .strict();

export const settingsSchema = z
  .object({
    language: z.enum(LANGUAGES).default('de'),
    /** 'system' follows the OS's light or dark mode (the desktop app sets nativeTheme.themeSource to it). */
    theme: z.enum(THEME_SETTINGS).default('system'),
    units: z
      .object({ power: z.enum(['W', 'kW', 'MW']).default('kW'), energy: z.enum(['kWh', 'MWh']).default('kWh') })
      .strict()
      .default({ power: 'kW', energy: 'kWh' }),
    factorSets: z
      .object({ primary: z.string().min(1).max(100).default('geg-anlage-4'), co2: z.string().min(1).max(100).default('geg-anlage-9') })
      .strict()
      .default({ primary: 'geg-anlage-4', co2: 'geg-anlage-9' }),
    polling: polling.default({ intervalMs: 60_000, timeoutMs: 3_000 }),
    /** Desktop: closing the window hides it to the tray and collection goes on. */
    keepCollectingWhenClosed: z.boolean().default(true),
    startAtLogin: z.boolean().default(false),
    /** The sun casts shadows in the 3D district (costs a shadow pass per frame). */
    shadows: z.boolean().default(false),
    /** Below this share of slots with a value an energy-plus verdict is provisional (docs/energy-models.md, "Coverage"). */
    verdictMinCoverage: z.number().min(0).max(1).default(0.9),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** A change as the UI or a menu sends it: any subset of fields, nested groups in part. */
export type SettingsPatch = {
  readonly [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K];
};

export const defaultSettings = (): Settings => settingsSchema.parse({});
