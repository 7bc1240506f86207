/**
 * The coordinate reference systems building data in Germany comes in, defined for proj4, and a conversion of
 * each to WGS84 lon/lat. Footprints are stored in WGS84; roof geometry is measured in the source's metric
 * coordinates when they are metric (UTM, Gauss-Krüger), in a local plane otherwise.
 */
import proj4 from 'proj4';

export interface Crs {
  /** 'EPSG:25832' */
  readonly code: string;
  readonly name: string;
  /** Coordinates are degrees; metric maths must go through a local plane. */
  readonly geographic: boolean;
  /** Native x/y are metres with a scale close to 1 (UTM, Gauss-Krüger): areas and slopes can be taken directly. */
  readonly metric: boolean;
  /** Whether native coordinates lie where this CRS can hold them: catches a wrong CRS or swapped axes. */
  plausible(x: number, y: number): boolean;
  /** Native x (easting or longitude), y (northing or latitude) -> WGS84 [lon, lat] degrees. */
  toLonLat(x: number, y: number): [number, number];
  fromLonLat(lon: number, lat: number): [number, number];
}

interface Definition {
  readonly name: string;
  readonly proj4: string;
  readonly geographic: boolean;
  readonly metric: boolean;
  /** Native [minX, minY, maxX, maxY] coordinates can have. */
  readonly extent: readonly [number, number, number, number];
}

const UTM_EXTENT = [0, 0, 1_000_000, 10_000_000] as const;
const WEB_MERCATOR_MAX = 20_037_508.35;

// DHDN -> WGS84 with the country-wide parameter set (EPSG:1777, about 3 m): enough to place a building on a map.
const DHDN = '+ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';
// ETRS89 and WGS84 differ by well under a metre in Europe (they drift apart by about 2.5 cm a year).
const ETRS89 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';

const DEFINITIONS = new Map<number, Definition>([
  [4326, { name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', geographic: true, metric: false, extent: [-180, -90, 180, 90] }],
  [4258, { name: 'ETRS89', proj4: `+proj=longlat ${ETRS89} +no_defs`, geographic: true, metric: false, extent: [-180, -90, 180, 90] }],
  [
    3857,
    {
      name: 'WGS 84 / Pseudo-Mercator',
      proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
      geographic: false,
      // metres on the map, but stretched by 1/cos(lat) (about 1.6 in the Ruhr area): not for areas
      metric: false,
      extent: [-WEB_MERCATOR_MAX, -WEB_MERCATOR_MAX, WEB_MERCATOR_MAX, WEB_MERCATOR_MAX],
    },
  ],
  ...[32, 33].map((zone): [number, Definition] => [
    25800 + zone,
    { name: `ETRS89 / UTM zone ${zone}N`, proj4: `+proj=utm +zone=${zone} ${ETRS89} +units=m +no_defs`, geographic: false, metric: true, extent: UTM_EXTENT },
  ]),
  ...[32, 33].map((zone): [number, Definition] => [
    32600 + zone,
    { name: `WGS 84 / UTM zone ${zone}N`, proj4: `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`, geographic: false, metric: true, extent: UTM_EXTENT },
  ]),
  ...[2, 3, 4, 5].map((zone): [number, Definition] => [
    31464 + zone,
    {
      name: `DHDN / 3-degree Gauss-Kruger zone ${zone}`,
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ${DHDN}`,
      geographic: false,
      metric: true,
      // the zone number is the easting's first digit; Germany lies between 5.2 and 6.2 million metres north
      extent: [zone * 1_000_000, 5_000_000, (zone + 1) * 1_000_000, 6_500_000],
    },
  ]),
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

const cache = new Map<number, Crs>();

export function crsByEpsg(code: number): Crs | undefined {
  const key = ALIASES.get(code) ?? code;
  const known = cache.get(key);
  if (known) return known;
  const def = DEFINITIONS.get(key);
  if (!def) return undefined;
  const converter = proj4(def.proj4, 'WGS84');
  // WGS84 and ETRS89 lon/lat are taken as they are: proj4 would only spend time on a null transformation
  const identity = def.geographic;
  const crs: Crs = {
    code: `EPSG:${key}`,
    name: def.name,
    geographic: def.geographic,
    metric: def.metric,
    plausible: (x, y) => x >= def.extent[0] && y >= def.extent[1] && x <= def.extent[2] && y <= def.extent[3],
    toLonLat: (x, y) => {
      if (identity) return [x, y];
      const [lon, lat] = converter.forward([x, y]);
      return [lon as number, lat as number];
    },
    fromLonLat: (lon, lat) => {
      if (identity) return [lon, lat];
      const [x, y] = converter.inverse([lon, lat]);
      return [x as number, y as number];
    },
  };
  cache.set(key, crs);
  return crs;
}
