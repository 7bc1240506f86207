import type { WeatherSeries } from '../weather/try-weather.js';
import { extraterrestrialNormal, sunPosition } from './sun-position.js';

/**
 * Below this sun elevation (5 deg) beam irradiance is treated as diffuse: dividing a horizontal beam mean by a
 * tiny cos(zenith) would create irradiance that a 15-minute or hourly mean around sunrise never had.
 */
export const MIN_COS_ZENITH = Math.cos((85 * Math.PI) / 180);

/**
 * Everything about the sky that does not depend on a surface, per weather slot. Computed once and shared by all
 * roofs, so that a district of ten thousand roofs costs one solar-position pass, not ten thousand.
 */
export interface SkyTable {
  readonly start: number;
  readonly stepMs: number;
  readonly length: number;
  /** Unit vector to the sun: east, north, up components (up = cos zenith). */
  readonly sunEast: Float64Array;
  readonly sunNorth: Float64Array;
  readonly sunUp: Float64Array;
  /** Direct normal irradiance, W/m² (0 when the sun is too low, its energy moved to diffuse). */
  readonly dni: Float64Array;
  readonly dhi: Float64Array;
  readonly ghi: Float64Array;
  /** Hay-Davies anisotropy index DNI / extraterrestrial normal, 0..1. */
  readonly anisotropy: Float64Array;
  readonly tempC: Float64Array;
  readonly latDeg: number;
  readonly lonDeg: number;
}

/** Sun position is taken at the middle of each slot, because weather values are slot means. */
export const buildSkyTable = (w: WeatherSeries, latDeg: number, lonDeg: number): SkyTable => {
  const n = w.tempC.length;
  const sunEast = new Float64Array(n);
  const sunNorth = new Float64Array(n);
  const sunUp = new Float64Array(n);
  const dni = new Float64Array(n);
  const dhi = new Float64Array(n);
  const ghi = new Float64Array(n);
  const anisotropy = new Float64Array(n);
  const RAD = Math.PI / 180;
  for (let i = 0; i < n; i++) {
    const ts = w.start + (i + 0.5) * w.stepMs;
    const beamH = w.beamHorizontal[i] as number;
    const diffH = w.diffuseHorizontal[i] as number;
    ghi[i] = beamH + diffH;
    if (beamH + diffH <= 0) continue;
    const sun = sunPosition(ts, latDeg, lonDeg);
    const sinZ = Math.sqrt(Math.max(0, 1 - sun.cosZenith * sun.cosZenith));
    const az = sun.azimuthDeg * RAD;
    sunEast[i] = sinZ * Math.sin(az);
    sunNorth[i] = sinZ * Math.cos(az);
    sunUp[i] = sun.cosZenith;
    if (sun.cosZenith >= MIN_COS_ZENITH) {
      const normal = beamH / sun.cosZenith;
      dni[i] = normal;
      dhi[i] = diffH;
      anisotropy[i] = Math.min(1, normal / extraterrestrialNormal(ts));
    } else {
      dhi[i] = beamH + diffH;
    }
  }
  return { start: w.start, stepMs: w.stepMs, length: n, sunEast, sunNorth, sunUp, dni, dhi, ghi, anisotropy, tempC: w.tempC, latDeg, lonDeg };
};
