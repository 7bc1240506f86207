/**
 * Starts the built-in demo district: simulated Modbus gateways and a simulated building automation server (OPC UA)
 * on 127.0.0.1, the district saved into the store, history on first start, and every device handed to the
 * collector with the real drivers. The Modbus part is ready when startDemo resolves; the OPC UA heat meters join
 * in the background, because the first start of an OPC UA server creates certificates, which takes a while.
 */
import type { Device, Point } from '../../../models/types.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { createModbusDriver } from '../../../drivers/modbus/index.js';
import { createOpcUaDriver } from '../../../drivers/opcua/index.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import type { DeviceDriver } from '../../../drivers/device-driver.js';
import type { Collector } from '../ingest/collector/collector.js';
import type { Clock } from '../ingest/collector/clock.js';
import type { Store } from '../store/store.js';
import { DEMO_BUILDINGS, DEMO_SITE } from './demo-district.js';
import { buildDemoTracks, buildHeatTracks } from './demo-tracks.js';
import { startDemoGateway, type DemoGateway } from './demo-devices.js';
import { startDemoBms, type DemoBms } from './demo-bms.js';
import { backfillHistory, demoValues, type PointValueAt } from './demo-backfill.js';

export interface DemoOptions {
  readonly store: Store;
  readonly collector: Collector;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** The app's PKI folder (OPC UA certificates). */
  readonly pkiDir: string;
  /** Days of history generated when the store has none (default 365). */
  readonly historyDays?: number;
}

export interface RunningDemo {
  /** Resolves when the OPC UA heat meters have joined (or failed to, which is logged). */
  readonly heatReady: Promise<void>;
  /** No more devices join the collector after this resolves (call before stopping the collector). */
  stopJoining(): Promise<void>;
  /** Closes the simulated devices (after the collector has closed its drivers). */
  close(): Promise<void>;
}

async function hasHistory(store: Store, now: number): Promise<boolean> {
  const balances = await store.buildingBalances(now - 400 * DAY_MS, now);
  return balances.some((b) => b.importKwh + b.exportKwh + b.generationKwh > 0);
}

/**
 * Generates history over [from, now). While it runs, a meta row says so: a first start killed halfway (SIGKILL,
 * power cut) then resumes from where each point's committed readings end, instead of leaving the rest of the
 * year to the interval engine, which would fill it with 'recovered' intervals.
 */
async function backfill(o: DemoOptions, valueAt: PointValueAt, points: readonly Point[], what: string, resumeFrom?: number): Promise<void> {
  const days = o.historyDays ?? 365;
  const now = o.clock.now();
  const from = resumeFrom ?? now - days * DAY_MS;
  const key = markerKey(what);
  await o.store.setMeta?.(key, 'running');
  o.log(
    resumeFrom === undefined
      ? `demo district: generating ${days} days of ${what} history`
      : `demo district: resuming the ${what} history from ${new Date(from).toISOString()} (the first start was interrupted)`,
  );
  let lastTenth = -1;
  const stored = await backfillHistory(o.store, valueAt, points, from, now, (done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth) o.log(`  ${what} history ${tenth * 10} %`);
    lastTenth = tenth;
  });
  await o.store.setMeta?.(key, null);
  o.log(`demo district: ${stored} historical ${what} readings stored`);
}

const markerKey = (what: string) => `demo_backfill_${what}`;

/**
 * Where an interrupted backfill of these points stops (the earliest of their checkpoints), 'from-start' when it
 * was interrupted before every point had a reading, or undefined when none was interrupted.
 */
async function interruptedAt(store: Store, points: readonly Point[], what: string, valueAt: PointValueAt): Promise<number | 'from-start' | undefined> {
  if ((await store.getMeta?.(markerKey(what))) !== 'running') return undefined;
  const fed = points.filter((p) => valueAt(p) !== null).map((p) => p.id);
  const times = await store.checkpointTimes?.(fed);
  if (!times || times.size < fed.length) return 'from-start';
  return Math.min(...times.values());
}

