/**
 * The district's LoRaWAN subscriber settings (meta key 'lorawan_settings'): broker URL, uplink topics, user,
 * the password sealed with the core's secret cipher (base/secret-cipher.ts, bound to this key) and the mapping file.
 */
import type { SecretCipher } from '../base/secret-cipher.js';

export interface LoRaWanSettings {
  readonly enabled: boolean;
  readonly url: string;
  readonly topics: readonly string[];
  readonly username: string | null;
  /** Sealed text; null = no password. */
  readonly sealedPassword: string | null;
  readonly mapping: unknown;
}

export const DEFAULT_LORAWAN_SETTINGS: LoRaWanSettings = {
  enabled: false,
  url: 'mqtt://127.0.0.1:1883',
  topics: [],
  username: null,
  sealedPassword: null,
  mapping: { devices: {} },
};

const KEY = 'lorawan_settings';
/** What a sealed password is bound to: it cannot be moved to another secret's place. */
export const LORAWAN_SECRET_CONTEXT = 'lorawan-mqtt';

interface MetaStore {
  getMeta?(key: string): Promise<string | null>;
  setMeta?(key: string, value: string | null): Promise<void>;
}

export async function loadLoRaWanSettings(store: MetaStore): Promise<LoRaWanSettings> {
  const text = (await store.getMeta?.(KEY)) ?? null;
  return text === null ? DEFAULT_LORAWAN_SETTINGS : { ...DEFAULT_LORAWAN_SETTINGS, ...(JSON.parse(text) as Partial<LoRaWanSettings>) };
}

export async function saveLoRaWanSettings(store: MetaStore, s: LoRaWanSettings): Promise<void> {
  if (store.setMeta === undefined) throw new Error('this store keeps no settings');
  await store.setMeta(KEY, JSON.stringify(s));
}

export const openLoRaWanPassword = (s: LoRaWanSettings, cipher: SecretCipher): string | undefined =>
  s.sealedPassword === null ? undefined : cipher.open(s.sealedPassword, LORAWAN_SECRET_CONTEXT);
