/**
 * Point names in the user's language: every point key the shipped profiles and the SunSpec mapping define has a
 * German and an English name, phases, tariffs and SunSpec prefixes compose, and names users gave stay as given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointKeyName, pointLabel } from '../../../renderer/i18n/point-names.js';

const ROOT = path.join(import.meta.dirname, '../../..');

function shippedKeys(): Set<string> {
  const keys = new Set<string>();
  const dir = path.join(ROOT, 'drivers/profiles/devices');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { points?: { key: string }[] };
    for (const p of profile.points ?? []) keys.add(p.key);
  }
  const sunspec = fs.readFileSync(path.join(ROOT, 'drivers/sunspec/sunspec-points.ts'), 'utf8');
  for (const m of sunspec.matchAll(/m\('\w+', '(\w+)'/g)) keys.add(m[1]!);
  return keys;
}

describe('point names', () => {
  it('names every key of the shipped profiles and of SunSpec in German and English', () => {
    const keys = shippedKeys();
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys) {
      expect(pointKeyName('de', key), key).toBeDefined();
      expect(pointKeyName('en', key), key).toBeDefined();
    }
  });

  it('composes phases, tariffs and SunSpec prefixes', () => {
    expect(pointKeyName('de', 'power_total')).toBe('Wirkleistung gesamt');
    expect(pointKeyName('de', 'voltage_l1')).toBe('Spannung L1');
    expect(pointKeyName('de', 'energy_import_l2')).toBe('Bezug (Zählerstand) L2');
    expect(pointKeyName('en', 'energy_import_t2')).toBe('Import (meter reading), tariff 2');
    expect(pointKeyName('de', 'mppt1_dc_power')).toBe('MPPT 1: DC-Leistung');
    expect(pointKeyName('de', 'meter_energy_export_l3')).toBe('Zähler: Einspeisung (Zählerstand) L3');
    expect(pointKeyName('en', 'inverter_ac_power')).toBe('Inverter: AC active power');
    expect(pointKeyName('de', 'no_such_key')).toBeUndefined();
  });

  it('translates a profile point, keeps a name the user gave', () => {
    const devices = [
      { id: 'm1', protocol: 'modbus-tcp' },
      { id: 'bms', protocol: 'opcua' },
    ];
    expect(pointLabel('de', { id: 'm1:power_total', deviceId: 'm1', name: 'Total system power' }, devices)).toBe('Wirkleistung gesamt');
    // an OPC UA point named by the user keeps its name even where its key looks like a profile's
    expect(pointLabel('en', { id: 'bms:power_total', deviceId: 'bms', name: 'Wärmepumpe Halle' }, devices)).toBe('Wärmepumpe Halle');
    // a profile key without an entry shows the profile's own name
    expect(pointLabel('de', { id: 'm1:vendor_special', deviceId: 'm1', name: 'Vendor special' }, devices)).toBe('Vendor special');
  });
});
