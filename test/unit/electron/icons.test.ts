/** The generated icons are valid PNGs (signature, chunk CRCs, pixel data that inflates to the right size). */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, iconPng, renderIcon } from '../../../build/icons.mjs';

function chunks(png: Buffer): Array<{ type: string; data: Buffer; crcOk: boolean }> {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    out.push({ type, data, crcOk: png.readUInt32BE(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len)) });
    at += 12 + len;
  }
  return out;
}

describe('icons', () => {
  it('crc32 matches the PNG specification\'s check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a valid RGBA PNG', () => {
    const png = iconPng(64);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcOk)).toBe(true);
    const ihdr = cs[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([64, 64, 8, 6]);
    expect(zlib.inflateSync(cs[1]!.data).length).toBe((64 * 4 + 1) * 64);
  });

  it('draws an opaque disc with transparent corners', () => {
    const px = renderIcon(32);
    const alpha = (x: number, y: number) => px[(y * 32 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(16, 28)).toBe(255);
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/expected 16 bytes/);
  });
});
