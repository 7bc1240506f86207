/**
 * The baseline the merged district scene is measured against: the same buildings, triangles, lights, ground and
 * camera as DistrictScene, but one Mesh (one BufferGeometry, one draw call) per building, as a first three.js
 * scene would be written. Only the scene benchmark uses it (through the scene lab page).
 */
import {
  AmbientLight,
  Color,
  DirectionalLight,
  HemisphereLight,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  Vector2,
  type WebGLRenderer,
} from 'three';
import type { Building } from '../../models/types.js';
import { fitCamera } from '../../renderer/scene/camera-fit.js';
import type { Rgb } from '../../renderer/scene/color-scale.js';
import { buildDistrictGeometry, paintBuilding, type DistrictGeometry } from '../../renderer/scene/district-geometry.js';
import type { Origin } from '../../renderer/scene/projection.js';

// the light theme's colours of DistrictScene, so that both scenes shade the same pixels
const BACKGROUND = 0xdde6ee;
const GROUND = 0xc9d3c0;

export class NaiveDistrictScene {
  readonly camera = new PerspectiveCamera(45, 1, 1, 5000);
  private readonly scene = new Scene();
  /** One material for all buildings (vertex colours), so that only the number of meshes differs. */
  private readonly material = new MeshLambertMaterial({ vertexColors: true });
  private readonly parts: { readonly data: DistrictGeometry; readonly mesh: Mesh }[] = [];
  private ground: Mesh<PlaneGeometry, MeshLambertMaterial> | null = null;

  constructor(private readonly renderer: WebGLRenderer) {
    this.scene.background = new Color(BACKGROUND);
    this.scene.add(new HemisphereLight(0xffffff, 0x667055, 1.2), new AmbientLight(0xffffff, 0.25));
    const sun = new DirectionalLight(0xffffff, 2.0);
    sun.position.set(-0.3, 0.8, 1);
    this.scene.add(sun, sun.target);
  }

  /** One geometry and one mesh per building; returns how many buildings could not be drawn. */
  setDistrict(origin: Origin, buildings: readonly Building[]): number {
    let skipped = 0;
    const bounds = { minX: Infinity, minZ: Infinity, maxX: -Infinity, maxZ: -Infinity, maxY: 0 };
    for (const building of buildings) {
      const data = buildDistrictGeometry(origin, [building]);
      if (data.slots.length === 0) {
        skipped++;
        data.geometry.dispose();
        continue;
      }
      const mesh = new Mesh(data.geometry, this.material);
      this.scene.add(mesh);
      this.parts.push({ data, mesh });
      bounds.minX = Math.min(bounds.minX, data.bounds.minX);
      bounds.minZ = Math.min(bounds.minZ, data.bounds.minZ);
      bounds.maxX = Math.max(bounds.maxX, data.bounds.maxX);
      bounds.maxZ = Math.max(bounds.maxZ, data.bounds.maxZ);
      bounds.maxY = Math.max(bounds.maxY, data.bounds.maxY);
    }
    if (this.parts.length === 0) Object.assign(bounds, { minX: -50, minZ: -50, maxX: 50, maxZ: 50, maxY: 10 });
    const size = Math.max(bounds.maxX - bounds.minX, bounds.maxZ - bounds.minZ, 50) * 3;
    const groundGeometry = new PlaneGeometry(size, size);
    groundGeometry.rotateX(-Math.PI / 2);
    this.ground = new Mesh(groundGeometry, new MeshLambertMaterial({ color: GROUND }));
    this.ground.position.set((bounds.minX + bounds.maxX) / 2, -0.02, (bounds.minZ + bounds.maxZ) / 2);
    this.scene.add(this.ground);
    this.fitView(bounds);
    return skipped;
  }

  setColors(colorOf: (id: string) => Rgb): void {
    for (const { data } of this.parts) paintBuilding(data, 0, colorOf(data.slots[0]!.id));
  }

  get buildingCount(): number {
    return this.parts.length;
  }

  render(): void {
    this.renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    for (const { data, mesh } of this.parts) {
      this.scene.remove(mesh);
      data.geometry.dispose();
    }
    this.parts.length = 0;
    if (this.ground) {
      this.scene.remove(this.ground);
      this.ground.geometry.dispose();
      this.ground.material.dispose();
      this.ground = null;
    }
    this.material.dispose();
  }

  private fitView(bounds: Parameters<typeof fitCamera>[0]): void {
    const size = this.renderer.getSize(new Vector2());
    const fit = fitCamera(bounds, this.camera.fov, size.x / Math.max(1, size.y));
    this.camera.aspect = size.x / Math.max(1, size.y);
    this.camera.position.set(...fit.position);
    this.camera.near = fit.near;
    this.camera.far = fit.far;
    this.camera.lookAt(...fit.target);
    this.camera.updateProjectionMatrix();
  }
}
