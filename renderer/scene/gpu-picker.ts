/**
 * Picking by rendering the building geometry once more into a 1×1 render target, with the camera's view offset
 * narrowed to the pixel under the pointer. Cost is one draw call, independent of the number of buildings.
 */
import { Color, Mesh, Scene, ShaderMaterial, WebGLRenderTarget, type BufferGeometry, type PerspectiveCamera, type WebGLRenderer } from 'three';
import { decodePickId, PICK_FRAGMENT_SHADER, PICK_VERTEX_SHADER } from './pick-encoding.js';

export class GpuPicker {
  private readonly scene = new Scene();
  private material: ShaderMaterial | null = null;
  private target: WebGLRenderTarget | null = null;
  private readonly pixel = new Uint8Array(4);
  private mesh: Mesh | null = null;

  constructor() {
    this.scene.background = new Color(0, 0, 0);
  }

  /** The geometry to pick from; null frees the picker's material and render target (they are made again on use). */
  setGeometry(geometry: BufferGeometry | null): void {
    if (this.mesh) this.scene.remove(this.mesh);
    this.mesh = null;
    if (!geometry) {
      this.material?.dispose();
      this.target?.dispose();
      this.material = null;
      this.target = null;
      return;
    }
    this.material ??= new ShaderMaterial({ vertexShader: PICK_VERTEX_SHADER, fragmentShader: PICK_FRAGMENT_SHADER });
    this.mesh = new Mesh(geometry, this.material);
    this.scene.add(this.mesh);
  }

  /** Building index under the canvas pixel (x, y from the top-left, CSS pixels), or null. */
  pick(renderer: WebGLRenderer, camera: PerspectiveCamera, x: number, y: number, width: number, height: number): number | null {
    if (!this.mesh || width <= 0 || height <= 0) return null;
    const ratio = renderer.getPixelRatio();
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    camera.setViewOffset(w, h, Math.floor(x * ratio), Math.floor(y * ratio), 1, 1);
    this.target ??= new WebGLRenderTarget(1, 1);
    const previous = renderer.getRenderTarget();
    renderer.setRenderTarget(this.target);
    renderer.render(this.scene, camera);
    renderer.readRenderTargetPixels(this.target, 0, 0, 1, 1, this.pixel);
    renderer.setRenderTarget(previous);
    camera.clearViewOffset();
    return decodePickId(this.pixel[0]!, this.pixel[1]!, this.pixel[2]!);
  }

  /**
   * Which building covers each pixel of a width x height view from `camera` (row 0 at the bottom): building index
   * + 1, 0 for none. Renders into a target of its own that is freed again, so nothing stays on the GPU.
   */
  renderIds(renderer: WebGLRenderer, camera: PerspectiveCamera, width: number, height: number): Uint32Array {
    const ids = new Uint32Array(width * height);
    if (!this.mesh) return ids;
    const target = new WebGLRenderTarget(width, height);
    const pixels = new Uint8Array(width * height * 4);
    const previous = renderer.getRenderTarget();
    try {
      renderer.setRenderTarget(target);
      renderer.render(this.scene, camera);
      renderer.readRenderTargetPixels(target, 0, 0, width, height, pixels);
    } finally {
      renderer.setRenderTarget(previous);
      target.dispose();
    }
    for (let i = 0; i < ids.length; i++) ids[i] = (decodePickId(pixels[i * 4]!, pixels[i * 4 + 1]!, pixels[i * 4 + 2]!) ?? -1) + 1;
    return ids;
  }

  dispose(): void {
    this.setGeometry(null);
  }
}
