/**
 * The three.js view of a district: merged building geometry (one draw call), a ground plane, optional shadows,
 * an orbit camera, GPU picking and a selection outline. Renders on demand only, to leave the CPU to the collector.
 * It makes no API calls: it is handed buildings and colours, so it can be tested and benchmarked on its own.
 */
import type { Theme } from '../../models/values.js';
import {
  AmbientLight,
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  EdgesGeometry,
  HemisphereLight,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshLambertMaterial,
  type Object3D,
  PCFShadowMap,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { RoofShape } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import { clipPlanes, fitCamera, fitDistance, radiusOf, refitDistance } from './camera-fit.js';
import type { Rgb } from './color-scale.js';
import { buildDistrictGeometry, paintBuilding, type BuildingSlot, type DistrictGeometry, type SkippedBuilding } from './district-geometry.js';
import { GpuPicker } from './gpu-picker.js';
import type { PvSystem } from './pv-panels.js';
import type { Origin } from './projection.js';

export type SceneTheme = Theme;

export interface DistrictSceneOptions {
  readonly canvas: HTMLCanvasElement;
  /** An existing renderer (tests share one to compare renderer.info before and after). */
  readonly renderer?: WebGLRenderer;
  readonly shadows?: boolean;
  readonly theme?: SceneTheme;
}

const THEME_COLORS: Record<SceneTheme, { background: number; ground: number; outline: number }> = {
  light: { background: 0xdde6ee, ground: 0xc9d3c0, outline: 0x1040ff },
  dark: { background: 0x10151c, ground: 0x2b3340, outline: 0xffd400 },
};

/** Dark blue as modules are; the same in both themes (they are things on the roof, not data). */
const PANEL_COLOR = 0x1d3b8a;

/** What a district may bring beyond footprints and heights. */
export interface DistrictExtras {
  /** LoD2 roofs ('district.roofShapes'): these buildings are drawn with their roofs as modelled. */
  readonly roofShapes?: readonly RoofShape[];
  /** Buildings with PV (see pvSystems): panels are drawn on their most south-facing roof. */
  readonly pv?: ReadonlyMap<string, PvSystem>;
}

/** Everything a district puts on the GPU; all of it is disposed when the district is closed. */
interface LoadedDistrict {
  readonly origin: Origin;
  readonly buildings: readonly Building[];
  readonly extras: DistrictExtras;
  readonly data: DistrictGeometry;
  readonly mesh: Mesh<BufferGeometry, MeshLambertMaterial>;
  /** All PV panels in one mesh (one draw call); null when no building has PV. */
  readonly panels: Mesh<BufferGeometry, MeshLambertMaterial> | null;
  readonly ground: Mesh<PlaneGeometry, MeshLambertMaterial>;
  readonly outlineMaterial: LineBasicMaterial;
  readonly byId: Map<string, BuildingSlot>;
}

export class DistrictScene {
  readonly renderer: WebGLRenderer;
  readonly camera = new PerspectiveCamera(45, 1, 1, 5000);
  private readonly scene = new Scene();
  private readonly controls: OrbitControls;
  private readonly picker = new GpuPicker();
  private theme: SceneTheme = 'light';
  private readonly sun = new DirectionalLight(0xffffff, 2.0);
  private readonly ownsRenderer: boolean;
  private district: LoadedDistrict | null = null;
  private outline: LineSegments | null = null;
  private selectedId: string | null = null;
  private frame: number | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private width = 1;
  private height = 1;
  private disposed = false;

  constructor(private readonly options: DistrictSceneOptions) {
    this.ownsRenderer = !options.renderer;
    this.renderer = options.renderer ?? new WebGLRenderer({ canvas: options.canvas, antialias: true });
    this.renderer.setPixelRatio(Math.min(2, globalThis.devicePixelRatio || 1));
    this.renderer.shadowMap.enabled = options.shadows ?? false;
    this.renderer.shadowMap.type = PCFShadowMap;
    this.scene.add(new HemisphereLight(0xffffff, 0x667055, 1.2));
    this.scene.add(new AmbientLight(0xffffff, 0.25));
    this.sun.castShadow = options.shadows ?? false;
    this.sun.shadow.mapSize.set(2048, 2048);
    this.scene.add(this.sun, this.sun.target);
    this.controls = new OrbitControls(this.camera, options.canvas);
    this.controls.maxPolarAngle = Math.PI / 2 - 0.05; // never look from below the ground
    this.controls.addEventListener('change', () => this.requestRender());
    this.setTheme(options.theme ?? 'light');
    if (typeof ResizeObserver !== 'undefined') {
      // the container is what the layout sizes (window, dock folded or opened); the canvas fills it
      this.resizeObserver = new ResizeObserver(() => this.resize());
      this.resizeObserver.observe(options.canvas.parentElement ?? options.canvas);
      if (options.canvas.parentElement) this.resizeObserver.observe(options.canvas);
    }
    this.resize();
  }

  get shadows(): boolean {
    return this.renderer.shadowMap.enabled;
  }

  /** Switches the sun's shadows on or off for the district shown and every later one. */
  setShadows(on: boolean): void {
    if (on === this.renderer.shadowMap.enabled) return;
    this.renderer.shadowMap.enabled = on;
    this.sun.castShadow = on;
    // the shadow map is a render target of its own: give its GPU memory back when shadows go off
    if (!on) this.sun.shadow.dispose();
    const d = this.district;
    if (d) {
      d.mesh.castShadow = d.mesh.receiveShadow = on;
      d.ground.receiveShadow = on;
      if (d.panels) d.panels.receiveShadow = on;
      // shaders are compiled with or without shadow code: they must be built again
      for (const m of [d.mesh.material, d.ground.material, d.panels?.material]) if (m) m.needsUpdate = true;
    }
    this.requestRender();
  }

  setTheme(theme: SceneTheme): void {
    this.theme = theme;
    const c = THEME_COLORS[theme];
    this.scene.background = new Color(c.background);
    this.district?.ground.material.color.setHex(c.ground);
    this.district?.outlineMaterial.color.setHex(c.outline);
    this.requestRender();
  }

  /** Replaces the shown district (disposing the previous one). Returns buildings that could not be drawn. */
  setDistrict(origin: Origin, buildings: readonly Building[], extras: DistrictExtras = {}): readonly SkippedBuilding[] {
    this.clearDistrict();
    const skipped = this.load(origin, buildings, extras);
    this.placeSun();
    this.fitView();
    return skipped;
  }

  /**
   * Draws the modelled roofs of the shown district (they load after it, so that the district shows at once):
   * rebuilds the merged geometry, keeping colours, selection and the camera. Returns false without a district.
   */
  setRoofShapes(roofShapes: readonly RoofShape[]): boolean {
    return this.rebuild({ roofShapes });
  }

  /** Redraws the PV panels after the district's devices changed, keeping colours, selection and the camera. */
  setPvSystems(pv: ReadonlyMap<string, PvSystem>): boolean {
    return this.rebuild({ pv });
  }

  private rebuild(change: DistrictExtras): boolean {
    const d = this.district;
    if (!d) return false;
    const colors = d.data.geometry.getAttribute('color') as BufferAttribute;
    const kept = new Map(d.data.slots.map((s) => [s.id, [colors.getX(s.vertexStart), colors.getY(s.vertexStart), colors.getZ(s.vertexStart)] as const]));
    const selected = this.selectedId;
    this.clearDistrict();
    this.load(d.origin, d.buildings, { ...d.extras, ...change });
    const now = this.district as LoadedDistrict | null;
    if (now) for (const slot of now.data.slots) paintBuilding(now.data, slot.index, kept.get(slot.id) ?? [0.7, 0.7, 0.7]);
    if (selected) this.select(selected);
    this.requestRender();
    return true;
  }

  private load(origin: Origin, buildings: readonly Building[], extras: DistrictExtras): readonly SkippedBuilding[] {
    const data = buildDistrictGeometry(origin, buildings, {
      ...(extras.roofShapes ? { roofShapes: new Map(extras.roofShapes.map((r) => [r.buildingId, r.rings])) } : {}),
      ...(extras.pv ? { pv: extras.pv } : {}),
    });
    const colors = THEME_COLORS[this.theme];
    const shadows = this.renderer.shadowMap.enabled;
    const mesh = new Mesh(data.geometry, new MeshLambertMaterial({ vertexColors: true }));
    mesh.castShadow = mesh.receiveShadow = shadows;
    // lifted a little and pulled towards the camera in depth, so that panels never flicker into the roof
    const panels = data.panels
      ? new Mesh(data.panels, new MeshLambertMaterial({ color: PANEL_COLOR, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 }))
      : null;
    if (panels) panels.receiveShadow = shadows;
    const b = data.bounds;
    const size = Math.max(b.maxX - b.minX, b.maxZ - b.minZ, 50) * 3;
    const groundGeometry = new PlaneGeometry(size, size);
    groundGeometry.rotateX(-Math.PI / 2);
    const ground = new Mesh(groundGeometry, new MeshLambertMaterial({ color: colors.ground }));
    ground.position.set((b.minX + b.maxX) / 2, -0.02, (b.minZ + b.maxZ) / 2);
    ground.receiveShadow = shadows;
    this.scene.add(ground, mesh);
    if (panels) this.scene.add(panels);
    this.picker.setGeometry(data.geometry);
    this.district = {
      origin,
      buildings,
      extras,
      data,
      mesh,
      panels,
      ground,
      outlineMaterial: new LineBasicMaterial({ color: colors.outline }),
      byId: new Map(data.slots.map((s) => [s.id, s])),
    };
    return data.skipped;
  }

  /** Removes the district and frees every GPU resource it used. */
  clearDistrict(): void {
    this.setOutline(null);
    this.selectedId = null;
    const d = this.district;
    if (!d) return;
    this.scene.remove(d.mesh, d.ground);
    this.picker.setGeometry(null);
    d.data.geometry.dispose();
    d.mesh.material.dispose();
    if (d.panels) {
      this.scene.remove(d.panels);
      d.panels.geometry.dispose();
      d.panels.material.dispose();
    }
    d.ground.geometry.dispose();
    d.ground.material.dispose();
    d.outlineMaterial.dispose();
    if (this.renderer.shadowMap.enabled) this.sun.shadow.dispose();
    this.district = null;
    this.requestRender();
  }

  get buildingCount(): number {
    return this.district?.data.slots.length ?? 0;
  }

  get buildingIds(): readonly string[] {
    return this.district?.data.slots.map((s) => s.id) ?? [];
  }

  slot(id: string): BuildingSlot | undefined {
    return this.district?.byId.get(id);
  }

  /** Colours every building; colourOf is asked once per building id. */
  setColors(colorOf: (id: string) => Rgb): void {
    const d = this.district;
    if (!d) return;
    for (const slot of d.data.slots) paintBuilding(d.data, slot.index, colorOf(slot.id));
    this.requestRender();
  }

  select(id: string | null): void {
    this.selectedId = id;
    const slot = id ? this.district?.byId.get(id) : undefined;
    this.setOutline(slot ?? null);
  }

  get selected(): string | null {
    return this.selectedId;
  }

  fitView(): void {
    const b = this.district?.data.bounds ?? { minX: -50, minZ: -50, maxX: 50, maxZ: 50, maxY: 10 };
    const fit = fitCamera(b, this.camera.fov, this.width / this.height);
    this.camera.position.set(...fit.position);
    this.camera.near = fit.near;
    this.camera.far = fit.far;
    this.camera.updateProjectionMatrix();
    this.controls.target.set(...fit.target);
    this.controls.maxDistance = fit.far / 2;
    this.controls.update();
    this.requestRender();
  }

  /** Building id under a point given in client (viewport) coordinates, or null. */
  pickAtClient(clientX: number, clientY: number): string | null {
    const rect = this.options.canvas.getBoundingClientRect();
    return this.pickAtCanvas(clientX - rect.left, clientY - rect.top);
  }

  pickAtCanvas(x: number, y: number): string | null {
    const d = this.district;
    if (!d) return null;
    this.camera.updateMatrixWorld();
    const index = this.picker.pick(this.renderer, this.camera, x, y, this.width, this.height);
    return index === null ? null : (d.data.slots[index]?.id ?? null);
  }

  /**
   * A point in client coordinates where a click hits this building: the first roof anchor that is on screen and
   * not hidden behind another building. null when none is visible.
   */
  screenPositionOf(id: string): { x: number; y: number } | null {
    const slot = this.district?.byId.get(id);
    if (!slot) return null;
    const rect = this.options.canvas.getBoundingClientRect();
    this.camera.updateMatrixWorld();
    for (const anchor of [...slot.roofAnchors, slot.centre]) {
      const p = new Vector3(...anchor).project(this.camera);
      if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) continue;
      const x = ((p.x + 1) / 2) * this.width;
      const y = ((1 - p.y) / 2) * this.height;
      if (this.pickAtCanvas(x, y) === id) return { x: rect.left + x, y: rect.top + y };
    }
    return null;
  }

  /**
   * The outline of one building seen from a compass direction (0 north, 90 east) and elevation, in a size x size
   * picture of the pick buffer: per column the lowest and highest row (from the bottom) the building covers, -1
   * where it does not. The view's own camera is left alone; null for an unknown building.
   */
  silhouette(id: string, azimuthDeg: number, elevationDeg: number, size = 256): { bottoms: number[]; tops: number[] } | null {
    const slot = this.district?.byId.get(id);
    if (!slot) return null;
    const reach = Math.max(5, Math.sqrt(slot.footprintAreaM2) + slot.centre[1]);
    const camera = new PerspectiveCamera(30, 1, reach / 10, reach * 20);
    const az = (azimuthDeg * Math.PI) / 180;
    const el = (elevationDeg * Math.PI) / 180;
    const distance = reach * 4;
    const [x, y, z] = [slot.centre[0], slot.centre[1] / 2, slot.centre[2]];
    camera.position.set(x + distance * Math.cos(el) * Math.sin(az), y + distance * Math.sin(el), z - distance * Math.cos(el) * Math.cos(az));
    camera.lookAt(x, y, z);
    camera.updateMatrixWorld();
    const ids = this.picker.renderIds(this.renderer, camera, size, size);
    const bottoms = new Array<number>(size).fill(-1);
    const tops = new Array<number>(size).fill(-1);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (ids[row * size + col] !== slot.index + 1) continue;
        if (bottoms[col] === -1) bottoms[col] = row;
        tops[col] = row;
      }
    }
    return { bottoms, tops };
  }

  /** Adds a layer drawn over the district (assets); the caller owns and disposes it. */
  addLayer(layer: Object3D): void {
    this.scene.add(layer);
    this.requestRender();
  }

  removeLayer(layer: Object3D): void {
    this.scene.remove(layer);
    this.requestRender();
  }

  /** The canvas size in CSS pixels the camera projects to. */
  get viewSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** Draws now (tests and the on-demand loop call this). */
  render(): void {
    if (this.disposed) return;
    this.renderer.render(this.scene, this.camera);
  }

  requestRender(): void {
    if (this.frame !== null || this.disposed || typeof requestAnimationFrame === 'undefined') return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.render();
    });
  }

  resize(): void {
    const canvas = this.options.canvas;
    const w = Math.max(1, canvas.clientWidth);
    const h = Math.max(1, canvas.clientHeight);
    if (w === this.width && h === this.height) return;
    const fromAspect = this.width / this.height;
    this.width = w;
    this.height = h;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.reframe(fromAspect, w / h);
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  /** Keeps the user's orbit direction and target and scales the distance to the new canvas shape (camera-fit.ts says why). */
  private reframe(fromAspect: number, toAspect: number): void {
    const d = this.district;
    if (!d || fromAspect === toAspect) return;
    const offset = this.camera.position.clone().sub(this.controls.target);
    const distance = offset.length();
    if (!(distance > 0)) return;
    const dir = offset.clone().divideScalar(distance);
    const direction = [dir.x, dir.y, dir.z] as const;
    const next = refitDistance(distance, d.data.bounds, this.camera.fov, fromAspect, toAspect, direction);
    this.camera.position.copy(this.controls.target).addScaledVector(dir, next);
    const radius = radiusOf(d.data.bounds);
    const planes = clipPlanes(fitDistance(d.data.bounds, this.camera.fov, toAspect, direction), radius);
    // the user may have zoomed out beyond the fit: the far plane reaches past the eye's distance in any case
    this.camera.near = planes.near;
    this.camera.far = Math.max(planes.far, next + radius * 4);
    this.controls.maxDistance = Math.max(this.controls.maxDistance, planes.far / 2);
    this.controls.update();
  }

  /** Unit vector from the eye towards the orbit target. */
  viewDirection(): [number, number, number] {
    const v = this.controls.target.clone().sub(this.camera.position).normalize();
    return [v.x, v.y, v.z];
  }

  /** The district's bounding box (footprints up to the tallest roof) projected to client coordinates; null without a district. */
  projectedDistrictBox(): { left: number; top: number; right: number; bottom: number } | null {
    const b = this.district?.data.bounds;
    if (!b) return null;
    const rect = this.options.canvas.getBoundingClientRect();
    this.camera.updateMatrixWorld();
    const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    for (const x of [b.minX, b.maxX])
      for (const y of [0, b.maxY])
        for (const z of [b.minZ, b.maxZ]) {
          const p = new Vector3(x, y, z).project(this.camera);
          const cx = rect.left + ((p.x + 1) / 2) * this.width;
          const cy = rect.top + ((1 - p.y) / 2) * this.height;
          box.left = Math.min(box.left, cx);
          box.right = Math.max(box.right, cx);
          box.top = Math.min(box.top, cy);
          box.bottom = Math.max(box.bottom, cy);
        }
    return box;
  }

  dispose(): void {
    this.clearDistrict();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.disposed = true;
    this.resizeObserver?.disconnect();
    this.controls.dispose();
    this.picker.dispose();
    this.sun.shadow.dispose();
    if (this.ownsRenderer) this.renderer.dispose();
  }

  private setOutline(slot: BuildingSlot | null): void {
    if (this.outline) {
      this.scene.remove(this.outline);
      this.outline.geometry.dispose();
      this.outline = null;
    }
    const d = this.district;
    if (slot && d) {
      const all = d.data.geometry.getAttribute('position') as BufferAttribute;
      const part = new BufferGeometry();
      part.setAttribute(
        'position',
        new BufferAttribute((all.array as Float32Array).slice(slot.vertexStart * 3, (slot.vertexStart + slot.vertexCount) * 3), 3),
      );
      const edges = new EdgesGeometry(part, 20);
      part.dispose();
      this.outline = new LineSegments(edges, d.outlineMaterial);
      this.outline.renderOrder = 1;
      this.scene.add(this.outline);
    }
    this.requestRender();
  }

  private placeSun(): void {
    const b = this.district?.data.bounds;
    if (!b) return;
    const cx = (b.minX + b.maxX) / 2;
    const cz = (b.minZ + b.maxZ) / 2;
    const r = Math.max(50, Math.hypot(b.maxX - b.minX, b.maxZ - b.minZ) / 2 + b.maxY);
    // low winter-noon sun from the south-south-west, as shadows in the Ruhr area mostly are
    this.sun.position.set(cx - r * 0.3, r * 0.8, cz + r);
    this.sun.target.position.set(cx, 0, cz);
    const cam = this.sun.shadow.camera;
    cam.left = -r;
    cam.right = r;
    cam.top = r;
    cam.bottom = -r;
    cam.near = 1;
    cam.far = r * 4;
    cam.updateProjectionMatrix();
  }
}
