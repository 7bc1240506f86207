/**
 * Starts the built-in demo district: simulated gateways on 127.0.0.1, the district saved into the store, a year
 * of history on first start, and every device handed to the collector with the real Modbus driver.
 */
import type { Point } from '../../models/types.js';
import { DAY_MS } from '../../models/time-grid.js';
import { createModbusDriver } from '../../drivers/modbus/index.js';
import type { DeviceDriver } from '../../drivers/device-driver.js';
import type { Collector } from '../collector/collector.js';
import type { Clock } from '../collector/clock.js';
import type { Store } from '../store/store.js';
import { DEMO_BUILDINGS, DEMO_SITE } from './demo-district.js';
import { buildDemoTracks } from './demo-tracks.js';
import { startDemoGateway, type DemoGateway } from './demo-devices.js';
import { backfillHistory } from './demo-backfill.js';

export interface DemoOptions {
  readonly store: Store;
  readonly collector: Collector;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** Days of history generated when the store has none (default 365). */
  readonly historyDays?: number;
}

export interface RunningDemo {
  close(): Promise<void>;
}

async function hasHistory(store: Store, now: number): Promise<boolean> {
  const balances = await store.buildingBalances(now - 400 * DAY_MS, now);
  return balances.some((b) => b.importKwh + b.exportKwh + b.generationKwh > 0);
}

export async function startDemo({ store, collector, clock, log, historyDays = 365 }: DemoOptions): Promise<RunningDemo> {
  const existing = await store.getDistrict();
  if (existing && existing.site.id !== DEMO_SITE.id) {
    log(`data file holds district '${existing.site.name}': demo not started`);
    return { close: async () => {} };
  }
  const tracks = buildDemoTracks();
  const gateways: DemoGateway[] = [];
  const drivers: DeviceDriver[] = [];
  const closeAll = async () => {
    await Promise.all(drivers.map((d) => d.close()));
    await Promise.all(gateways.map((g) => g.simulator.close()));
  };
  try {
    for (const [i, demo] of DEMO_BUILDINGS.entries()) {
      gateways.push(await startDemoGateway(demo, tracks.get(demo.building.id)!, clock, i));
    }
    const devices = gateways.flatMap((g) => g.devices);
    for (const device of devices) drivers.push(await createModbusDriver(device));
    const points: Point[] = drivers.flatMap((d) => [...d.points]);
    await store.saveDistrict(DEMO_SITE, DEMO_BUILDINGS.map((b) => b.building), devices, points);
    log(`demo district: ${DEMO_BUILDINGS.length} buildings, ${devices.length} simulated Modbus devices on 127.0.0.1`);

    const now = clock.now();
    if (!(await hasHistory(store, now))) {
      log(`demo district: generating ${historyDays} days of history`);
      let lastTenth = -1;
      const stored = await backfillHistory(store, tracks, points, now - historyDays * DAY_MS, now, (done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastTenth) log(`  history ${tenth * 10} %`);
        lastTenth = tenth;
      });
      log(`demo district: ${stored} historical readings stored`);
    }
    devices.forEach((device, i) => collector.add(device, drivers[i]!));
  } catch (e) {
    await closeAll();
    throw e;
  }
  return {
    // the collector closes the drivers it was given; the gateways are ours
    close: async () => {
      await Promise.all(gateways.map((g) => g.simulator.close()));
    },
  };
}
