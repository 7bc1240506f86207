/**
 * Which buildings have PV: a point that measures electricity generation. The building's pvKwp, where known,
 * sizes the drawn panels.
 */
import type { Building, Point } from '../../models/types.js';
import type { PvSystem } from './pv-panels.js';

export function pvSystems(buildings: readonly Building[], points: readonly Point[]): Map<string, PvSystem> {
  const generating = new Set(points.filter((p) => p.role === 'generation' && p.medium === 'electricity').map((p) => p.buildingId));
  const out = new Map<string, PvSystem>();
  for (const b of buildings) {
    if (!generating.has(b.id)) continue;
    out.set(b.id, b.pvKwp !== undefined && Number.isFinite(b.pvKwp) && b.pvKwp > 0 ? { kwp: b.pvKwp } : {});
  }
  return out;
}
