/**
 * DeviceDriver over OPC UA. By default a subscription delivers changes and read(now) answers the latest delivered
 * values at once, so a slow or stalled server never holds up the collector. Acquisition 'poll' uses the Read
 * service instead, bounded by the request timeout.
 *
 * Gaps: while the connection is lost, or when the server has been silent for longer than its keep-alive promise,
 * read() throws a DeviceError, so the collector records missing samples. Values delivered before a loss are not
 * reported again after it: a point shows up only once the recreated subscription has delivered it anew.
 */
import {
  AttributeIds,
  ClientMonitoredItemGroup,
  ClientSubscription,
  DataChangeFilter,
  DataChangeTrigger,
  DeadbandType,
  TimestampsToReturn,
} from 'node-opcua';
import type { ClientMonitoredItemBase, DataValue } from 'node-opcua';
import type { Device, Point, Reading, SampleQuality } from '../../models/types.js';
import { DeviceError, type DeviceDriver } from '../device-driver.js';
import { applyConversion } from './eu-units.js';
import { parseOpcUaDeviceConfig, type OpcUaDeviceConfig, type OpcUaPointConfig } from './opcua-config.js';
import { acquireConnection, type ConnectionLease } from './opcua-connection.js';
import { numericValue, resolvePoints, type ResolvedPoint } from './opcua-points.js';
import { qualityFromStatus } from './status-quality.js';
import { withTimeout } from './with-timeout.js';

export interface OpcUaDriverOptions {
  /** The app's PKI folder (client certificate, trusted server certificates), normally <user-data>/pki. */
  readonly pkiDir: string;
  /** How long the first connection may take, ms. */
  readonly connectTimeoutMs?: number;
  /** Silence (no data, no keep-alive) after which read() reports a timeout; derived from the subscription if omitted. */
  readonly staleAfterMs?: number;
  /** Connection changes, for the log and the UI's device status. */
  readonly onStateChange?: (state: 'connected' | 'reconnecting' | 'closed', deviceId: string) => void;
}

interface Latest {
  value: number;
  quality: SampleQuality;
  epoch: number;
}

const KEEP_ALIVE_COUNT = 10;
/** The session timeout the connection asks for (opcua-connection.ts). */
const SESSION_TIMEOUT_MS = 60_000;

/**
 * Keep-alive and lifetime counts for a publishing interval. The server drops a subscription whose lifetime
 * (count x interval) outlives the session, and node-opcua refuses to create one, so long intervals (a 15-minute
 * meter) get smaller counts instead of a failed subscription.
 */
export function subscriptionCounts(intervalMs: number, sessionTimeoutMs = SESSION_TIMEOUT_MS): { keepAlive: number; lifetime: number } {
  const lifetime = Math.max(3, Math.min(KEEP_ALIVE_COUNT * 6, Math.floor(sessionTimeoutMs / intervalMs)));
  return { keepAlive: Math.max(1, Math.min(KEEP_ALIVE_COUNT, Math.floor(lifetime / 3))), lifetime };
}

