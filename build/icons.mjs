// PlusTwin's icons, drawn in code and written as PNG (no image tools needed on the build machine): a house with a
// plus sign on a green disc. electron-builder turns the 512 px PNG into ICO and ICNS itself.
import zlib from 'node:zlib';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (width * height * 4 bytes) to a PNG file's bytes: 8-bit RGBA, no interlace, filter 0 per row. */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN = [46, 139, 87];
const WHITE = [255, 255, 255];
const YELLOW = [255, 196, 0];

/** Which colour a point (u, v in 0..1) of the icon has, or null for transparent. */
function colourAt(u, v) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  if (dx * dx + dy * dy > 0.25) return null;
  // the plus sign, top right: energy-plus
  const px = u - 0.7;
  const py = v - 0.3;
  if ((Math.abs(px) < 0.11 && Math.abs(py) < 0.035) || (Math.abs(px) < 0.035 && Math.abs(py) < 0.11)) return YELLOW;
  // the house: a roof triangle over a body
  const roof = v >= 0.3 && v <= 0.5 && Math.abs(u - 0.45) <= (v - 0.3) * 1.25;
  const body = v > 0.5 && v <= 0.78 && u >= 0.26 && u <= 0.64;
  const door = v > 0.62 && v <= 0.78 && u >= 0.41 && u <= 0.49;
  if ((roof || body) && !door) return WHITE;
  return GREEN;
}

/** The icon at a size, 4 x 4 supersampled so the edges are smooth. */
export function renderIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

export const iconPng = (size) => encodePng(size, size, renderIcon(size));
