import { describe, expect, it } from 'vitest';
import { localProjection, normaliseRing, signedArea } from '../../../renderer/scene/projection.js';

const BOTTROP = { lat: 51.5236, lon: 6.9288 };

/** Great-circle distance on a sphere of the WGS84 mean radius: an independent check within ~0.5 %. */
function haversine(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}

describe('localProjection', () => {
  const project = localProjection(BOTTROP);

  it('puts the origin at 0,0 with x east and y north', () => {
    expect(project([BOTTROP.lon, BOTTROP.lat])).toEqual([0, 0]);
    const [east, north] = project([BOTTROP.lon + 0.001, BOTTROP.lat + 0.001]);
    expect(east).toBeGreaterThan(0);
    expect(north).toBeGreaterThan(0);
  });

  it('agrees with great-circle distances across a district', () => {
    for (const [dLon, dLat] of [
      [0.01, 0],
      [0, 0.01],
      [-0.02, 0.015],
      [0.003, -0.004],
    ] as const) {
      const p: [number, number] = [BOTTROP.lon + dLon, BOTTROP.lat + dLat];
      const [x, y] = project(p);
      const expected = haversine([BOTTROP.lon, BOTTROP.lat], p);
      expect(Math.abs(Math.hypot(x, y) - expected) / expected).toBeLessThan(0.005);
    }
  });

  it('uses the ellipsoid: one degree of latitude at 51.5° N is about 111.26 km', () => {
    const [, north] = project([BOTTROP.lon, BOTTROP.lat + 1]);
    expect(north).toBeGreaterThan(111_200);
    expect(north).toBeLessThan(111_300);
  });

  it('inverts exactly', () => {
    const p = [6.93123, 51.51987] as const;
    const back = project.inverse(project(p));
    expect(back[0]).toBeCloseTo(p[0], 10);
    expect(back[1]).toBeCloseTo(p[1], 10);
  });

  it('rejects an origin that is not a position', () => {
    expect(() => localProjection({ lat: Number.NaN, lon: 7 })).toThrow(/site origin/);
    expect(() => localProjection({ lat: 95, lon: 7 })).toThrow(/lat 95/);
  });
});

describe('rings', () => {
  it('measures area with sign by orientation and normalises to counter-clockwise without closing point', () => {
    const cw: [number, number][] = [
      [0, 0],
      [0, 10],
      [20, 10],
      [20, 0],
      [0, 0],
    ];
    expect(signedArea(cw.slice(0, 4))).toBe(-200);
    const ring = normaliseRing(cw);
    expect(ring).toHaveLength(4);
    expect(signedArea(ring)).toBe(200);
  });
});
