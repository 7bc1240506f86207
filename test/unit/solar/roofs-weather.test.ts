import { describe, expect, it } from 'vitest';
import { assumedRoofs, footprintAreaM2 } from '../../../models/solar/roofs.js';
import { parseProfileCsv, powerToKwh, profileColumn } from '../../../models/weather/profile-csv.js';
import { parseTryCsv } from '../../../models/weather/try-weather.js';
import { alignTypicalYear } from '../../../models/weather/typical-year.js';
import type { Building, LonLat } from '../../../models/types.js';
import { profileText } from '../../fixtures/data/fixture-files.js';

/** A 20 m (east-west) x 10 m rectangle near Essen. */
const rect = (): LonLat[] => {
  const lat = 51.45;
  const dLat = 10 / 111_195;
  const dLon = 20 / (111_195 * Math.cos((lat * Math.PI) / 180));
  return [
    [7.0, lat],
    [7.0 + dLon, lat],
    [7.0 + dLon, lat + dLat],
    [7.0, lat + dLat],
  ];
};
const building = (roofType: NonNullable<Building['roofType']>): Building => ({ id: 'b', name: 'B', use: 'school', footprint: rect(), heightM: 9, roofType });

describe('assumed roofs for LoD1 buildings', () => {
  it('footprint area of a 20 x 10 m rectangle', () => {
    expect(footprintAreaM2(rect())).toBeCloseTo(200, 0);
  });

  it('flat: one horizontal surface over the footprint', () => {
    const r = assumedRoofs(building('flat'));
    expect(r).toHaveLength(1);
    expect(r[0]?.tiltDeg).toBe(0);
    expect(r[0]?.areaM2).toBeCloseTo(200, 0);
  });

  it('gable: two halves at 35 deg facing away from the ridge along the long edge', () => {
    const r = assumedRoofs(building('gable'));
    expect(r.map((s) => Math.round(s.azimuthDeg)).sort((x, y) => x - y)).toEqual([0, 180]);
    expect(r[0]?.areaM2).toBeCloseTo(100 / Math.cos((35 * Math.PI) / 180), 0);
  });
});

describe('weather and profile parsers', () => {
  it('reads a load profile: 15-minute grid, unit, about 1,000 kWh per MWh/a', () => {
    const t = parseProfileCsv(profileText('LP_G0.csv'), 'LP_G0.csv');
    if (!t.ok) throw new Error(t.error.message);
    expect(t.value.stepMs).toBe(900_000);
    const col = profileColumn(t.value, 'LP_G0');
    expect(col?.unit).toBe('W/MWh');
    const kwh = powerToKwh(col?.values ?? [], 1, t.value.stepMs).reduce((s, v) => s + v, 0);
    expect(kwh).toBeGreaterThan(950);
    expect(kwh).toBeLessThan(1050);
  });

  it('reads the PV profile file whose time column has no name', () => {
    const t = parseProfileCsv(profileText('pv_5_a_2015.csv'), 'pv_5_a_2015.csv');
    if (!t.ok) throw new Error(t.error.message);
    expect(t.value.columns.map((c) => c.name)).toEqual(['south', 'east-west', '025-east-west_075-south']);
    expect(t.value.start).toBe(Date.UTC(2014, 11, 31, 23));
  });

  const header = 'datetime,temperature [degC],direct irradiance [W/m^2],diffuse irradiance [W/m^2]';
  it('names the line of a bad value, a bad stamp, a gap and a missing column', () => {
    const bad = parseTryCsv(`${header}\n2015-01-01 00:00:00+01:00,1,0,0\n2015-01-01 00:15:00+01:00,1,abc,0\n`, 'x.csv');
    expect(!bad.ok && bad.error.where).toBe('x.csv:3');
    const stamp = parseTryCsv(`${header}\n2015-13-01 00:00:00+01:00,1,0,0\n`, 'x.csv');
    expect(!stamp.ok && stamp.error.where).toBe('x.csv:2');
    const gap = parseTryCsv(`${header}\n2015-01-01 00:00:00+01:00,1,0,0\n2015-01-01 00:15:00+01:00,1,0,0\n2015-01-01 00:45:00+01:00,1,0,0\n`, 'x.csv');
    expect(!gap.ok && gap.error.where).toBe('x.csv:4');
    expect(!gap.ok && gap.error.message).toMatch(/30 min/);
    const col = parseTryCsv('datetime,temperature [degC]\n2015-01-01 00:00:00+01:00,1\n', 'x.csv');
    expect(!col.ok && col.error.message).toMatch(/direct irradiance/);
    const cells = parseProfileCsv('datetime,a [W]\n2015-01-01 00:00:00+01:00,1,2\n', 'p.csv');
    expect(!cells.ok && cells.error.where).toBe('p.csv:2');
    expect(parseProfileCsv('', 'e.csv').ok).toBe(false);
  });

  it('crosses the DST change without a gap (stamps carry their offset)', () => {
    const rows = ['2015-03-29 01:45:00+01:00', '2015-03-29 03:00:00+02:00', '2015-03-29 03:15:00+02:00'];
    const t = parseTryCsv(`${header}\n${rows.map((r) => `${r},5,0,0`).join('\n')}\n`, 'dst.csv');
    expect(t.ok && t.value.stepMs).toBe(900_000);
  });

  it('alignTypicalYear maps real dates onto the typical year by UTC month, day and time', () => {
    const start = Date.UTC(2015, 0, 1);
    const values = Array.from({ length: 365 * 24 }, (_, i) => i);
    const out = alignTypicalYear(values, start, 3_600_000, Date.UTC(2024, 1, 29, 5), 2);
    // 29 Feb 2024 05:00 -> 28 Feb 2015 05:00 = hour (31 + 27) x 24 + 5
    expect(out[0]).toBe((31 + 27) * 24 + 5);
    expect(out[1]).toBe((31 + 27) * 24 + 6);
  });
});
