import { Vector3, type BufferAttribute } from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import { roofShapesOf } from '../../../main/core/api/roof-shapes.js';
import { readCityGml } from '../../../main/core/importers/citygml/read-citygml.js';
import type { ImportResult } from '../../../main/core/importers/import-result.js';
import type { Building, RoofRing } from '../../../models/types.js';
import { buildDistrictGeometry, paintBuilding } from '../../../renderer/scene/district-geometry.js';
import { localProjection, normaliseRing, type Origin } from '../../../renderer/scene/projection.js';
import {
  localRoofPolygons,
  roofHeightAt,
  roofPolygon,
  triangulatedArea,
  wallsUnderRoof,
  type Local3,
} from '../../../renderer/scene/roof-geometry.js';
import { FZK_HAUS_GML as FZK } from '../../fixtures/data/fixture-files.js';


let fzk: ImportResult;
let origin: Origin;
let rings: RoofRing[];

beforeAll(async () => {
  fzk = await readCityGml(FZK);
  const b = fzk.bounds!;
  origin = { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 };
  rings = roofShapesOf(fzk.roofs)[0]!.rings as RoofRing[];
});

const vec = (a: BufferAttribute, i: number) => new Vector3(a.getX(i), a.getY(i), a.getZ(i));

describe('roof polygons of the FZK-Haus (LoD2 gable roof)', () => {
  it('triangulates both roof faces into 4 triangles whose areas equal the imported surface areas within 1 %', () => {
    const polygons = localRoofPolygons(rings, localProjection(origin));
    expect(polygons).toHaveLength(2);
    expect(polygons.reduce((n, p) => n + p.triangles.length, 0)).toBe(4);
    const imported = fzk.roofs.map((r) => r.areaM2).sort((a, b) => a - b);
    const drawn = polygons.map(triangulatedArea).sort((a, b) => a - b);
    drawn.forEach((area, i) => expect(Math.abs(area - imported[i]!) / imported[i]!).toBeLessThan(0.01));
    const total = imported.reduce((s, a) => s + a, 0);
    expect(Math.abs(drawn.reduce((s, a) => s + a, 0) - total) / total).toBeLessThan(0.01);
  });

  it('gives every face an upward normal at the imported tilt, one to the north and one to the south', () => {
    const polygons = localRoofPolygons(rings, localProjection(origin));
    for (const p of polygons) {
      expect(p.normal[2]).toBeGreaterThan(0);
      expect((Math.acos(p.normal[2]) * 180) / Math.PI).toBeCloseTo(30, 0);
      // each triangle turns counter-clockwise seen from its normal's side
      for (const [a, b, c] of p.triangles) {
        const [pa, pb, pc] = [p.ring[a]!, p.ring[b]!, p.ring[c]!].map((q) => new Vector3(...q));
        const face = pb!.clone().sub(pa!).cross(pc!.clone().sub(pa!)).normalize();
        expect(face.dot(new Vector3(...p.normal))).toBeGreaterThan(0.999);
      }
    }
    expect(polygons.map((p) => Math.sign(p.normal[1])).sort()).toEqual([-1, 1]);
  });

  it('walls follow the roof: gable ends rise to the ridge in the middle, the long walls stop at the eaves', () => {
    const project = localProjection(origin);
    const polygons = localRoofPolygons(rings, project);
    const footprint = normaliseRing(fzk.buildings[0]!.footprint.map(project));
    const walls = wallsUnderRoof(footprint, polygons);
    // outward: away from the house's centre
    for (const w of walls) expect(w.outward[0] * (w.a[0] + w.b[0]) + w.outward[1] * (w.a[1] + w.b[1])).toBeGreaterThan(0);
    // 2 long walls + 2 gable walls split at the ridge; no steps inside
    expect(walls).toHaveLength(6);
    const tops = walls.flatMap((w) => [w.topA, w.topB]);
    expect(Math.max(...tops)).toBeCloseTo(6.52, 1);
    expect(Math.min(...tops)).toBeCloseTo(3.63, 1);
    expect(walls.every((w) => w.bottomA === 0 && w.bottomB === 0)).toBe(true);
    expect(roofHeightAt(polygons, 100, 100)).toBeNull();
  });

  it('draws the building into the merged geometry with its pick index and colour on roof and walls', () => {
    const building = fzk.buildings[0]!;
    const district = buildDistrictGeometry(origin, [building], { roofShapes: new Map([[building.id, rings]]) });
    const slot = district.slots[0]!;
    expect(slot.modelledRoof).toBe(true);
    expect(slot.vertexCount).toBe(6 * 6 + 4 * 3);
    expect(slot.centre[1]).toBeCloseTo(6.52, 2);
    const pos = district.geometry.getAttribute('position') as BufferAttribute;
    const nor = district.geometry.getAttribute('normal') as BufferAttribute;
    const idx = district.geometry.getAttribute('buildingIndex') as BufferAttribute;
    expect(paintBuilding(district, 0, [0.1, 0.2, 0.3])).toBe(true);
    const col = district.geometry.getAttribute('color') as BufferAttribute;
    let roofArea = 0;
    for (let k = 0; k < pos.count; k += 3) {
      const a = vec(pos, k);
      const cross = vec(pos, k + 1).sub(a).cross(vec(pos, k + 2).sub(a));
      const n = vec(nor, k);
      // winding agrees with the normal, so front faces are the outside
      expect(cross.clone().normalize().dot(n)).toBeGreaterThan(0.99);
      if (n.y > 0.5) roofArea += cross.length() / 2;
      else expect(Math.abs(n.y)).toBeLessThan(1e-6);
    }
    for (let k = 0; k < pos.count; k++) {
      expect(idx.getX(k)).toBe(0);
      expect([col.getX(k), col.getY(k), col.getZ(k)].map((v) => Math.round(v * 10) / 10)).toEqual([0.1, 0.2, 0.3]);
    }
    const imported = fzk.roofs.reduce((s, r) => s + r.areaM2, 0);
    expect(Math.abs(roofArea - imported) / imported).toBeLessThan(0.01);
    // anchors for clicks lie on the roof, between eaves and ridge
    for (const [, y] of slot.roofAnchors) expect(y).toBeGreaterThan(3.6);
  });
});

