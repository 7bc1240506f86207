/**
 * What the user actually sees on the canvas: a screenshot of the element, decoded in the page, summarised as the
 * number of distinct colours and the share of the most common one (a blank or one-colour canvas fails both).
 */
import type { Locator, Page } from 'playwright-core';

export interface PixelSummary {
  readonly pixels: number;
  readonly distinctColors: number;
  readonly dominantShare: number;
  /** Pixels where blue clearly leads (the PV panels' colour; no scale colour, ground or sky is like it). */
  readonly bluePixels: number;
}

export async function canvasPixels(page: Page, canvas: Locator): Promise<PixelSummary> {
  const png = await canvas.screenshot({ type: 'png' });
  return page.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    let bluePixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 2]! > data[i]! + 60 && data[i + 2]! > data[i + 1]! + 30) bluePixels++;
      // 4 bits per channel: enough to tell colours apart without counting anti-aliasing noise
      const key = ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const pixels = data.length / 4;
    return { pixels, distinctColors: counts.size, dominantShare: Math.max(...counts.values()) / pixels, bluePixels };
  }, png.toString('base64'));
}
