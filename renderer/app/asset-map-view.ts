/**
 * Keeps the asset layer (scene/asset-layer.ts) and its legend at the time shown: asks 'assets.map' for that time,
 * one call at a time with the newest time winning, and hands the answer to the layer and the legend.
 */
import type { AssetMap, PlusTwinApi } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { renderAssetLegend } from '../panels/asset-legend.js';
import { h } from '../panels/dom.js';
import { AssetLayer, type MarkerView } from '../scene/asset-layer.js';
import type { DistrictScene } from '../scene/district-scene.js';
import type { Origin } from '../scene/projection.js';

export class AssetMapView {
  private readonly layer: AssetLayer;
  private readonly legend: HTMLElement;
  private busy = false;
  private wanted: number | null = null;
  private disposed = false;

  constructor(
    private readonly api: PlusTwinApi,
    private readonly scene: DistrictScene,
    origin: Origin,
    besideLegend: HTMLElement,
    private readonly i18n: I18n,
  ) {
    this.layer = new AssetLayer(origin);
    scene.addLayer(this.layer.group);
    this.legend = h('div', { class: 'legend asset-legend', 'data-testid': 'asset-legend' });
    besideLegend.after(this.legend);
  }

  /** Shows the assets at time at; while a call runs, only the newest time asked for follows it. */
  async update(at: number): Promise<void> {
    this.wanted = Math.floor(at);
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.wanted !== null && !this.disposed) {
        const t = this.wanted;
        this.wanted = null;
        const r = await this.api.call('assets.map', { at: t });
        // a core without assets (or a call that failed) leaves the layer as it was; the map is an extra
        if (r.ok && !this.disposed) this.show(r.value);
      }
    } finally {
      this.busy = false;
    }
  }

  private show(map: AssetMap): void {
    this.layer.show(map);
    renderAssetLegend(this.legend, this.i18n, map);
    this.scene.requestRender();
  }

  markers(): readonly MarkerView[] {
    return this.layer.markerViews();
  }

  lightLevel(id: string): number | null {
    return this.layer.lightLevel(id);
  }

  screenPositionOf(id: string): { x: number; y: number } | null {
    const { width, height } = this.scene.viewSize;
    const p = this.layer.screenPositionOf(id, this.scene.camera, width, height);
    if (p === null) return null;
    const rect = (this.scene.renderer.domElement as HTMLCanvasElement).getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }

  dispose(): void {
    this.disposed = true;
    this.scene.removeLayer(this.layer.group);
    this.layer.dispose();
    this.legend.remove();
  }
}