export async function startDemo(o: DemoOptions): Promise<RunningDemo> {
  const { store, collector, clock, log } = o;
  const existing = await store.getDistrict();
  if (existing && existing.site.id !== DEMO_SITE.id) {
    log(`data file holds district '${existing.site.name}': demo not started`);
    return { heatReady: Promise.resolve(), stopJoining: async () => {}, close: async () => {} };
  }
  const tracks = buildDemoTracks();
  const heat = buildHeatTracks();
  const valueAt = demoValues(tracks, heat);
  // the installed peak power travels with the building, so the scene sizes each roof's panels by it
  const buildings = DEMO_BUILDINGS.map((b) => (b.pvKwp > 0 ? { ...b.building, pvKwp: b.pvKwp } : b.building));
  const gateways: DemoGateway[] = [];
  const drivers: DeviceDriver[] = [];
  let bms: DemoBms | undefined;
  let closed = false;
  try {
    for (const [i, demo] of DEMO_BUILDINGS.entries()) {
      gateways.push(await startDemoGateway(demo, tracks.get(demo.building.id)!, clock, i));
    }
    const devices = gateways.flatMap((g) => g.devices);
    for (const device of devices) drivers.push(await createModbusDriver(device));
    const points: Point[] = drivers.flatMap((d) => [...d.points]);
    await store.saveDistrict(DEMO_SITE, buildings, devices, points);
    log(`demo district: ${DEMO_BUILDINGS.length} buildings, ${devices.length} simulated Modbus devices on 127.0.0.1`);
    // every address, so that a user can point mbpoll or another tool at the same device
    for (const d of devices) log(`  ${d.id}: ${d.url} (${d.profile})`);
    const resume = await interruptedAt(store, points, 'electricity', valueAt);
    if (resume !== undefined) await backfill(o, valueAt, points, 'electricity', resume === 'from-start' ? undefined : resume);
    else if (!(await hasHistory(store, clock.now()))) await backfill(o, valueAt, points, 'electricity');
    devices.forEach((device, i) => collector.add(device, drivers[i]!));
  } catch (e) {
    await Promise.all(drivers.map((d) => d.close()));
    await Promise.all(gateways.map((g) => g.simulator.close()));
    throw e;
  }

  const heatReady = (async () => {
    bms = await startDemoBms(DEMO_BUILDINGS, heat, clock, o.pkiDir);
    if (closed) return;
    const heatDrivers: Array<[Device, DeviceDriver]> = [];
    for (const device of bms.devices) {
      const driver = await createOpcUaDriver(device, device.config as unknown as OpcUaDeviceConfig, { pkiDir: o.pkiDir });
      heatDrivers.push([device, driver]);
    }
    const points = heatDrivers.flatMap(([, d]) => [...d.points]);
    const known = new Set(existing?.points.map((p) => p.id) ?? []);
    await store.saveDistrict(DEMO_SITE, buildings, bms.devices, points);
    log(`demo district: ${bms.devices.length} heat meters on the simulated building automation server ${bms.simulator.endpointUrl}`);
    const resumeHeat = await interruptedAt(store, points, 'heat', valueAt);
    if (resumeHeat !== undefined) await backfill(o, valueAt, points, 'heat', resumeHeat === 'from-start' ? undefined : resumeHeat);
    else if (!points.every((p) => known.has(p.id))) await backfill(o, valueAt, points, 'heat');
    if (closed) {
      await Promise.all(heatDrivers.map(([, d]) => d.close()));
      return;
    }
    for (const [device, driver] of heatDrivers) collector.add(device, driver);
  })().catch((e: unknown) => log(`demo district: the OPC UA heat meters could not start: ${(e as Error).message}`));

  return {
    heatReady,
    stopJoining: async () => {
      closed = true;
      await heatReady;
    },
    // the collector closes the drivers it was given; the simulators are ours
    close: async () => {
      closed = true;
      await heatReady;
      await Promise.all(gateways.map((g) => g.simulator.close()));
      await bms?.simulator.close();
    },
  };
}
