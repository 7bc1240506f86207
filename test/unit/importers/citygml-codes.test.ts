/**
 * CityGML function and roof type codes to PlusTwin's classes (codes.ts), asked again and again for the same texts as
 * a tile's buildings share them. Codes: ALKIS Gebäudefunktion 31001_1010 "Wohnhaus", 31001_3012 "Rathaus",
 * 31001_3021 "Allgemein bildende Schule"; ALKIS Dachform 1000 "Flachdach", 3100 "Satteldach", 3200 "Walmdach".
 */
import { describe, expect, it } from 'vitest';
import { roofTypeFromCode, useFromFunction } from '../../../main/core/importers/citygml/codes.js';

describe('CityGML codes', () => {
  it('gives the same class for a code however often it is asked, and another for another code', () => {
    for (let i = 0; i < 3; i++) {
      // 150 m², two storeys: small enough for a single-family house; 250 m² is not
      expect(useFromFunction('31001_1010', 150, 2)).toBe('single-family');
      expect(useFromFunction('31001_1010', 250, 2)).toBe('multi-family');
      expect(useFromFunction(' 31001_3012 ', 150, 2)).toBe('town-hall');
      expect(useFromFunction('31001_3021', 900, 3)).toBe('school');
      expect(useFromFunction('Wohnhaus', 150, 2)).toBe('other');
      expect(roofTypeFromCode('3100')).toBe('gable');
      expect(roofTypeFromCode('3200')).toBe('hip');
      expect(roofTypeFromCode('1000')).toBe('flat');
      expect(roofTypeFromCode('Flat roof')).toBe('flat');
    }
  });
});
