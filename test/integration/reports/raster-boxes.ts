/** Finds the solid-colour shapes (bars, legend boxes) of a rendered page: what a chart test measures. */

export interface Raster {
  readonly w: number;
  readonly h: number;
  /** RGB, 3 bytes a pixel, row by row. */
  readonly px: Buffer;
}

/** Inclusive pixel bounds of a shape and its pixel count. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly n: number;
}

export const hexRgb = (hex: string): [number, number, number] => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
};

/**
 * The connected regions (4-neighbour) of pixels within `tolerance` of `rgb` in every channel. Edges that
 * anti-aliasing blended with the background fall outside; specks of fewer than `minPixels` are dropped.
 */
export function colourBoxes(img: Raster, rgb: readonly [number, number, number], tolerance = 24, minPixels = 6): Box[] {
  const { w, h, px } = img;
  const match = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const r = px[3 * i]!;
    const g = px[3 * i + 1]!;
    const b = px[3 * i + 2]!;
    if (Math.abs(r - rgb[0]) <= tolerance && Math.abs(g - rgb[1]) <= tolerance && Math.abs(b - rgb[2]) <= tolerance) match[i] = 1;
  }
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (match[start] !== 1) continue;
    match[start] = 2;
    stack.push(start);
    let x0 = w;
    let x1 = -1;
    let y0 = h;
    let y1 = -1;
    let n = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      n++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]) {
        if (j >= 0 && match[j] === 1) {
          match[j] = 2;
          stack.push(j);
        }
      }
    }
    if (n >= minPixels) boxes.push({ x0, x1, y0, y1, n });
  }
  return boxes;
}

/**
 * Joins the pieces of one bar that a line drawn across it split: boxes that share most of their width and are at
 * most `maxGap` px apart vertically.
 */
export function mergeSplitBars(boxes: readonly Box[], maxGap: number): Box[] {
  const out = [...boxes];
  for (let merged = true; merged; ) {
    merged = false;
    for (let a = 0; a < out.length && !merged; a++) {
      for (let b = a + 1; b < out.length && !merged; b++) {
        const p = out[a]!;
        const q = out[b]!;
        const overlap = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) + 1;
        const narrower = Math.min(p.x1 - p.x0, q.x1 - q.x0) + 1;
        const gap = Math.max(p.y0, q.y0) - Math.min(p.y1, q.y1) - 1;
        if (overlap >= 0.5 * narrower && gap <= maxGap) {
          out[a] = { x0: Math.min(p.x0, q.x0), x1: Math.max(p.x1, q.x1), y0: Math.min(p.y0, q.y0), y1: Math.max(p.y1, q.y1), n: p.n + q.n };
          out.splice(b, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}
