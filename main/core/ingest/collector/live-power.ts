/** Latest power per building from the latest power readings, for the UI's live view. */
import type { PowerSample } from '../../../../models/contract/index.js';
import type { Point, Reading } from '../../../../models/types.js';

export class LivePower {
  private readonly latest = new Map<string, Reading>();
  private readonly points = new Map<string, Point>();

  track(points: readonly Point[]): void {
    for (const p of points) if (p.kind === 'power' && p.medium === 'electricity') this.points.set(p.id, p);
  }

  untrack(deviceId: string): void {
    for (const [id, p] of this.points) if (p.deviceId === deviceId) this.points.delete(id);
  }

  update(readings: readonly Reading[]): void {
    for (const r of readings) if (this.points.has(r.pointId) && r.quality !== 'bad') this.latest.set(r.pointId, r);
  }

  snapshot(): { ts: number; buildings: Record<string, PowerSample> } {
    const sums = new Map<string, { ts: number; grid: number; gen: number }>();
    let ts = 0;
    for (const [id, r] of this.latest) {
      const p = this.points.get(id);
      if (!p || (p.role !== 'import' && p.role !== 'generation')) continue;
      const s = sums.get(p.buildingId) ?? { ts: 0, grid: 0, gen: 0 };
      if (p.role === 'import') s.grid += r.value;
      else s.gen += r.value;
      s.ts = Math.max(s.ts, r.ts);
      ts = Math.max(ts, r.ts);
      sums.set(p.buildingId, s);
    }
    const buildings: Record<string, PowerSample> = {};
    for (const [id, s] of sums) {
      buildings[id] = { ts: s.ts, gridKw: s.grid, generationKw: s.gen, consumptionKw: s.grid + s.gen };
    }
    return { ts, buildings };
  }
}
