/**
 * Building the district scene's geometry: all buildings merged into one BufferGeometry (what the renderer does)
 * against the naive three.js way of one ExtrudeGeometry per building, for the same synthetic district. The merged
 * geometry is also what keeps draw calls constant (measured in Chromium by test/e2e/scene-gpu.test.ts).
 */
import { ExtrudeGeometry, Shape } from 'three';
import { syntheticDistrict } from '../lab/synthetic-district.js';
import { buildDistrictGeometry } from '../../renderer/scene/district-geometry.js';
import { localProjection } from '../../renderer/scene/projection.js';
import type { BenchResult } from './bench-result.js';
import { bestOf } from './support/timing.js';

const ORIGIN = { lat: 51.5236, lon: 6.9288 };
const N = Number(process.env['BENCH_BUILDINGS'] ?? 10_000);


export async function run(): Promise<BenchResult[]> {
  const buildings = syntheticDistrict(N, ORIGIN);
  const project = localProjection(ORIGIN);
  let objects = 0;
  const merged = bestOf(3, () => {
    const d = buildDistrictGeometry(ORIGIN, buildings);
    objects = 1;
    d.geometry.dispose();
  });
  let naiveObjects = 0;
  const naive = bestOf(3, () => {
    naiveObjects = 0;
    for (const b of buildings) {
      const shape = new Shape(b.footprint.map((p) => {
        const [x, y] = project(p);
        return { x, y } as never;
      }));
      const g = new ExtrudeGeometry(shape, { depth: b.heightM, bevelEnabled: false });
      naiveObjects++;
      g.dispose();
    }
  });
  return [
    {
      name: `renderer: build merged district geometry, ${N} buildings`,
      value: Math.round(merged),
      unit: 'ms',
      baseline: { name: 'one ExtrudeGeometry per building', value: Math.round(naive) },
    },
    {
      name: `renderer: meshes to draw for ${N} buildings`,
      value: objects,
      unit: 'meshes',
      baseline: { name: 'one mesh per building', value: naiveObjects },
      note: 'draw calls in Chromium: at most 20 for 10,000 buildings (test/e2e/scene-gpu.test.ts)',
    },
  ];
}
