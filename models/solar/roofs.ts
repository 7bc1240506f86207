import type { Building, LonLat, RoofSurface } from '../types.js';

const EARTH_RADIUS_M = 6_371_008.8;

/** Footprint ring in local metres (equirectangular around its first point); plenty for a building's size. */
const localRing = (ring: readonly LonLat[]): { x: number; y: number }[] => {
  const first = ring[0];
  if (first === undefined) return [];
  const k = (Math.PI / 180) * EARTH_RADIUS_M;
  const cosLat = Math.cos((first[1] * Math.PI) / 180);
  return ring.map(([lon, lat]) => ({ x: (lon - first[0]) * k * cosLat, y: (lat - first[1]) * k }));
};

/** Footprint area in m² (shoelace formula on the local ring). */
export const footprintAreaM2 = (ring: readonly LonLat[]): number => {
  const p = localRing(ring);
  let twice = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as { x: number; y: number };
    const b = p[(i + 1) % p.length] as { x: number; y: number };
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
};

/** Compass bearing of the footprint's longest edge, 0..180 degrees. */
export const longestEdgeBearingDeg = (ring: readonly LonLat[]): number => {
  const p = localRing(ring);
  let best = 0;
  let bearing = 90;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as { x: number; y: number };
    const b = p[(i + 1) % p.length] as { x: number; y: number };
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > best) {
      best = len;
      bearing = (((Math.atan2(b.x - a.x, b.y - a.y) * 180) / Math.PI) % 180 + 180) % 180;
    }
  }
  return bearing;
};

export interface AssumedRoofOptions {
  /** Pitch assumed for gable and hip roofs of LoD1 buildings, degrees. */
  readonly pitchedTiltDeg: number;
}

/**
 * Roof surfaces for a building without LoD2 geometry (LoD1 block or a footprint only): a flat roof over the
 * footprint, or for a gable/hip roof type two equal halves at the assumed pitch whose ridge runs along the
 * longest footprint edge. The PV model then lays modules on flat surfaces with its flat-roof layout.
 */
export const assumedRoofs = (b: Building, o: AssumedRoofOptions = { pitchedTiltDeg: 35 }): RoofSurface[] => {
  const area = footprintAreaM2(b.footprint);
  if (b.roofType !== 'gable' && b.roofType !== 'hip') return [{ buildingId: b.id, areaM2: area, tiltDeg: 0, azimuthDeg: 180 }];
  const ridge = longestEdgeBearingDeg(b.footprint);
  const sloped = area / 2 / Math.cos((o.pitchedTiltDeg * Math.PI) / 180);
  const side = (ridge + 90) % 360;
  return [
    { buildingId: b.id, areaM2: sloped, tiltDeg: o.pitchedTiltDeg, azimuthDeg: side },
    { buildingId: b.id, areaM2: sloped, tiltDeg: o.pitchedTiltDeg, azimuthDeg: (side + 180) % 360 },
  ];
};
