import { describe, expect, it } from 'vitest';
import { bufferDataBytes } from '../../lab/gpu-buffer-meter.js';

const ARRAY_BUFFER = 0x8892;
const STATIC_DRAW = 0x88e4;

describe('bufferDataBytes (the scene lab counts what three.js uploads)', () => {
  it('takes a size, a buffer, or a typed view with its offset and length in elements', () => {
    expect(bufferDataBytes(ARRAY_BUFFER, 4096, STATIC_DRAW)).toBe(4096);
    expect(bufferDataBytes(ARRAY_BUFFER, new ArrayBuffer(24), STATIC_DRAW)).toBe(24);
    expect(bufferDataBytes(ARRAY_BUFFER, new Float32Array(10), STATIC_DRAW)).toBe(40);
    expect(bufferDataBytes(ARRAY_BUFFER, new Float32Array(10), STATIC_DRAW, 4)).toBe(24);
    expect(bufferDataBytes(ARRAY_BUFFER, new Uint16Array(10), STATIC_DRAW, 2, 3)).toBe(6);
    expect(bufferDataBytes(ARRAY_BUFFER, new DataView(new ArrayBuffer(12)), STATIC_DRAW)).toBe(12);
    expect(bufferDataBytes(ARRAY_BUFFER, null, STATIC_DRAW)).toBe(0);
  });
});
