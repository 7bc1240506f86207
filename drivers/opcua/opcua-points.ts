/**
 * Turns configured variables into points: checks that every node exists and is numeric, finds its unit
 * (configured, or EUInformation from the server's EngineeringUnits property) and the conversion to canonical units.
 */
import { AttributeIds, BrowseDirection, NodeClassMask, StatusCodes, resolveNodeId } from 'node-opcua';
import type { ClientSession, EUInformation } from 'node-opcua';
import type { Point } from '../../models/types.js';
import { DeviceError } from '../device-driver.js';
import { conversionFor, type UnitConversion } from './eu-units.js';
import type { OpcUaPointConfig } from './opcua-config.js';

export interface ResolvedPoint {
  readonly config: OpcUaPointConfig;
  readonly point: Point;
  readonly conversion: UnitConversion;
  /** The unit as the server publishes it, for the probe and the log. */
  readonly deviceUnit: string;
}

/** EngineeringUnits of each node (undefined where the server publishes none), in one browse and one read. */
export async function readEngineeringUnits(
  session: ClientSession,
  nodeIds: readonly string[],
): Promise<(EUInformation | undefined)[]> {
  if (nodeIds.length === 0) return [];
  const browse = await session.browse(
    nodeIds.map((nodeId) => ({
      nodeId,
      browseDirection: BrowseDirection.Forward,
      referenceTypeId: 'HasProperty',
      includeSubtypes: true,
      nodeClassMask: NodeClassMask.Variable,
      resultMask: 0x3f,
    })),
  );
  const euNodes = browse.map((r) => r.references?.find((ref) => ref.browseName.name === 'EngineeringUnits')?.nodeId);
  const toRead = euNodes.flatMap((n, i) => (n ? [{ i, nodeId: n }] : []));
  const values =
    toRead.length > 0
      ? await session.read(toRead.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value })))
      : [];
  const out: (EUInformation | undefined)[] = nodeIds.map(() => undefined);
  toRead.forEach((t, k) => {
    const v: unknown = values[k]?.value.value;
    if (v && typeof v === 'object' && 'unitId' in v) out[t.i] = v as EUInformation;
  });
  return out;
}

const NUMERIC = /^(Double|Float|SByte|Byte|Int16|UInt16|Int32|UInt32|Int64|UInt64|Boolean)$/;

export async function resolvePoints(
  session: ClientSession,
  deviceId: string,
  buildingId: string,
  configs: readonly OpcUaPointConfig[],
): Promise<ResolvedPoint[]> {
  configs.forEach((c) => {
    try {
      resolveNodeId(c.nodeId);
    } catch {
      throw new DeviceError('config', `${deviceId}: point '${c.key}': '${c.nodeId}' is not a valid node id`, deviceId);
    }
  });
  const values = await session.read(configs.map((c) => ({ nodeId: c.nodeId, attributeId: AttributeIds.Value })));
  configs.forEach((c, i) => {
    const dv = values[i];
    if (dv?.statusCode.equals(StatusCodes.BadNodeIdUnknown) || dv?.statusCode.equals(StatusCodes.BadNodeIdInvalid)) {
      throw new DeviceError('config', `${deviceId}: point '${c.key}': node ${c.nodeId} does not exist on the server`, deviceId);
    }
    const typeName = dv?.value.dataType !== undefined ? dataTypeName(dv.value.dataType) : 'Null';
    if (dv?.statusCode.isGood() && !NUMERIC.test(typeName)) {
      throw new DeviceError('config', `${deviceId}: point '${c.key}': node ${c.nodeId} holds ${typeName}, not a number`, deviceId);
    }
  });
  const needUnits = configs.filter((c) => c.unit === undefined).map((c) => c.nodeId);
  const eus = await readEngineeringUnits(session, needUnits);
  const euByNode = new Map(needUnits.map((n, i) => [n, eus[i]]));
  return configs.map((c) => {
    const eu = euByNode.get(c.nodeId);
    const symbol = c.unit ?? eu?.displayName.text ?? undefined;
    let conversion: UnitConversion;
    try {
      conversion = conversionFor(
        c.kind,
        c.unit !== undefined ? { symbol: c.unit } : { ...(eu ? { unitId: eu.unitId } : {}), ...(symbol ? { symbol } : {}) },
      );
    } catch (e) {
      throw new DeviceError('config', `${deviceId}: point '${c.key}' (${c.nodeId}): ${(e as Error).message}`, deviceId);
    }
    const point: Point = {
      id: `${deviceId}:${c.key}`,
      deviceId,
      buildingId,
      name: c.name,
      unit: conversion.canonicalUnit,
      medium: c.medium,
      role: c.role,
      kind: c.kind,
    };
    return { config: c, point, conversion, deviceUnit: symbol ?? '' };
  });
}

const TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Boolean',
  2: 'SByte',
  3: 'Byte',
  4: 'Int16',
  5: 'UInt16',
  6: 'Int32',
  7: 'UInt32',
  8: 'Int64',
  9: 'UInt64',
  10: 'Float',
  11: 'Double',
  12: 'String',
  13: 'DateTime',
  26: 'Number',
  27: 'Integer',
  28: 'UInteger',
};

/** The name of a built-in (namespace 0) data type. */
export function dataTypeName(dataType: number): string {
  return TYPE_NAMES[dataType] ?? `DataType ${dataType}`;
}

/** A Variant value as a number (Int64 comes as [high, low] words in node-opcua). */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') {
    return v[0] * 2 ** 32 + v[1];
  }
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}
