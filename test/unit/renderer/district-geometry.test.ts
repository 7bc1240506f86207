import type { BufferAttribute} from 'three';
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { Building } from '../../../models/types.js';
import { buildDistrictGeometry, DEFAULT_HEIGHT_M, isConvex, paintBuilding } from '../../../renderer/scene/district-geometry.js';
import { localProjection } from '../../../renderer/scene/projection.js';

const ORIGIN = { lat: 51.5236, lon: 6.9288 };
const project = localProjection(ORIGIN);

function building(id: string, local: [number, number][], heightM: number): Building {
  return { id, name: id, use: 'office', footprint: local.map((p) => project.inverse(p)), heightM };
}

const square = building('sq', [[0, 0], [10, 0], [10, 10], [0, 10]], 5);
// clockwise L-shape: the builder must reorient it
const lShape = building('el', [[30, 0], [30, 20], [40, 20], [40, 10], [50, 10], [50, 0]], 12);

function vec(attr: BufferAttribute, i: number): Vector3 {
  return new Vector3(attr.getX(i), attr.getY(i), attr.getZ(i));
}

describe('buildDistrictGeometry', () => {
  const district = buildDistrictGeometry(ORIGIN, [square, lShape]);
  const pos = district.geometry.getAttribute('position') as BufferAttribute;
  const nor = district.geometry.getAttribute('normal') as BufferAttribute;
  const idx = district.geometry.getAttribute('buildingIndex') as BufferAttribute;

  it('merges all buildings into one geometry with walls and a triangulated roof each', () => {
    expect(district.slots.map((s) => s.id)).toEqual(['sq', 'el']);
    // square: 4 walls × 2 triangles + 2 roof triangles; L: 6 walls × 2 + 3 roof triangles (earcut's sliver dropped)
    expect(district.slots[0]!.vertexCount).toBe(4 * 6 + 2 * 3);
    expect(district.slots[1]!.vertexCount).toBe(6 * 6 + 3 * 3);
    expect(pos.count).toBe(30 + 45);
    expect(district.slots[1]!.vertexStart).toBe(30);
  });

  it('tags every vertex with its building index', () => {
    for (const slot of district.slots) {
      for (let k = slot.vertexStart; k < slot.vertexStart + slot.vertexCount; k++) expect(idx.getX(k)).toBe(slot.index);
    }
  });

  it('maps north to -z, east to +x and height to y', () => {
    expect(district.bounds.minX).toBeCloseTo(0, 3);
    expect(district.bounds.maxX).toBeCloseTo(50, 3);
    expect(district.bounds.minZ).toBeCloseTo(-20, 3);
    expect(district.bounds.maxZ).toBeCloseTo(0, 3);
    expect(district.bounds.maxY).toBe(12);
    expect(district.slots[0]!.centre[0]).toBeCloseTo(5, 3);
    expect(district.slots[0]!.centre[2]).toBeCloseTo(-5, 3);
  });

  it('winds every triangle so its face normal matches the vertex normal, walls facing out and roofs up', () => {
    for (const slot of district.slots) {
      const c = new Vector3(slot.centre[0], 0, slot.centre[2]);
      for (let k = slot.vertexStart; k < slot.vertexStart + slot.vertexCount; k += 3) {
        const a = vec(pos, k);
        const face = vec(pos, k + 1).sub(a).cross(vec(pos, k + 2).sub(a)).normalize();
        const n = vec(nor, k);
        expect(face.dot(n)).toBeGreaterThan(0.99);
        if (n.y === 1) {
          expect(a.y).toBe(slot.centre[1]);
        } else if (slot.id === 'sq') {
          // for a convex footprint every wall faces away from the centre
          expect(n.dot(new Vector3(a.x, 0, a.z).sub(c))).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives roof anchors that lie inside the footprint, even for an L-shape', () => {
    const el = district.slots[1]!;
    expect(el.roofAnchors.length).toBeGreaterThan(0);
    for (const [x, y, z] of el.roofAnchors) {
      expect(y).toBe(12);
      const north = -z;
      const inLower = x > 30 && x < 50 && north > 0 && north < 10;
      const inUpper = x > 30 && x < 40 && north >= 10 && north < 20;
      expect(inLower || inUpper).toBe(true);
    }
  });

  it('recognises convex footprints (fan roof) and concave ones (earcut roof)', () => {
    expect(isConvex([[0, 0], [10, 0], [10, 10], [0, 10]])).toBe(true);
    expect(isConvex([[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10]])).toBe(false);
  });

  it('reports footprints it cannot draw and keeps the others', () => {
    const broken: Building[] = [
      { ...square, id: 'two-points', footprint: square.footprint.slice(0, 2) },
      { ...square, id: 'nan', footprint: [[Number.NaN, 51], ...square.footprint.slice(1)] },
      { ...square, id: 'flat', footprint: [square.footprint[0]!, square.footprint[0]!, square.footprint[0]!] },
      { ...square, id: 'no-height', heightM: -3 },
    ];
    const result = buildDistrictGeometry(ORIGIN, broken);
    expect(result.skipped).toEqual([
      { id: 'two-points', reason: 'footprint has 2 points, needs at least 3', problem: { kind: 'too-few-points', count: 2 } },
      { id: 'nan', reason: 'footprint point 0 is not a finite lon/lat pair', problem: { kind: 'not-finite', index: 0 } },
      { id: 'flat', reason: 'footprint has no area', problem: { kind: 'no-area' } },
    ]);
    expect(result.slots.map((s) => s.id)).toEqual(['no-height']);
    expect(result.slots[0]!.centre[1]).toBe(DEFAULT_HEIGHT_M);
  });

  it('paints one building without touching the others', () => {
    const d = buildDistrictGeometry(ORIGIN, [square, lShape]);
    const color = d.geometry.getAttribute('color') as BufferAttribute;
    expect(paintBuilding(d, 1, [1, 0, 0])).toBe(true);
    expect(paintBuilding(d, 2, [1, 0, 0])).toBe(false);
    expect(color.getX(0)).toBeCloseTo(0.7);
    expect(color.getX(30)).toBe(1);
    expect(color.getY(74)).toBe(0);
    expect(color.version).toBeGreaterThan(0);
  });
});
