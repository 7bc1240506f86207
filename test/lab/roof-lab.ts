/**
 * Drives a DistrictScene on its own canvas and renderer from tests (window.__roofLab): open given buildings with
 * roof shapes and PV, or a synthetic district with gable roofs and PV on some buildings; look from a compass
 * direction; and summarise the picture (silhouette per column, panel-coloured pixels) so that a test can prove
 * by pixels what is drawn. renderer.info is exposed for the draw-call and dispose checks.
 */
import { WebGLRenderer } from 'three';
import type { RoofShape } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import { DistrictScene } from '../../renderer/scene/district-scene.js';
import type { Origin } from '../../renderer/scene/projection.js';
import type { PvSystem } from '../../renderer/scene/pv-panels.js';
import { syntheticDistrict } from './synthetic-district.js';
import { syntheticRoofShapes } from './synthetic-roofs.js';

export interface RoofLabFacts {
  readonly geometries: number;
  readonly textures: number;
  readonly programs: number;
  readonly calls: number;
  readonly triangles: number;
}

export interface RoofLabSlot {
  readonly id: string;
  readonly modelledRoof: boolean;
  readonly panelAreaM2: number;
}

export interface OpenInput {
  readonly origin: Origin;
  readonly buildings: readonly Building[];
  readonly roofShapes?: readonly RoofShape[];
  /** Building ids with PV and their kWp (null: unknown). */
  readonly pv?: readonly (readonly [id: string, kwp: number | null])[];
  /** Draw the modelled roofs in a second step, as the app does. */
  readonly roofsLater?: boolean;
}

export interface PictureSummary {
  readonly width: number;
  readonly height: number;
  /** Per canvas column, the highest and lowest row (from the bottom) with a building pixel; -1 where none. */
  readonly columnTops: readonly number[];
  readonly columnBottoms: readonly number[];
  /** Pixels in the panels' blue. */
  readonly panelPixels: number;
  readonly buildingPixels: number;
}

export interface RoofLab {
  create(): RoofLabFacts;
  open(input: OpenInput): { slots: RoofLabSlot[]; facts: RoofLabFacts };
  /** n synthetic buildings; every roofEvery-th rectangle gets a gable roof, every pvEvery-th building PV. */
  openSynthetic(n: number, roofEvery: number, pvEvery: number): { slots: number; modelled: number; withPanels: number; facts: RoofLabFacts };
  /** One building's outline from the pick buffer (DistrictScene.silhouette): columns it covers. */
  silhouetteColumns(id: string, azimuthDeg: number, elevationDeg: number): number;
  /** Changes which buildings have PV on the open district (as after a device change in the app). */
  setPv(pv: readonly (readonly [id: string, kwp: number | null])[]): boolean;
  /** Camera at a compass azimuth (0 north, 90 east) and elevation, looking at the district's centre at targetY. */
  look(azimuthDeg: number, elevationDeg: number, distance: number, targetY: number): void;
  /** Renders (buildings in pure red) and summarises the picture. */
  picture(): PictureSummary;
  close(): RoofLabFacts;
  destroy(): RoofLabFacts;
  facts(): RoofLabFacts;
}

const SYNTHETIC_ORIGIN = { lat: 51.5236, lon: 6.9288 }; // Bottrop
const WIDTH = 640;
const HEIGHT = 480;

const canvas = document.createElement('canvas');
canvas.dataset['testid'] = 'roof-lab-canvas';
canvas.style.cssText = `position: fixed; left: 0; top: 0; width: ${WIDTH}px; height: ${HEIGHT}px; z-index: 1; display: none;`;
document.body.append(canvas);
let renderer: WebGLRenderer | null = null;
let scene: DistrictScene | null = null;
let centre: [number, number] = [0, 0];

function facts(): RoofLabFacts {
  const info = renderer!.info;
  return {
    geometries: info.memory.geometries,
    textures: info.memory.textures,
    programs: info.programs?.length ?? 0,
    calls: info.render.calls,
    triangles: info.render.triangles,
  };
}

function need(): DistrictScene {
  if (!scene) throw new Error('call create() first');
  return scene;
}

function renderNow(): RoofLabFacts {
  scene?.render();
  return facts();
}

