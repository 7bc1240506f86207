/**
 * A made-up district of n buildings on a street grid around an origin, in WGS84 like real imports: rectangles and
 * L-shapes of varying size and height. Used by the scene lab page, the draw-call test and the rendering benchmark.
 */
import type { Building, BuildingUse } from '../../models/types.js';
import { localProjection, type Origin } from '../../renderer/scene/projection.js';

const USES: readonly BuildingUse[] = ['single-family', 'multi-family', 'school', 'office', 'shop', 'other'];

/** Deterministic pseudo-random numbers so that every run draws the same district. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDistrict(n: number, origin: Origin, seed = 1): Building[] {
  const random = mulberry32(seed);
  const project = localProjection(origin);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(n)));
  const pitch = 30; // metres between plot corners
  const offset = (perRow * pitch) / 2;
  const out: Building[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = (i % perRow) * pitch - offset;
    const y0 = Math.floor(i / perRow) * pitch - offset;
    const w = 10 + random() * 14;
    const d = 8 + random() * 12;
    const lShape = random() < 0.3;
    const local: [number, number][] = lShape
      ? [
          [x0, y0],
          [x0 + w, y0],
          [x0 + w, y0 + d / 2],
          [x0 + w / 2, y0 + d / 2],
          [x0 + w / 2, y0 + d],
          [x0, y0 + d],
        ]
      : [
          [x0, y0],
          [x0 + w, y0],
          [x0 + w, y0 + d],
          [x0, y0 + d],
        ];
    out.push({
      id: `syn-${i}`,
      name: `Gebäude ${i + 1}`,
      use: USES[i % USES.length]!,
      footprint: local.map((p) => project.inverse(p)),
      heightM: 4 + random() * 20,
    });
  }
  return out;
}
