/**
 * Ellipsoidal transverse Mercator (UTM, Gauss-Krüger) after Krüger's series in the third flattening n, as given
 * by C. F. F. Karney, "Transverse Mercator with an accuracy of a few nanometers" (J. Geodesy 85, 2011), to the
 * sixth order: well below a millimetre inside a zone, which is more than a building footprint needs.
 */
import { type Ellipsoid, eccentricitySq, flattening } from './ellipsoid.js';

export interface TransverseMercatorParams {
  readonly ellipsoid: Ellipsoid;
  /** Central meridian, degrees. */
  readonly lon0: number;
  /** Latitude of origin, degrees (0 for UTM and Gauss-Krüger). */
  readonly lat0?: number;
  readonly k0: number;
  readonly falseEasting: number;
  readonly falseNorthing: number;
}

export interface TransverseMercator {
  /** Geodetic lon/lat in degrees on the projection's ellipsoid -> easting, northing in metres. */
  forward(lon: number, lat: number): [number, number];
  /** Easting, northing in metres -> geodetic lon/lat in degrees on the projection's ellipsoid. */
  inverse(easting: number, northing: number): [number, number];
}

const DEG = Math.PI / 180;

export function transverseMercator(p: TransverseMercatorParams): TransverseMercator {
  const f = flattening(p.ellipsoid);
  const e = Math.sqrt(eccentricitySq(p.ellipsoid));
  const n = f / (2 - f);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const n5 = n4 * n;
  const n6 = n5 * n;
  // rectifying radius
  const A = (p.ellipsoid.a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
    (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
    (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
    (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
    (212378941 * n6) / 319334400,
  ];
  const beta = [
    n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360 - (81 * n5) / 512 + (96199 * n6) / 604800,
    n2 / 48 + n3 / 15 - (437 * n4) / 1440 + (46 * n5) / 105 - (1118711 * n6) / 3870720,
    (17 * n3) / 480 - (37 * n4) / 840 - (209 * n5) / 4480 + (5569 * n6) / 90720,
    (4397 * n4) / 161280 - (11 * n5) / 504 - (830251 * n6) / 7257600,
    (4583 * n5) / 161280 - (108847 * n6) / 3991680,
    (20648693 * n6) / 638668800,
  ];
  const lon0 = p.lon0 * DEG;

  /** Unscaled (xi, eta) on the sphere of radius A for geodetic lat/lon offsets, radians. */
  const toXiEta = (phi: number, dLambda: number): [number, number] => {
    const sinPhi = Math.sin(phi);
    const t = Math.sinh(Math.atanh(sinPhi) - e * Math.atanh(e * sinPhi));
    const xiP = Math.atan2(t, Math.cos(dLambda));
    const etaP = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
    let xi = xiP;
    let eta = etaP;
    for (let j = 1; j <= 6; j++) {
      const aj = alpha[j - 1] as number;
      xi += aj * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
      eta += aj * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
    }
    return [xi, eta];
  };

  const northingOfOrigin = p.lat0 ? p.k0 * A * toXiEta(p.lat0 * DEG, 0)[0] : 0;

  return {
    forward(lon, lat) {
      const [xi, eta] = toXiEta(lat * DEG, lon * DEG - lon0);
      return [p.falseEasting + p.k0 * A * eta, p.falseNorthing + p.k0 * A * xi - northingOfOrigin];
    },
    inverse(easting, northing) {
      const xi = (northing - p.falseNorthing + northingOfOrigin) / (p.k0 * A);
      const eta = (easting - p.falseEasting) / (p.k0 * A);
      let xiP = xi;
      let etaP = eta;
      for (let j = 1; j <= 6; j++) {
        const bj = beta[j - 1] as number;
        xiP -= bj * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        etaP -= bj * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
      }
      const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
      const lambda = lon0 + Math.atan2(Math.sinh(etaP), Math.cos(xiP));
      // conformal latitude chi -> geodetic latitude by Newton iteration on tau = tan(phi)
      const phi = conformalToGeodetic(chi, e);
      return [lambda / DEG, phi / DEG];
    },
  };
}

/** Inverts chi = gd^-1 ... by Newton's method on tan(phi) (Karney 2011, eq. 19-21); converges in 2-3 steps. */
function conformalToGeodetic(chi: number, e: number): number {
  const tauP = Math.tan(chi);
  if (!Number.isFinite(tauP)) return chi;
  const e2 = e * e;
  let tau = tauP;
  for (let i = 0; i < 8; i++) {
    const sqrt1 = Math.sqrt(1 + tau * tau);
    const sigma = Math.sinh(e * Math.atanh((e * tau) / sqrt1));
    const tauPi = tau * Math.sqrt(1 + sigma * sigma) - sigma * sqrt1;
    const dTau =
      ((tauP - tauPi) / Math.sqrt(1 + tauPi * tauPi)) * ((1 + (1 - e2) * tau * tau) / ((1 - e2) * sqrt1));
    tau += dTau;
    if (Math.abs(dTau) < 1e-14) break;
  }
  return Math.atan(tau);
}
