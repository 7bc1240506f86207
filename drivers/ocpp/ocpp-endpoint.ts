/**
 * The WebSocket side of an OCPP central system, on ocpp-rpc (https://github.com/mikuso/ocpp-rpc): it speaks the
 * OCPP-J RPC framing and, in strict mode, validates every call and every answer against the OCPP 1.6 or 2.0.1 JSON
 * schemas it ships (the Open Charge Alliance's), answering malformed calls with the OCPP CALLERROR itself. This file
 * only listens on ws(s)://host:port/ocpp/<chargePointId>, asks the caller whether to let a charge point in, and
 * routes the calls a charge point makes to the caller's handlers for the protocol the connection agreed on. It never
 * calls a charge point: the central system is read-only.
 *
 * Version: the charge point lists the OCPP versions it speaks in Sec-WebSocket-Protocol, most preferred first, and
 * the server answers with exactly one (OCPP-J 1.6 section 3.1.2; OCPP 2.0.1 Part 4, "OCPP version" in section 3.1:
 * the version is negotiated by the subprotocol, never by the URL). So the first offered version that has handlers
 * here wins: a charge point offering "ocpp2.0.1, ocpp1.6" gets 2.0.1, one offering only ocpp1.6 gets 1.6.
 *
 * Security profiles (OCPP 1.6 security whitepaper; OCPP 2.0.1 Part 2, section A "Security", security profiles):
 * 1 = HTTP basic auth (username = charge point id) over ws://, 2 = the same over TLS (wss://, TLS 1.2 at least);
 * the password check itself is the caller's, the same for both versions.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';

export const OCPP16 = 'ocpp1.6';
export const OCPP201 = 'ocpp2.0.1';
export type OcppProtocol = typeof OCPP16 | typeof OCPP201;
/** The URL path before the charge point id. */
export const OCPP_PATH = '/ocpp';

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
  /** The calls each protocol answers, by action name; a protocol without handlers is not offered. */
  readonly handlers: Readonly<Partial<Record<OcppProtocol, Readonly<Record<string, OcppHandler>>>>>;
  readonly onConnect?: (chargePointId: string, protocol: OcppProtocol) => void;
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
  const served = ([OCPP201, OCPP16] as const).filter((p) => o.handlers[p] !== undefined);
  const rpc = new RPCServer({ protocols: [...served], strictMode: true, respondWithDetailedErrors: false });
  const clients = new Map<string, { close(options: Record<string, unknown>): Promise<unknown> }>();

  rpc.auth((accept, reject, handshake) => {
    const id = handshake.identity;
    if (handshake.endpoint !== OCPP_PATH) return void reject(404, `charge points connect to ${OCPP_PATH}/<chargePointId>`);
    // a Set keeps the header's order: the charge point's preference
    const protocol = [...handshake.protocols].find((p): p is OcppProtocol => (served as readonly string[]).includes(p));
    if (protocol === undefined) return void reject(400, `the WebSocket subprotocol must be one of ${served.join(', ')}`);
    o.admit(id, handshake.password).then(
      (decision) => {
        if (decision.ok) return accept({}, protocol);
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
    const protocol = client.protocol as OcppProtocol;
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
    for (const [call, handler] of Object.entries(o.handlers[protocol] ?? {})) {
      client.handle(call, async ({ params }: { params: Record<string, unknown> }) => {
        try {
          return await handler(id, params);
        } catch (e) {
          problem(`${id}: ${call} failed: ${(e as Error).message}`);
          throw e;
        }
      });
    }
    o.onConnect?.(id, protocol);
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
  /** The subprotocol accepted in the handshake. */
  readonly protocol: string;
  on(event: string, listener: (arg: never) => void): void;
  handle(method: string, handler: (call: { params: Record<string, unknown> }) => Promise<Record<string, unknown>>): void;
  close(options: Record<string, unknown>): Promise<unknown>;
}
