/**
 * The district's street lights (schema 7): the inventory as imported (one row per light: position, rated power,
 * LED or not, dimming schedule) and, per light, the point that meters its lighting circuit when there is one.
 */
import type { StreetLight } from '../../../models/lighting/index.js';

export interface StoredStreetLight extends StreetLight {
  /** A point on the light's lighting circuit: its energy replaces the computed one (shared by every light on it). */
  readonly meterPointId: string | null;
}

export interface StreetLightStore {
  streetLights(): Promise<StoredStreetLight[]>;
  /**
   * Makes the inventory exactly these lights, in one transaction: lights not named are removed, a light named again
   * keeps its meter assignment. Nothing changes when it fails.
   */
  replaceStreetLights(lights: readonly StreetLight[]): Promise<{ added: number; updated: number; removed: number }>;
  /** Assigns (or, with null, removes) the meter of the lighting circuit of these lights; false for an unknown id. */
  assignLightingMeter(lightIds: readonly string[], pointId: string | null): Promise<boolean>;
}
