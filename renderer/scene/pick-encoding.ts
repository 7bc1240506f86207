/**
 * GPU picking renders every building in a colour that encodes its index + 1 (0 = nothing hit). These two
 * functions and the GLSL in picking.ts must agree; the unit test checks the round trip over the whole range.
 */
export const MAX_PICKABLE = 256 ** 3 - 2;

export function encodePickId(index: number): [number, number, number] {
  const id = index + 1;
  return [id % 256, Math.floor(id / 256) % 256, Math.floor(id / 65536) % 256];
}

/** Building index from an RGB pixel of the pick buffer, or null for background. */
export function decodePickId(r: number, g: number, b: number): number | null {
  const id = r + g * 256 + b * 65536;
  return id === 0 ? null : id - 1;
}

export const PICK_VERTEX_SHADER = /* glsl */ `
attribute float buildingIndex;
varying float vId;
void main() {
  vId = buildingIndex + 1.0;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

export const PICK_FRAGMENT_SHADER = /* glsl */ `
precision highp float;
varying float vId;
void main() {
  float id = floor(vId + 0.5);
  float r = mod(id, 256.0);
  float g = mod(floor(id / 256.0), 256.0);
  float b = floor(id / 65536.0);
  gl_FragColor = vec4(r / 255.0, g / 255.0, b / 255.0, 1.0);
}`;
