import { describe, expect, it } from 'vitest';
import { gpkgPolygon } from '../../../models/planning/gpkg-geometry.js';

describe('GeoPackage binary geometry (OGC 12-128r18 clause 2.1.3)', () => {
  it('writes the GP header with an xy envelope and a little-endian WKB polygon, closing the ring', () => {
    const g = gpkgPolygon([[[10, 20], [12, 20], [12, 23]]], 25832);
    // header 8 + envelope 4 x 8 = 40 bytes; WKB: order 1 + type 4 + rings 4 + points 4 + 4 points x 16 = 77
    expect(g.length).toBe(117);
    const v = new DataView(g.buffer);
    expect([...g.slice(0, 4)]).toEqual([0x47, 0x50, 0, 0b11]);
    expect(v.getInt32(4, true)).toBe(25832);
    expect([8, 16, 24, 32].map((o) => v.getFloat64(o, true))).toEqual([10, 12, 20, 23]);
    expect(g[40]).toBe(1);
    expect(v.getUint32(41, true)).toBe(3);
    expect(v.getUint32(45, true)).toBe(1);
    expect(v.getUint32(49, true)).toBe(4);
    const pts = [0, 1, 2, 3].map((i) => [v.getFloat64(53 + 16 * i, true), v.getFloat64(61 + 16 * i, true)]);
    expect(pts).toEqual([[10, 20], [12, 20], [12, 23], [10, 20]]);
  });
});
