/**
 * The district's OCPP 1.6J central system: charge points dial in (drivers/ocpp/ocpp-endpoint.ts), are let in when
 * the user registered them (with the right password, where one is set) or when unknown charge points are allowed,
 * and their meter values become readings of the charge point's points, stored through store.ingest like any
 * meter's, so the interval engine makes their 15-minute energies with quality flags. Transactions become charging
 * sessions; id tags are stored only as salted hashes. Read-only: every call is answered 'Accepted' and the central
 * system never sends a command to a charge point.
 */
import type { Reading } from '../../../../models/types.js';
import { meterSamples, type MeterSample, type OcppMeterValue } from '../../../../drivers/ocpp/meter-values.js';
import { startOcppEndpoint, type ChargePointCall, type OcppHandler } from '../../../../drivers/ocpp/ocpp-endpoint.js';
import type { ChargingStore, OcppSettings } from '../../store/charging-store.js';
import type { Store } from '../../store/store.js';
import { chargePointPasswordMatches } from './charge-point-password.js';
import { chargePointDevice, chargePointPointId, connectorPoints } from './charge-point-points.js';
import { idTagHash } from './id-tag-hash.js';

export interface CentralSystemOptions {
  readonly store: Pick<Store, 'getDistrict' | 'saveDistrict' | 'ingest'>;
  readonly charging: ChargingStore;
  readonly settings: OcppSettings;
  /** PEM certificate and key for wss:// (security profile 2). */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** The collector's clock (BootNotification and Heartbeat answer it as currentTime). */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export interface CentralSystem {
  readonly port: number;
  /** ws(s)://host:port/ocpp/ : a charge point appends its id. */
  readonly url: string;
  connected(): string[];
  close(): Promise<void>;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export async function startCentralSystem(o: CentralSystemOptions): Promise<CentralSystem> {
  const now = o.now ?? Date.now;
  const log = o.log ?? (() => undefined);
  const { charging, settings } = o;
  const salt = await charging.idTagSalt();
  const registered = new Set((await o.store.getDistrict())?.points.map((p) => p.id) ?? []);
  const warned = new Set<string>();

  interface Registration {
    readonly cpId: string;
    readonly connector: number;
    readonly resolve: (stored: boolean) => void;
    readonly reject: (e: unknown) => void;
  }
  let pending: Registration[] = [];
  let draining: Promise<void> | null = null;

  /**
   * Adds the charge points' devices and connectors' points to the district, in batches: every registration asked
   * for while one is written joins the next, so a thousand charge points coming up after a power cut cost a few
   * reads and writes of the district, not a thousand (each write reloads the interval engine's state).
   */
  const drain = async (): Promise<void> => {
    // let the calls that arrive in the same moment join the first batch
    await new Promise((r) => setImmediate(r));
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const view = await o.store.getDistrict();
        const devices = new Map<string, ReturnType<typeof chargePointDevice>>();
        const points: ReturnType<typeof connectorPoints> = [];
        const outcome: boolean[] = [];
        for (const r of batch) {
          if (registered.has(chargePointPointId(r.cpId, r.connector, 'energy'))) {
            outcome.push(true);
            continue;
          }
          const buildingId = (await charging.chargePoint(r.cpId))?.buildingId ?? null;
          if (!view || buildingId === null || !view.buildings.some((b) => b.id === buildingId)) {
            if (!warned.has(r.cpId)) log(`ocpp: ${r.cpId} is attached to no building of the district; its meter values are not stored`);
            warned.add(r.cpId);
            outcome.push(false);
            continue;
          }
          devices.set(r.cpId, chargePointDevice(r.cpId, buildingId, settings.heartbeatS));
          const added = connectorPoints(r.cpId, buildingId, r.connector);
          if (!points.some((p) => p.id === added[0]?.id)) points.push(...added);
          outcome.push(true);
        }
        if (view && points.length > 0) await o.store.saveDistrict(view.site, [], [...devices.values()], points);
        for (const p of points) registered.add(p.id);
        batch.forEach((r, k) => r.resolve(outcome[k] as boolean));
      } catch (e) {
        for (const r of batch) r.reject(e);
      }
    }
    draining = null;
  };

  /** The charge point's device and the connector's points in the district; false when it has no building. */
  const ensurePoints = (cpId: string, connector: number): Promise<boolean> => {
    if (registered.has(chargePointPointId(cpId, connector, 'energy'))) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      pending.push({ cpId, connector, resolve, reject });
      draining ??= drain();
    });
  };

  const store = async (cpId: string, connector: number, samples: readonly MeterSample[]): Promise<void> => {
    if (samples.length === 0 || !(await ensurePoints(cpId, connector))) return;
    const readings: Reading[] = samples.map((s) => ({
      pointId: chargePointPointId(cpId, connector, s.quantity),
      ts: s.ts,
      value: s.value,
      quality: 'good',
    }));
    await o.store.ingest(readings);
  };

  const meterValues = async (cpId: string, connector: number, values: readonly OcppMeterValue[]): Promise<void> => {
    const { samples, problems } = meterSamples(values);
    for (const p of problems) log(`ocpp: ${cpId} connector ${connector}: ${p}`);
    await store(cpId, connector, samples);
  };

  /** meterStart/meterStop are integer Wh of the energy import register (OCPP 1.6 sections 6.46 and 6.50). */
  const registerReading = (cpId: string, connector: number, timestamp: string, wh: number) =>
    store(cpId, connector, Number.isFinite(Date.parse(timestamp)) ? [{ quantity: 'energy', ts: Date.parse(timestamp), value: wh / 1000 }] : []);

  const accepted = { idTagInfo: { status: 'Accepted' } };
  const handlers: Record<ChargePointCall, OcppHandler> = {
    BootNotification: async (cpId, params) => {
      await charging.noteChargePoint(cpId, now(), params);
      return { status: 'Accepted', currentTime: new Date(now()).toISOString(), interval: settings.heartbeatS };
    },
    Heartbeat: async (cpId) => {
      await charging.noteChargePoint(cpId, now());
      return { currentTime: new Date(now()).toISOString() };
    },
    StatusNotification: async (cpId, p) => {
      const ts = Date.parse(str(p['timestamp']));
      await charging.saveConnectorStatus({
        chargePoint: cpId,
        connector: num(p['connectorId']),
        status: str(p['status']),
        errorCode: str(p['errorCode']),
        ts: Number.isFinite(ts) ? ts : now(),
      });
      return {};
    },
    MeterValues: async (cpId, p) => {
      await meterValues(cpId, num(p['connectorId']), p['meterValue'] as OcppMeterValue[]);
      return {};
    },
    Authorize: async () => accepted,
    StartTransaction: async (cpId, p) => {
      const connector = num(p['connectorId']);
      const start = Date.parse(str(p['timestamp']));
      const transactionId = await charging.startSession({
        chargePoint: cpId,
        connector,
        idTagHash: idTagHash(salt, str(p['idTag'])),
        start: Number.isFinite(start) ? start : now(),
        meterStartWh: num(p['meterStart']),
      });
      await registerReading(cpId, connector, str(p['timestamp']), num(p['meterStart']));
      return { transactionId, ...accepted };
    },
    StopTransaction: async (cpId, p) => {
      const id = num(p['transactionId']);
      const stop = Date.parse(str(p['timestamp']));
      const session = await charging.stopSession(id, {
        ts: Number.isFinite(stop) ? stop : now(),
        meterStopWh: num(p['meterStop']),
        reason: typeof p['reason'] === 'string' ? p['reason'] : null,
      });
      const known = session ?? (await charging.session(id));
      if (!known || known.chargePoint !== cpId) log(`ocpp: ${cpId} stopped transaction ${id}, which it never started here`);
      else {
        await registerReading(cpId, known.connector, str(p['timestamp']), num(p['meterStop']));
        await meterValues(cpId, known.connector, (p['transactionData'] as OcppMeterValue[] | undefined) ?? []);
      }
      return typeof p['idTag'] === 'string' ? accepted : {};
    },
    DataTransfer: async () => ({ status: 'UnknownVendorId' }),
    DiagnosticsStatusNotification: async () => ({}),
    FirmwareStatusNotification: async () => ({}),
  };

  const endpoint = await startOcppEndpoint({
    host: settings.host,
    port: settings.port,
    ...(o.tls ? { tls: o.tls } : {}),
    admit: async (cpId, password) => {
      const cp = await charging.chargePoint(cpId);
      if (!cp) {
        if (!settings.allowUnknown) return { ok: false, status: 401, message: `charge point '${cpId}' is not registered` };
        await charging.saveChargePoint({ id: cpId, buildingId: settings.unknownBuildingId });
        log(`ocpp: accepted unknown charge point ${cpId}`);
      } else if (cp.passwordHash !== null) {
        if (password === undefined) return { ok: false, status: 401, message: `charge point '${cpId}' sent no password` };
        if (!(await chargePointPasswordMatches(password, cp.passwordHash)))
          return { ok: false, status: 401, message: `charge point '${cpId}' sent a wrong password` };
      }
      await charging.noteChargePoint(cpId, now());
      return { ok: true };
    },
    handlers,
    onConnect: (cpId) => log(`ocpp: ${cpId} connected`),
    onDisconnect: (cpId) => log(`ocpp: ${cpId} disconnected`),
    onProblem: (line) => log(`ocpp: ${line}`),
  });
  log(`ocpp: central system listening on ${endpoint.url}<chargePointId>`);
  return endpoint;
}
