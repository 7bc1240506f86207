import { describe, expect, it } from 'vitest';
import { decodePickId, encodePickId, MAX_PICKABLE } from '../../../renderer/scene/pick-encoding.js';

/** The fragment shader's arithmetic in float32, as the GPU does it. */
function shaderEncode(index: number): [number, number, number] {
  const f = Math.fround;
  const id = f(Math.floor(f(f(index) + 1) + 0.5));
  const r = f(id - 256 * Math.floor(id / 256));
  const gFull = Math.floor(f(id / 256));
  const g = f(gFull - 256 * Math.floor(gFull / 256));
  const b = Math.floor(f(id / 65536));
  // value / 255 stored in an 8-bit channel rounds back to the integer
  return [Math.round(f(r / 255) * 255), Math.round(f(g / 255) * 255), Math.round(f(b / 255) * 255)];
}

describe('pick id encoding', () => {
  it('reserves black for "nothing"', () => {
    expect(decodePickId(0, 0, 0)).toBeNull();
    expect(encodePickId(0)).toEqual([1, 0, 0]);
  });

  it('round-trips indices across all three channels and agrees with the shader arithmetic', () => {
    for (const i of [0, 1, 254, 255, 256, 9_999, 65_535, 65_536, 1_000_000, MAX_PICKABLE]) {
      const rgb = encodePickId(i);
      expect(decodePickId(...rgb)).toBe(i);
      expect(shaderEncode(i)).toEqual(rgb);
    }
  });
});
