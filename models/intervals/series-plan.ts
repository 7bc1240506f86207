/**
 * Which energy series a district's points feed. A counter of a balance role always gives a series; a power point
 * is integrated only where its building has no counter of that role (and medium), so energy is never counted
 * from two sources. A net grid power point (role 'import', positive = import) gives an import and an export series.
 */
import type { Point, PointRole } from '../types.js';
import { isBalanceRole, type BalanceRole } from '../values.js';

export type { BalanceRole } from '../values.js';

export interface PlannedSeries {
  readonly pointId: string;
  /** 0 = positive power / counter energy, 1 = negative power as positive energy. */
  readonly direction: 0 | 1;
  readonly role: BalanceRole;
  readonly source: 'counter' | 'power';
}

export function planSeries(points: readonly Point[]): PlannedSeries[] {
  const counters = new Set<string>();
  const key = (p: Point, role: PointRole) => `${p.buildingId}\u0000${p.medium}\u0000${role}`;
  for (const p of points) if (p.kind === 'energy-counter' && isBalanceRole(p.role)) counters.add(key(p, p.role));

  const out: PlannedSeries[] = [];
  for (const p of points) {
    if (!isBalanceRole(p.role)) continue;
    if (p.kind === 'energy-counter') out.push({ pointId: p.id, direction: 0, role: p.role, source: 'counter' });
    else if (p.kind === 'power') {
      if (!counters.has(key(p, p.role))) out.push({ pointId: p.id, direction: 0, role: p.role, source: 'power' });
      if (p.role === 'import' && !counters.has(key(p, 'export')))
        out.push({ pointId: p.id, direction: 1, role: 'export', source: 'power' });
    }
  }
  return out;
}
