/** The compact id set of the tile writer against a plain Set<string> on the same ids. */
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../main/core/importers/id-set.js';

describe('IdSet', () => {
  it('answers as a Set<string> does, through many rehashes, for ASCII, umlauts, empty and long ids', () => {
    const ids = new IdSet();
    const plain = new Set<string>();
    // 30,000 generated ids, each added twice (the second time from a fresh string), mixed with odd ones
    const odd = ['', 'Straße 1', 'Gebäude#ü', '𝄞 surrogate pair', 'x'.repeat(1_000), 'x'.repeat(999)];
    const all = [...odd, ...Array.from({ length: 30_000 }, (_, i) => `DENW36AL${String(i).padStart(8, '0')}`)];
    for (const id of all) expect(ids.add(id)).toBe(!plain.has(id) && plain.add(id) !== undefined);
    for (const id of all) expect(ids.add(`${id}`.slice(0))).toBe(false);
    expect(ids.size).toBe(plain.size);
    expect(ids.has('DENW36AL00030000')).toBe(false);
    expect(ids.has('Straße 1')).toBe(true);
    expect(ids.has('Strasse 1')).toBe(false);
    expect([...ids.values()]).toEqual([...plain]);
  });
});
