/**
 * The UI's side of the settings: 'settings.get' and 'settings.set' of the contract, over the same file the desktop
 * shell's menus use. Arguments are checked here with the settings schema, like every input that enters main/.
 */
import { z } from 'zod';
import type { AppSettings, ArgsOf, ResultOf } from '../../../models/contract/index.js';
import { ApiFailure } from '../base/failure.js';
import { settingsSchema, type Settings } from '../settings/settings-schema.js';
import { SettingsError, type SettingsStore } from '../settings/settings-store.js';

// the contract's AppSettings (models/) and the schema's Settings must stay the same shape
const sameShape: [AppSettings, Settings] extends [Settings, AppSettings] ? true : never = true;
void sameShape;

export type SettingsHandlers = {
  'settings.get': (args: ArgsOf<'settings.get'>) => Promise<ResultOf<'settings.get'>>;
  'settings.set': (args: ArgsOf<'settings.set'>) => Promise<ResultOf<'settings.set'>>;
};

const shape = settingsSchema.shape;
/** A patch: any subset of the fields (the store merges it into the current settings and checks the result). */
export const settingsArgSchemas = {
  'settings.get': z.object({}).strict(),
  'settings.set': z
    .object({
      language: shape.language.unwrap().optional(),
      theme: shape.theme.unwrap().optional(),
      keepCollectingWhenClosed: z.boolean().optional(),
      startAtLogin: z.boolean().optional(),
      shadows: z.boolean().optional(),
      verdictMinCoverage: z.number().min(0).max(1).optional(),
    })
    .strict(),
};

export function settingsHandlers(store: SettingsStore): SettingsHandlers {
  return {
    'settings.get': async () => store.get(),
    'settings.set': async (patch) => {
      try {
        return store.update(patch);
      } catch (e) {
        if (e instanceof SettingsError) throw new ApiFailure('validation', e.message);
        throw e;
      }
    },
  };
}

export function unavailableSettingsHandlers(): SettingsHandlers {
  const fail = async (): Promise<never> => {
    throw new ApiFailure('internal', 'settings are not available in this mode');
  };
  return { 'settings.get': fail, 'settings.set': fail };
}