export async function createOpcUaDriver(
  device: Device,
  config: OpcUaDeviceConfig,
  options: OpcUaDriverOptions,
): Promise<DeviceDriver & { readonly diagnostics: () => OpcUaDriverDiagnostics }> {
  if (device.protocol !== 'opcua') {
    throw new DeviceError('config', `${device.id}: protocol '${device.protocol}' is not opcua`, device.id);
  }
  if (!/^opc\.tcp:\/\/[^/:]+(:\d+)?(\/.*)?$/.test(device.url)) {
    throw new DeviceError('config', `${device.id}: '${device.url}' is not an opc.tcp:// URL`, device.id);
  }
  let cfg;
  try {
    cfg = parseOpcUaDeviceConfig(config, device.id);
  } catch (e) {
    throw new DeviceError('config', (e as Error).message, device.id);
  }
  const lease: ConnectionLease = await acquireConnection({
    url: device.url,
    securityMode: cfg.securityMode,
    securityPolicy: cfg.securityPolicy,
    identity: cfg.identity,
    pkiDir: options.pkiDir,
    requestTimeoutMs: cfg.requestTimeoutMs,
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    deviceId: device.id,
  });
  const conn = lease.connection;
  let closed = false;
  let resolved: ResolvedPoint[];
  try {
    resolved = await resolvePoints(conn.session, device.id, device.buildingId, cfg.points);
  } catch (e) {
    await lease.release();
    throw e instanceof DeviceError ? e : new DeviceError('exception', `${device.id}: ${(e as Error).message}`, device.id);
  }

  const points: Point[] = resolved.map((r) => r.point);
  // no slower than the session allows: the collector takes the latest value on its own schedule anyway
  const publishingInterval = Math.min(cfg.publishingIntervalMs ?? Math.max(100, device.pollIntervalMs), SESSION_TIMEOUT_MS / 3);
  const counts = subscriptionCounts(publishingInterval);
  const latest = new Map<string, Latest>();
  let lastHeard = Date.now();
  let notifications = 0;
  let subscription: ClientSubscription | undefined;

  const store = (r: ResolvedPoint, dv: DataValue) => {
    lastHeard = Date.now();
    const raw = numericValue(dv.value.value);
    const quality = raw === undefined ? 'bad' : qualityFromStatus(dv.statusCode.value);
    const prev = latest.get(r.point.id);
    // A Bad sample carries no usable value; keep the number from before but report the quality as bad.
    const value = raw !== undefined && quality !== 'bad' ? applyConversion(r.conversion, raw) : (prev?.value ?? Number.NaN);
    latest.set(r.point.id, { value, quality, epoch: conn.epoch });
  };

  // After a network loss node-opcua transfers the subscription, but an item that has not changed since sends
  // nothing new, and values from before the loss are not reported again. One Read brings every point back.
  let refreshing = false;
  const refreshAfterReconnect = async () => {
    if (refreshing || cfg.acquisition !== 'subscription') return;
    refreshing = true;
    try {
      for (let attempt = 0; attempt < 5 && conn.state === 'connected' && !closed; attempt++) {
        try {
          const epoch = conn.epoch;
          const dvs = await withTimeout(
            conn.session.read(resolved.map((r) => ({ nodeId: r.config.nodeId, attributeId: AttributeIds.Value }))),
            cfg.requestTimeoutMs,
            `${device.id}: read`,
          );
          if (epoch !== conn.epoch) continue;
          resolved.forEach((r, i) => {
            const dv = dvs[i];
            const l = latest.get(r.point.id);
            // a notification that arrived meanwhile is newer than this read
            if (dv && (!l || l.epoch !== epoch)) store(r, dv);
          });
          return;
        } catch {
          await new Promise((res) => setTimeout(res, 1000));
        }
      }
    } finally {
      refreshing = false;
    }
  };
  const stateListener = (s: 'connected' | 'reconnecting' | 'closed') => {
    if (s === 'connected') void refreshAfterReconnect();
    options.onStateChange?.(s, device.id);
  };
  conn.on('state', stateListener);

  if (cfg.acquisition === 'subscription') {
    try {
      subscription = await ClientSubscription.create(conn.session, {
        requestedPublishingInterval: publishingInterval,
        requestedLifetimeCount: counts.lifetime,
        requestedMaxKeepAliveCount: counts.keepAlive,
        maxNotificationsPerPublish: 0,
        publishingEnabled: true,
        priority: 10,
      });
      subscription.on('keepalive', () => {
        lastHeard = Date.now();
      });
      for (const group of groupByParameters(resolved)) {
        const items = group.map((r) => ({ nodeId: r.config.nodeId, attributeId: AttributeIds.Value }));
        const first = group[0]!.config;
        const monitored = ClientMonitoredItemGroup.create(
          subscription,
          items,
          {
            samplingInterval: first.samplingIntervalMs ?? publishingInterval,
            queueSize: first.queueSize ?? 1,
            discardOldest: true,
            ...(first.deadband ? { filter: deadbandFilter(first.deadband) } : {}),
          },
          TimestampsToReturn.Both,
        );
        monitored.on('changed', (_item: ClientMonitoredItemBase, dv: DataValue, index: number) => {
          const r = group[index];
          notifications++;
          if (r) store(r, dv);
        });
        await new Promise<void>((resolve, reject) => {
          monitored.once('initialized', () => resolve());
          monitored.once('err', (msg: string) => reject(new Error(msg)));
        });
      }
    } catch (e) {
      conn.off('state', stateListener);
      await subscription?.terminate().catch(() => undefined);
      await lease.release();
      throw new DeviceError('exception', `${device.id}: subscription failed: ${(e as Error).message}`, device.id);
    }
  }

  const actualInterval = () => subscription?.publishingInterval ?? publishingInterval;
  const staleAfter = () =>
    options.staleAfterMs ?? Math.max(3 * actualInterval() * counts.keepAlive, 3 * device.pollIntervalMs, 5000);

  const checkConnected = () => {
    if (closed) throw new DeviceError('connection', `${device.id}: driver is closed`, device.id);
    if (conn.state !== 'connected') {
      const since = conn.lostAt !== undefined ? new Date(conn.lostAt).toISOString() : 'now';
      throw new DeviceError('connection', `${device.id}: connection to ${device.url} lost since ${since}, reconnecting`, device.id);
    }
  };

  const readSubscription = (now: number): Reading[] => {
    checkConnected();
    const silentMs = Date.now() - lastHeard;
    if (silentMs > staleAfter()) {
      throw new DeviceError('timeout', `${device.id}: ${device.url} has sent nothing for ${Math.round(silentMs / 1000)} s`, device.id);
    }
    const out: Reading[] = [];
    for (const p of points) {
      const l = latest.get(p.id);
      if (!l || l.epoch !== conn.epoch || Number.isNaN(l.value)) continue;
      out.push({ pointId: p.id, ts: now, value: l.value, quality: l.quality });
    }
    return out;
  };

  const readPoll = async (now: number): Promise<Reading[]> => {
    checkConnected();
    let dvs: DataValue[];
    try {
      dvs = await withTimeout(
        conn.session.read(resolved.map((r) => ({ nodeId: r.config.nodeId, attributeId: AttributeIds.Value }))),
        cfg.requestTimeoutMs,
        'read',
      );
    } catch (e) {
      const msg = (e as Error).message;
      const timedOut = (e instanceof DeviceError && e.code === 'timeout') || /timeout|timed out/i.test(msg);
      throw new DeviceError(timedOut ? 'timeout' : 'connection', `${device.id}: read failed: ${msg}`, device.id);
    }
    lastHeard = Date.now();
    const out: Reading[] = [];
    resolved.forEach((r, i) => {
      const dv = dvs[i];
      if (!dv) return;
      store(r, dv);
      const l = latest.get(r.point.id);
      if (l && !Number.isNaN(l.value)) out.push({ pointId: r.point.id, ts: now, value: l.value, quality: l.quality });
    });
    return out;
  };

  return {
    deviceId: device.id,
    points,
    read: (now: number) => (cfg.acquisition === 'poll' ? readPoll(now) : Promise.resolve().then(() => readSubscription(now))),
    diagnostics: () => ({
      state: closed ? 'closed' : conn.state,
      reconnections: conn.reconnections,
      notifications,
      lastHeard,
      publishingIntervalMs: actualInterval(),
      monitoredItems: cfg.acquisition === 'subscription' ? resolved.length : 0,
    }),
    async close() {
      if (closed) return;
      closed = true;
      conn.off('state', stateListener);
      if (subscription && conn.state === 'connected') await subscription.terminate().catch(() => undefined);
      await lease.release();
    },
  };
}

export interface OpcUaDriverDiagnostics {
  readonly state: 'connected' | 'reconnecting' | 'closed';
  readonly reconnections: number;
  /** Data-change notifications received since start (the benchmark counts these). */
  readonly notifications: number;
  readonly lastHeard: number;
  readonly publishingIntervalMs: number;
  readonly monitoredItems: number;
}

/** Items with the same sampling, queue and deadband go into one CreateMonitoredItems call. */
function groupByParameters(resolved: readonly ResolvedPoint[]): ResolvedPoint[][] {
  const groups = new Map<string, ResolvedPoint[]>();
  for (const r of resolved) {
    const c: OpcUaPointConfig = r.config;
    const key = JSON.stringify([c.samplingIntervalMs, c.queueSize, c.deadband]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

function deadbandFilter(d: NonNullable<OpcUaPointConfig['deadband']>): DataChangeFilter {
  return new DataChangeFilter({
    trigger: DataChangeTrigger.StatusValue,
    deadbandType: d.type === 'absolute' ? DeadbandType.Absolute : DeadbandType.Percent,
    deadbandValue: d.value,
  });
}
