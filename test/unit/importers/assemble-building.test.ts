/**
 * A building's assembly converts each of its points to lon/lat once (its roofs' eaves are corners of its footprint),
 * and gives for every point what its CRS's conversion gives, whatever CRS the building before it was in.
 */
import { describe, expect, it } from 'vitest';
import { assembleBuilding } from '../../../main/core/importers/citygml/assemble-building.js';
import type { RawBuilding, RawPolygon } from '../../../main/core/importers/citygml/raw-building.js';
import { type Crs, crsByEpsg } from '../../../main/core/importers/crs/crs.js';
import { Warnings } from '../../../main/core/importers/warnings.js';

const round8 = (v: number): number => Math.round(v * 1e8) / 1e8;

/** The CRS, counting its conversions. */
function counting(code: number): { crs: Crs; calls: () => number } {
  const inner = crsByEpsg(code) as Crs;
  let calls = 0;
  const crs: Crs = {
    ...inner,
    plausible: (x, y) => inner.plausible(x, y),
    fromLonLat: (lon, lat) => inner.fromLonLat(lon, lat),
    toLonLat: (x, y) => {
      calls++;
      return inner.toLonLat(x, y);
    },
  };
  return { crs, calls: () => calls };
}

const poly = (id: string, kind: RawPolygon['kind'], points: number[][]): RawPolygon => ({
  id,
  kind,
  surfaceId: id,
  lod: 2,
  property: 'MultiSurface',
  exterior: points.flat(),
  interiors: [],
});

/** A gable house 8 m x 9 m at (x0, y0): four corners and two ridge ends, six points in all (x and y). */
function gableHouse(id: string, x0: number, y0: number): RawBuilding {
  const p = (x: number, y: number, z: number): number[] => [x0 + x, y0 + y, z];
  return {
    id,
    line: 1,
    column: 1,
    measuredHeight: 8,
    polygons: [
      poly(`${id}_G`, 'ground', [p(0, 0, 60), p(0, 9, 60), p(8, 9, 60), p(8, 0, 60)]),
      poly(`${id}_RS`, 'roof', [p(0, 0, 66), p(8, 0, 66), p(8, 4.5, 68), p(0, 4.5, 68)]),
      poly(`${id}_RN`, 'roof', [p(0, 4.5, 68), p(8, 4.5, 68), p(8, 9, 66), p(0, 9, 66)]),
    ],
    hrefs: [],
  };
}

describe('assembling a building', () => {
  it('converts each point once and gives its CRS conversion, for two CRSs in one run', () => {
    const utm = counting(25832);
    const gk = counting(31467);
    const runs = [
      { at: utm, x0: 362000, y0: 5702000 },
      { at: gk, x0: 3362000, y0: 5702000 },
      { at: utm, x0: 362100, y0: 5702100 },
    ];
    for (const [i, { at, x0, y0 }] of runs.entries()) {
      const before = at.calls();
      const a = assembleBuilding(gableHouse(`B${i}`, x0, y0), `B${i}`, { crs: at.crs, latLonOrder: false, warnings: new Warnings() });
      expect(a).not.toBeNull();
      // four footprint corners and two ridge ends: the roofs' eaves are footprint corners, converted before
      expect(at.calls() - before).toBe(6);
      const lonLat = (x: number, y: number): [number, number] => {
        const [lon, lat] = at.crs.toLonLat(x0 + x, y0 + y);
        return [round8(lon), round8(lat)];
      };
      // the ground ring runs clockwise (east is x, north is y): reversed, as mergeOutline keeps a single piece
      expect(a?.building.footprint).toEqual([lonLat(8, 0), lonLat(8, 9), lonLat(0, 9), lonLat(0, 0)]);
      const roofRing = (points: [number, number, number][]) => points.map(([x, y, h]) => [...lonLat(x, y), h]);
      expect(a?.roofs.map((r) => r.outlines)).toEqual([
        [roofRing([[0, 0, 6], [8, 0, 6], [8, 4.5, 8], [0, 4.5, 8]])],
        [roofRing([[0, 4.5, 8], [8, 4.5, 8], [8, 9, 6], [0, 9, 6]])],
      ]);
    }
    // the two CRSs place the same metres far apart: what one remembered is not the other's
    expect(utm.crs.toLonLat(362000, 5702000)).not.toEqual(gk.crs.toLonLat(3362000, 5702000));
  });
});
