import type { SkyTable } from './sky.js';

export type TranspositionModel = 'isotropic' | 'hay-davies';

/** Outward unit normal of a plane (east, north, up) from tilt and compass azimuth. */
export interface PlaneNormal {
  readonly east: number;
  readonly north: number;
  readonly up: number;
}

export const planeNormal = (tiltDeg: number, azimuthDeg: number): PlaneNormal => {
  const b = (tiltDeg * Math.PI) / 180;
  const g = (azimuthDeg * Math.PI) / 180;
  return { east: Math.sin(b) * Math.sin(g), north: Math.sin(b) * Math.cos(g), up: Math.cos(b) };
};

export interface PlaneIrradiance {
  readonly beam: number;
  readonly skyDiffuse: number;
  readonly ground: number;
  /** cos of the angle of incidence, clipped at 0 (sun behind the plane). */
  readonly cosIncidence: number;
}

/**
 * Irradiance on a tilted plane for one sky slot, W/m².
 * beam = DNI cos(theta); ground = GHI albedo (1 - cos beta) / 2;
 * isotropic sky (Liu-Jordan): DHI (1 + cos beta) / 2;
 * Hay-Davies: DHI [A Rb + (1 - A)(1 + cos beta) / 2] with A = DNI / I0n and Rb = cos(theta) / cos(zenith).
 */
export const planeIrradiance = (
  sky: SkyTable,
  i: number,
  n: PlaneNormal,
  model: TranspositionModel,
  albedo: number,
): PlaneIrradiance => {
  const up = sky.sunUp[i] as number;
  const cosT = Math.max(0, n.east * (sky.sunEast[i] as number) + n.north * (sky.sunNorth[i] as number) + n.up * up);
  const dhi = sky.dhi[i] as number;
  const viewSky = (1 + n.up) / 2;
  let skyDiffuse = dhi * viewSky;
  if (model === 'hay-davies') {
    const a = sky.anisotropy[i] as number;
    const rb = a > 0 ? cosT / up : 0;
    skyDiffuse = dhi * (a * rb + (1 - a) * viewSky);
  }
  return { beam: (sky.dni[i] as number) * cosT, skyDiffuse, ground: (sky.ghi[i] as number) * albedo * (1 - n.up) / 2, cosIncidence: cosT };
};
