/**
 * The user's settings, as one validated JSON document in the data folder. Every field has a default, so a file
 * written by an older version (missing fields) still loads; unknown fields are refused so typos do not pass silently.
 * Fields an older version wrote that nothing reads any more are dropped before this schema sees the file
 * (retired-fields.ts).
 */
import { z } from 'zod';
import { LANGUAGES, THEME_SETTINGS } from '../../../models/values.js';

export { LANGUAGES, type Language } from '../../../models/values.js';

export const settingsSchema = z
  .object({
    language: z.enum(LANGUAGES).default('de'),
    /** 'system' follows the OS's light or dark mode (the desktop app sets nativeTheme.themeSource to it). */
    theme: z.enum(THEME_SETTINGS).default('system'),
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

/** A change as the UI or a menu sends it: any subset of the (flat) fields. */
export type SettingsPatch = Partial<Settings>;

export const defaultSettings = (): Settings => settingsSchema.parse({});
