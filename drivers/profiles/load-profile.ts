/**
 * Reads and validates device profiles from drivers/profiles/devices/<id>.json.
 * A broken file gives a ProfileError naming the file, the point (index and key) and the field.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';
import { defaultSentinels } from '../modbus/register-types.js';
import type { DeviceProfile, ProfilePoint } from './device-profile.js';
import { profileSchema } from './profile-schema.js';

export const PROFILE_DIR = fileURLToPath(new URL('./devices/', import.meta.url));

export class ProfileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const p = issue.path;
  let where = '';
  if (p[0] === 'points' && typeof p[1] === 'number') {
    const points = (raw as { points?: unknown[] } | null)?.points;
    const key = (points?.[p[1]] as { key?: unknown } | undefined)?.key;
    where = `point #${p[1]}${typeof key === 'string' ? ` "${key}"` : ''}`;
    const field = p.slice(2).join('.');
    where += field ? `, field "${field}"` : '';
  } else {
    where = p.length > 0 ? `field "${p.join('.')}"` : 'top level';
  }
  return `${where}: ${issue.message}`;
}

/** Validates parsed JSON; `file` is only used in error messages. */
export function parseProfile(raw: unknown, file: string): DeviceProfile {
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => describeIssue(i, raw));
    throw new ProfileError(`profile ${file}: ${lines.join('; ')}`, file);
  }
  const f = parsed.data;
  const d = f.defaults ?? {};
  const points: ProfilePoint[] = f.points.map((p) => ({
    key: p.key,
    name: p.name,
    address: p.address,
    functionCode: (p.functionCode ?? d.functionCode)!,
    type: p.type,
    ...(p.length !== undefined ? { length: p.length } : {}),
    wordOrder: p.wordOrder ?? d.wordOrder ?? 'big',
    byteOrder: p.byteOrder ?? d.byteOrder ?? 'big',
    scale: p.scale ?? 1,
    ...(p.scaleFactorAddress !== undefined ? { scaleFactorAddress: p.scaleFactorAddress } : {}),
    unit: p.unit,
    medium: p.medium ?? d.medium ?? 'electricity',
    role: p.role ?? 'info',
    kind: p.kind ?? 'other',
    notImplemented: p.notImplemented?.map((n) => BigInt(n)) ?? defaultSentinels(p.type),
    ...(p.identity !== undefined ? { identity: p.identity } : {}),
  }));
  return {
    id: f.id,
    manufacturer: f.manufacturer,
    model: f.model,
    ...(f.description !== undefined ? { description: f.description } : {}),
    source: f.source,
    protocols: f.protocols,
    ...(d.unit !== undefined ? { defaultUnit: d.unit } : {}),
    points,
    ...(f.parameters !== undefined ? { parameters: f.parameters } : {}),
  };
}

/** Reads one profile file by path. */
export async function readProfileFile(file: string): Promise<DeviceProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ProfileError(`profile ${file}: cannot read (${(e as Error).message})`, file);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(`profile ${file}: not valid JSON (${(e as Error).message})`, file);
  }
  const profile = parseProfile(raw, file);
  const expected = path.basename(file, '.json');
  if (profile.id !== expected) {
    throw new ProfileError(`profile ${file}: field "id" is "${profile.id}" but the file is named ${expected}.json`, file);
  }
  return profile;
}

const cache = new Map<string, Promise<DeviceProfile>>();

/** Loads a shipped profile by id (the file name without .json). */
export function loadProfile(id: string, dir: string = PROFILE_DIR): Promise<DeviceProfile> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    return Promise.reject(new ProfileError(`unknown profile "${id}" (ids are lower-case letters, digits, dashes)`, id));
  }
  const file = path.join(dir, `${id}.json`);
  let p = cache.get(file);
  if (p === undefined) {
    p = readProfileFile(file).catch((e: unknown) => {
      cache.delete(file);
      if ((e as Error).message.includes('cannot read')) {
        throw new ProfileError(`unknown profile "${id}": no file ${file}`, file);
      }
      throw e;
    });
    cache.set(file, p);
  }
  return p;
}

export interface ProfileSummary {
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly source: string;
  readonly parameters?: readonly { readonly key: string; readonly choices: readonly string[] }[];
}

/** Every shipped profile, sorted by id. A broken file throws (the test suite keeps them valid). */
export async function listProfiles(dir: string = PROFILE_DIR): Promise<ProfileSummary[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out: ProfileSummary[] = [];
  for (const f of files) {
    const p = await loadProfile(f.slice(0, -5), dir);
    const parameters = p.parameters?.map((x) => ({ key: x.key, choices: x.choices }));
    out.push({ id: p.id, manufacturer: p.manufacturer, model: p.model, source: p.source, ...(parameters === undefined ? {} : { parameters }) });
  }
  return out;
}
