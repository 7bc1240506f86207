import { describe, expect, it } from 'vitest';
import { DEMO_BUILDINGS, DEMO_SITE, localToLonLat } from '../../../main/core/demo/demo-district.js';
import { buildDemoTracks } from '../../../main/core/demo/demo-tracks.js';
import { TRACK_EPOCH } from '../../../main/core/demo/energy-track.js';
import { INTERVALS_PER_YEAR } from '../../../main/core/demo/profile-file.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';

describe('demo district', () => {
  it('has at least six buildings of different use with usable footprints in Bottrop', () => {
    expect(DEMO_BUILDINGS.length).toBeGreaterThanOrEqual(6);
    const uses = new Set(DEMO_BUILDINGS.map((b) => b.building.use));
    for (const use of ['single-family', 'multi-family', 'school', 'town-hall', 'shop'] as const) expect(uses).toContain(use);
    for (const { building } of DEMO_BUILDINGS) {
      expect(building.footprint.length).toBeGreaterThanOrEqual(4);
      for (const [lon, lat] of building.footprint) {
        expect(lat).toBeGreaterThan(51.51);
        expect(lat).toBeLessThan(51.54);
        expect(lon).toBeGreaterThan(6.9);
        expect(lon).toBeLessThan(6.95);
      }
    }
    expect(new Set(DEMO_BUILDINGS.map((b) => b.building.id)).size).toBe(DEMO_BUILDINGS.length);
  });

  it('converts local metres to WGS84 around the site origin', () => {
    const [lon0, lat0] = localToLonLat([0, 0]);
    expect(lon0).toBeCloseTo(DEMO_SITE.origin.lon, 6);
    expect(lat0).toBeCloseTo(DEMO_SITE.origin.lat, 6);
    const [, lat100] = localToLonLat([0, 1113.2]);
    expect(lat100 - lat0).toBeCloseTo(0.01, 6);
  });

  it('scales the shipped profiles to each building: annual use as configured, some energy-plus, some not', () => {
    const tracks = buildDemoTracks();
    const yearEnd = TRACK_EPOCH + INTERVALS_PER_YEAR * INTERVAL_MS;
    const plus: string[] = [];
    const minus: string[] = [];
    for (const demo of DEMO_BUILDINGS) {
      const t = tracks.get(demo.building.id)!;
      const start = t.at(TRACK_EPOCH);
      const end = t.at(yearEnd);
      const generation = end.generationKwh - start.generationKwh;
      const load = end.importKwh - start.importKwh - (end.exportKwh - start.exportKwh) + generation;
      // the profiles are normalised to 1 MWh/a (within the profile's rounding)
      expect(load / 1000).toBeCloseTo(demo.load.annualMwh, 0);
      if (demo.pvKwp > 0) expect(generation / demo.pvKwp).toBeGreaterThan(700); // kWh/kWp, region 5
      (generation > load ? plus : minus).push(demo.building.id);
    }
    expect(plus.length).toBeGreaterThanOrEqual(1);
    expect(minus.length).toBeGreaterThanOrEqual(1);
    expect(plus).toContain('grundschule');
    expect(minus).toContain('rathaus');
  });
});
