/**
 * Solar position from the low-precision astronomical formulas (Meeus, "Astronomical Algorithms", ch. 25, as used
 * by the NOAA solar calculator): about 0.01 deg in declination and well under 0.1 deg in zenith for 1950-2050,
 * which is far below what a TRY hour or 15-minute mean resolves. No refraction correction: it matters only within
 * a degree of the horizon, where PV yields nothing.
 */
const RAD = Math.PI / 180;

export interface SunPosition {
  /** Angle from the vertical, degrees (90 at the horizon). */
  readonly zenithDeg: number;
  /** Compass azimuth, degrees: 0 north, 90 east, 180 south, 270 west. */
  readonly azimuthDeg: number;
  readonly cosZenith: number;
  readonly declinationDeg: number;
  /** Equation of time, minutes. */
  readonly equationOfTimeMin: number;
}

export const sunPosition = (ts: number, latDeg: number, lonDeg: number): SunPosition => {
  const jd = ts / 86_400_000 + 2_440_587.5;
  const t = (jd - 2_451_545) / 36_525;
  const l0 = (((280.46646 + t * (36000.76983 + 0.0003032 * t)) % 360) + 360) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const mr = m * RAD;
  const center =
    Math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * mr) * (0.019993 - 0.000101 * t) + Math.sin(3 * mr) * 0.000289;
  const omega = (125.04 - 1934.136 * t) * RAD;
  const lambda = (l0 + center - 0.00569 - 0.00478 * Math.sin(omega)) * RAD;
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = (eps0 + 0.00256 * Math.cos(omega)) * RAD;
  const decl = Math.asin(Math.sin(eps) * Math.sin(lambda));
  const y = Math.tan(eps / 2) ** 2;
  const l0r = l0 * RAD;
  const eotRad =
    y * Math.sin(2 * l0r) -
    2 * e * Math.sin(mr) +
    4 * e * y * Math.sin(mr) * Math.cos(2 * l0r) -
    0.5 * y * y * Math.sin(4 * l0r) -
    1.25 * e * e * Math.sin(2 * mr);
  const eotMin = (4 * eotRad) / RAD;
  const minutesOfDay = (((ts % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  const trueSolarMin = minutesOfDay + eotMin + 4 * lonDeg;
  const hourAngle = (trueSolarMin / 4 - 180) * RAD;
  const lat = latDeg * RAD;
  const cosZ = Math.min(1, Math.max(-1, Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle)));
  const az = Math.atan2(Math.sin(hourAngle), Math.cos(hourAngle) * Math.sin(lat) - Math.tan(decl) * Math.cos(lat)) / RAD + 180;
  return {
    zenithDeg: Math.acos(cosZ) / RAD,
    azimuthDeg: ((az % 360) + 360) % 360,
    cosZenith: cosZ,
    declinationDeg: decl / RAD,
    equationOfTimeMin: eotMin,
  };
};

/** Extraterrestrial irradiance on a plane normal to the sun, W/m² (solar constant 1367, Spencer-style eccentricity). */
export const extraterrestrialNormal = (ts: number): number => {
  const dayOfYear = (ts - Date.UTC(new Date(ts).getUTCFullYear(), 0, 1)) / 86_400_000;
  return 1367 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365));
};
