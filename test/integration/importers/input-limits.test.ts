/**
 * Limits of the building importers: a 200 MB one-line GeoJSON whose one feature has a 200 MB name is refused
 * after reading little more than the feature limit (bounded memory, not 1.4 GB); a height of 1e308 m is refused
 * naming the feature; a bow-tie footprint and an over-long name import with a warning each. CityGML likewise: a
 * 200 MB name is refused after little more than the text limit, a height of 1e308 m names its line, and an
 * over-long name or street is shortened with a warning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGeoJson } from '../../../main/core/importers/geojson/read-geojson.js';
import { readCityGml } from '../../../main/core/importers/citygml/read-citygml.js';
import { FOOTER, building, buildingParams, header } from '../../fixtures/importers/generate-citygml.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import { MAX_FEATURE_CHARS, MAX_XML_TEXT_CHARS } from '../../../main/core/importers/input-limits.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-limits-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const square = (x0: number, y0: number, d = 0.0002) => [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]];
const collection = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (id: string, ring: number[][], properties: object) => ({ type: 'Feature', id, properties, geometry: { type: 'Polygon', coordinates: [ring] } });

async function failure(file: string, onProgress?: (read: number) => void): Promise<ImportError> {
  const e = await readGeoJson(file, onProgress ? { onProgress } : {}).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('input limits of the GeoJSON importer', () => {
  it('refuses a 200 MB one-line file with a 200 MB name early, having read only a few MB', async () => {
    const file = path.join(dir, 'huge-name.geojson');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"');
    const mb = Buffer.alloc(2 ** 20, 'x');
    for (let i = 0; i < 200; i++) fs.writeSync(fd, mb);
    fs.writeSync(fd, `"},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(square(7, 51.45))}]}}]}`);
    fs.closeSync(fd);
    let read = 0;
    const e = await failure(file, (r) => (read = r));
    expect(e.message).toMatch(/feature 1 is larger than 4 MB/);
    expect(e.message).toContain('huge-name.geojson');
    // refused within a chunk (1 MB) or two of the limit, not after reading 200 MB
    expect(read).toBeLessThan(MAX_FEATURE_CHARS + 4 * 2 ** 20);
  }, 60_000);

  it('refuses a height of 1e308 m naming the feature', async () => {
    const file = path.join(dir, 'tall.geojson');
    fs.writeFileSync(file, collection([feature('ok', square(7, 51.45), { height: 12 }), feature('tall', square(7.001, 51.45), { height: 1e308 })]));
    const e = await failure(file);
    expect(e.message).toMatch(/height 1e\+308 m is outside 0 to 1000 m/);
    expect(e.message).toMatch(/feature 2 \(id "tall"\)/);
  });

  it('warns about a bow-tie footprint and shortens an over-long name', async () => {
    const file = path.join(dir, 'bowtie.geojson');
    // corners 2 and 3 swapped: the edges 0-1 ... cross in the middle (worked: (7,51.45)->(7.0002,51.4502) crosses (7.0002,51.45)->(7,51.4502))
    const bowtie = [[7, 51.45], [7.0002, 51.4502], [7.0002, 51.45], [7, 51.4502], [7, 51.45]];
    fs.writeFileSync(file, collection([feature('bow', bowtie, { height: 9, name: 'N'.repeat(500) }), feature('fine', square(7.001, 51.45), { height: 9 })]));
    const r = await readGeoJson(file);
    expect(r.buildings.map((b) => b.id)).toEqual(['bow', 'fine']);
    expect(r.warnings.join('\n')).toMatch(/footprint crosses itself \(a bow-tie\).*: bow$/m);
    expect(r.warnings.join('\n')).toMatch(/name longer than 200 characters shortened: bow/);
    expect(r.buildings[0]!.name).toHaveLength(200);
  });
});

/** One generated NRW-like building with `extra` inserted right after its start tag (name, address, height). */
const oneBuilding = (extra: string): string => {
  const b = building(buildingParams(0));
  const open = b.indexOf('>', b.indexOf('<bldg:Building')) + 1;
  return header() + b.slice(0, open) + extra + b.slice(open) + FOOTER;
};

async function cityGmlFailure(file: string, onProgress?: (read: number) => void): Promise<ImportError> {
  const e = await readCityGml(file, onProgress ? { onProgress } : {}).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('input limits of the CityGML importer', () => {
  it('refuses a 200 MB name early, having read little more than the text limit', async () => {
    const file = path.join(dir, 'huge-name.gml');
    const whole = oneBuilding('<gml:name>@@</gml:name>');
    const [before, after] = whole.split('@@') as [string, string];
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, before);
    const mb = Buffer.alloc(2 ** 20, 'x');
    for (let i = 0; i < 200; i++) fs.writeSync(fd, mb);
    fs.writeSync(fd, after);
    fs.closeSync(fd);
    let read = 0;
    const e = await cityGmlFailure(file, (r) => (read = r));
    expect(e.message).toMatch(/text without a tag for more than 16 MB/);
    expect(e.message).toContain('huge-name.gml');
    // the reader reads 1 MB at a time: refused within two chunks of the limit, not after 200 MB
    expect(read).toBeLessThan(MAX_XML_TEXT_CHARS + 2 * 2 ** 20 + before.length);
  }, 60_000);

  it('refuses a measured height of 1e308 m and 1000 storeys, naming the line', async () => {
    const tall = path.join(dir, 'tall.gml');
    const text = oneBuilding('<bldg:measuredHeight uom="m">1e308</bldg:measuredHeight>');
    fs.writeFileSync(tall, text);
    const e = await cityGmlFailure(tall);
    expect(e.message).toMatch(/height 1e\+308 m is outside 0 to 1000 m/);
    // the line of the measuredHeight element: the header's lines, then the building's first line
    expect(e.message).toContain(`:${text.split('\n').findIndex((l) => l.includes('measuredHeight')) + 1}:`);
    const storeys = path.join(dir, 'storeys.gml');
    fs.writeFileSync(storeys, oneBuilding('<bldg:storeysAboveGround>1000</bldg:storeysAboveGround>'));
    expect((await cityGmlFailure(storeys)).message).toMatch(/1000 storeys is outside 0 to 300/);
  });

  it('shortens an over-long name and street with a warning each', async () => {
    const file = path.join(dir, 'long-name.gml');
    const address =
      '<bldg:address><core:Address><core:xalAddress><xAL:AddressDetails xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"><xAL:Country><xAL:Locality>' +
      `<xAL:Thoroughfare><xAL:ThoroughfareName>${'S'.repeat(300)}</xAL:ThoroughfareName></xAL:Thoroughfare>` +
      '</xAL:Locality></xAL:Country></xAL:AddressDetails></core:xalAddress></core:Address></bldg:address>';
    fs.writeFileSync(file, oneBuilding(`<gml:name>${'N'.repeat(500)}</gml:name>${address}`));
    const r = await readCityGml(file);
    expect(r.buildings).toHaveLength(1);
    const id = r.buildings[0]!.id;
    expect(r.buildings[0]!.name).toBe('N'.repeat(200));
    expect(r.warnings.join('\n')).toContain(`name longer than 200 characters shortened: ${id}`);
    expect(r.warnings.join('\n')).toContain(`ThoroughfareName longer than 200 characters shortened: ${id}`);
  });
});
