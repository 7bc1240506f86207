/**
 * The mapping file: which decoded field of which device is which point, in which unit and medium. JSON:
 *
 *   { "devices": { "<DevEUI>": { "buildingId": "B7", "fields": {
 *       "<field path, dots for nested objects>": { "point": "<point id>", "unit": "kWh", "medium": "heat",
 *                                                   "kind": "energy-counter", "role": "consumption" } } } } }
 *
 * kind defaults to 'other' and role to 'info'. Values are converted to PlusTwin's canonical units (kWh, kW, °C).
 */
import { MEDIA, POINT_KINDS, POINT_ROLES, type Medium, type PointKind, type PointRole } from '../values.js';
import type { Point, Reading } from '../types.js';
import type { Uplink } from './uplink.js';

export interface FieldMapping {
  readonly point: string;
  readonly unit: string;
  readonly medium: Medium;
  readonly kind: PointKind;
  readonly role: PointRole;
}

export interface DeviceMapping {
  readonly buildingId: string;
  readonly fields: Readonly<Record<string, FieldMapping>>;
}

export interface LoRaWanMapping {
  readonly devices: Readonly<Record<string, DeviceMapping>>;
}

/** Device unit -> [canonical unit, factor]. */
export const CANONICAL_UNITS: Readonly<Record<string, readonly [string, number]>> = {
  Wh: ['kWh', 0.001],
  kWh: ['kWh', 1],
  MWh: ['kWh', 1000],
  // 1 GJ = 1e9 J / 3.6e6 J per kWh
  GJ: ['kWh', 1e9 / 3.6e6],
  W: ['kW', 0.001],
  kW: ['kW', 1],
  '°C': ['°C', 1],
  'm³': ['m³', 1],
  '%': ['%', 1],
  ppm: ['ppm', 1],
  lx: ['lx', 1],
  V: ['V', 1],
};

export type MappingParse = { readonly ok: true; readonly mapping: LoRaWanMapping } | { readonly ok: false; readonly problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Checks a parsed mapping file; every problem names its place (devices.<eui>.fields.<field>.unit). */
export function parseMapping(file: unknown): MappingParse {
  const problems: string[] = [];
  if (!isObject(file) || !isObject(file['devices'])) return { ok: false, problems: ['devices: an object of DevEUI -> device is missing'] };
  const devices: Record<string, DeviceMapping> = {};
  const pointIds = new Set<string>();
  for (const [eui, d] of Object.entries(file['devices'])) {
    const at = `devices.${eui}`;
    if (!/^[0-9A-Fa-f]{16}$/.test(eui)) problems.push(`${at}: a DevEUI is 16 hex digits`);
    if (!isObject(d) || typeof d['buildingId'] !== 'string' || !isObject(d['fields'])) {
      problems.push(`${at}: needs "buildingId" and "fields"`);
      continue;
    }
    const fields: Record<string, FieldMapping> = {};
    for (const [path, f] of Object.entries(d['fields'])) {
      const fat = `${at}.fields.${path}`;
      if (!isObject(f)) {
        problems.push(`${fat}: not an object`);
        continue;
      }
      const kind = f['kind'] ?? 'other';
      const role = f['role'] ?? 'info';
      if (typeof f['point'] !== 'string' || f['point'] === '') problems.push(`${fat}.point: missing`);
      else if (pointIds.has(f['point'])) problems.push(`${fat}.point: '${f['point']}' is mapped twice`);
      if (typeof f['unit'] !== 'string' || CANONICAL_UNITS[f['unit']] === undefined)
        problems.push(`${fat}.unit: '${String(f['unit'])}' is not one of ${Object.keys(CANONICAL_UNITS).join(', ')}`);
      if (!oneOf(MEDIA, f['medium'])) problems.push(`${fat}.medium: '${String(f['medium'])}' is not one of ${MEDIA.join(', ')}`);
      if (!oneOf(POINT_KINDS, kind)) problems.push(`${fat}.kind: '${String(kind)}' is not one of ${POINT_KINDS.join(', ')}`);
      if (!oneOf(POINT_ROLES, role)) problems.push(`${fat}.role: '${String(role)}' is not one of ${POINT_ROLES.join(', ')}`);
      if (typeof f['point'] === 'string') pointIds.add(f['point']);
      fields[path] = { point: f['point'] as string, unit: f['unit'] as string, medium: f['medium'] as Medium, kind: kind as PointKind, role: role as PointRole };
    }
    devices[eui.toUpperCase()] = { buildingId: d['buildingId'], fields };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping: { devices } };
}

/** The points a mapping defines, for the district (device id lorawan-<DevEUI>). */
export function mappedPoints(mapping: LoRaWanMapping): Point[] {
  return Object.entries(mapping.devices).flatMap(([eui, d]) =>
    Object.entries(d.fields).map(([path, f]) => ({
      id: f.point,
      deviceId: `lorawan-${eui}`,
      buildingId: d.buildingId,
      name: `${eui} ${path}`,
      unit: (CANONICAL_UNITS[f.unit] as readonly [string, number])[0],
      medium: f.medium,
      role: f.role,
      kind: f.kind,
    })),
  );
}

const fieldAt = (fields: Readonly<Record<string, unknown>>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), fields);

export interface MappedUplink {
  readonly readings: Reading[];
  /** Mapped fields the uplink did not carry or carried as something other than a finite number. */
  readonly missing: string[];
}

/** Readings of one uplink; null when the device is not in the mapping. */
export function mapUplink(mapping: LoRaWanMapping, uplink: Uplink): MappedUplink | null {
  const device = mapping.devices[uplink.devEui];
  if (!device) return null;
  const readings: Reading[] = [];
  const missing: string[] = [];
  for (const [path, f] of Object.entries(device.fields)) {
    const raw = fieldAt(uplink.fields, path);
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      missing.push(path);
      continue;
    }
    const factor = (CANONICAL_UNITS[f.unit] as readonly [string, number])[1];
    readings.push({ pointId: f.point, ts: uplink.ts, value: value * factor, quality: 'good' });
  }
  return { readings, missing };
}
