/**
 * The district's assets on the 3D map: charge points as pins coloured by the state the API reports (available,
 * charging, faulted, offline) and street lights as points, warm and bright when lit, dimmer when dimmed, grey when
 * off at the time slider's time. Everything it shows comes from 'assets.map'; it computes no state itself.
 * Each kind is one draw call however many there are (an instanced mesh, a point cloud).
 */
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  ConeGeometry,
  Group,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  Points,
  PointsMaterial,
  Vector3,
  type Camera,
} from 'three';
import type { AssetMap, ChargePointState } from '../../models/contract/index.js';
import { localProjection, type Origin } from './projection.js';

/** Marker colours; the legend (panels/asset-legend.ts) shows the same. */
export const CHARGE_POINT_COLORS: Readonly<Record<ChargePointState, number>> = {
  available: 0x2ca02c,
  charging: 0x1f6fe0,
  faulted: 0xd62728,
  offline: 0x8c8c8c,
};
const LIGHT_ON = new Color(0xffc83d);
const LIGHT_OFF = new Color(0x4a4f57);

/** Height of a pin's tip above ground and of a light's head, m: above eaves of small houses, below towers. */
const PIN_TIP_M = 3;
const PIN_HEIGHT_M = 6;
const LIGHT_HEIGHT_M = 6;

export interface MarkerView {
  readonly id: string;
  readonly state: ChargePointState;
  /** '#rrggbb' as drawn. */
  readonly color: string;
  /** Scene position of the pin's head. */
  readonly position: readonly [number, number, number];
}

export class AssetLayer {
  readonly group = new Group();
  private readonly project;
  private pins: InstancedMesh<ConeGeometry, MeshLambertMaterial> | null = null;
  private lights: Points<BufferGeometry, PointsMaterial> | null = null;
  private markers: MarkerView[] = [];
  private lightLevels = new Map<string, number>();

  constructor(origin: Origin) {
    this.project = localProjection(origin);
    this.group.name = 'assets';
  }

  /** Scene position (x east, y up, z south) of a WGS84 point at height y. */
  private at(lon: number, lat: number, y: number): [number, number, number] {
    const [e, n] = this.project([lon, lat]);
    return [e, y, -n];
  }

  show(map: AssetMap): void {
    this.showChargePoints(map);
    this.showLights(map);
  }

  private showChargePoints(map: AssetMap): void {
    const n = map.chargePoints.length;
    if (n === 0) {
      this.disposePins();
      this.markers = [];
      return;
    }
    // instanced: capacity grows when more charge points come, and a smaller count just draws fewer
    if (this.pins === null || this.pins.instanceMatrix.count < n) {
      this.disposePins();
      // a cone standing on its tip: a map pin
      const cone = new ConeGeometry(1.6, PIN_HEIGHT_M - PIN_TIP_M, 12);
      cone.rotateX(Math.PI);
      cone.translate(0, PIN_TIP_M + (PIN_HEIGHT_M - PIN_TIP_M) / 2, 0);
      this.pins = new InstancedMesh(cone, new MeshLambertMaterial(), Math.max(n, 8));
      this.pins.name = 'charge-points';
      this.group.add(this.pins);
    }
    const pins = this.pins;
    const m = new Matrix4();
    const c = new Color();
    this.markers = map.chargePoints.map((cp, i) => {
      const [x, , z] = this.at(cp.lon, cp.lat, 0);
      pins.setMatrixAt(i, m.makeTranslation(x, 0, z));
      c.setHex(CHARGE_POINT_COLORS[cp.state]);
      pins.setColorAt(i, c);
      return { id: cp.id, state: cp.state, color: `#${c.getHexString()}`, position: [x, PIN_HEIGHT_M - 1, z] as const };
    });
    pins.count = n;
    pins.instanceMatrix.needsUpdate = true;
    if (pins.instanceColor) pins.instanceColor.needsUpdate = true;
    pins.computeBoundingSphere();
  }

  private showLights(map: AssetMap): void {
    const n = map.lights.length;
    this.lightLevels = new Map(map.lights.map((l) => [l.id, l.percent]));
    if (this.lights === null || (this.lights.geometry.getAttribute('position') as BufferAttribute).count !== n) {
      this.disposeLights();
      if (n === 0) return;
      const g = new BufferGeometry();
      g.setAttribute('position', new BufferAttribute(new Float32Array(n * 3), 3));
      g.setAttribute('color', new BufferAttribute(new Float32Array(n * 3), 3));
      // size in pixels, so that a city's lights stay visible from far
      this.lights = new Points(g, new PointsMaterial({ size: 5, sizeAttenuation: false, vertexColors: true }));
      this.lights.name = 'street-lights';
      this.group.add(this.lights);
    }
    const pos = this.lights.geometry.getAttribute('position') as BufferAttribute;
    const col = this.lights.geometry.getAttribute('color') as BufferAttribute;
    const c = new Color();
    map.lights.forEach((l, i) => {
      pos.setXYZ(i, ...this.at(l.lon, l.lat, LIGHT_HEIGHT_M));
      // off: dark grey; lit: warm yellow, a dimmed light proportionally darker (never as dark as off)
      if (l.percent <= 0) c.copy(LIGHT_OFF);
      else c.copy(LIGHT_OFF).lerp(LIGHT_ON, 0.4 + 0.6 * Math.min(1, l.percent / 100));
      col.setXYZ(i, c.r, c.g, c.b);
    });
    pos.needsUpdate = true;
    col.needsUpdate = true;
    this.lights.geometry.computeBoundingSphere();
  }

  /** What is drawn, for tests and support (window.__plustwin). */
  markerViews(): readonly MarkerView[] {
    return this.markers;
  }

  lightLevel(id: string): number | null {
    return this.lightLevels.get(id) ?? null;
  }

  /** Canvas pixel coordinates of a charge point's pin head seen through camera, or null when off screen. */
  screenPositionOf(id: string, camera: Camera, width: number, height: number): { x: number; y: number } | null {
    const mk = this.markers.find((m) => m.id === id);
    if (!mk) return null;
    const p = new Vector3(...mk.position).project(camera);
    if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null;
    return { x: ((p.x + 1) / 2) * width, y: ((1 - p.y) / 2) * height };
  }

  private disposePins(): void {
    if (!this.pins) return;
    this.group.remove(this.pins);
    this.pins.geometry.dispose();
    this.pins.material.dispose();
    this.pins.dispose();
    this.pins = null;
  }

  private disposeLights(): void {
    if (!this.lights) return;
    this.group.remove(this.lights);
    this.lights.geometry.dispose();
    this.lights.material.dispose();
    this.lights = null;
  }

  dispose(): void {
    this.disposePins();
    this.disposeLights();
  }
}
