/**
 * A node-opcua server that looks like a building automation system: one folder per building, one object per meter,
 * analog items with EngineeringUnits for power, energy counters and flow temperature. Values come from a value
 * source function asked on every sample, so the demo can drive it from load profiles. Faults can be injected:
 * restart (all sessions lost), stall (connections open, nothing answered), Bad status, counter reset.
 */
import net from 'node:net';
import path from 'node:path';
import {
  DataType,
  DataValue,
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  StatusCodes,
  makeEUInformation,
  standardUnits,
} from 'node-opcua';
import type { StatusCode } from 'node-opcua';
import {
  ALL_QUANTITIES,
  QUANTITY_INFO,
  simNodeId,
  simNodeKey,
  validateBuildings,
  type SimBuilding,
  type SimQuantity,
  type SimValueSource,
} from './building-model.js';
import { SocketStaller } from './socket-staller.js';

export type SimSecurityMode = 'None' | 'Sign' | 'SignAndEncrypt';

export interface BuildingAutomationSimulatorOptions {
  /** 0 or omitted: a free port is chosen (and kept across restarts). */
  readonly port?: number;
  /** Interface to listen on; 127.0.0.1 unless the user binds elsewhere. */
  readonly host?: string;
  /** The simulator's own PKI (server certificate, trusted client and user certificates). */
  readonly pkiDir: string;
  readonly buildings: readonly SimBuilding[];
  readonly values: SimValueSource;
  /** Username/password pairs accepted; none means username login is refused. */
  readonly users?: readonly { readonly username: string; readonly password: string }[];
  readonly allowAnonymous?: boolean;
  /** Which message security modes the endpoints offer; all three by default. */
  readonly securityModes?: readonly SimSecurityMode[];
  /**
   * Accept client application and user certificates the simulator has not seen before. True by default because
   * the demo district must start without a trust dialog; tests that check rejection set it to false.
   */
  readonly acceptUnknownCertificates?: boolean;
  /** How often the server samples its getters at most, ms. */
  readonly minimumSamplingIntervalMs?: number;
  readonly productName?: string;
}

export interface SimulatorFaults {
  /** Every variable (or those of one meter) answers with a Bad status code until cleared. */
  setBadStatus(on: boolean, target?: { buildingId: string; meterId?: string; quantity?: SimQuantity }): void;
  /** The counter restarts from zero, as after a meter exchange or a firmware reset. */
  resetCounter(buildingId: string, meterId: string, quantity: SimQuantity): void;
  /** Connections stay open but nothing is read or answered until resume(). */
  stall(): void;
  resume(): void;
  /** Cuts every TCP connection while the server and its sessions live on, as a network outage does. */
  dropConnections(): void;
  /** Shuts the server down (dropping all sessions and connections) and starts it again on the same port. */
  restart(downtimeMs?: number): Promise<void>;
}

export interface BuildingAutomationSimulator {
  readonly endpointUrl: string;
  readonly port: number;
  readonly faults: SimulatorFaults;
  /** `ns=1;s=building/meter/quantity` */
  nodeId(buildingId: string, meterId: string, quantity: SimQuantity): string;
  /** Sessions currently open on the server: the reconnect tests check that clients do not pile them up. */
  sessionCount(): number;
  /** Sessions ever created since the last (re)start. */
  cumulatedSessionCount(): number;
  close(): Promise<void>;
}

const MODE_MAP: Record<SimSecurityMode, MessageSecurityMode> = {
  None: MessageSecurityMode.None,
  Sign: MessageSecurityMode.Sign,
  SignAndEncrypt: MessageSecurityMode.SignAndEncrypt,
};

const UNIT_MAP = {
  kW: standardUnits.kilowatt,
  kWh: makeEUInformation('KWH', 'kWh', 'kilowatt hour'),
  '°C': standardUnits.degree_celsius,
} as const;

export async function freeTcpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface FaultState {
  readonly bad: Set<string>; // node keys, building prefixes ("b/"), meter prefixes ("b/m/") or "*"
  readonly counterBase: Map<string, number>;
}

function isBad(state: FaultState, buildingId: string, meterId: string, quantity: SimQuantity): boolean {
  if (state.bad.size === 0) return false;
  return (
    state.bad.has('*') ||
    state.bad.has(`${buildingId}/`) ||
    state.bad.has(`${buildingId}/${meterId}/`) ||
    state.bad.has(simNodeKey(buildingId, meterId, quantity))
  );
}

