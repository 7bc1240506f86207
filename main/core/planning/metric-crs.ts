/**
 * The export's coordinate reference system: ETRS89 / UTM zone 32N (EPSG:25832), the official CRS of NRW's and most
 * German states' cadastre and 3D building data, metric so that 100 m cells and areas are exact.
 */
import proj4 from 'proj4';
import type { LonLat } from '../../../models/types.js';

export const EXPORT_SRS_ID = 25832;

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toUtm32 = proj4('+proj=longlat +datum=WGS84 +no_defs', UTM32);

export const projectRing = (ring: readonly LonLat[]): (readonly [number, number])[] =>
  ring.map(([lon, lat]) => {
    const [x, y] = toUtm32.forward([lon, lat]);
    return [x ?? 0, y ?? 0] as const;
  });

/** WKT of EPSG:25832 for gpkg_spatial_ref_sys (readers that know EPSG use their own definition). */
export const UTM32_WKT =
  'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101]],' +
  'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
  'PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],' +
  'UNIT["metre",1],AUTHORITY["EPSG","25832"]]';

export const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]';
