/** Every warning message the importers add has a code, with the values in it read out (models/import-warning-codes.ts). */
import { describe, expect, it } from 'vitest';
import { importWarningCode } from '../../../models/import-warning-codes.js';
import { shortenedMessage, UNNAMED_WARNING } from '../../../main/core/importers/citygml/citygml-session.js';
import { Warnings } from '../../../main/core/importers/warnings.js';

describe('import warning codes', () => {
  it('reads the code and values of each importer message', () => {
    // the messages as main/core/importers/{citygml,geojson}/*.ts add them (STOREY_HEIGHT_M = 3)
    const cases: [string, string, Record<string, string | number>][] = [
      ['building without polygons skipped', 'noPolygons', {}],
      ['building without a usable footprint skipped', 'noFootprint', {}],
      ['ground pieces do not join into one outline; the footprint is their convex hull', 'convexHull', {}],
      ['no measured height or 3D geometry; height from storeys x 3 m', 'heightFromStoreys', { storeyM: 3 }],
      ['no height, storeys or 3D geometry; assumed 6 m', 'heightAssumed', { heightM: 6 }],
      ['no height or storeys; assumed 6 m', 'heightAssumed', { heightM: 6 }],
      [shortenedMessage('bldg:name'), 'shortened', { what: 'bldg:name', max: Number(/(\d+)/.exec(shortenedMessage('x'))![1]) }],
      [UNNAMED_WARNING, 'unnamedBuilding', {}],
      ['feature without id: id made from the file name and order (not stable if the file changes)', 'unnamedFeature', {}],
      ['duplicate gml:id: the later building is kept', 'duplicateGmlId', {}],
      ['duplicate id: the later feature is kept', 'duplicateId', {}],
      ['no buildings found', 'noBuildings', {}],
      ["the file says srsName 'EPSG:31467'; read as EPSG:25832 as --crs asks", 'crsOverride', { said: 'EPSG:31467', used: 'EPSG:25832' }],
      ["the file says crs 'urn:x'; read as EPSG:4326 as --crs asks", 'crsOverride', { said: 'urn:x', used: 'EPSG:4326' }],
      ['feature without a Polygon or MultiPolygon geometry skipped', 'noGeometry', {}],
      ['MultiPolygon footprint: the largest part is the outline', 'multiPolygon', {}],
      ['footprint crosses itself (a bow-tie): its area and 3D shape are not reliable; check the geometry', 'bowTie', {}],
    ];
    for (const [message, code, params] of cases) expect(importWarningCode(message), message).toEqual({ code, params });
    expect(importWarningCode('something new')).toBeUndefined();
  });

  it('keeps the count and the first three buildings of a kind beside its code', () => {
    const w = new Warnings();
    for (const id of ['a', 'b', 'c', 'd']) w.add('no height or storeys; assumed 6 m', id);
    w.add('something new');
    expect(w.coded()).toEqual([{ message: 'no height or storeys; assumed 6 m', code: 'heightAssumed', params: { heightM: 6 }, count: 4, examples: ['a', 'b', 'c'] }]);
    expect(w.list()).toEqual(['no height or storeys; assumed 6 m: a, b, c and 1 more', 'something new']);
  });
});
