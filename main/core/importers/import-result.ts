import type { Building, RoofSurface } from '../../../models/types.js';
import type { ImportWarning } from '../../../models/import-warning-codes.js';

/** Metres per storey when only the number of storeys is known. */
export const STOREY_HEIGHT_M = 3;

export interface Bounds {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

export type ImportFormat = 'citygml' | 'geojson';

export interface ImportResult {
  readonly format: ImportFormat;
  /** The CRS the coordinates were read in, e.g. 'EPSG:25832'. */
  readonly crs: string;
  readonly buildings: Building[];
  readonly roofs: RoofSurface[];
  /** Of the footprints, WGS84; null when nothing was imported. */
  readonly bounds: Bounds | null;
  readonly warnings: string[];
  /** The same warnings as codes for the surfaces to translate (those of a known kind). */
  readonly warningDetails?: ImportWarning[];
}

export interface ImportOptions {
  /** Overrides the file's own CRS ('EPSG:25832', '25832', a URN); needed when the file names none. */
  readonly crs?: string;
  /** Called as the file is read: bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Called once the reader has read the file's last byte while its last pieces are still with the parse workers
   * (only the reader with workers calls it): the next file may start being read.
   */
  readonly onReadEnd?: () => void;
}

export function boundsOf(buildings: readonly Building[]): Bounds | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const b of buildings) {
    for (const [lon, lat] of b.footprint) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return minLon <= maxLon ? { minLon, minLat, maxLon, maxLat } : null;
}
