/**
 * The WebSocket side of an OCPP 1.6J central system, on ocpp-rpc (https://github.com/mikuso/ocpp-rpc): it speaks
 * the OCPP-J RPC framing and, in strict mode, validates every call and every answer against the OCPP 1.6 JSON
 * schemas it ships, answering malformed calls with the OCPP CALLERROR itself. This file only listens on
 * ws(s)://host:port/ocpp/<chargePointId>, asks the caller whether to let a charge point in, and routes the calls a
 * charge point makes to the caller's handlers. It never calls a charge point: the central system is read-only.
 *
 * Security profiles (OCPP 1.6 security whitepaper): 1 = HTTP basic auth (username = charge point id) over ws://,
 * 2 = the same over TLS (wss://, TLS 1.2 at least); the password check itself is the caller's.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';

export const OCPP16 = 'ocpp1.6';
/** The URL path before the charge point id. */
export const OCPP_PATH = '/ocpp';

/** The calls a charge point makes to the central system in OCPP 1.6 (Core, Firmware and Diagnostics profiles). */
export const CHARGE_POINT_CALLS = [
  'BootNotification',
  'Heartbeat',
  'StatusNotification',
  'MeterValues',
  'Authorize',
  'StartTransaction',
  'StopTransaction',
  'DataTransfer',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
] as const;
export type ChargePointCall = (typeof CHARGE_POINT_CALLS)[number];

export type OcppHandler = (chargePointId: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>;

export type AdmitDecision = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly message: string };

export interface OcppEndpointOptions {
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  /** PEM certificate and key: security profile 2 (wss://). Without: ws://. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Whether this charge point may connect; password is the basic-auth password, when one was sent. */
  readonly admit: (chargePointId: string, password: Buffer | undefined) => Promise<AdmitDecision>;
  readonly handlers: Record<ChargePointCall, OcppHandler>;
  readonly onConnect?: (chargePointId: string) => void;
  readonly onDisconnect?: (chargePointId: string) => void;
  /** A call or answer that failed schema validation, a refused handshake, a handler that threw. */
  readonly onProblem?: (line: string) => void;
}

export interface OcppEndpoint {
  readonly port: number;
  readonly url: string;
  /** Charge points connected now. */
  connected(): string[];
  close(): Promise<void>;
}

export async function startOcppEndpoint(o: OcppEndpointOptions): Promise<OcppEndpoint> {
  const problem = o.onProblem ?? (() => undefined);
  const rpc = new RPCServer({ protocols: [OCPP16], strictMode: true, respondWithDetailedErrors: false });
  const clients = new Map<string, { close(options: Record<string, unknown>): Promise<unknown> }>();

  rpc.auth((accept, reject, handshake) => {
    const id = handshake.identity;
    if (handshake.endpoint !== OCPP_PATH) return void reject(404, `charge points connect to ${OCPP_PATH}/<chargePointId>`);
    if (!handshake.protocols.has(OCPP16)) return void reject(400, `the WebSocket subprotocol must be ${OCPP16}`);
    o.admit(id, handshake.password).then(
      (decision) => {
        if (decision.ok) return accept({}, OCPP16);
        problem(`${id}: refused (${decision.message})`);
        reject(decision.status, decision.message);
      },
      (e: unknown) => {
        problem(`${id}: refused, the check failed: ${(e as Error).message}`);
        reject(500, 'internal error');
      },
    );
  });

  rpc.on('client', (client: ServerClient) => {
    const id = client.identity;
    // a charge point that reconnects before its old socket timed out replaces it
    const previous = clients.get(id);
    clients.set(id, client);
    if (previous) void previous.close({ code: 1000, reason: 'replaced by a new connection', force: true });
    client.on('strictValidationFailure', (e: { error?: Error }) => problem(`${id}: ${e.error?.message ?? 'schema validation failed'}`));
    client.on('close', () => {
      if (clients.get(id) === client) {
        clients.delete(id);
        o.onDisconnect?.(id);
      }
    });
    for (const call of CHARGE_POINT_CALLS) {
      const handler = o.handlers[call];
      client.handle(call, async ({ params }: { params: Record<string, unknown> }) => {
        try {
          return await handler(id, params);
        } catch (e) {
          problem(`${id}: ${call} failed: ${(e as Error).message}`);
          throw e;
        }
      });
    }
    o.onConnect?.(id);
  });

  let https: HttpsServer | undefined;
  let http: Server;
  if (o.tls) {
    https = createHttpsServer({ cert: o.tls.cert, key: o.tls.key, minVersion: 'TLSv1.2' });
    https.on('upgrade', rpc.handleUpgrade);
    await new Promise<void>((resolve, reject) => {
      (https as HttpsServer).once('error', reject);
      (https as HttpsServer).listen(o.port, o.host, () => resolve());
    });
    http = https;
  } else {
    http = await rpc.listen(o.port, o.host);
  }
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `${o.tls ? 'wss' : 'ws'}://${o.host}:${port}${OCPP_PATH}/`,
    connected: () => [...clients.keys()],
    close: async () => {
      await rpc.close({ code: 1001, reason: 'central system shutting down', force: true });
      if (https) await new Promise<void>((resolve) => (https as HttpsServer).close(() => resolve()));
    },
  };
}

/** What this file uses of ocpp-rpc's server-side client (its typings do not export the class by name). */
interface ServerClient {
  readonly identity: string;
  on(event: string, listener: (arg: never) => void): void;
  handle(method: string, handler: (call: { params: Record<string, unknown> }) => Promise<Record<string, unknown>>): void;
  close(options: Record<string, unknown>): Promise<unknown>;
}
