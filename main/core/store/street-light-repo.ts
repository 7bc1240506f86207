/** SQL behind StreetLightStore (street-light-store.ts); the table comes with schema 7 (migrations.ts). */
import { readSchedule, scheduleText, type StreetLight } from '../../../models/lighting/index.js';
import type { SqliteDb } from './sqlite-db.js';
import type { StoredStreetLight, StreetLightStore } from './street-light-store.js';

interface Row {
  id: string;
  lon: number;
  lat: number;
  power_w: number;
  led: number;
  schedule: string;
  meter_point: string | null;
}

const toLight = (r: Row): StoredStreetLight => {
  const schedule = readSchedule(r.schedule);
  return {
    id: r.id,
    lon: r.lon,
    lat: r.lat,
    powerW: r.power_w,
    led: r.led === 1,
    // only schedules the parser accepted are ever written, so 'code' cannot occur; full power is the safe reading
    schedule: 'code' in schedule ? { steps: [], thenPercent: 100 } : schedule,
    meterPointId: r.meter_point,
  };
};

export class StreetLightRepo implements StreetLightStore {
  constructor(private readonly db: SqliteDb) {}

  async streetLights(): Promise<StoredStreetLight[]> {
    return (await this.db.all<Row>('SELECT * FROM street_lights ORDER BY id')).map(toLight);
  }

  async replaceStreetLights(lights: readonly StreetLight[]): Promise<{ added: number; updated: number; removed: number }> {
    return this.db.transaction(async () => {
      const before = new Set((await this.db.all<{ id: string }>('SELECT id FROM street_lights')).map((r) => r.id));
      const named = new Set(lights.map((l) => l.id));
      let removed = 0;
      for (const id of before) if (!named.has(id)) removed += await this.db.run('DELETE FROM street_lights WHERE id = ?', [id]);
      for (const l of lights)
        await this.db.run(
          `INSERT INTO street_lights(id, lon, lat, power_w, led, schedule) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET lon = excluded.lon, lat = excluded.lat, power_w = excluded.power_w,
             led = excluded.led, schedule = excluded.schedule`,
          [l.id, l.lon, l.lat, l.powerW, l.led ? 1 : 0, scheduleText(l.schedule)],
        );
      const updated = lights.filter((l) => before.has(l.id)).length;
      return { added: lights.length - updated, updated, removed };
    });
  }

  async assignLightingMeter(lightIds: readonly string[], pointId: string | null): Promise<boolean> {
    return this.db.transaction(async () => {
      for (const id of lightIds) {
        const n = await this.db.run('UPDATE street_lights SET meter_point = ? WHERE id = ?', [pointId, id]);
        // an unknown id undoes the whole assignment (the transaction rolls back)
        if (n === 0) throw new UnknownLightError(id);
      }
      return true;
    }).catch((e: unknown) => {
      if (e instanceof UnknownLightError) return false;
      throw e;
    });
  }
}

class UnknownLightError extends Error {}

/** The same calls, each run through queue (the store's serial chain). */
export function queuedStreetLights(repo: StreetLightRepo, queue: <T>(fn: () => Promise<T>) => Promise<T>): StreetLightStore {
  return {
    streetLights: () => queue(() => repo.streetLights()),
    replaceStreetLights: (lights) => queue(() => repo.replaceStreetLights(lights)),
    assignLightingMeter: (ids, pointId) => queue(() => repo.assignLightingMeter(ids, pointId)),
  };
}
