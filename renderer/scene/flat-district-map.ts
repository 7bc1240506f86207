/**
 * The district without WebGL: footprints seen from above on a 2D canvas, coloured by the same metric, the selected
 * one outlined, a click selects. It stands in for DistrictScene (the same calls DistrictApp makes), so the building
 * list, the panels and the dashboard work as before; a notice over the map says why there is no 3D view.
 */
import type { RoofShape } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import type { Rgb } from './color-scale.js';
import { rgbToCss } from './color-scale.js';
import { localProjection, signedArea, type LocalXY, type Origin } from './projection.js';
import type { PvSystem } from './pv-panels.js';
import type { SkippedBuilding } from './district-geometry.js';

export interface FlatSlot {
  readonly id: string;
  readonly footprintAreaM2: number;
  readonly modelledRoof: false;
}

interface Shape {
  readonly id: string;
  readonly ring: readonly LocalXY[];
  readonly area: number;
}

const COLORS = {
  light: { ground: '#e9ede6', stroke: '#5b6670', selected: '#0b57d0', fill: '#c9ced3' },
  dark: { ground: '#1d2329', stroke: '#8a96a3', selected: '#8ab4f8', fill: '#3a434c' },
} as const;
const MARGIN_PX = 16;

/** Ray casting: is the point inside the ring? */
export function insideRing(p: LocalXY, ring: readonly LocalXY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export class FlatDistrictMap {
  private shapes: Shape[] = [];
  private colors = new Map<string, string>();
  private selectedId: string | null = null;
  private theme: 'light' | 'dark';
  /** Local metres to canvas CSS pixels: x' = ox + x * scale, y' = oy - y * scale (north up). */
  private view = { ox: 0, oy: 0, scale: 1 };
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly resizeObserver: ResizeObserver | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    theme: 'light' | 'dark',
  ) {
    this.theme = theme;
    this.ctx = canvas.getContext('2d');
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.render());
      this.resizeObserver.observe(canvas);
    }
  }

  get buildingCount(): number {
    return this.shapes.length;
  }

  get buildingIds(): readonly string[] {
    return this.shapes.map((s) => s.id);
  }

  get selected(): string | null {
    return this.selectedId;
  }

  readonly shadows = false;

  setShadows(_on: boolean): void {}

  setTheme(theme: 'light' | 'dark'): void {
    this.theme = theme;
    this.render();
  }

  setDistrict(origin: Origin, buildings: readonly Building[], _extras: { readonly pv?: ReadonlyMap<string, PvSystem> } = {}): readonly SkippedBuilding[] {
    const project = localProjection(origin);
    const skipped: SkippedBuilding[] = [];
    this.shapes = [];
    for (const b of buildings) {
      const ring = b.footprint.map((p) => project(p));
      const area = Math.abs(signedArea(ring));
      if (ring.length < 3 || !(area > 0)) skipped.push({ id: b.id, reason: 'footprint has no area', problem: { kind: 'no-area' } });
      else this.shapes.push({ id: b.id, ring, area });
    }
    this.render();
    return skipped;
  }

  setRoofShapes(_shapes: readonly RoofShape[]): boolean {
    return false;
  }

  setPvSystems(_pv: ReadonlyMap<string, PvSystem>): boolean {
    return false;
  }

  setColors(colorOf: (id: string) => Rgb): void {
    this.colors = new Map(this.shapes.map((s) => [s.id, rgbToCss(colorOf(s.id))]));
    this.render();
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.render();
  }

  slot(id: string): FlatSlot | undefined {
    const s = this.shapes.find((x) => x.id === id);
    return s ? { id, footprintAreaM2: s.area, modelledRoof: false } : undefined;
  }

  pickAtClient(clientX: number, clientY: number): string | null {
    const r = this.canvas.getBoundingClientRect();
    return this.pickLocal([(clientX - r.left - this.view.ox) / this.view.scale, (this.view.oy - (clientY - r.top)) / this.view.scale]);
  }

  screenPositionOf(id: string): { x: number; y: number } | null {
    const s = this.shapes.find((x) => x.id === id);
    if (!s) return null;
    // a point where a click picks this building: on a grid over its bounding box, nearest the centre first (the
    // centre itself may lie outside an L-shaped footprint, or on a smaller building inside a courtyard)
    const xs = s.ring.map((p) => p[0]);
    const ys = s.ring.map((p) => p[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const centre: LocalXY = [(minX + maxX) / 2, (minY + maxY) / 2];
    const steps = 12;
    const grid: LocalXY[] = [];
    for (let i = 1; i < steps; i++) for (let j = 1; j < steps; j++) grid.push([minX + ((maxX - minX) * i) / steps, minY + ((maxY - minY) * j) / steps]);
    grid.sort((a, b) => Math.hypot(a[0] - centre[0], a[1] - centre[1]) - Math.hypot(b[0] - centre[0], b[1] - centre[1]));
    const at = [centre, ...grid].find((p) => this.pickLocal(p) === id);
    if (!at) return null;
    const r = this.canvas.getBoundingClientRect();
    return { x: r.left + this.view.ox + at[0] * this.view.scale, y: r.top + this.view.oy - at[1] * this.view.scale };
  }

  /** The smallest footprint under a point: a building inside a courtyard wins over the one around it. */
  private pickLocal(p: LocalXY): string | null {
    let best: Shape | null = null;
    for (const s of this.shapes) if (insideRing(p, s.ring) && (!best || s.area < best.area)) best = s;
    return best?.id ?? null;
  }

  silhouette(): null {
    return null;
  }

  render(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const width = Math.max(1, this.canvas.clientWidth);
    const height = Math.max(1, this.canvas.clientHeight);
    const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    this.fit(width, height);
    const c = COLORS[this.theme];
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = c.ground;
    ctx.fillRect(0, 0, width, height);
    const { ox, oy, scale } = this.view;
    const path = (ring: readonly LocalXY[]) => {
      ctx.beginPath();
      ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(ox + x * scale, oy - y * scale) : ctx.lineTo(ox + x * scale, oy - y * scale)));
      ctx.closePath();
    };
    for (const s of this.shapes) {
      path(s.ring);
      ctx.fillStyle = this.colors.get(s.id) ?? c.fill;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = c.stroke;
      ctx.stroke();
    }
    const chosen = this.shapes.find((s) => s.id === this.selectedId);
    if (chosen) {
      path(chosen.ring);
      ctx.lineWidth = 3;
      ctx.strokeStyle = c.selected;
      ctx.stroke();
    }
  }

  requestRender(): void {
    this.render();
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
  }

  /** Every footprint in view, north up, the same scale on both axes. */
  private fit(width: number, height: number): void {
    if (this.shapes.length === 0) return;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const s of this.shapes) {
      for (const [x, y] of s.ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    const scale = Math.min((width - 2 * MARGIN_PX) / Math.max(1, maxX - minX), (height - 2 * MARGIN_PX) / Math.max(1, maxY - minY));
    this.view = { scale, ox: (width - (maxX - minX) * scale) / 2 - minX * scale, oy: (height + (maxY - minY) * scale) / 2 + minY * scale };
  }
}
