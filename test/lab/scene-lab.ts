/**
 * Drives a DistrictScene on a shared WebGLRenderer from tests (window.__sceneLab): open a synthetic district of n
 * buildings, close it, and read renderer.info, so that draw calls and GPU memory can be checked in a real browser;
 * measure() times a whole scene (merged or one mesh per building) for the scene benchmark.
 */
import { WebGLRenderer } from 'three';
import { divergingScale } from '../../renderer/scene/color-scale.js';
import { DistrictScene } from '../../renderer/scene/district-scene.js';
import { meterGpuBuffers, type GpuBufferMeter } from './gpu-buffer-meter.js';
import { measureScene, type MeasureOptions, type SceneMeasurement } from './scene-measure.js';
import { syntheticDistrict } from './synthetic-district.js';

const ORIGIN = { lat: 51.5236, lon: 6.9288 }; // Bottrop

export interface RendererFacts {
  readonly geometries: number;
  readonly textures: number;
  readonly programs: number;
  readonly calls: number;
  readonly triangles: number;
}

export interface SceneLab {
  /** Makes the scene (and, the first time, its renderer); renders once. */
  create(options?: { shadows?: boolean }): RendererFacts;
  open(n: number): { buildings: number; skipped: number; facts: RendererFacts; buildMs: number; renderMs: number };
  /** Client position of a building and the id a pick there returns. */
  probe(index: number): { id: string; at: { x: number; y: number } | null; picked: string | null; pickMs: number };
  /** Building id under client coordinates, or null. */
  pickAt(x: number, y: number): string | null;
  close(): RendererFacts;
  destroy(): RendererFacts;
  facts(): RendererFacts;
  /** Builds, draws, times and disposes a district of n buildings (closing whatever the lab had open first). */
  measure(n: number, options: MeasureOptions): SceneMeasurement;
}

const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="lab-canvas"]')!;
let renderer: WebGLRenderer | null = null;
let scene: DistrictScene | null = null;
let meter: GpuBufferMeter | null = null;

function ensureRenderer(): WebGLRenderer {
  if (!renderer) {
    renderer = new WebGLRenderer({ canvas, antialias: false });
    // before three.js uploads anything, so that every buffer is counted
    meter = meterGpuBuffers(renderer.getContext() as WebGL2RenderingContext);
  }
  return renderer;
}

function facts(): RendererFacts {
  const info = renderer!.info;
  return {
    geometries: info.memory.geometries,
    textures: info.memory.textures,
    programs: info.programs?.length ?? 0,
    calls: info.render.calls,
    triangles: info.render.triangles,
  };
}

function renderNow(): RendererFacts {
  scene?.render();
  return facts();
}

const lab: SceneLab = {
  create(options = {}) {
    scene = new DistrictScene({ canvas, renderer: ensureRenderer(), shadows: options.shadows ?? false });
    return renderNow();
  },
  open(n) {
    if (!scene) throw new Error('call create() first');
    const buildings = syntheticDistrict(n, ORIGIN);
    const t0 = performance.now();
    const skipped = scene.setDistrict(ORIGIN, buildings);
    const values = buildings.map((_, i) => ((i % 21) - 10) * 3);
    const scale = divergingScale(values);
    scene.setColors((id) => scale.color(values[Number(id.slice(4))] ?? null));
    const t1 = performance.now();
    const f = renderNow();
    renderer!.getContext().finish();
    const t2 = performance.now();
    return { buildings: scene.buildingCount, skipped: skipped.length, facts: f, buildMs: t1 - t0, renderMs: t2 - t1 };
  },
  probe(index) {
    if (!scene) throw new Error('call create() first');
    const id = scene.buildingIds[index] ?? '';
    const at = scene.screenPositionOf(id);
    const t0 = performance.now();
    const picked = at ? scene.pickAtClient(at.x, at.y) : null;
    return { id, at, picked, pickMs: performance.now() - t0 };
  },
  pickAt(x, y) {
    return scene?.pickAtClient(x, y) ?? null;
  },
  close() {
    scene?.clearDistrict();
    return renderNow();
  },
  destroy() {
    scene?.dispose();
    scene = null;
    return facts();
  },
  facts,
  measure(n, options) {
    scene?.dispose();
    scene = null;
    const r = ensureRenderer();
    return measureScene(r, canvas, meter!, ORIGIN, n, options);
  },
};

declare global {
  interface Window {
    __sceneLab?: SceneLab;
  }
}
window.__sceneLab = lab;
