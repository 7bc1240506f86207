/**
 * The analysis' assumptions as notes: the English text is what the analysis always said, the German one says the
 * same with a decimal comma and German names, and ids (carriers, boilers, origins) are named in each language.
 */
import { describe, expect, it } from 'vitest';
import { analysisNoteMessages, note, noteText } from '../../../models/i18n/analysis-notes.js';
import { heatSupplyNote } from '../../../main/core/analysis/heat-supply.js';

describe('analysis notes', () => {
  it('says a heat supply in English as before and in German', () => {
    const oil = heatSupplyNote('schule', { carrier: 'oil', efficiency: 0.85 }, 'building');
    expect(noteText('en', oil)).toBe('schule: metered heat is supplied by an oil boiler; oil = heat / 0.85 (stored with the building)');
    expect(noteText('de', oil)).toBe('schule: die gemessene Wärme liefert ein Ölkessel; Heizöl = Wärme / 0,85 (beim Gebäude gespeichert)');
    const hp = heatSupplyNote('efh', { carrier: 'electricity', efficiency: 3.2 }, 'default');
    expect(noteText('en', hp)).toMatch(/^efh: metered heat is supplied by a heat pump \(SCOP 3.2\); electricity = heat \/ 3.2 \(default assumption/);
    expect(noteText('de', hp)).toMatch(/^efh: die gemessene Wärme liefert eine Wärmepumpe \(JAZ 3,2\); Strom = Wärme \/ 3,2 \(Standardannahme/);
  });

  it('fills numbers and ids per language and has the same keys and placeholders in both', () => {
    expect(noteText('de', note('note.coverage', { share: 90 }))).toContain('weniger als 90 % Abdeckung');
    expect(noteText('en', note('note.subMeters', { building: 'b', points: 'p1, p2', carrier: 'electricity' }))).toBe(
      'b: p1, p2 are sub-meters (a breakdown of electricity consumption); the total comes from the grid meter.',
    );
    expect(noteText('de', note('note.subMeters', { building: 'b', points: 'p1, p2', carrier: 'electricity' }))).toContain('Verbrauchs Strom');
    const { de, en } = analysisNoteMessages.texts;
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(de) as (keyof typeof de)[]) expect(holes(en[k]), k).toEqual(holes(de[k]));
  });
});
