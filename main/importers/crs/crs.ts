/**
 * The coordinate reference systems building data in Germany comes in, and a conversion of each to WGS84
 * lon/lat. Footprints are stored in WGS84; roof geometry is measured in the source's metric coordinates.
 */
import { BESSEL_1841, GRS80, WGS84 } from './ellipsoid.js';
import { type HelmertParams, shiftFromWgs84, shiftToWgs84 } from './helmert.js';
import { transverseMercator } from './transverse-mercator.js';

export interface Crs {
  /** 'EPSG:25832' */
  readonly code: string;
  readonly name: string;
  /** Coordinates are degrees (lon/lat or lat/lon); metric maths must go through a local plane. */
  readonly geographic: boolean;
  /** Native x/y are metres with a scale close to 1 (UTM, Gauss-Krüger): areas and slopes can be taken directly. */
  readonly metric: boolean;
  /** Native x (easting or longitude), y (northing or latitude) -> WGS84 [lon, lat] degrees. */
  toLonLat(x: number, y: number): [number, number];
  fromLonLat(lon: number, lat: number): [number, number];
}

/** DHDN -> WGS84, the country-wide parameter set (the one in the EPSG database and PROJ for Germany). */
const DHDN_TO_WGS84: HelmertParams = { tx: 598.1, ty: 73.7, tz: 418.2, rx: 0.202, ry: 0.045, rz: -2.455, ppm: 6.7 };

const geographic = (code: number, name: string): Crs => ({
  code: `EPSG:${code}`,
  name,
  geographic: true,
  metric: false,
  toLonLat: (x, y) => [x, y],
  fromLonLat: (lon, lat) => [lon, lat],
});

const utm = (code: number, zone: number, ellipsoidName: 'ETRS89' | 'WGS 84'): Crs => {
  const tm = transverseMercator({
    ellipsoid: ellipsoidName === 'ETRS89' ? GRS80 : WGS84,
    lon0: zone * 6 - 183,
    k0: 0.9996,
    falseEasting: 500_000,
    falseNorthing: 0,
  });
  // ETRS89 and WGS84 differ by well under a metre in Europe (they drift apart by about 2.5 cm a year)
  return {
    code: `EPSG:${code}`,
    name: `${ellipsoidName} / UTM zone ${zone}N`,
    geographic: false,
    metric: true,
    toLonLat: (x, y) => tm.inverse(x, y),
    fromLonLat: (lon, lat) => tm.forward(lon, lat),
  };
};

const gaussKrueger = (code: number, zone: number): Crs => {
  const tm = transverseMercator({
    ellipsoid: BESSEL_1841,
    lon0: zone * 3,
    k0: 1,
    falseEasting: zone * 1_000_000 + 500_000,
    falseNorthing: 0,
  });
  return {
    code: `EPSG:${code}`,
    name: `DHDN / 3-degree Gauss-Kruger zone ${zone}`,
    geographic: false,
    metric: true,
    toLonLat: (x, y) => {
      const [lon, lat] = tm.inverse(x, y);
      return shiftToWgs84(lon, lat, BESSEL_1841, DHDN_TO_WGS84);
    },
    fromLonLat: (lon, lat) => {
      const [l, p] = shiftFromWgs84(lon, lat, BESSEL_1841, DHDN_TO_WGS84);
      return tm.forward(l, p);
    },
  };
};

const WEB_MERCATOR_R = 6378137;
const DEG = Math.PI / 180;
const webMercator: Crs = {
  code: 'EPSG:3857',
  name: 'WGS 84 / Pseudo-Mercator',
  geographic: false,
  // metres on the map, but stretched by 1/cos(lat) (about 1.6 in the Ruhr area): not for areas
  metric: false,
  toLonLat: (x, y) => [x / WEB_MERCATOR_R / DEG, (2 * Math.atan(Math.exp(y / WEB_MERCATOR_R)) - Math.PI / 2) / DEG],
  fromLonLat: (lon, lat) => [
    lon * DEG * WEB_MERCATOR_R,
    Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2)) * WEB_MERCATOR_R,
  ],
};

const DEFINITIONS = new Map<number, Crs>([
  [4326, geographic(4326, 'WGS 84')],
  [4258, geographic(4258, 'ETRS89')],
  [3857, webMercator],
  [25832, utm(25832, 32, 'ETRS89')],
  [25833, utm(25833, 33, 'ETRS89')],
  [32632, utm(32632, 32, 'WGS 84')],
  [32633, utm(32633, 33, 'WGS 84')],
  [31466, gaussKrueger(31466, 2)],
  [31467, gaussKrueger(31467, 3)],
  [31468, gaussKrueger(31468, 4)],
  [31469, gaussKrueger(31469, 5)],
]);

/** Codes that name the same horizontal system (3D and compound codes, retired aliases). */
const ALIASES = new Map<number, number>([
  [4979, 4326],
  [4937, 4258],
  [900913, 3857],
  [3785, 3857],
  [102100, 3857],
  [5555, 25832], // ETRS89 / UTM 32 + DHHN92 height
  [5556, 25833],
  [5682, 31466], // DHDN / GK 2 + DHHN92 height
  [5683, 31467],
  [5684, 31468],
  [5685, 31469],
]);

export const SUPPORTED_CRS: readonly string[] = [...DEFINITIONS.keys()].map((c) => `EPSG:${c}`);

export function crsByEpsg(code: number): Crs | undefined {
  return DEFINITIONS.get(ALIASES.get(code) ?? code);
}
