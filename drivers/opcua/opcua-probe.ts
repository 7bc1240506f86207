/**
 * `plustwin probe opc.tcp://...` and the UI's "test connection": who the server is (BuildInfo), which endpoints it
 * offers (security modes, policies, user token kinds), what is under Objects, and current values. Uses its own
 * short-lived session, never the shared one of a running driver.
 */
import { AttributeIds, MessageSecurityMode, UserTokenType } from 'node-opcua';
import type { ClientSession, DataValue, EndpointDescription } from 'node-opcua';
import type { ProbeResult, ProbeValue } from '../probe-result.js';
import { DeviceError } from '../device-driver.js';
import type { OpcUaIdentity, OpcUaSecurityMode, OpcUaSecurityPolicy } from './opcua-config.js';
import { openConnection } from './opcua-connection.js';
import { browseTree, type BrowsedNode } from './opcua-browse.js';
import { readEngineeringUnits } from './opcua-points.js';
import { qualityFromStatus } from './status-quality.js';

export interface OpcUaProbeOptions {
  readonly pkiDir: string;
  readonly securityMode?: OpcUaSecurityMode;
  readonly securityPolicy?: OpcUaSecurityPolicy;
  readonly identity?: OpcUaIdentity;
  /** Levels to browse below Objects; 3 when no nodes are given, else 0. */
  readonly browseDepth?: number;
  /** Nodes whose current values are read; without them, the browsed variables are read. */
  readonly nodes?: readonly string[];
  readonly timeoutMs?: number;
  /** At most this many values are read from the browsed variables. */
  readonly maxValues?: number;
}

/** Server_ServerStatus_BuildInfo_* (Part 5, standard node ids). */
const BUILD_INFO = {
  productUri: 'i=2262',
  manufacturer: 'i=2263',
  productName: 'i=2261',
  softwareVersion: 'i=2264',
  buildNumber: 'i=2265',
} as const;

export interface OpcUaProbeResult extends ProbeResult {
  readonly browse?: readonly BrowsedNode[];
  readonly endpoints: readonly { url: string; securityMode: string; securityPolicy: string; userTokens: string[] }[];
}

export async function probeOpcUa(url: string, options: OpcUaProbeOptions): Promise<OpcUaProbeResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const conn = await openConnection({
    url,
    securityMode: options.securityMode ?? 'None',
    securityPolicy: options.securityPolicy ?? 'None',
    identity: options.identity ?? { kind: 'anonymous' },
    pkiDir: options.pkiDir,
    requestTimeoutMs: timeoutMs,
    connectTimeoutMs: timeoutMs,
  });
  try {
    const session = conn.session;
    const endpoints = describeEndpoints(await conn.client.getEndpoints());
    const info = await session.read(
      Object.values(BUILD_INFO).map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })),
    );
    const text = (i: number): string | undefined => {
      const v: unknown = info[i]?.value.value;
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const [productUri, manufacturer, productName, softwareVersion, buildNumber] = [0, 1, 2, 3, 4].map(text);
    const depth = options.browseDepth ?? ((options.nodes?.length ?? 0) > 0 ? 0 : 3);
    const browse = depth > 0 ? await browseTree(session, { depth }) : undefined;
    const nodeIds =
      options.nodes && options.nodes.length > 0
        ? [...options.nodes]
        : collectVariables(browse ?? []).slice(0, options.maxValues ?? 200);
    const values = await readValues(session, nodeIds);
    const notes = [
      ...(productUri ? [`product URI ${productUri}`] : []),
      ...(buildNumber ? [`build ${buildNumber}`] : []),
      ...endpoints.map(
        (e) => `endpoint ${e.url} ${e.securityMode} ${e.securityPolicy} (user tokens: ${e.userTokens.join(', ') || 'none'})`,
      ),
      `connected with ${options.securityMode ?? 'None'} / ${options.securityPolicy ?? 'None'}, ${options.identity?.kind ?? 'anonymous'} identity`,
    ];
    const identity = {
      ...(manufacturer ? { manufacturer } : {}),
      ...(productName ? { model: productName } : {}),
      ...(softwareVersion ? { version: softwareVersion } : {}),
    };
    return {
      url,
      protocol: 'opcua',
      identity,
      values,
      notes,
      endpoints,
      ...(browse ? { browse } : {}),
    };
  } catch (e) {
    throw e instanceof DeviceError ? e : new DeviceError('exception', `${url}: probe failed: ${(e as Error).message}`);
  } finally {
    await conn.close();
  }
}

function describeEndpoints(list: EndpointDescription[]): OpcUaProbeResult['endpoints'] {
  return list.map((e) => ({
    url: e.endpointUrl ?? '',
    securityMode: MessageSecurityMode[e.securityMode] ?? String(e.securityMode),
    securityPolicy: (e.securityPolicyUri ?? '').split('#')[1] ?? '',
    userTokens: [...new Set((e.userIdentityTokens ?? []).map((t) => tokenName(t.tokenType)))],
  }));
}

function tokenName(t: UserTokenType): string {
  switch (t) {
    case UserTokenType.Anonymous:
      return 'anonymous';
    case UserTokenType.UserName:
      return 'username';
    case UserTokenType.Certificate:
      return 'certificate';
    default:
      return 'issued-token';
  }
}

function collectVariables(nodes: readonly BrowsedNode[]): string[] {
  const out: string[] = [];
  const walk = (ns: readonly BrowsedNode[]) => {
    for (const n of ns) {
      if (n.nodeClass === 'Variable' && !n.nodeId.startsWith('i=')) out.push(n.nodeId);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

async function readValues(session: ClientSession, nodeIds: readonly string[]): Promise<ProbeValue[]> {
  if (nodeIds.length === 0) return [];
  const [values, names, units] = await Promise.all([
    session.read(nodeIds.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value }))),
    session.read(nodeIds.map((nodeId) => ({ nodeId, attributeId: AttributeIds.DisplayName }))),
    readEngineeringUnits(session, nodeIds).catch(() => nodeIds.map(() => undefined)),
  ]);
  return nodeIds.map((nodeId, i) => {
    const dv: DataValue | undefined = values[i];
    const nameValue: unknown = names[i]?.value.value;
    const name =
      nameValue && typeof nameValue === 'object' && 'text' in nameValue ? String((nameValue as { text: unknown }).text) : nodeId;
    return {
      key: nodeId,
      name,
      value: probeValue(dv?.value.value),
      unit: units[i]?.displayName.text ?? '',
      quality: dv ? qualityFromStatus(dv.statusCode.value) : 'bad',
      ...(dv && !dv.statusCode.isGood() ? { name: `${name} [${dv.statusCode.name}]` } : {}),
    };
  });
}

function probeValue(v: unknown): number | string | null {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
