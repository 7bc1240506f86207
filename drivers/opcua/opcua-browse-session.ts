/**
 * What the UI's tree browser calls: browse a server (one level at a time as the user expands nodes, or several),
 * and turn a picked variable into a point config, with the unit taken from its EUInformation.
 */
import { AttributeIds } from 'node-opcua';
import type { ClientSession } from 'node-opcua';
import type { Medium, PointKind, PointRole } from '../../models/types.js';
import { DeviceError } from '../device-driver.js';
import { conversionFor } from './eu-units.js';
import type { OpcUaIdentity, OpcUaPointConfig, OpcUaSecurityMode, OpcUaSecurityPolicy } from './opcua-config.js';
import { openConnection } from './opcua-connection.js';
import { browseTree, type BrowsedNode } from './opcua-browse.js';
import { readEngineeringUnits } from './opcua-points.js';

export interface OpcUaSessionOptions {
  readonly pkiDir: string;
  readonly securityMode?: OpcUaSecurityMode;
  readonly securityPolicy?: OpcUaSecurityPolicy;
  readonly identity?: OpcUaIdentity;
  readonly timeoutMs?: number;
}

async function withSession<T>(url: string, o: OpcUaSessionOptions, fn: (s: ClientSession) => Promise<T>): Promise<T> {
  const conn = await openConnection({
    url,
    securityMode: o.securityMode ?? 'None',
    securityPolicy: o.securityPolicy ?? 'None',
    identity: o.identity ?? { kind: 'anonymous' },
    pkiDir: o.pkiDir,
    requestTimeoutMs: o.timeoutMs ?? 10_000,
    connectTimeoutMs: o.timeoutMs ?? 10_000,
  });
  try {
    return await fn(conn.session);
  } finally {
    await conn.close();
  }
}

export function browseOpcUa(
  url: string,
  options: OpcUaSessionOptions & { readonly startNodeId?: string; readonly depth?: number; readonly maxNodes?: number },
): Promise<BrowsedNode[]> {
  return withSession(url, options, (s) =>
    browseTree(s, {
      depth: options.depth ?? 1,
      ...(options.startNodeId !== undefined ? { startNodeId: options.startNodeId } : {}),
      ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
    }),
  );
}

export interface PickedVariable {
  readonly nodeId: string;
  readonly key: string;
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
  /** Defaults to the node's display name. */
  readonly name?: string;
}

/** A point config for a variable the user picked; fails if the variable's unit does not fit the chosen kind. */
export function pickVariable(url: string, options: OpcUaSessionOptions, pick: PickedVariable): Promise<OpcUaPointConfig> {
  return withSession(url, options, async (s) => {
    const [dn] = await s.read([{ nodeId: pick.nodeId, attributeId: AttributeIds.DisplayName }]);
    if (!dn || !dn.statusCode.isGood()) {
      throw new DeviceError('config', `${url}: node ${pick.nodeId} cannot be read (${dn?.statusCode.name ?? 'no answer'})`);
    }
    const [eu] = await readEngineeringUnits(s, [pick.nodeId]);
    const unit = eu?.displayName.text ?? undefined;
    try {
      conversionFor(pick.kind, { ...(eu ? { unitId: eu.unitId } : {}), ...(unit ? { symbol: unit } : {}) });
    } catch (e) {
      throw new DeviceError('config', `${pick.nodeId}: ${(e as Error).message}`);
    }
    const display: unknown = dn.value.value;
    const name =
      pick.name ?? (display && typeof display === 'object' && 'text' in display ? String((display as { text: unknown }).text) : pick.nodeId);
    return {
      key: pick.key,
      nodeId: pick.nodeId,
      name,
      medium: pick.medium,
      role: pick.role,
      kind: pick.kind,
      ...(unit ? { unit } : {}),
    };
  });
}
