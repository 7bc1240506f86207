import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { fitCamera } from '../../../renderer/scene/camera-fit.js';

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
