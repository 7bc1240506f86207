/**
 * The device-management methods of the contract: profiles, "test connection", add / edit / remove, the device list
 * with health, the OPC UA tree browser and the certificate trust decisions. Spread into createHandlers().
 */
import type { ApiMethods, DeviceInput, DeviceListEntry, DeviceProbeView, OpcUaBrowseNodeView, ServerCertificateView } from '../../../models/contract/index.js';
import { DeviceError } from '../../../drivers/device-driver.js';
import { listProfiles, probeModbus } from '../../../drivers/modbus/index.js';
import {
  browseOpcUa,
  listServerCertificates,
  probeOpcUa,
  rejectServerCertificate,
  searchTree,
  trustServerCertificate,
  type BrowsedNode,
  type ServerCertificateInfo,
} from '../../../drivers/opcua/index.js';
import type { ProbeResult } from '../../../drivers/probe-result.js';
import { deviceErrorDetail } from './device-error-detail.js';
import { ApiFailure } from '../base/failure.js';
import { identityOf, newDeviceId, securityOf, toDevice } from '../ingest/devices/device-input.js';
import { redactDevice } from './district-for-ui.js';
import { SupervisorError, type DeviceSupervisor } from '../ingest/devices/device-supervisor.js';

type DeviceMethod =
  | 'profiles.list'
  | 'devices.probe'
  | 'devices.list'
  | 'devices.add'
  | 'devices.update'
  | 'devices.remove'
  | 'opcua.browse'
  | 'opcua.certificates'
  | 'opcua.trust'
  | 'opcua.reject';

export type DeviceHandlers = { [M in DeviceMethod]: (args: ApiMethods[M]['args']) => Promise<ApiMethods[M]['result']> };

export interface DeviceHandlerContext {
  readonly supervisor: DeviceSupervisor;
  readonly pkiDir: string;
  /** Folder of Modbus profile files (tests); the shipped profiles by default. */
  readonly profileDir?: string;
  /** Connection timeout of probes and browsing, ms. */
  readonly timeoutMs?: number;
}

/** Errors from drivers and the supervisor become typed API failures: config problems are the user's input. */
async function guard<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    if (e instanceof SupervisorError) throw new ApiFailure(e.kind, e.message, e.where);
    if (e instanceof DeviceError) throw new ApiFailure(e.code === 'config' ? 'validation' : 'device', e.message, where, e.detail ?? deviceErrorDetail(e.message));
    const message = e instanceof Error ? e.message : String(e);
    // node-opcua and the PKI helpers throw plain Errors for an unreachable server or an unknown thumbprint
    if (/no server certificate with thumbprint/.test(message)) throw new ApiFailure('not-found', message, where);
    throw new ApiFailure('device', message, where, deviceErrorDetail(message));
  }
}

const probeView = (r: ProbeResult): DeviceProbeView => ({
  url: r.url,
  protocol: r.protocol,
  identity: r.identity,
  values: r.values,
  notes: r.notes,
});

const nodeView = (n: BrowsedNode): OpcUaBrowseNodeView => ({
  nodeId: n.nodeId,
  browseName: n.browseName,
  displayName: n.displayName,
  nodeClass: n.nodeClass,
  ...(n.dataType !== undefined ? { dataType: n.dataType } : {}),
  ...(n.unit !== undefined ? { unit: n.unit } : {}),
  ...(n.children ? { children: n.children.map(nodeView) } : {}),
});

/** A stored OPC UA password never travels back to the UI. */
export function redact(entry: DeviceListEntry): DeviceListEntry {
  const device = redactDevice(entry.device);
  return device === entry.device ? entry : { ...entry, device };
}

/**
 * An edit that leaves the password empty keeps the stored one only while it would go where it went before: the
 * same address, security mode and policy, and user name. Any other endpoint must be given the password again, or
 * an edit of the address alone would send the stored password to a server the editor chose.
 */
