import type { BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import type { Building, Point } from '../../../models/types.js';
import { buildDistrictGeometry } from '../../../renderer/scene/district-geometry.js';
import { localProjection } from '../../../renderer/scene/projection.js';
import { PANEL_LIFT_M, PANEL_M2_PER_KWP, PANEL_SHARE, panelFaces, panelPolygons, southScore } from '../../../renderer/scene/pv-panels.js';
import { pvSystems } from '../../../renderer/scene/pv-systems.js';
import { roofPolygon, type Local3, type RoofPolygon } from '../../../renderer/scene/roof-geometry.js';

const ORIGIN = { lat: 51.5236, lon: 6.9288 };
const project = localProjection(ORIGIN);

// a 12 m x 10 m gable house, ridge east-west at 8 m, eaves at 5 m
const southFace = roofPolygon([[0, 0, 5], [12, 0, 5], [12, 5, 8], [0, 5, 8]])!;
const northFace = roofPolygon([[12, 10, 5], [0, 10, 5], [0, 5, 8], [12, 5, 8]])!;

function area(ring: readonly Local3[]): number {
  const p = roofPolygon(ring);
  return p ? p.areaM2 : 0;
}

/** Signed distance of a point above a face's plane, m. */
function above(face: RoofPolygon, q: Local3): number {
  const o = face.ring[0]!;
  return (q[0] - o[0]) * face.normal[0] + (q[1] - o[1]) * face.normal[1] + (q[2] - o[2]) * face.normal[2];
}

function inside2d(q: Local3, ring: readonly Local3[]): boolean {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return q[0] > Math.min(...xs) && q[0] < Math.max(...xs) && q[1] > Math.min(...ys) && q[1] < Math.max(...ys);
}

describe('PV panels on roofs', () => {
  it('ranks faces: south first, flat above east/west, north last', () => {
    expect(southScore(southFace.normal)).toBeCloseTo(1, 6);
    expect(southScore(northFace.normal)).toBeCloseTo(-1, 6);
    expect(southScore([0, 0, 1])).toBeGreaterThan(southScore([0.5, 0, 0.866]));
    expect(panelFaces([northFace, southFace])).toEqual([southFace]);
  });

  it('covers a fixed share of the south face when the kWp is unknown, lifted off the roof and inside its edges', () => {
    const panels = panelPolygons([northFace, southFace], {});
    expect(panels).toHaveLength(1);
    const p = panels[0]!;
    expect(area(p.ring)).toBeCloseTo(PANEL_SHARE * southFace.areaM2, 3);
    expect(p.normal).toEqual(southFace.normal);
    for (const q of p.ring) {
      expect(above(southFace, q)).toBeCloseTo(PANEL_LIFT_M, 6);
      expect(inside2d(q, southFace.ring)).toBe(true);
    }
  });

  it('sizes the panels by the peak power (5.5 m² per kWp) and never beyond the inset face', () => {
    const four = panelPolygons([southFace, northFace], { kwp: 4 });
    expect(area(four[0]!.ring)).toBeCloseTo(4 * PANEL_M2_PER_KWP, 3);
    const huge = panelPolygons([southFace], { kwp: 1000 });
    const a = area(huge[0]!.ring);
    expect(a).toBeLessThan(southFace.areaM2);
    expect(a).toBeGreaterThan(southFace.areaM2 * 0.75);
  });

  it('spreads panels over a south face in pieces, in proportion to the pieces', () => {
    const west = roofPolygon([[0, 0, 5], [6, 0, 5], [6, 5, 8], [0, 5, 8]])!;
    const east = roofPolygon([[6, 0, 5], [12, 0, 5], [12, 5, 8], [6, 5, 8]])!;
    const panels = panelPolygons([west, east, northFace], { kwp: 6 });
    expect(panels).toHaveLength(2);
    expect(panels.reduce((s, p) => s + area(p.ring), 0)).toBeCloseTo(6 * PANEL_M2_PER_KWP, 3);
  });

  it('lays panels on a flat roof as a rectangle inset from its edges', () => {
    const flat = roofPolygon([[0, 0, 10], [30, 0, 10], [30, 20, 10], [0, 20, 10]])!;
    const [p] = panelPolygons([flat], {});
    expect(area(p!.ring)).toBeCloseTo(PANEL_SHARE * 600, 3);
    expect(p!.ring).toHaveLength(4);
    for (const q of p!.ring) {
      expect(q[2]).toBeCloseTo(10 + PANEL_LIFT_M, 6);
      expect(inside2d(q, flat.ring)).toBe(true);
    }
  });

  it('puts every panel of the district into one geometry, facing up; buildings without PV get none', () => {
    const box = (id: string, x0: number): Building => ({
      id,
      name: id,
      use: 'office',
      footprint: [[x0, 0], [x0 + 20, 0], [x0 + 20, 10], [x0, 10]].map(([x, y]) => project.inverse([x!, y!])),
      heightM: 9,
    });
    const buildings = [box('a', 0), box('b', 40), box('c', 80)];
    const d = buildDistrictGeometry(ORIGIN, buildings, { pv: new Map([['a', {}], ['c', { kwp: 10 }]]) });
    expect(d.slots.map((s) => s.panelAreaM2 > 0)).toEqual([true, false, true]);
    expect(d.slots[2]!.panelAreaM2).toBeCloseTo(10 * PANEL_M2_PER_KWP, 3);
    const pos = d.panels!.getAttribute('position') as BufferAttribute;
    const nor = d.panels!.getAttribute('normal') as BufferAttribute;
    expect(pos.count).toBe(2 * 2 * 3);
    for (let k = 0; k < pos.count; k++) {
      expect(nor.getY(k)).toBeCloseTo(1, 6);
      expect(pos.getY(k)).toBeCloseTo(9 + PANEL_LIFT_M, 4);
    }
    expect(buildDistrictGeometry(ORIGIN, buildings).panels).toBeNull();
  });
});

describe('pvSystems', () => {
  const point = (id: string, buildingId: string, role: Point['role'], medium: Point['medium']): Point => ({
    id,
    deviceId: 'd',
    buildingId,
    name: id,
    unit: 'kW',
    medium,
    role,
    kind: 'power',
  });
  const b = (id: string, pvKwp?: number): Building => ({ id, name: id, use: 'office', footprint: [], heightM: 5, ...(pvKwp ? { pvKwp } : {}) });

  it('finds buildings with an electricity generation point and takes their kWp where known', () => {
    const systems = pvSystems(
      [b('pv'), b('sized', 12), b('chp-heat'), b('grid')],
      [
        point('1', 'pv', 'generation', 'electricity'),
        point('2', 'sized', 'generation', 'electricity'),
        point('3', 'chp-heat', 'generation', 'heat'),
        point('4', 'grid', 'import', 'electricity'),
      ],
    );
    expect([...systems]).toEqual([
      ['pv', {}],
      ['sized', { kwp: 12 }],
    ]);
  });
});
