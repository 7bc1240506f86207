import { describe, expect, it } from 'vitest';
import { localPlane } from '../../../main/core/importers/geometry/local-plane.js';
import { mergeOutline } from '../../../main/core/importers/geometry/merge-outline.js';
import { convexHull, signedArea } from '../../../main/core/importers/geometry/ring2d.js';
import { surfaceOrientation } from '../../../main/core/importers/geometry/surface-orientation.js';

/** A w x d rectangle rising by `rise` towards `facing` (the low edge faces that way), flat coordinates. */
function slope(w: number, d: number, rise: number, facing: 'south' | 'east'): number[] {
  if (facing === 'south') return [0, 0, 0, w, 0, 0, w, d, rise, 0, d, rise];
  return [d, 0, 0, d, w, 0, 0, w, rise, 0, 0, rise];
}

describe('surfaceOrientation', () => {
  it('gives the sloped area, tilt and compass azimuth of a south-facing 30° roof', () => {
    const rise = 5 * Math.tan(Math.PI / 6);
    const o = surfaceOrientation([{ exterior: slope(12, 5, rise, 'south'), interiors: [] }]);
    expect(o.areaM2).toBeCloseTo(12 * Math.hypot(5, rise), 6);
    expect(o.tiltDeg).toBeCloseTo(30, 6);
    expect(o.azimuthDeg).toBeCloseTo(180, 6);
  });

  it('faces east when the low edge is east, whichever way the ring turns', () => {
    const ring = slope(10, 4, 4, 'east');
    const reversed: number[] = [];
    for (let i = ring.length - 3; i >= 0; i -= 3) reversed.push(ring[i]!, ring[i + 1]!, ring[i + 2]!);
    for (const r of [ring, reversed]) {
      const o = surfaceOrientation([{ exterior: r, interiors: [] }]);
      expect(o.tiltDeg).toBeCloseTo(45, 6);
      expect(o.azimuthDeg).toBeCloseTo(90, 6);
    }
  });

  it('subtracts holes and calls a flat roof south-facing', () => {
    const outer = [0, 0, 10, 10, 0, 10, 10, 10, 10, 0, 10, 10];
    const hole = [2, 2, 10, 4, 2, 10, 4, 4, 10, 2, 4, 10];
    const o = surfaceOrientation([{ exterior: outer, interiors: [hole] }]);
    expect(o.areaM2).toBeCloseTo(96, 9);
    expect(o.tiltDeg).toBeCloseTo(0, 9);
    expect(o.azimuthDeg).toBe(180);
  });

  it('adds coplanar pieces (a triangulated roof) into one surface', () => {
    const rise = 3;
    const a = [0, 0, 0, 8, 0, 0, 8, 6, rise];
    const b = [0, 0, 0, 8, 6, rise, 0, 6, rise];
    const o = surfaceOrientation([
      { exterior: a, interiors: [] },
      { exterior: b, interiors: [] },
    ]);
    expect(o.areaM2).toBeCloseTo(8 * Math.hypot(6, rise), 6);
    expect(o.azimuthDeg).toBeCloseTo(180, 6);
  });
});

describe('mergeOutline', () => {
  it('joins two rectangles that share an edge into one outline with the summed area', () => {
    const a: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 5],
      [0, 5],
    ];
    const b: [number, number][] = [
      [10, 0],
      [16, 0],
      [16, 8],
      [10, 8],
      [10, 5],
    ];
    const merged = mergeOutline([a, b]);
    expect(merged).not.toBeNull();
    expect(signedArea(merged!)).toBeCloseTo(50 + 48, 9);
  });

  it('returns null for pieces that do not touch, and the hull covers them', () => {
    const a: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const b: [number, number][] = [
      [5, 0],
      [6, 0],
      [6, 1],
      [5, 1],
    ];
    expect(mergeOutline([a, b])).toBeNull();
    expect(signedArea(convexHull([...a, ...b]))).toBeCloseTo(6, 9);
  });
});

describe('localPlane', () => {
  it('measures a degree of latitude at about 111.2 km near Essen and round-trips', () => {
    const p = localPlane(7, 51.45);
    const [, y] = p.toMetres(7, 52.45);
    expect(y).toBeGreaterThan(111_000);
    expect(y).toBeLessThan(111_400);
    const [lon, lat] = p.toLonLat(...p.toMetres(7.01, 51.46));
    expect(lon).toBeCloseTo(7.01, 12);
    expect(lat).toBeCloseTo(51.46, 12);
  });
});
