/**
 * Read-only facts for browser tests and for support: what is drawn, how many draw calls, what the charts hold, and
 * where on screen a building can be clicked. Published as window.__plustwin; nothing in it changes app state.
 */
import type { ChartPoints, PanelChartsView } from '../panels/building-panel.js';

export interface DebugInfo {
  readonly ready: boolean;
  readonly error: string | null;
  readonly transport: 'electron' | 'http';
  /** Buildings the API returned / buildings in the scene. */
  apiBuildingCount(): number;
  sceneBuildingCount(): number;
  buildingIds(): readonly string[];
  selectedId(): string | null;
  /** District reloads done because the core's status named a device the page did not know. */
  lateDeviceReloads(): number;
  /** Renders once and returns renderer.info.render.calls of that frame. */
  drawCalls(): number;
  memory(): { readonly geometries: number; readonly textures: number; readonly programs: number };
  chartPoints(): ChartPoints;
  /** The data behind the building panel's charts and the period they show; null without a selection. */
  panelCharts(): PanelChartsView | null;
  /** Calls the replay views made so far (charts, dashboard, implausible alarms). */
  replayCalls(): { readonly day: number; readonly bars: number; readonly analysis: number; readonly implausible: number };
  /** Client coordinates of a visible point on the building, or null. */
  screenPositionOf(id: string): { readonly x: number; readonly y: number } | null;
  /** Building under client coordinates, as a click there would select it. */
  pickAt(x: number, y: number): string | null;
  metric(): string;
  /** Whether the sun casts shadows in the scene. */
  shadows(): boolean;
  /** Whether the building is drawn with its modelled (LoD2) roof, and its outline seen from a compass direction. */
  modelledRoof(id: string): boolean;
  silhouette(id: string, azimuthDeg: number, elevationDeg: number): { readonly bottoms: readonly number[]; readonly tops: readonly number[] } | null;
  /** Charge point pins as drawn: id, state and colour. */
  assetMarkers(): readonly { readonly id: string; readonly state: string; readonly color: string }[];
  /** Client coordinates of a charge point's pin head, or null when it is not drawn or off screen. */
  assetScreenPositionOf(id: string): { readonly x: number; readonly y: number } | null;
  /**
   * The district's bounding box projected to client coordinates and the canvas' client rectangle; null without a
   * 3D scene. The box lies inside the canvas when the whole district is in view.
   */
  districtBox(): { readonly box: ClientBox; readonly canvas: ClientBox } | null;
  /** The orbit camera's unit view direction (from the eye to its target). */
  viewDirection(): readonly [number, number, number] | null;
  /** A street light's level (%) at the time shown, 0 = off; null when it is not drawn. */
  lightLevel(id: string): number | null;
}

export interface ClientBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

declare global {
  interface Window {
    __plustwin?: DebugInfo;
  }
}

export function publishDebug(win: Window, info: DebugInfo): void {
  Object.defineProperty(win, '__plustwin', { value: info, writable: false, configurable: true });
}
