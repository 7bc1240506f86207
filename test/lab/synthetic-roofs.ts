/**
 * Made-up LoD2 roofs for the synthetic district (test/lab/synthetic-district.ts): gable roofs over its
 * rectangles, as 'district.roofShapes' would answer them. Used by the roof lab page and the roof benchmark.
 */
import type { RoofShape } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import { localProjection, normaliseRing, type Origin } from '../../renderer/scene/projection.js';

/** Gable roofs over the rectangular synthetic buildings: eaves at 70 % of the height, ridge along the long side. */
export function syntheticRoofShapes(buildings: readonly Building[], origin: Origin, every: number): RoofShape[] {
  const project = localProjection(origin);
  const out: RoofShape[] = [];
  buildings.forEach((b, i) => {
    if (every <= 0 || i % every !== 0 || b.footprint.length !== 4) return;
    const [p0, p1, p2, p3] = normaliseRing(b.footprint.map(project));
    if (!p0 || !p1 || !p2 || !p3) return;
    const eaves = b.heightM * 0.7;
    const ridge = b.heightM;
    const long01 = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) >= Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
    // corners a b c d counter-clockwise with a-b along the ridge
    const [a, bb, c, d] = long01 ? [p0, p1, p2, p3] : [p1, p2, p3, p0];
    const mid = (p: readonly [number, number], q: readonly [number, number]): [number, number] => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    const r0 = mid(d, a);
    const r1 = mid(bb, c);
    const ll = (p: readonly [number, number], h: number) => {
      const [lon, lat] = project.inverse(p);
      // rounded as the CityGML import rounds them
      return [Math.round(lon * 1e8) / 1e8, Math.round(lat * 1e8) / 1e8, Math.round(h * 100) / 100] as const;
    };
    out.push({
      buildingId: b.id,
      rings: [
        [ll(a, eaves), ll(bb, eaves), ll(r1, ridge), ll(r0, ridge)],
        [ll(c, eaves), ll(d, eaves), ll(r0, ridge), ll(r1, ridge)],
      ],
    });
  });
  return out;
}
