import { describe, expect, it } from 'vitest';
import { bandPath, layoutFlows } from '../../../renderer/panels/energy-flow.js';

describe('energy flow layout', () => {
  it('sizes bands in proportion to their energy and keeps both columns consistent', () => {
    // 100 kWh generated: 60 used, 40 exported; 90 consumed: 60 own + 30 imported
    const l = layoutFlows({ generationKwh: 100, selfUsedKwh: 60, exportKwh: 40, importKwh: 30, consumptionKwh: 90 }, 140);
    const byKey = Object.fromEntries(l.bands.map((b) => [b.key, b]));
    const width = (s: readonly [number, number]) => s[1] - s[0];
    expect(width(byKey['self-use']!.left)).toBeCloseTo(60, 6); // (140 - gap 10) / 130 kWh = 1 px per kWh
    expect(width(byKey['export']!.left)).toBeCloseTo(40, 6);
    expect(width(byKey['import']!.right)).toBeCloseTo(30, 6);
    for (const b of l.bands) expect(width(b.left)).toBeCloseTo(width(b.right), 9);
    // generation on the left is self-use + export; consumption on the right is self-use + import
    expect(byKey['export']!.left[1]).toBeCloseTo(100, 6);
    expect(byKey['import']!.right[1]).toBeCloseTo(90, 6);
    expect(Math.max(...l.bands.map((b) => Math.max(b.left[1], b.right[1])))).toBeLessThanOrEqual(140);
  });

  it('draws nothing without energy and leaves out empty bands', () => {
    expect(layoutFlows({ generationKwh: 0, selfUsedKwh: 0, exportKwh: 0, importKwh: 0, consumptionKwh: 0 }, 100).bands).toEqual([]);
    const night = layoutFlows({ generationKwh: 0, selfUsedKwh: 0, exportKwh: 0, importKwh: 12, consumptionKwh: 12 }, 100);
    expect(night.bands.map((b) => b.key)).toEqual(['import']);
  });

  it('makes a closed SVG path', () => {
    const [band] = layoutFlows({ generationKwh: 1, selfUsedKwh: 1, exportKwh: 0, importKwh: 0, consumptionKwh: 1 }, 50).bands;
    expect(bandPath(band!, 0, 100)).toMatch(/^M0\.0,0\.0 C.* Z$/);
  });
});
