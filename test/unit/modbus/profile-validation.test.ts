import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProfiles, loadProfile, parseProfile, readProfileFile, ProfileError } from '../../../drivers/profiles/load-profile.js';

const valid = () => ({
  id: 'test-meter',
  manufacturer: 'ACME',
  model: 'M1',
  source: 'ACME M1 manual v1',
  protocols: ['modbus-tcp'],
  defaults: { functionCode: 4, medium: 'electricity' },
  points: [
    { key: 'power_total', name: 'Power', address: 0, type: 'float32', unit: 'W', role: 'import', kind: 'power' },
    { key: 'energy_import', name: 'Import', address: 2, type: 'uint32', scale: 0.1, unit: 'kWh', role: 'import', kind: 'energy-counter' },
  ],
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plustwin-profile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('profile validation', () => {
  it('applies defaults', () => {
    const p = parseProfile(valid(), 'x.json');
    expect(p.points[0]).toMatchObject({ functionCode: 4, wordOrder: 'big', byteOrder: 'big', scale: 1, medium: 'electricity' });
    expect(p.points[1]!.notImplemented).toEqual([0xffffffffn]);
  });

  const broken: [string, (p: ReturnType<typeof valid>) => unknown, RegExp][] = [
    ['unknown data type', (p) => ((p.points[1] as Record<string, unknown>).type = 'uint24'), /point #1 "energy_import", field "type"/],
    ['address out of range', (p) => (p.points[0]!.address = 70000), /point #0 "power_total", field "address"/],
    ['duplicate key', (p) => (p.points[1]!.key = 'power_total'), /point #1 "power_total", field "key": duplicate key/],
    ['missing role', (p) => delete (p.points[0] as Record<string, unknown>).role, /point #0 "power_total", field "role"/],
    ['scale zero', (p) => (p.points[1]!.scale = 0), /field "scale": must not be 0/],
    ['typo in a field name', (p) => ((p.points[0] as Record<string, unknown>).wordorder = 'big'), /point #0 "power_total".*wordorder/],
    ['no source', (p) => delete (p as Record<string, unknown>).source, /field "source"/],
    ['bad function code', (p) => ((p.points[0] as Record<string, unknown>).functionCode = 5), /field "functionCode"/],
  ];
  it.each(broken)('%s: the error names file, point and field', (_what, mutate, pattern) => {
    const p = valid();
    mutate(p);
    let error: unknown;
    try {
      parseProfile(p, 'profiles/acme.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as Error).message).toMatch(/^profile profiles\/acme\.json: /);
    expect((error as Error).message).toMatch(pattern);
  });

  it('reports malformed JSON with the file name', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "id": "broken", ');
    await expect(readProfileFile(file)).rejects.toThrow(new RegExp(`profile ${file.replace(/[/\\.]/g, '\\$&')}: not valid JSON`));
  });

  it('insists the id matches the file name', async () => {
    const file = path.join(dir, 'other-name.json');
    await writeFile(file, JSON.stringify(valid()));
    await expect(readProfileFile(file)).rejects.toThrow(/field "id" is "test-meter" but the file is named other-name\.json/);
  });

  it('names an unknown profile and rejects path tricks', async () => {
    await expect(loadProfile('no-such-meter')).rejects.toThrow(/unknown profile "no-such-meter"/);
    await expect(loadProfile('../etc/passwd')).rejects.toThrow(/unknown profile/);
  });

  it('every shipped profile is valid and names its register map source', async () => {
    const all = await listProfiles();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const p of all) expect(p.source.length).toBeGreaterThan(20);
    const manufacturers = new Set(all.map((p) => p.manufacturer));
    expect(manufacturers.size).toBeGreaterThanOrEqual(9);
  });
});
