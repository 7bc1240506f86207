/**
 * The district's OCPP central system, 1.6J and 2.0.1 on one endpoint: charge points dial in
 * (drivers/ocpp/ocpp-endpoint.ts, the subprotocol picks the version), are let in when the user registered them
 * (with the right password, where one is set) or when unknown charge points are allowed, whatever version they
 * speak, and their meter values become readings of the charge point's points, stored through store.ingest like
 * any meter's, so the interval engine makes their 15-minute energies with quality flags. Transactions become
 * charging sessions; id tags and idTokens are stored only as salted hashes. Each version's messages are mapped in
 * a file of its own (ocpp16-calls.ts, ocpp201-calls.ts) onto the same points, statuses and sessions. Read-only:
 * every call is answered 'Accepted' and the central system never sends a command to a charge point.
 */
import type { Reading } from '../../../../models/types.js';
import type { MeterSample } from '../../../../drivers/ocpp/meter-values.js';
import { OCPP16, OCPP201, startOcppEndpoint } from '../../../../drivers/ocpp/ocpp-endpoint.js';
import type { ChargingStore, OcppSettings } from '../../store/charging-store.js';
import type { Store } from '../../store/store.js';
import { chargePointPasswordMatches } from './charge-point-password.js';
import { chargePointDevice, chargePointPointId, connectorPoints } from './charge-point-points.js';
import { ocpp16Calls } from './ocpp16-calls.js';
import { ocpp201Calls } from './ocpp201-calls.js';
import type { OcppContext } from './ocpp-context.js';

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

  const storeSamples = async (cpId: string, connector: number, samples: readonly MeterSample[]): Promise<void> => {
    if (samples.length === 0 || !(await ensurePoints(cpId, connector))) return;
    const readings: Reading[] = samples.map((s) => ({
      pointId: chargePointPointId(cpId, connector, s.quantity),
      ts: s.ts,
      value: s.value,
      quality: 'good',
    }));
    await o.store.ingest(readings);
  };

  const ctx: OcppContext = { charging, settings, salt, now, log, storeSamples };

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
    handlers: { [OCPP16]: ocpp16Calls(ctx), [OCPP201]: ocpp201Calls(ctx) },
    onConnect: (cpId, protocol) => log(`ocpp: ${cpId} connected (${protocol})`),
    onDisconnect: (cpId) => log(`ocpp: ${cpId} disconnected`),
    onProblem: (line) => log(`ocpp: ${line}`),
  });
  log(`ocpp: central system listening on ${endpoint.url}<chargePointId>`);
  return endpoint;
}
