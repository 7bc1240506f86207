/**
 * Seven-parameter datum shift to WGS84 in the position-vector convention (the one PROJ's +towgs84 uses), for
 * older German data on DHDN / Bessel. Accuracy of the country-wide parameter set is about 3 m: enough to place a
 * building on a map, not for surveying.
 */
import { type Ellipsoid, eccentricitySq, WGS84 } from './ellipsoid.js';

export interface HelmertParams {
  /** Translations, metres. */
  readonly tx: number;
  readonly ty: number;
  readonly tz: number;
  /** Rotations, arc seconds. */
  readonly rx: number;
  readonly ry: number;
  readonly rz: number;
  /** Scale difference, parts per million. */
  readonly ppm: number;
}

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;

export function geodeticToGeocentric(lon: number, lat: number, h: number, ell: Ellipsoid): [number, number, number] {
  const e2 = eccentricitySq(ell);
  const phi = lat * DEG;
  const lambda = lon * DEG;
  const sinPhi = Math.sin(phi);
  const N = ell.a / Math.sqrt(1 - e2 * sinPhi * sinPhi);
  return [
    (N + h) * Math.cos(phi) * Math.cos(lambda),
    (N + h) * Math.cos(phi) * Math.sin(lambda),
    (N * (1 - e2) + h) * sinPhi,
  ];
}

export function geocentricToGeodetic(x: number, y: number, z: number, ell: Ellipsoid): [number, number, number] {
  const e2 = eccentricitySq(ell);
  const p = Math.hypot(x, y);
  let phi = Math.atan2(z, p * (1 - e2));
  let h = 0;
  for (let i = 0; i < 10; i++) {
    const sinPhi = Math.sin(phi);
    const N = ell.a / Math.sqrt(1 - e2 * sinPhi * sinPhi);
    h = p / Math.cos(phi) - N;
    const next = Math.atan2(z, p * (1 - (e2 * N) / (N + h)));
    if (Math.abs(next - phi) < 1e-13) {
      phi = next;
      break;
    }
    phi = next;
  }
  return [Math.atan2(y, x) / DEG, phi / DEG, h];
}

function applyHelmert(x: number, y: number, z: number, t: HelmertParams): [number, number, number] {
  const s = 1 + t.ppm * 1e-6;
  const rx = t.rx * ARCSEC;
  const ry = t.ry * ARCSEC;
  const rz = t.rz * ARCSEC;
  return [t.tx + s * (x - rz * y + ry * z), t.ty + s * (rz * x + y - rx * z), t.tz + s * (-ry * x + rx * y + z)];
}

/** Lon/lat (degrees) on `from` -> lon/lat on WGS84 through the geocentric frame. */
export function shiftToWgs84(lon: number, lat: number, from: Ellipsoid, t: HelmertParams): [number, number] {
  const [x, y, z] = applyHelmert(...geodeticToGeocentric(lon, lat, 0, from), t);
  const [lon2, lat2] = geocentricToGeodetic(x, y, z, WGS84);
  return [lon2, lat2];
}

/** The approximate inverse (WGS84 -> `to`; negated parameters, exact to millimetres), for writing test data. */
export function shiftFromWgs84(lon: number, lat: number, to: Ellipsoid, t: HelmertParams): [number, number] {
  const inv: HelmertParams = { tx: -t.tx, ty: -t.ty, tz: -t.tz, rx: -t.rx, ry: -t.ry, rz: -t.rz, ppm: -t.ppm };
  const [x, y, z] = applyHelmert(...geodeticToGeocentric(lon, lat, 0, WGS84), inv);
  const [lon2, lat2] = geocentricToGeodetic(x, y, z, to);
  return [lon2, lat2];
}