async function keepPassword(supervisor: DeviceSupervisor, id: string, input: DeviceInput): Promise<DeviceInput> {
  const login = input.opcua?.login;
  if (!input.opcua || login?.kind !== 'username' || login.password !== '') return input;
  const stored = (await supervisor.list()).find((e) => e.device.id === id)?.device;
  const identity = stored?.config?.['identity'] as { kind?: string; username?: string; password?: string } | undefined;
  if (!stored || identity?.kind !== 'username' || !identity.password) return input;
  const wanted = securityOf(input.opcua.security);
  const sameEndpoint =
    stored.url === input.url &&
    stored.config?.['securityMode'] === wanted.securityMode &&
    stored.config?.['securityPolicy'] === wanted.securityPolicy &&
    identity.username === login.username;
  if (!sameEndpoint) {
    throw new ApiFailure(
      'validation',
      'enter the password again: the address, security or user name changed, so the stored password is not sent',
      'device.opcua.login.password',
    );
  }
  return { ...input, opcua: { ...input.opcua, login: { ...login, password: identity.password } } };
}

/** The certificate file path stays in the core: the renderer needs what the user decides on, not where it lies. */
const certView = ({ file: _file, ...rest }: ServerCertificateInfo): ServerCertificateView => rest;

export function createDeviceHandlers(ctx: DeviceHandlerContext): DeviceHandlers {
  const { supervisor, pkiDir } = ctx;
  const timeoutMs = ctx.timeoutMs ?? 8_000;
  return {
    'profiles.list': () => guard('profiles', () => listProfiles(ctx.profileDir)),
    'devices.probe': ({ url, profile, security, login }) =>
      guard(url, async () => {
        if (url.startsWith('opc.tcp://')) {
          const r = await probeOpcUa(url, { pkiDir, ...securityOf(security), identity: identityOf(login), timeoutMs, browseDepth: 0 });
          const endpoints = r.endpoints.map((e) => `endpoint ${e.securityMode} ${e.securityPolicy} (${e.userTokens.join(', ')})`);
          return { ...probeView(r), notes: [...r.notes, ...endpoints] };
        }
        return probeView(
          await probeModbus(url, {
            ...(profile !== undefined ? { profile } : {}),
            ...(ctx.profileDir !== undefined ? { profileDir: ctx.profileDir } : {}),
            timeoutMs: Math.min(timeoutMs, 3_000),
          }),
        );
      }),
    'devices.list': () => guard('devices', async () => (await supervisor.list()).map(redact)),
    'devices.add': (input) => guard('device', async () => redact(await supervisor.add(toDevice(newDeviceId(input.name), input)))),
    'devices.update': ({ id, device }) => guard(id, async () => redact(await supervisor.update(toDevice(id, await keepPassword(supervisor, id, device))))),
    'devices.remove': ({ id }) =>
      guard(id, async () => {
        await supervisor.remove(id);
        return { id };
      }),
    'opcua.browse': ({ url, security, login, nodeId, depth, search }) =>
      guard(url, async () => {
        const tree = await browseOpcUa(url, {
          pkiDir,
          ...securityOf(security),
          identity: identityOf(login),
          timeoutMs,
          depth: depth ?? (search ? 4 : 1),
          ...(nodeId !== undefined ? { startNodeId: nodeId } : {}),
          maxNodes: 5_000,
        });
        const nodes = tree.map(nodeView);
        if (!search) return { nodes };
        return { nodes, matches: searchTree(tree, search).map((m) => ({ node: nodeView(m.node), path: m.path })) };
      }),
    'opcua.certificates': () => guard('pki', async () => (await listServerCertificates(pkiDir)).map(certView)),
    'opcua.trust': ({ thumbprint }) => guard(thumbprint, async () => certView(await trustServerCertificate(pkiDir, thumbprint))),
    'opcua.reject': ({ thumbprint }) => guard(thumbprint, async () => certView(await rejectServerCertificate(pkiDir, thumbprint))),
  };
}

/** For a core started without device management (some tests): every device method answers a clear error. */
export function unavailableDeviceHandlers(): DeviceHandlers {
  const no = async (): Promise<never> => {
    throw new ApiFailure('internal', 'device management is not running in this core');
  };
  return {
    'profiles.list': no,
    'devices.probe': no,
    'devices.list': no,
    'devices.add': no,
    'devices.update': no,
    'devices.remove': no,
    'opcua.browse': no,
    'opcua.certificates': no,
    'opcua.trust': no,
    'opcua.reject': no,
  };
}
