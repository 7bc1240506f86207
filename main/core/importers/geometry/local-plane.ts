/**
 * A local east/north plane in metres around a reference point, for geometry that comes in degrees (GeoJSON,
 * EPSG:4326) or in Web Mercator. Over a building's extent the error is far below a millimetre per metre.
 */
const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

export interface LocalPlane {
  toMetres(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

export function localPlane(lon0: number, lat0: number): LocalPlane {
  const s = Math.sin(lat0 * DEG);
  const w = Math.sqrt(1 - E2 * s * s);
  const metresPerDegLat = ((A * (1 - E2)) / (w * w * w)) * DEG;
  const metresPerDegLon = (A / w) * Math.cos(lat0 * DEG) * DEG;
  return {
    toMetres: (lon, lat) => [(lon - lon0) * metresPerDegLon, (lat - lat0) * metresPerDegLat],
    toLonLat: (x, y) => [lon0 + x / metresPerDegLon, lat0 + y / metresPerDegLat],
  };
}
