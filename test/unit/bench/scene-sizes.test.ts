import { describe, expect, it } from 'vitest';
import { sceneSizes } from '../../bench/renderer-scene-chromium.js';

describe('scene benchmark sizes', () => {
  it('defaults to 1k, 10k and 50k buildings and reads an override', () => {
    expect(sceneSizes(undefined)).toEqual([1000, 10_000, 50_000]);
    expect(sceneSizes(' 2_000, 300 ')).toEqual([2000, 300]);
  });

  it('names the entry that is not a positive whole number', () => {
    expect(() => sceneSizes('1000,ten')).toThrow('"ten" is not a positive whole number of buildings');
    expect(() => sceneSizes('0')).toThrow('"0"');
  });
});
