/**
 * Floor area of a building where the import does not state it: the Gebäudenutzfläche rule of the German energy
 * saving ordinance for residential buildings, A_N = 0.32 m⁻¹ x V_e (EnEV 2014 Anlage 1 Nr. 1.3.3, carried into
 * the GEG), with V_e the heated gross volume, here footprint area x height of the imported (LoD1/LoD2) building.
 * The rule assumes storey heights of 2.5-3 m; it is an estimate and flagged as one.
 */
export const AN_PER_VE = 0.32;

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

export const estimatedFloorAreaM2 = (footprintM2: number, heightM: number): number => AN_PER_VE * footprintM2 * heightM;

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
