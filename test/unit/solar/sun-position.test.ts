import { describe, expect, it } from 'vitest';
import { sunPosition } from '../../../models/solar/sun-position.js';
import { planeNormal } from '../../../models/solar/transposition.js';

const ESSEN = { lat: 51.456, lon: 7.057 };

/** UTC time of true solar noon from the equation of time the model itself reports, iterated once. */
const solarNoon = (y: number, m: number, d: number): number => {
  let t = Date.UTC(y, m, d, 12) - ESSEN.lon * 4 * 60_000;
  for (let k = 0; k < 3; k++) t = Date.UTC(y, m, d, 12) - (ESSEN.lon * 4 + sunPosition(t, ESSEN.lat, ESSEN.lon).equationOfTimeMin) * 60_000;
  return t;
};

describe('sunPosition', () => {
  it('solstice noon in Essen: declination 23.44, zenith = latitude - declination, due south', () => {
    const p = sunPosition(solarNoon(2015, 5, 21), ESSEN.lat, ESSEN.lon);
    expect(p.declinationDeg).toBeCloseTo(23.44, 1);
    expect(p.zenithDeg).toBeCloseTo(ESSEN.lat - p.declinationDeg, 2);
    expect(p.azimuthDeg).toBeCloseTo(180, 1);
  });

  it('equation of time matches the almanac extremes (-14.2 min mid-Feb, +16.4 min early Nov)', () => {
    expect(sunPosition(Date.UTC(2015, 1, 11, 12), 0, 0).equationOfTimeMin).toBeCloseTo(-14.2, 0);
    expect(sunPosition(Date.UTC(2015, 10, 3, 12), 0, 0).equationOfTimeMin).toBeCloseTo(16.4, 0);
  });

  it('equinox: declination about 0, sun rises in the east', () => {
    const eq = sunPosition(Date.UTC(2015, 2, 20, 22, 45), ESSEN.lat, ESSEN.lon);
    expect(Math.abs(eq.declinationDeg)).toBeLessThan(0.02);
    const morning = sunPosition(Date.UTC(2015, 2, 21, 6, 0), ESSEN.lat, ESSEN.lon);
    expect(morning.azimuthDeg).toBeGreaterThan(80);
    expect(morning.azimuthDeg).toBeLessThan(100);
    expect(morning.zenithDeg).toBeGreaterThan(80);
    const evening = sunPosition(Date.UTC(2015, 2, 21, 17, 0), ESSEN.lat, ESSEN.lon);
    expect(evening.azimuthDeg).toBeGreaterThan(255);
  });

  it('midnight sun is below the horizon', () => {
    expect(sunPosition(Date.UTC(2015, 5, 21, 23, 30), ESSEN.lat, ESSEN.lon).cosZenith).toBeLessThan(0);
  });

  it('plane normals: south 35 deg points south and up', () => {
    const n = planeNormal(35, 180);
    expect(n.north).toBeCloseTo(-Math.sin((35 * Math.PI) / 180), 12);
    expect(n.east).toBeCloseTo(0, 12);
    expect(n.up).toBeCloseTo(Math.cos((35 * Math.PI) / 180), 12);
  });
});
