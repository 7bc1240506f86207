import { describe, expect, it } from 'vitest';
import { FeatureScanner, JsonProblem, type ScannedFeature } from '../../../main/core/importers/geojson/feature-scanner.js';
import { readGeoJson } from '../../../main/core/importers/geojson/read-geojson.js';
import { crsByEpsg } from '../../../main/core/importers/crs/crs.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import { geoJson, rectangleOf } from '../../fixtures/importers/generate-geojson.js';
import { tempFiles } from './temp-file.js';

const write = tempFiles();

function scan(text: string, chunkSize: number): { features: ScannedFeature[]; skeleton: unknown } {
  const features: ScannedFeature[] = [];
  const s = new FeatureScanner((f) => features.push(f));
  for (let i = 0; i < text.length; i += chunkSize) s.write(text.slice(i, i + chunkSize));
  return { features, skeleton: s.end() };
}

async function importError(file: string, options = {}): Promise<ImportError> {
  const e = await readGeoJson(file, options).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const feature = (id: string, ring: number[][], properties: object = { height: 9 }): object => ({
  type: 'Feature',
  id,
  properties,
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const SQUARE = [
  [7.0, 51.45],
  [7.0002, 51.45],
  [7.0002, 51.4502],
  [7.0, 51.4502],
  [7.0, 51.45],
];

describe('FeatureScanner', () => {
  const text =
    '{"type":"FeatureCollection",\n "crs":{"type":"name","properties":{"name":"EPSG:4326"}},\n "features":[\n' +
    '  {"type":"Feature","id":"a","properties":{"note":"braces } ] { [ and \\"quotes\\""},"geometry":null},\n' +
    '  {"type":"Feature","id":"b","properties":{},"geometry":null}\n ],\n "name":"x"}\n';

  it.each([1, 2, 7, 64, 100_000])('finds the same features and positions whatever the chunk size (%i)', (size) => {
    const { features, skeleton } = scan(text, size);
    expect(features.map((f) => (JSON.parse(f.text) as { id: string }).id)).toEqual(['a', 'b']);
    expect(features.map((f) => [f.line, f.column])).toEqual([
      [4, 3],
      [5, 3],
    ]);
    expect(skeleton).toEqual({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:4326' } },
      features: [0, 0],
      name: 'x',
    });
  });

  it('places a syntax error outside the features at its line and column', () => {
    const bad = text.replace('"name":"x"}', '"name" "x"}');
    expect.assertions(3);
    try {
      scan(bad, 5);
    } catch (e) {
      expect(e).toBeInstanceOf(JsonProblem);
      expect((e as JsonProblem).line).toBe(7);
      expect((e as JsonProblem).column).toBe(9);
    }
  });
});

describe('GeoJSON import', () => {
  it('reads footprints, heights, storeys, names and flat roofs of the footprint area', async () => {
    const r = await readGeoJson(write('small.geojson', geoJson(30)));
    expect(r.format).toBe('geojson');
    expect(r.crs).toBe('EPSG:4326');
    expect(r.buildings).toHaveLength(30);
    expect(r.roofs).toHaveLength(30);
    const b0 = r.buildings.find((b) => b.id === 'b-0')!;
    expect(b0.name).toBe('Haus 0');
    expect(b0.storeys).toBe(3);
    expect(b0.heightM).toBe(9);
    const b1 = r.buildings.find((b) => b.id === 'b-1')!;
    expect(b1.heightM).toBe(8);
    expect(b1.use).toBe('single-family');
    const { lon, lat, dLon, dLat } = rectangleOf(1);
    expect(b1.footprint).toHaveLength(4);
    expect(b1.footprint[0]).toEqual([lon, lat]);
    // 0.00015° x 0.0001° at 51.45° N: about 10.45 m x 11.13 m
    const roof = r.roofs.find((x) => x.buildingId === 'b-1')!;
    expect(roof.tiltDeg).toBe(0);
    const expected = dLon * 111_320 * Math.cos((lat * Math.PI) / 180) * dLat * 111_260;
    expect(roof.areaM2 / expected).toBeCloseTo(1, 2);
    expect(r.bounds).toEqual({ minLon: 7, minLat: 51.45, maxLon: expect.closeTo(7 + 29 * 0.0004 + 0.00015, 9) as number, maxLat: 51.4501 });
    expect(r.warnings).toEqual([]);
  });

  it('reads the 2008 "crs" member (EPSG:25832) and a single Feature', async () => {
    const utm = crsByEpsg(25832)!;
    const ring = SQUARE.map(([lo, la]) => utm.fromLonLat(lo!, la!));
    const fc = { type: 'FeatureCollection', features: [feature('u', ring)], crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } };
    const r = await readGeoJson(write('utm.geojson', JSON.stringify(fc)));
    expect(r.crs).toBe('EPSG:25832');
    expect(r.buildings[0]!.footprint[0]![0]).toBeCloseTo(7, 7);
    expect(r.buildings[0]!.footprint[0]![1]).toBeCloseTo(51.45, 7);
    const single = await readGeoJson(write('single.json', JSON.stringify(feature('s', SQUARE))));
    expect(single.buildings.map((b) => b.id)).toEqual(['s']);
  });

  it('warns about what it had to assume, once per kind', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature('n1', SQUARE, {}),
        feature('n2', SQUARE, {}),
        { type: 'Feature', properties: { height: 5 }, geometry: { type: 'Polygon', coordinates: [SQUARE] } },
        { type: 'Feature', id: 'pt', properties: {}, geometry: { type: 'Point', coordinates: [7, 51] } },
      ],
    };
    const r = await readGeoJson(write('assume.geojson', JSON.stringify(fc)));
    expect(r.buildings.map((b) => b.id)).toEqual(['n1', 'n2', 'assume.geojson#3']);
    expect(r.buildings[0]!.heightM).toBe(6);
    expect(r.warnings).toEqual([
      'no height or storeys; assumed 6 m: n1, n2',
      'feature without id: id made from the file name and order (not stable if the file changes): assume.geojson#3',
      'feature without a Polygon or MultiPolygon geometry skipped: pt',
    ]);
  });

  it('invalid JSON inside a feature: the line and column of the mistake', async () => {
    const text = geoJson(5).replace('"id":"b-4","properties":{"height":', '"id":"b-4","properties":{"height":,');
    const e = await importError(write('bad.geojson', text));
    expect(e.line).toBe(7);
    expect(e.problem).toMatch(/invalid JSON in feature 5/);
    const column = text.split('\n')[6]!.indexOf('"height":,') + '"height":'.length + 1;
    expect(e.column).toBe(column);
  });

  it('a bad coordinate: the feature, its id and where it starts', async () => {
    const fc = { type: 'FeatureCollection', features: [feature('ok', SQUARE), feature('bad', [[7, 51], [7, 'x' as unknown as number], [8, 52], [7, 51]])] };
    const text = JSON.stringify(fc, null, 1);
    const e = await importError(write('coord.geojson', text));
    expect(e.problem).toMatch(/feature 2 \(id "bad"\): geometry\.coordinates\[0\]\[1\] must be a position/);
    expect(text.split('\n')[e.line! - 1]!.trim()).toBe('{');
    expect(text.split('\n')[e.line!]!).toContain('"type": "Feature"');
  });

  it('projected coordinates without a crs, a negative height, a truncated file, not a collection', async () => {
    const utm = crsByEpsg(25832)!;
    const projected = { type: 'FeatureCollection', features: [feature('p', SQUARE.map(([lo, la]) => utm.fromLonLat(lo!, la!)))] };
    expect((await importError(write('proj.geojson', JSON.stringify(projected)))).problem).toMatch(/cannot be in EPSG:4326.*--crs/);
    const ok = await readGeoJson(write('proj2.geojson', JSON.stringify(projected)), { crs: 'EPSG:25832' });
    expect(ok.buildings).toHaveLength(1);

    const negative = { type: 'FeatureCollection', features: [feature('n', SQUARE, { height: -3 })] };
    expect((await importError(write('neg.geojson', JSON.stringify(negative)))).problem).toMatch(/'height' must be a non-negative number/);

    const full = geoJson(20);
    const cut = await importError(write('cut.geojson', full.slice(0, full.length / 2)));
    expect(cut.problem).toMatch(/unexpected end of file/);

    const other = await importError(write('other.geojson', '{"type":"Topology","objects":{}}'));
    expect(other.problem).toMatch(/"FeatureCollection" or "Feature", not "Topology"/);
  });
});
