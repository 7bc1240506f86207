/**
 * One measurement of a district scene in the browser, for the scene benchmark: how long it takes until the first
 * frame of n buildings is on screen, what one frame costs, and what it leaves on the GPU. Either the app's
 * DistrictScene (merged geometry) or the one-mesh-per-building baseline, on the same renderer and canvas.
 */
import type { WebGLRenderer } from 'three';
import type { Building } from '../../models/types.js';
import { divergingScale } from '../../renderer/scene/color-scale.js';
import { DistrictScene } from '../../renderer/scene/district-scene.js';
import type { Origin } from '../../renderer/scene/projection.js';
import type { GpuBufferMeter } from './gpu-buffer-meter.js';
import { NaiveDistrictScene } from './naive-district-scene.js';
import { syntheticDistrict } from './synthetic-district.js';

export type SceneMode = 'merged' | 'naive';

export interface MeasureOptions {
  readonly mode: SceneMode;
  /** Frames timed after the first one (median reported); fewer when frameBudgetMs runs out first. */
  readonly frames?: number;
  readonly frameBudgetMs?: number;
}

export interface SceneMeasurement {
  readonly mode: SceneMode;
  readonly buildings: number;
  readonly skipped: number;
  /** Geometry build, colouring and scene set-up on the CPU, ms. */
  readonly buildMs: number;
  /** buildMs plus the first render (uploads included) until its pixels can be read back, ms. */
  readonly firstFrameMs: number;
  readonly calls: number;
  readonly triangles: number;
  /** renderer.info.memory after the first frame, less what the page had before the district was built. */
  readonly geometries: number;
  readonly textures: number;
  /** Vertex and index buffer bytes the district added to the context by its first frame. */
  readonly bufferBytes: number;
  readonly frameMedianMs: number;
  readonly frames: number;
}

interface Drawable {
  setDistrict(origin: Origin, buildings: readonly Building[]): number | readonly unknown[];
  setColors(colorOf: (id: string) => readonly [number, number, number]): void;
  render(): void;
  dispose(): void;
}

/** Waits until everything drawn so far is done: a readback cannot return before the frame's pixels exist. */
function finishFrame(gl: WebGL2RenderingContext, pixel: Uint8Array): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

function paint(scene: Drawable, buildings: readonly Building[]): void {
  const values = buildings.map((_, i) => ((i % 21) - 10) * 3);
  const scale = divergingScale(values);
  scene.setColors((id) => scale.color(values[Number(id.slice(4))] ?? null));
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function measureScene(
  renderer: WebGLRenderer,
  canvas: HTMLCanvasElement,
  meter: GpuBufferMeter,
  origin: Origin,
  n: number,
  options: MeasureOptions,
): SceneMeasurement {
  const gl = renderer.getContext() as WebGL2RenderingContext;
  const pixel = new Uint8Array(4);
  renderer.setSize(Math.max(1, canvas.clientWidth), Math.max(1, canvas.clientHeight), false);
  const make = (): Drawable & { readonly buildingCount: number } =>
    options.mode === 'merged' ? new DistrictScene({ canvas, renderer, shadows: false }) : new NaiveDistrictScene(renderer);

  // three.js frees a shader program with the last material using it, so the tiny warm-up district stays open
  // until the end: its programs are compiled outside the timed build, and its buffers are subtracted
  const warm = make();
  const few = syntheticDistrict(4, origin);
  warm.setDistrict(origin, few);
  paint(warm, few);
  warm.render();
  finishFrame(gl, pixel);
  const before = { geometries: renderer.info.memory.geometries, textures: renderer.info.memory.textures, bytes: meter.bytes() };

  const buildings = syntheticDistrict(n, origin);
  const scene = make();
  try {
    const t0 = performance.now();
    const result = scene.setDistrict(origin, buildings);
    paint(scene, buildings);
    const t1 = performance.now();
    scene.render();
    finishFrame(gl, pixel);
    const t2 = performance.now();
    const { calls, triangles } = renderer.info.render;
    const geometries = renderer.info.memory.geometries - before.geometries;
    const textures = renderer.info.memory.textures - before.textures;
    const bufferBytes = meter.bytes() - before.bytes;

    const budget = options.frameBudgetMs ?? 10_000;
    const wanted = options.frames ?? 20;
    const times: number[] = [];
    const started = performance.now();
    while (times.length < wanted && (times.length < 3 || performance.now() - started < budget)) {
      const f0 = performance.now();
      scene.render();
      finishFrame(gl, pixel);
      times.push(performance.now() - f0);
    }
    return {
      mode: options.mode,
      buildings: scene.buildingCount,
      skipped: typeof result === 'number' ? result : result.length,
      buildMs: t1 - t0,
      firstFrameMs: t2 - t0,
      calls,
      triangles,
      geometries,
      textures,
      bufferBytes,
      frameMedianMs: median(times),
      frames: times.length,
    };
  } finally {
    scene.dispose();
    warm.dispose();
  }
}
