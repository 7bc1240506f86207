import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_DIRECTION, fitCamera, fitDistance, refitDistance } from '../../../renderer/scene/camera-fit.js';

describe('fitCamera', () => {
  for (const aspect of [0.6, 1, 2.2]) {
    it(`keeps every corner of the district on screen at aspect ${aspect}`, () => {
      const bounds = { minX: -120, minZ: -40, maxX: 200, maxZ: 90, maxY: 30 };
      const fit = fitCamera(bounds, 45, aspect);
      const camera = new PerspectiveCamera(45, aspect, fit.near, fit.far);
      camera.position.set(...fit.position);
      camera.lookAt(new Vector3(...fit.target));
      camera.updateMatrixWorld();
      for (const x of [bounds.minX, bounds.maxX])
        for (const z of [bounds.minZ, bounds.maxZ])
          for (const y of [0, bounds.maxY]) {
            const p = new Vector3(x, y, z).project(camera);
            expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
            expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
            expect(p.z).toBeLessThan(1);
          }
      expect(fit.position[1]).toBeGreaterThan(0);
      // tight: the district fills the view, some corner is near the 90 % margin
      const worst = Math.max(
        ...[bounds.minX, bounds.maxX].flatMap((x) =>
          [bounds.minZ, bounds.maxZ].flatMap((z) =>
            [0, bounds.maxY].map((y) => {
              const p = new Vector3(x, y, z).project(camera);
              return Math.max(Math.abs(p.x), Math.abs(p.y));
            }),
          ),
        ),
      );
      expect(worst).toBeGreaterThan(0.85);
      expect(worst).toBeLessThanOrEqual(0.9 + 1e-6);
    });
  }
});

describe('refitDistance (the canvas changes shape)', () => {
  const bounds = { minX: -120, minZ: -40, maxX: 200, maxZ: 90, maxY: 30 };
  /** Largest |NDC| of the district's corners seen from `distance` along `dir` (from the centre towards the eye). */
  const worst = (dir: readonly [number, number, number], distance: number, aspect: number): number => {
    const c = new Vector3((bounds.minX + bounds.maxX) / 2, 0, (bounds.minZ + bounds.maxZ) / 2);
    const camera = new PerspectiveCamera(45, aspect, 0.1, 1e5);
    camera.position.copy(c).addScaledVector(new Vector3(...dir).normalize(), distance);
    camera.lookAt(c);
    camera.updateMatrixWorld();
    let w = 0;
    for (const x of [bounds.minX, bounds.maxX])
      for (const z of [bounds.minZ, bounds.maxZ])
        for (const y of [0, bounds.maxY]) {
          const p = new Vector3(x, y, z).project(camera);
          w = Math.max(w, Math.abs(p.x), Math.abs(p.y));
        }
    return w;
  };

  it('for an untouched view is the first view fitted to the new shape', () => {
    const wide = fitDistance(bounds, 45, 2.2);
    expect(refitDistance(wide, bounds, 45, 2.2, 1.1, DEFAULT_VIEW_DIRECTION)).toBeCloseTo(fitDistance(bounds, 45, 1.1), 6);
  });

  it('keeps a district the user orbited around filling the canvas when it narrows', () => {
    // from the north-west, lower than the first view: x = -sin 40° cos 30°, y = sin 30°, z = -cos 40° cos 30°
    const dir = [-Math.sin((40 * Math.PI) / 180) * Math.cos(Math.PI / 6), 0.5, -Math.cos((40 * Math.PI) / 180) * Math.cos(Math.PI / 6)] as const;
    const before = fitDistance(bounds, 45, 2.2, dir);
    expect(worst(dir, before, 2.2)).toBeCloseTo(0.9, 3);
    // kept as it was, the narrower canvas cuts the sides off (|NDC| > 1)
    expect(worst(dir, before, 1.1)).toBeGreaterThan(1);
    const after = refitDistance(before, bounds, 45, 2.2, 1.1, dir);
    expect(worst(dir, after, 1.1)).toBeCloseTo(0.9, 3);
  });

  it('keeps a zoom-in proportional and returns to the same distance when the dock opens again', () => {
    const dir = DEFAULT_VIEW_DIRECTION;
    const zoomed = fitDistance(bounds, 45, 1.8, dir) / 2;
    const narrow = refitDistance(zoomed, bounds, 45, 1.8, 1.2, dir);
    expect(narrow).toBeCloseTo(fitDistance(bounds, 45, 1.2, dir) / 2, 6);
    expect(refitDistance(narrow, bounds, 45, 1.2, 1.8, dir)).toBeCloseTo(zoomed, 6);
  });
});
