import { describe, expect, it } from 'vitest';
import { crsByEpsg } from '../../../main/core/importers/crs/crs.js';
import { resolveSrsName } from '../../../main/core/importers/crs/srs-name.js';

const DEG = Math.PI / 180;
const GRS80_A = 6378137;
const GRS80_E2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);

/** Independent reference: Snyder's USGS series (Map Projections - A Working Manual, eq. 8-9 to 8-10). */
function snyderUtm(lon: number, lat: number, lon0: number): [number, number] {
  const a = GRS80_A;
  const e2 = GRS80_E2;
  const ep2 = e2 / (1 - e2);
  const k0 = 0.9996;
  const phi = lat * DEG;
  const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * Math.cos(phi) ** 2;
  const A = (lon - lon0) * DEG * Math.cos(phi);
  const M =
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x = k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T ** 2 + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y =
    k0 *
    (M +
      N *
        Math.tan(phi) *
        (A ** 2 / 2 +
          ((5 - T + 9 * C + 4 * C ** 2) * A ** 4) / 24 +
          ((61 - 58 * T + T ** 2 + 600 * C - 330 * ep2) * A ** 6) / 720));
  return [500_000 + x, y];
}

/** Meridian arc length by numerical integration, the northing on the central meridian (times k0). */
function meridianArc(lat: number): number {
  const e2 = GRS80_E2;
  const steps = 20_000;
  const h = (lat * DEG) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const phi = (i + 0.5) * h;
    sum += (GRS80_A * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
  }
  return sum * h;
}

describe('transverse Mercator', () => {
  const utm32 = crsByEpsg(25832)!;

  it('puts the central meridian at the meridian arc length times k0', () => {
    for (const lat of [47, 51.5, 55]) {
      const [e, n] = utm32.fromLonLat(9, lat);
      expect(e).toBeCloseTo(500_000, 6);
      expect(Math.abs(n - 0.9996 * meridianArc(lat))).toBeLessThan(0.001);
    }
  });

  it('agrees with an independent series within a few millimetres inside the zone', () => {
    for (const [lon, lat] of [
      [6.0, 51.0],
      [7.2, 51.45],
      [11.9, 48.1],
      [8.4, 54.3],
    ] as const) {
      const [e, n] = utm32.fromLonLat(lon, lat);
      const [re, rn] = snyderUtm(lon, lat, 9);
      expect(Math.abs(e - re)).toBeLessThan(0.005);
      expect(Math.abs(n - rn)).toBeLessThan(0.005);
    }
  });

  it('inverts its forward projection to better than a millimetre', () => {
    for (const [lon, lat] of [
      [6.1, 50.3],
      [7.0, 51.5],
      [10.4, 53.9],
    ] as const) {
      const [lon2, lat2] = utm32.toLonLat(...utm32.fromLonLat(lon, lat));
      expect(Math.abs(lon2 - lon)).toBeLessThan(1e-8);
      expect(Math.abs(lat2 - lat)).toBeLessThan(1e-8);
    }
  });

  it('places the FZK-Haus sample (EPSG:25832) at KIT Campus North near Karlsruhe', () => {
    const [lon, lat] = utm32.toLonLat(457842, 5439083);
    expect(lon).toBeGreaterThan(8.41);
    expect(lon).toBeLessThan(8.44);
    expect(lat).toBeGreaterThan(49.09);
    expect(lat).toBeLessThan(49.11);
  });
});

describe('Gauss-Krüger on DHDN', () => {
  it('shifts the datum by the expected 100-200 m in NRW and round-trips to a centimetre', () => {
    const gk3 = crsByEpsg(31467)!;
    const utm = crsByEpsg(25832)!;
    const [x, y] = gk3.fromLonLat(7.0, 51.5);
    expect(Math.floor(x / 1_000_000)).toBe(3); // zone number prefix
    const [lon, lat] = gk3.toLonLat(x, y);
    expect(Math.abs(lon - 7) * 70_000).toBeLessThan(0.02);
    expect(Math.abs(lat - 51.5) * 111_000).toBeLessThan(0.02);
    // the same ground point: northings differ by the scale (k0 0.9996 vs 1) plus the datum shift, about 1.8 km
    const [, nUtm] = utm.fromLonLat(7.0, 51.5);
    expect(y - nUtm).toBeGreaterThan(1700);
    expect(y - nUtm).toBeLessThan(2000);
  });
});

describe('Web Mercator', () => {
  it('maps longitude linearly on the 6378137 m sphere and round-trips', () => {
    const wm = crsByEpsg(3857)!;
    const [x, y] = wm.fromLonLat(9, 51.5);
    expect(x).toBeCloseTo(1001875.4171394627, 6);
    const [lon, lat] = wm.toLonLat(x, y);
    expect(lon).toBeCloseTo(9, 10);
    expect(lat).toBeCloseTo(51.5, 10);
  });
});

describe('srsName', () => {
  it.each([
    ['EPSG:25832', 'EPSG:25832', false],
    ['25832', 'EPSG:25832', false],
    ['urn:ogc:def:crs:EPSG::25832', 'EPSG:25832', false],
    ['urn:ogc:def:crs:EPSG:6.12:25833', 'EPSG:25833', false],
    ['http://www.opengis.net/def/crs/EPSG/0/25832', 'EPSG:25832', false],
    ['urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837', 'EPSG:25832', false],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH', 'EPSG:25832', false],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH', 'EPSG:25832', false],
    ['urn:adv:crs:DE_DHDN_3GK2*DE_DHHN92_NH', 'EPSG:31466', false],
    ['EPSG:5555', 'EPSG:25832', false],
    ['EPSG:4326', 'EPSG:4326', false],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326', true],
    ['EPSG:900913', 'EPSG:3857', false],
  ])('%s -> %s (lat first: %s)', (name, code, latFirst) => {
    const r = resolveSrsName(name);
    expect(r?.crs.code).toBe(code);
    expect(r?.latLonOrder).toBe(latFirst);
  });

  it.each(['EPSG:2056', 'urn:adv:crs:DE_DHDN_Lat-Lon', 'local-grid', ''])('rejects %j', (name) => {
    expect(resolveSrsName(name)).toBeUndefined();
  });
});
