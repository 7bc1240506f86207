/** The user's settings as the UI reads and changes them. */
import type { Language, ThemeSetting } from '../values.js';

/** The user's settings (persisted in the data folder; validated by main/core/settings/settings-schema.ts). */
export interface AppSettings {
  readonly language: Language;
  /** 'system' follows the operating system's light or dark mode. */
  readonly theme: ThemeSetting;
  /** Desktop only: closing the window keeps collecting from the tray. */
  readonly keepCollectingWhenClosed: boolean;
  readonly startAtLogin: boolean;
  /** The sun casts shadows in the 3D district. */
  readonly shadows: boolean;
  /** Coverage (0..1) below which an energy-plus verdict is shown as provisional. */
  readonly verdictMinCoverage: number;
}

/** A change to the settings: any subset of the (flat) fields. */
export type AppSettingsPatch = Partial<AppSettings>;

export interface SettingsMethods {
  'settings.get': { args: Record<string, never>; result: AppSettings };
  'settings.set': { args: AppSettingsPatch; result: AppSettings };
}
