import { describe, expect, it } from 'vitest';
import { inventoryProblemText, nightEnergyKwh, nightOf, parseInventoryCsv, parseInventoryGeoJson, parseSchedule } from '../../../models/lighting/index.js';

const CSV = `id;lon;lat;power_w;led;schedule
DO-HÖRDE-0001;7,4931;51,4889;60;ja;100@22:00 50@05:00 100
DO-HÖRDE-0002;7,4935;51,4891;150;nein;
`;

describe('street-light inventory', () => {
  it('reads a German CSV (semicolons, decimal commas, ja/nein) with schedules', () => {
    const r = parseInventoryCsv(CSV);
    expect(r).toEqual({
      ok: true,
      lights: [
        { id: 'DO-HÖRDE-0001', lon: 7.4931, lat: 51.4889, powerW: 60, led: true, schedule: { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 } },
        { id: 'DO-HÖRDE-0002', lon: 7.4935, lat: 51.4891, powerW: 150, led: false, schedule: { steps: [], thenPercent: 100 } },
      ],
    });
    if (!r.ok) return;
    // the LED light over the Dortmund night of 21/22 December 2026: 0.6802 kWh (worked in street-light-night.test.ts);
    // the old 150 W lamp all night (dusk 17:03:21 to dawn 07:53:33 = 14.8367 h): 2.2255 kWh
    const night = nightOf('2026-12-21', 51.5136, 7.4653);
    expect(nightEnergyKwh(r.lights[0]!.powerW, night, r.lights[0]!.schedule)).toBeCloseTo(0.6802, 4);
    expect(nightEnergyKwh(r.lights[1]!.powerW, night, r.lights[1]!.schedule)).toBeCloseTo(0.15 * 14.836667, 4);
  });

  it('reads GeoJSON points', () => {
    const r = parseInventoryGeoJson({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7.4931, 51.4889] }, properties: { id: 'L1', power_w: 40, led: true, schedule: '100@23:00 30' } }],
    });
    expect(r.ok && r.lights[0]).toEqual({ id: 'L1', lon: 7.4931, lat: 51.4889, powerW: 40, led: true, schedule: { steps: [{ until: '23:00', percent: 100 }], thenPercent: 30 } });
  });

  it('names every bad row and field, and stores nothing of a file with problems', () => {
    const r = parseInventoryCsv('id;lon;lat;power_w;led;schedule\nA;7,1;51,5;-5;vielleicht;50@25:00\nA;7,1;95;60;ja;\n;x;51;60;ja;');
    expect(r).toMatchObject({
      ok: false,
      problems: [
        'line 2: power_w must be above 0',
        "line 2: led 'vielleicht' is not yes or no",
        "line 2: schedule '50@25:00' is not a level like 50@05:00",
        'line 3: position 7,1, 95 is not WGS84 longitude, latitude',
        'line 4: id is missing',
        "line 4: lon 'x' is not a number",
      ],
    });
    expect(parseInventoryCsv('id;lat\n')).toMatchObject({ ok: false, problems: ['line 1: the header lacks lon, power_w, led'] });
    // the same problems in German, for a user whose language is German
    if (r.ok) throw new Error('expected problems');
    expect(r.issues.map((p) => inventoryProblemText(p, 'de'))).toEqual([
      'Zeile 2: power_w muss über 0 liegen',
      "Zeile 2: led 'vielleicht' ist weder ja noch nein",
      "Zeile 2: Dimmplan '50@25:00' ist keine Stufe wie 50@05:00",
      'Zeile 3: Position 7,1, 95 ist keine WGS84-Länge/Breite',
      'Zeile 4: id fehlt',
      "Zeile 4: lon 'x' ist keine Zahl",
    ]);
    expect(parseSchedule('50 100@22:00')).toBe("'50': only the last level may go without a time");
  });
});
