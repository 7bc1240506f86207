/** The importers' English problems read as codes and values (models/import-problem-codes.ts). */
import { describe, expect, it } from 'vitest';
import { importProblemCode } from '../../../models/import-problem-codes.js';

describe('import problem codes', () => {
  it('reads file-level problems', () => {
    expect(importProblemCode('no such file')).toEqual({ code: 'noFile', params: {} });
    expect(importProblemCode("unknown crs 'EPSG:1': pass --crs (supported: EPSG:4326, EPSG:25832)")).toEqual({ code: 'unknownCrs', params: { crs: 'EPSG:1', supported: 'EPSG:4326, EPSG:25832' } });
    expect(importProblemCode('the top-level "type" must be "FeatureCollection" or "Feature", not "Point"')).toEqual({ code: 'topType', params: { type: '"Point"' } });
    expect(importProblemCode('12.0 MB is more than a GeoJSON file may have (8.0 MB); split it, or use CityGML, which is streamed')).toEqual({
      code: 'tooLarge',
      params: { size: '12.0 MB', format: 'GeoJSON', limit: '8.0 MB' },
    });
  });

  it("reads a feature's problem with the feature's number and id, the id taken up to its first closing bracket", () => {
    expect(importProblemCode('feature 0 (id "turm"): height 2000 m is outside 0 to 1000 m (the tallest building is 828 m): a unit or typing error?')).toEqual({
      code: 'height',
      params: { value: '2000', max: 1000, feature: '0', id: '"turm"' },
    });
    expect(importProblemCode("feature 4: property 'height' must be a non-negative number, not \"hoch\"")).toEqual({
      code: 'notNumber',
      params: { property: 'height', value: '"hoch"', feature: '4', id: '' },
    });
    // the JSON parser's own words have no code: they stay as they are
    expect(importProblemCode("invalid JSON: Expected ',' or '}' after property value")).toBeUndefined();
  });
});
