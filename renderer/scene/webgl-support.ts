/**
 * Whether this browser can draw the 3D district. three.js (r163 on) needs WebGL 2, and Chromium no longer falls back
 * to SwiftShader by itself: on a machine without a usable GPU (remote desktop, VM, blocklisted driver) there is no
 * WebGL at all, and `new WebGLRenderer` throws. Probed on a canvas of its own, so the page's canvas stays free for
 * whichever view is chosen; the probe's context is given back at once.
 */
export function webgl2Available(doc: Document): boolean {
  try {
    const gl = doc.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