function openWith(origin: Origin, buildings: readonly Building[], roofShapes: readonly RoofShape[], pv: ReadonlyMap<string, PvSystem>, later: boolean) {
  const s = need();
  s.setDistrict(origin, buildings, { pv, ...(later ? {} : { roofShapes }) });
  s.setColors(() => [1, 0, 0]);
  if (later) s.setRoofShapes(roofShapes);
  const xs: number[] = [];
  const zs: number[] = [];
  for (const id of s.buildingIds) {
    const slot = s.slot(id)!;
    xs.push(slot.centre[0]);
    zs.push(slot.centre[2]);
  }
  centre = xs.length ? [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...zs) + Math.max(...zs)) / 2] : [0, 0];
  return s.buildingIds.map((id) => s.slot(id)!);
}

const lab: RoofLab = {
  create() {
    // shown only when used, so that it covers nothing of the scene lab's own canvas otherwise
    canvas.style.display = 'block';
    renderer ??= new WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true });
    scene = new DistrictScene({ canvas, renderer, shadows: false });
    return renderNow();
  },
  open(input) {
    const pv = new Map((input.pv ?? []).map(([id, kwp]) => [id, kwp === null ? {} : { kwp }]));
    const slots = openWith(input.origin, input.buildings, input.roofShapes ?? [], pv, input.roofsLater ?? false);
    return { slots: slots.map((s) => ({ id: s.id, modelledRoof: s.modelledRoof, panelAreaM2: s.panelAreaM2 })), facts: renderNow() };
  },
  openSynthetic(n, roofEvery, pvEvery) {
    const buildings = syntheticDistrict(n, SYNTHETIC_ORIGIN);
    const shapes = syntheticRoofShapes(buildings, SYNTHETIC_ORIGIN, roofEvery);
    const pv = new Map<string, PvSystem>(buildings.filter((_, i) => pvEvery > 0 && i % pvEvery === 0).map((b, i) => [b.id, i % 2 ? { kwp: 10 } : {}]));
    const slots = openWith(SYNTHETIC_ORIGIN, buildings, shapes, pv, false);
    return {
      slots: slots.length,
      modelled: slots.filter((s) => s.modelledRoof).length,
      withPanels: slots.filter((s) => s.panelAreaM2 > 0).length,
      facts: renderNow(),
    };
  },
  silhouetteColumns(id, azimuthDeg, elevationDeg) {
    return need().silhouette(id, azimuthDeg, elevationDeg)?.tops.filter((t) => t >= 0).length ?? 0;
  },
  setPv(pv) {
    return need().setPvSystems(new Map(pv.map(([id, kwp]) => [id, kwp === null ? {} : { kwp }])));
  },
  look(azimuthDeg, elevationDeg, distance, targetY) {
    const s = need();
    const az = (azimuthDeg * Math.PI) / 180;
    const el = (elevationDeg * Math.PI) / 180;
    const h = distance * Math.cos(el);
    // compass azimuth: 0 = north (-z), 90 = east (+x)
    s.camera.position.set(centre[0] + h * Math.sin(az), targetY + distance * Math.sin(el), centre[1] - h * Math.cos(az));
    s.camera.near = 0.5;
    s.camera.far = distance * 20;
    s.camera.lookAt(centre[0], targetY, centre[1]);
    s.camera.updateProjectionMatrix();
    s.camera.updateMatrixWorld();
  },
  picture() {
    const s = need();
    s.render();
    const gl = renderer!.getContext();
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    const data = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, data);
    const columnTops = new Array<number>(w).fill(-1);
    const columnBottoms = new Array<number>(w).fill(-1);
    let panelPixels = 0;
    let buildingPixels = 0;
    // readPixels rows start at the bottom
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = (y * w + x) * 4;
        const r = data[k]!;
        const g = data[k + 1]!;
        const b = data[k + 2]!;
        if (r > 60 && g < 50 && b < 50) {
          buildingPixels++;
          columnTops[x] = y;
          if (columnBottoms[x] === -1) columnBottoms[x] = y;
        } else if (b > r + 60 && b > g + 30) panelPixels++;
      }
    }
    return { width: w, height: h, columnTops, columnBottoms, panelPixels, buildingPixels };
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
};

declare global {
  interface Window {
    __roofLab?: RoofLab;
  }
}
window.__roofLab = lab;
