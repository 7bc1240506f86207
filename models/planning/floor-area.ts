/**
 * Floor area of a building where the import does not state it and the user entered none, flagged as estimated:
 * - a residential building: the Gebäudenutzfläche rule of the German energy saving ordinance, A_N = 0.32 m⁻¹ x V_e
 *   (EnEV 2014 Anlage 1 Nr. 1.3.3, carried into the GEG), with V_e the heated gross volume, here footprint area x
 *   height of the imported (LoD1/LoD2) building; the rule assumes storey heights of 2.5-3 m;
 * - a non-residential building whose storeys are known (CityGML storeysAboveGround): the net floor area (NGF, the
 *   energy report's reference area) as 0.85 x the gross floor area (BGF = footprint area x storeys), the factor the
 *   Bekanntmachung der Regeln für Energieverbrauchskennwerte im Nichtwohngebäudebestand of 30 July 2009 (Anlage 1)
 *   gives for buildings outside its catalogue, as quoted by GEB Gebäude-Energieberater ("Praxiswissen zur EnEV -
 *   Anwender fragen Experten", geb-info.de), a secondary source; its storey heights of 3.5-4 m would make the
 *   residential rule count a storey and a half per storey. Without storeys the residential rule stands in.
 */
import type { Building } from '../types.js';
import { isResidential } from './sector.js';

export const AN_PER_VE = 0.32;
export const NGF_PER_BGF = 0.85;

/** Area of a closed or open ring in a metric CRS, m² (shoelace formula). */
export function ringAreaM2(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (a === undefined || b === undefined) continue;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twice) / 2;
}

export const estimatedFloorAreaM2 = (footprintM2: number, b: Pick<Building, 'use' | 'heightM' | 'storeys'>): number =>
  !isResidential(b.use) && b.storeys !== undefined && b.storeys > 0 ? NGF_PER_BGF * footprintM2 * b.storeys : AN_PER_VE * footprintM2 * b.heightM;

/** Centroid of a ring's vertices (enough to place a building in a 100 m cell). */
export function ringCentre(ring: readonly (readonly [number, number])[]): readonly [number, number] {
  let x = 0;
  let y = 0;
  for (const p of ring) {
    x += p[0];
    y += p[1];
  }
  return ring.length === 0 ? [0, 0] : [x / ring.length, y / ring.length];
}
