/**
 * A building encoded as a tile import writes it (building-rows.ts), through a real district file: every roof number
 * comes back to the last bit, also the doubles SQLite would read back differently from their decimal text, and a
 * roof the store refuses is refused when it is encoded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Building, RoofSurface, Site } from '../../../models/types.js';
import { decodeBuilding, encodeBuilding, exactParts, fromExactParts } from '../../../main/core/store/building-rows.js';
import { openStore } from '../../../main/core/store/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'plustwin-building-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const building: Building = { id: 'b1', name: 'Schule', use: 'school', footprint: [[7.01, 51.45], [7.0102, 51.4499], [7.0101, 51.4503]], heightM: 11.5 };
const roof = (areaM2: number, tiltDeg: number, azimuthDeg: number, withOutline = true): RoofSurface => ({
  buildingId: 'b1',
  areaM2,
  tiltDeg,
  azimuthDeg,
  ...(withOutline ? { outlines: [[[7.01, 51.45, 9], [7.0102, 51.4499, 9], [7.0101, 51.4503, 11.5]]] } : {}),
});

/** Doubles with all 53 bits in use, from a fixed seed (xorshift), within a roof's range 2^-10 .. 2^20. */
function awkwardDoubles(n: number): number[] {
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return Array.from({ length: n }, () => (1 + next() + next() / 2 ** 32) * 2 ** Math.floor(next() * 30 - 10));
}

describe('exact parts of a roof number', () => {
  it('splits a double into m / 2^k with the smallest k (worked by hand)', () => {
    expect(exactParts(0)).toEqual([0, 0]);
    expect(exactParts(3)).toEqual([3, 0]);
    expect(exactParts(0.75)).toEqual([3, 2]); // 3/4
    expect(exactParts(12.5)).toEqual([25, 1]); // 25/2
    expect(exactParts(-6.25)).toEqual([-25, 2]); // -25/4
    expect(exactParts(180)).toEqual([180, 0]);
    expect(exactParts(2 ** 53)).toEqual([2 ** 53, 0]);
    // 0.1 is 0x3FB999999999999A: mantissa 0x1999999999999A = 7205759403792794, even, so halved once, 2^-56 -> k = 55
    expect(exactParts(0.1)).toEqual([3602879701896397, 55]);
    for (const v of awkwardDoubles(1000)) expect(fromExactParts(exactParts(v)!)).toBe(v);
  });

  it('has none for what no roof has and the district file could not hold exactly', () => {
    expect(exactParts(2 ** 53 + 2)).toBeNull();
    expect(exactParts(Math.PI * 2 ** -40)).toBeNull();
    expect(exactParts(Number.POSITIVE_INFINITY)).toBeNull();
    expect(exactParts(5e-324)).toBeNull();
    expect(() => encodeBuilding(building, [roof(2 ** 60, 0, 180)])).toThrow(/roof 0 of building b1: areaM2 1152921504606847000 is outside the range/);
  });
});

describe('an encoded building', () => {
  it('decodes to the building and roofs it was made from', () => {
    const roofs = [roof(64.25, 35.5, 180), roof(1 / 3, 0.1 + 0.2, 773.231417356083 - 500, false)];
    const e = encodeBuilding(building, roofs);
    expect(e).toMatchObject({ id: 'b1', roofCount: 2, extent: [7.01, 51.4499, 7.0102, 51.4503] });
    expect(e.roofAreaM2).toBe(64.25 + 1 / 3);
    expect(decodeBuilding(e)).toEqual({ building, roofs });
  });

  it('writes a roof row with its numbers as exact parts and its outline as a JSON string (worked by hand)', () => {
    // 12.5 = 25 / 2^1, 30 = 30 / 2^0, 180 = 180 / 2^0; the outline's JSON in quotes, nothing in it to escape
    expect(encodeBuilding(building, [roof(12.5, 30, 180)]).roofs).toBe(
      '["b1",0,25,1,30,0,180,0,"[[[7.01,51.45,9],[7.0102,51.4499,9],[7.0101,51.4503,11.5]]]"]',
    );
    expect(encodeBuilding(building, [roof(12.5, 30, 180, false), roof(1, 0, 180)]).roofs).toBe(
      '["b1",0,25,1,30,0,180,0,null],["b1",1,1,0,0,0,180,0,"[[[7.01,51.45,9],[7.0102,51.4499,9],[7.0101,51.4503,11.5]]]"]',
    );
  });

  it('refuses a roof of another building, a number that is not one and a broken outline', () => {
    expect(() => encodeBuilding(building, [{ ...roof(10, 0, 180), buildingId: 'b2' }])).toThrow(/roof 0 belongs to building b2, not to b1/);
    expect(() => encodeBuilding(building, [roof(10, 0, 180), roof(Number.NaN, 0, 180)])).toThrow(/roof 1 of building b1: areaM2 is not a number/);
    expect(() => encodeBuilding(building, [{ ...roof(10, 0, 180), outlines: [[[7, 51, 0], [7.1, 51, 0]]] }])).toThrow(/outline ring 0 has 2 corners, needs at least 3/);
  });

  it('is written to the district file and read back to the last bit, awkward doubles included', async () => {
    const store = await openStore(join(dir, 'rows.sqlite'));
    try {
      const values = awkwardDoubles(3000);
      const roofs = Array.from({ length: 1000 }, (_, i) => roof(values[3 * i]!, values[3 * i + 1]!, values[3 * i + 2]!, i % 2 === 0));
      // doubles SQLite 3.52 reads back one unit in the last place off from their shortest decimal text (found so)
      roofs.push(roof(773.231417356083, 110.0150188, 394.4249212), roof(425.4450288350628, 82.192814753575, 101.213832197216));
      const site: Site = { id: 'site', name: 'Test', origin: { lat: 51.45, lon: 7.01 }, timezone: 'Europe/Berlin' };
      await store.buildingImport!((tx) => tx.save(site, [encodeBuilding(building, roofs)]));
      expect(await store.getRoofs()).toEqual(roofs);
      expect((await store.getDistrict())?.buildings).toEqual([building]);
    } finally {
      await store.close();
    }
  });
});
