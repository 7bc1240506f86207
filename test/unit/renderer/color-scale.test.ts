import { describe, expect, it } from 'vitest';
import { divergingScale, interpolateStops, NO_DATA_RGB, rgbToCss, sequentialScale } from '../../../renderer/scene/color-scale.js';

describe('diverging balance scale', () => {
  const scale = divergingScale([-40, 10, null, 25]);

  it('is symmetric around zero with the largest magnitude as extent', () => {
    expect(scale.min).toBe(-40);
    expect(scale.max).toBe(40);
  });

  it('shows balance as neutral, surplus green and deficit red, stronger with magnitude', () => {
    const [r0, g0, b0] = scale.color(0);
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(0.9);
    const [rs, gs] = scale.color(40);
    expect(gs).toBeGreaterThan(rs);
    const [rd, gd] = scale.color(-40);
    expect(rd).toBeGreaterThan(gd);
    expect(scale.color(10)[0]).toBeGreaterThan(scale.color(30)[0]);
  });

  it('clamps beyond the extent and greys out missing data', () => {
    expect(scale.color(1000)).toEqual(scale.color(40));
    expect(scale.color(null)).toEqual(NO_DATA_RGB);
    expect(scale.color(Number.NaN)).toEqual(NO_DATA_RGB);
  });

  it('does not dramatise a nearly balanced district', () => {
    expect(divergingScale([0.01, -0.02], 1).max).toBe(1);
  });
});

describe('sequential scale and helpers', () => {
  it('maps min and max to the ends of the palette', () => {
    const s = sequentialScale('good-high', 0, 1);
    expect(s.color(0)).toEqual(s.stops[0]!.rgb);
    expect(s.color(1)).toEqual(s.stops[s.stops.length - 1]!.rgb);
  });

  it('interpolates linearly between stops', () => {
    const mid = interpolateStops([{ at: 0, rgb: [0, 0, 0] }, { at: 1, rgb: [1, 0.5, 0] }], 0.5);
    expect(mid).toEqual([0.5, 0.25, 0]);
    expect(rgbToCss([1, 0.5, 0])).toBe('rgb(255 128 0)');
  });
});
