/** The stored roof outlines grouped per building, as 'district.roofShapes' answers them. */
import type { RoofShape } from '../../../models/contract/index.js';
import type { RoofRing, RoofSurface } from '../../../models/types.js';

export function roofShapesOf(roofs: readonly RoofSurface[]): RoofShape[] {
  const byBuilding = new Map<string, RoofRing[]>();
  for (const roof of roofs) {
    if (!roof.outlines || roof.outlines.length === 0) continue;
    let rings = byBuilding.get(roof.buildingId);
    if (!rings) byBuilding.set(roof.buildingId, (rings = []));
    rings.push(...roof.outlines);
  }
  return [...byBuilding].map(([buildingId, rings]) => ({ buildingId, rings }));
}

/** The surfaces without their outlines: answers about areas and orientations need not carry the rings. */
export const withoutOutlines = (roofs: readonly RoofSurface[]): RoofSurface[] =>
  roofs.map((r) => (r.outlines ? { buildingId: r.buildingId, areaM2: r.areaM2, tiltDeg: r.tiltDeg, azimuthDeg: r.azimuthDeg } : r));
