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

  it("reads CityGML's problems (their place is the error's line and column)", () => {
    // the importers' words, as citygml-session.ts, citygml-handler.ts and import-buildings.ts throw them
    const cases: [string, unknown][] = [
      ['the file is empty', { code: 'emptyFile', params: {} }],
      ['neither CityGML (XML) nor GeoJSON: the file starts with neither < nor {', { code: 'unknownFormat', params: {} }],
      ["encoding 'ISO-8859-1' is not supported: convert the file to UTF-8", { code: 'encoding', params: { encoding: 'ISO-8859-1' } }],
      ['malformed XML: unexpected close tag.', { code: 'malformedXml', params: { detail: 'unexpected close tag.' } }],
      ['text without a tag for more than 16.0 MB: no posList or name is that long', { code: 'textTooLong', params: { limit: '16.0 MB' } }],
      ['posList holds more than 16 MB of text: no posList or name is that long', { code: 'elementTextTooLong', params: { element: 'posList', limit: '16 MB' } }],
      ['no srsName in the file before this building: pass --crs EPSG:NNNN', { code: 'noSrsName', params: {} }],
      ["unknown srsName 'EPSG:9999': pass --crs (supported: EPSG:25832, EPSG:4326)", { code: 'unknownSrsName', params: { srsName: 'EPSG:9999', supported: 'EPSG:25832, EPSG:4326' } }],
      ["srsName 'EPSG:4326' differs from 'EPSG:25832' (line 3); files mixing CRSs are not supported", { code: 'mixedSrs', params: { srsName: 'EPSG:4326', first: 'EPSG:25832', line: 3 } }],
      ["srsDimension must be 2 or 3, not '4'", { code: 'srsDimension', params: { value: '4' } }],
      ['posList has 7 numbers, not a multiple of the dimension 3', { code: 'coordinateCount', params: { element: 'posList', count: 7, dimension: 3 } }],
      ["posList holds '1,5', which is not a number", { code: 'coordinateNotNumber', params: { element: 'posList', value: '1,5' } }],
      ['the building has more than 2,000,000 coordinates (666,666 points): no building\'s LoD2 model is that large', { code: 'tooManyCoordinates', params: { max: '2,000,000' } }],
      ["measuredHeight must be a non-negative number, not 'hoch'", { code: 'elementNotNumber', params: { element: 'measuredHeight', value: 'hoch' } }],
      ['height 2000 m is outside 0 to 1000 m (the tallest building is 828 m): a unit or typing error?', { code: 'height', params: { value: '2000', max: 1000 } }],
      ['400 storeys is outside 0 to 200', { code: 'storeys', params: { value: '400', max: 200 } }],
      ["yearOfConstruction must be a year such as 1965, not 'alt'", { code: 'yearOfConstruction', params: { value: 'alt' } }],
    ];
    for (const [problem, expected] of cases) expect(importProblemCode(problem), problem).toEqual(expected);
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
