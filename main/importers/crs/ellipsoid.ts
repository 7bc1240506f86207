/** A reference ellipsoid: semi-major axis in metres and inverse flattening. */
export interface Ellipsoid {
  readonly a: number;
  readonly invF: number;
}

export const GRS80: Ellipsoid = { a: 6378137, invF: 298.257222101 };
export const WGS84: Ellipsoid = { a: 6378137, invF: 298.257223563 };
export const BESSEL_1841: Ellipsoid = { a: 6377397.155, invF: 299.1528128 };

export const flattening = (e: Ellipsoid): number => 1 / e.invF;
/** First eccentricity squared. */
export const eccentricitySq = (e: Ellipsoid): number => {
  const f = flattening(e);
  return f * (2 - f);
};
