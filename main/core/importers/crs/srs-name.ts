/**
 * Reads the CRS out of a GML srsName, a GeoJSON "crs" member or a --crs option. Accepted forms:
 * EPSG:25832, 25832, urn:ogc:def:crs:EPSG::25832, urn:ogc:def:crs:EPSG:6.12:25832,
 * http://www.opengis.net/def/crs/EPSG/0/25832, compound urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837, and the
 * German AdV URNs (urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH, urn:adv:crs:DE_DHDN_3GK2, ...).
 */
import { type Crs, crsByEpsg } from './crs.js';

export interface ResolvedSrs {
  readonly crs: Crs;
  /**
   * The coordinates come latitude first. GML follows the EPSG axis order for the URN and http forms, so
   * urn:ogc:def:crs:EPSG::4326 is lat/lon while the legacy EPSG:4326 is lon/lat.
   */
  readonly latLonOrder: boolean;
}

const ADV_CODES: readonly (readonly [RegExp, number, boolean])[] = [
  [/^etrs89_utm32/, 25832, false],
  [/^etrs89_utm33/, 25833, false],
  [/^de_dhdn_3gk2/, 31466, false],
  [/^de_dhdn_3gk3/, 31467, false],
  [/^de_dhdn_3gk4/, 31468, false],
  [/^de_dhdn_3gk5/, 31469, false],
  [/^etrs89_lat-lon/, 4258, true],
];

/** The horizontal EPSG code named by the string and whether the name asks for EPSG (latitude-first) axis order. */
export function epsgCodeOf(srsName: string): { code: number; epsgAxisOrder: boolean } | undefined {
  const s = srsName.trim().toLowerCase();
  if (/^\d{4,6}$/.test(s)) return { code: Number(s), epsgAxisOrder: false };
  // OGC CRS84 is WGS84 with longitude first (the GeoJSON default)
  if (/crs:?84$/.test(s)) return { code: 4326, epsgAxisOrder: false };
  const adv = /adv:crs:([^,]+)/.exec(s)?.[1];
  if (adv !== undefined) {
    const hit = ADV_CODES.find(([re]) => re.test(adv));
    return hit ? { code: hit[1], epsgAxisOrder: hit[2] } : undefined;
  }
  const at = s.indexOf('epsg');
  if (at < 0) return undefined;
  // compound names list the horizontal system first: keep only the first component
  const tail = s.slice(at + 4).split(',')[0] ?? '';
  const numbers = tail.match(/\d+/g);
  const last = numbers?.[numbers.length - 1];
  if (last === undefined) return undefined;
  return { code: Number(last), epsgAxisOrder: s.startsWith('urn:') || s.startsWith('http') };
}

export function resolveSrsName(srsName: string): ResolvedSrs | undefined {
  const parsed = epsgCodeOf(srsName);
  const crs = parsed && crsByEpsg(parsed.code);
  if (!parsed || !crs) return undefined;
  return { crs, latLonOrder: crs.geographic && parsed.epsgAxisOrder };
}