describe('roof polygons in general', () => {
  it('triangulates a concave (L-shaped) flat roof to its shoelace area, whichever way its ring turns', () => {
    const l: Local3[] = [[0, 0, 5], [20, 0, 5], [20, 10, 5], [10, 10, 5], [10, 20, 5], [0, 20, 5]];
    for (const ring of [l, [...l].reverse()]) {
      const p = roofPolygon(ring)!;
      expect(p.normal.map((v) => v + 0)).toEqual([0, 0, 1]);
      expect(p.triangles).toHaveLength(4);
      expect(triangulatedArea(p)).toBeCloseTo(300, 6);
      expect(p.areaM2).toBeCloseTo(300, 6);
    }
  });

  it('drops rings without area and skips unusable rings, so that such a building stays extruded', () => {
    expect(roofPolygon([[0, 0, 1], [1, 1, 1], [2, 2, 1]])).toBeNull();
    expect(roofPolygon([[0, 0, 1], [0, 0, 1], [0, 0, 1]])).toBeNull();
    const project = localProjection({ lat: 51.5, lon: 7 });
    const building: Building = {
      id: 'x',
      name: 'x',
      use: 'other',
      footprint: [[0, 0], [10, 0], [10, 10], [0, 10]].map(([x, y]) => project.inverse([x!, y!])),
      heightM: 7,
    };
    const bad: RoofRing[] = [[[7, 51.5, 3], [7.0001, 51.5, Number.NaN], [7.0001, 51.5001, 3]], [[7, 51.5, 3], [7.0001, 51.5, 3]]];
    const d = buildDistrictGeometry({ lat: 51.5, lon: 7 }, [building], { roofShapes: new Map([['x', bad]]) });
    expect(d.slots[0]!.modelledRoof).toBe(false);
    expect(d.slots[0]!.centre[1]).toBe(7);
  });

  it('closes the step between building parts of different heights with a wall from the lower roof up', () => {
    const footprint: [number, number][] = [[0, 0], [25, 0], [25, 10], [0, 10]];
    const low = roofPolygon([[0, 0, 9], [10, 0, 9], [10, 10, 9], [0, 10, 9]])!;
    const high = roofPolygon([[10, 0, 12], [25, 0, 12], [25, 10, 12], [10, 10, 12]])!;
    const walls = wallsUnderRoof(footprint, [low, high]);
    const steps = walls.filter((w) => w.bottomA > 0);
    expect(steps).toHaveLength(1);
    expect(steps[0]!).toMatchObject({ bottomA: 9, bottomB: 9, topA: 12, topB: 12 });
    expect(steps[0]!.a[0]).toBe(10);
    expect(steps[0]!.outward.map((v) => v + 0)).toEqual([-1, 0]);
    // the outer walls stop at each part's own roof
    const south = walls.filter((w) => w.a[1] === 0 && w.b[1] === 0);
    expect(south.map((w) => w.topA).sort()).toEqual([12, 9]);
  });
});