export async function startBuildingAutomationSimulator(
  options: BuildingAutomationSimulatorOptions,
): Promise<BuildingAutomationSimulator> {
  validateBuildings(options.buildings);
  const host = options.host ?? '127.0.0.1';
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freeTcpPort(host);
  const state: FaultState = { bad: new Set(), counterBase: new Map() };
  const staller = new SocketStaller();
  let server = await createAndStart(options, host, port, state, staller);
  let closed = false;

  const faults: SimulatorFaults = {
    setBadStatus(on, target) {
      const key =
        target === undefined
          ? '*'
          : target.meterId === undefined
            ? `${target.buildingId}/`
            : target.quantity === undefined
              ? `${target.buildingId}/${target.meterId}/`
              : simNodeKey(target.buildingId, target.meterId, target.quantity);
      if (on) state.bad.add(key);
      else state.bad.delete(key);
    },
    resetCounter(buildingId, meterId, quantity) {
      if (!QUANTITY_INFO[quantity].isCounter) throw new Error(`simulator: ${quantity} is not a counter`);
      state.counterBase.set(
        simNodeKey(buildingId, meterId, quantity),
        options.values({ buildingId, meterId, quantity, now: Date.now() }),
      );
    },
    stall: () => staller.stall(),
    dropConnections: () => staller.destroyAll(),
    resume: () => staller.resume(),
    async restart(downtimeMs = 0) {
      staller.resume();
      staller.destroyAll();
      await server.shutdown(0);
      if (downtimeMs > 0) await new Promise((r) => setTimeout(r, downtimeMs));
      if (closed) return;
      server = await createAndStart(options, host, port, state, staller);
    },
  };

  return {
    endpointUrl: `opc.tcp://${host}:${port}`,
    port,
    faults,
    nodeId: simNodeId,
    sessionCount: () => server.engine?.currentSessionCount ?? 0,
    cumulatedSessionCount: () => server.engine?.cumulatedSessionCount ?? 0,
    async close() {
      closed = true;
      staller.resume();
      staller.destroyAll();
      await server.shutdown(0);
    },
  };
}

async function createAndStart(
  options: BuildingAutomationSimulatorOptions,
  host: string,
  port: number,
  state: FaultState,
  staller: SocketStaller,
): Promise<OPCUAServer> {
  const accept = options.acceptUnknownCertificates ?? true;
  const serverCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(options.pkiDir, 'server'),
    automaticallyAcceptUnknownCertificate: accept,
  });
  const userCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(options.pkiDir, 'users'),
    automaticallyAcceptUnknownCertificate: accept,
  });
  const users = options.users ?? [];
  const modes = options.securityModes ?? ['None', 'Sign', 'SignAndEncrypt'];
  const policies = modes.some((m) => m !== 'None')
    ? [SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep]
    : [];
  const server = new OPCUAServer({
    port,
    host,
    hostname: host,
    serverCertificateManager,
    userCertificateManager,
    certificateFile: path.join(options.pkiDir, 'server', 'own', 'certs', 'server_certificate.pem'),
    securityModes: modes.map((m) => MODE_MAP[m]),
    securityPolicies: modes.includes('None') ? [SecurityPolicy.None, ...policies] : policies,
    allowAnonymous: options.allowAnonymous ?? true,
    userManager: {
      isValidUser: (username: string, password: string) =>
        users.some((u) => u.username === username && u.password === password),
    },
    buildInfo: {
      productName: options.productName ?? 'PlusTwin Building Automation Simulator',
      manufacturerName: 'PlusTwin',
      softwareVersion: '1.0.0',
      buildNumber: '1',
    },
    serverInfo: { applicationUri: 'urn:plustwin:simulator:building-automation' },
    serverCapabilities: { maxSessions: 200 },
  });
  await server.initialize();
  buildAddressSpace(server, options, state);
  await server.start();
  for (const ep of server.endpoints) {
    const tcp = (ep as unknown as { _server?: net.Server })._server;
    if (tcp) staller.watch(tcp);
  }
  return server;
}

function buildAddressSpace(server: OPCUAServer, options: BuildingAutomationSimulatorOptions, state: FaultState): void {
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('simulator: address space not ready');
  const namespace = addressSpace.getOwnNamespace();
  if (namespace.index !== 1) throw new Error(`simulator: own namespace has index ${namespace.index}, expected 1`);
  const root = namespace.addFolder(addressSpace.rootFolder.objects, {
    nodeId: 's=BuildingAutomation',
    browseName: 'BuildingAutomation',
  });
  const minimumSamplingInterval = options.minimumSamplingIntervalMs ?? 100;

  for (const building of options.buildings) {
    const bFolder = namespace.addFolder(root, { nodeId: `s=${building.id}`, browseName: building.id });
    bFolder.setDisplayName(building.name);
    for (const meter of building.meters) {
      const mObj = namespace.addObject({
        organizedBy: bFolder,
        nodeId: `s=${building.id}/${meter.id}`,
        browseName: meter.id,
        displayName: meter.name ?? meter.id,
      });
      for (const quantity of meter.quantities ?? ALL_QUANTITIES) {
        const info = QUANTITY_INFO[quantity];
        const key = simNodeKey(building.id, meter.id, quantity);
        const sample = (): DataValue => {
          const now = Date.now();
          if (isBad(state, building.id, meter.id, quantity)) {
            return new DataValue({ statusCode: StatusCodes.BadDeviceFailure, sourceTimestamp: new Date(now) });
          }
          const raw = options.values({ buildingId: building.id, meterId: meter.id, quantity, now });
          const value = raw - (state.counterBase.get(key) ?? 0);
          const statusCode: StatusCode = Number.isFinite(value) ? StatusCodes.Good : StatusCodes.BadNoData;
          return new DataValue({
            value: { dataType: DataType.Double, value: Number.isFinite(value) ? value : 0 },
            statusCode,
            sourceTimestamp: new Date(now),
            serverTimestamp: new Date(now),
          });
        };
        namespace.addAnalogDataItem({
          componentOf: mObj,
          nodeId: `s=${key}`,
          browseName: quantity,
          description: info.description,
          dataType: 'Double',
          engineeringUnits: UNIT_MAP[info.unit],
          engineeringUnitsRange: info.unit === '°C' ? { low: -20, high: 150 } : { low: 0, high: 1e9 },
          minimumSamplingInterval,
          value: { timestamped_get: sample },
        });
      }
    }
  }
}
