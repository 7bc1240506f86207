import { describe, expect, it } from 'vitest';
import { readCityGml } from '../../../main/core/importers/citygml/read-citygml.js';
import { localPlane } from '../../../main/core/importers/geometry/local-plane.js';
import { signedArea } from '../../../main/core/importers/geometry/ring2d.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import type { Building } from '../../../models/types.js';
import { FOOTER, building, buildingParams, cityGml, header } from '../../fixtures/importers/generate-citygml.js';
import { tempFiles } from './temp-file.js';
import { FZK_HAUS_GML as FZK } from '../../fixtures/data/fixture-files.js';

const write = tempFiles();

function footprintAreaM2(b: Building): number {
  const [lon0, lat0] = b.footprint[0]!;
  const plane = localPlane(lon0, lat0);
  return signedArea(b.footprint.map(([lon, lat]) => plane.toMetres(lon, lat)));
}

async function importError(file: string, options = {}): Promise<ImportError> {
  const e = await readCityGml(file, options).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const LOD1 = `<?xml version="1.0" encoding="UTF-8"?>
<CityModel xmlns="http://www.opengis.net/citygml/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:gml="http://www.opengis.net/gml">
<cityObjectMember>
<bldg:Building gml:id="LOD1_A">
<bldg:function>31001_2020</bldg:function>
<bldg:lod1Solid><gml:Solid srsName="EPSG:25832" srsDimension="3"><gml:exterior><gml:CompositeSurface>
<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>362000 5702000 50 362000 5702020 50 362030 5702020 50 362030 5702000 50 362000 5702000 50</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>362000 5702000 62 362030 5702000 62 362030 5702020 62 362000 5702020 62 362000 5702000 62</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>362000 5702000 50 362030 5702000 50 362030 5702000 62 362000 5702000 62 362000 5702000 50</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>
</bldg:Building>
</cityObjectMember>
</CityModel>
`;

/** Two parts sharing the wall at x = 362010, each with its own ground and flat roof. */
function part(id: string, x0: number, x1: number, top: number): string {
  const ring = (z: number) => `${x0} 5702000 ${z} ${x1} 5702000 ${z} ${x1} 5702010 ${z} ${x0} 5702010 ${z} ${x0} 5702000 ${z}`;
  return `<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="${id}">
<bldg:measuredHeight uom="m">${top}</bldg:measuredHeight>
<bldg:boundedBy><bldg:GroundSurface gml:id="${id}_G"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${ring(0)}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>
<bldg:boundedBy><bldg:RoofSurface gml:id="${id}_R"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${ring(top)}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
</bldg:BuildingPart></bldg:consistsOfBuildingPart>`;
}
const PARTS = `<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml">
<gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::25832"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>
<core:cityObjectMember><bldg:Building gml:id="WITH_PARTS"><gml:name>Rathaus</gml:name><bldg:function>31001_3012</bldg:function>
${part('P1', 362000, 362010, 9)}
${part('P2', 362010, 362025, 12)}
</bldg:Building></core:cityObjectMember>
</core:CityModel>
`;

describe('CityGML import: FZK-Haus (CityGML 2.0 LoD2, KIT sample)', () => {
  it('reads the building, its two 30° roof faces and its 12 m x 10 m footprint', async () => {
    const r = await readCityGml(FZK);
    expect(r.format).toBe('citygml');
    expect(r.crs).toBe('EPSG:25832');
    expect(r.buildings).toHaveLength(1);
    const b = r.buildings[0]!;
    expect(b.id).toBe('UUID_d281adfc-4901-0f52-540b-4cc1a9325f82');
    expect(b.name).toBe('AC14-FZK-Haus');
    expect(b.heightM).toBeCloseTo(118.317669 - 111.8, 2);
    expect(b.storeys).toBe(2);
    expect(b.roofType).toBe('gable');
    expect(b.address).toContain('Spöcker Straße 4711');
    expect(b.footprint).toHaveLength(4);
    expect(footprintAreaM2(b)).toBeCloseTo(120, 0);
    const roofs = [...r.roofs].sort((a, c) => a.azimuthDeg - c.azimuthDeg);
    expect(roofs.map((x) => x.azimuthDeg)).toEqual([0, 180]);
    for (const roof of roofs) {
      expect(roof.buildingId).toBe(b.id);
      expect(roof.tiltDeg).toBeCloseTo(30, 1);
      expect(roof.areaM2).toBeCloseTo(12 * Math.hypot(5, 118.317691453624 - 115.430940107676), 1);
    }
    expect(r.bounds!.minLon).toBeGreaterThan(8.42);
    expect(r.bounds!.maxLat).toBeLessThan(49.11);
    expect(r.warnings).toEqual([]);
  });

  it('reports progress up to the file size', async () => {
    const calls: [number, number][] = [];
    await readCityGml(FZK, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(0);
    const [done, total] = calls[calls.length - 1]!;
    expect(done).toBe(total);
    expect(total).toBe(14961);
  });
});

describe('CityGML import: generated NRW-like LoD2 tiles', () => {
  it.each(['1.0', '2.0'] as const)('CityGML %s: every building with footprint, height and both roof faces', async (version) => {
    const n = 25;
    const file = write(`gen-${version}.gml`, cityGml(n, { version }));
    const r = await readCityGml(file);
    expect(r.buildings).toHaveLength(n);
    expect(r.roofs).toHaveLength(2 * n);
    for (let i = 0; i < n; i++) {
      const p = buildingParams(i);
      const b = r.buildings.find((x) => x.id === p.id)!;
      expect(b.heightM).toBeCloseTo(p.eavesHeight + p.ridgeRise, 2);
      expect(b.use).toBe('single-family');
      expect(footprintAreaM2(b) / (p.width * p.depth)).toBeCloseTo(1, 3);
      const roofs = r.roofs.filter((x) => x.buildingId === p.id).sort((a, c) => a.azimuthDeg - c.azimuthDeg);
      const tilt = (Math.atan2(p.ridgeRise, p.depth / 2) * 180) / Math.PI;
      expect(roofs.map((x) => x.azimuthDeg)).toEqual([0, 180]);
      for (const roof of roofs) {
        expect(roof.tiltDeg).toBeCloseTo(tilt, 1);
        expect(roof.areaM2).toBeCloseTo(p.width * Math.hypot(p.depth / 2, p.ridgeRise), 1);
      }
    }
  });

  it('keeps one building per gml:id when the file repeats one, and says so', async () => {
    const b = building(buildingParams(3));
    const file = write('dup.gml', header() + b + b + FOOTER);
    const r = await readCityGml(file);
    expect(r.buildings).toHaveLength(1);
    expect(r.roofs).toHaveLength(2);
    expect(r.warnings.join('\n')).toMatch(/duplicate gml:id.*DENW36AL00000003/);
  });
});

describe('CityGML import: LoD1 and building parts', () => {
  it('takes an LoD1 footprint from the solid bottom, the height from z, and assumes a flat roof', async () => {
    const r = await readCityGml(write('lod1.gml', LOD1));
    expect(r.buildings).toHaveLength(1);
    const b = r.buildings[0]!;
    expect(b.id).toBe('LOD1_A');
    expect(b.heightM).toBe(12);
    expect(b.use).toBe('office');
    expect(b.roofType).toBe('flat');
    expect(footprintAreaM2(b)).toBeCloseTo(600, 0);
    expect(r.roofs).toEqual([{ buildingId: 'LOD1_A', areaM2: expect.closeTo(600, 0) as number, tiltDeg: 0, azimuthDeg: 180 }]);
  });

  it('joins the parts into one building: one outline, the tallest height, every roof', async () => {
    const r = await readCityGml(write('parts.gml', PARTS));
    expect(r.buildings).toHaveLength(1);
    const b = r.buildings[0]!;
    expect(b.id).toBe('WITH_PARTS');
    expect(b.name).toBe('Rathaus');
    expect(b.use).toBe('town-hall');
    expect(b.heightM).toBe(12);
    expect(footprintAreaM2(b)).toBeCloseTo(250, 0);
    expect(r.roofs.map((x) => x.areaM2).sort((a, c) => a - c)).toEqual([100, 150]);
    expect(r.roofs.every((x) => x.buildingId === 'WITH_PARTS' && x.tiltDeg === 0)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('reads geographic coordinates given latitude first (urn:ogc:def:crs:EPSG::4326)', async () => {
    // 20 m x 10 m flat-roofed box near Essen, written lat lon z
    const lat0 = 51.45;
    const lon0 = 7.0;
    const dLat = 10 / 111_260;
    const dLon = 20 / (111_320 * Math.cos((lat0 * Math.PI) / 180));
    const ring = (z: number): string =>
      [
        [lat0, lon0],
        [lat0, lon0 + dLon],
        [lat0 + dLat, lon0 + dLon],
        [lat0 + dLat, lon0],
        [lat0, lon0],
      ]
        .map(([la, lo]) => `${la} ${lo} ${z}`)
        .join(' ');
    const gml = PARTS.replace('urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:EPSG::4326')
      .replace(/<bldg:consistsOfBuildingPart>[\s\S]*<\/bldg:consistsOfBuildingPart>/, part('GEO', 0, 1, 7))
      .replace(/0 5702000 0 1 5702000 0 1 5702010 0 0 5702010 0 0 5702000 0/, ring(0))
      .replace(/0 5702000 7 1 5702000 7 1 5702010 7 0 5702010 7 0 5702000 7/, ring(7));
    const r = await readCityGml(write('geo.gml', gml));
    const b = r.buildings[0]!;
    expect(b.footprint[0]![0]).toBeCloseTo(lon0, 6);
    expect(b.footprint[0]![1]).toBeCloseTo(lat0, 6);
    expect(r.roofs[0]!.areaM2).toBeGreaterThan(199);
    expect(r.roofs[0]!.areaM2).toBeLessThan(201);
  });
});

describe('CityGML import: references', () => {
  it('a roof surface made of xlink:href references to polygons kept in the solid', async () => {
    const poly = (id: string, pts: string) =>
      `<gml:surfaceMember><gml:Polygon gml:id="${id}"><gml:exterior><gml:LinearRing><gml:posList>${pts}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>`;
    // 10 m x 8 m, ridge along x at y = 4, eaves 3 m, ridge 7 m: two 45° faces
    const gml = `<?xml version="1.0"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
<core:cityObjectMember><bldg:Building gml:id="HREF">
<bldg:lod2Solid><gml:Solid srsName="EPSG:25832"><gml:exterior><gml:CompositeSurface>
${poly('G', '362000 5702000 0 362000 5702008 0 362010 5702008 0 362010 5702000 0')}
${poly('RS', '362000 5702000 3 362010 5702000 3 362010 5702004 7 362000 5702004 7')}
${poly('RN', '362000 5702004 7 362010 5702004 7 362010 5702008 3 362000 5702008 3')}
</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
<bldg:boundedBy><bldg:RoofSurface gml:id="R_S"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember xlink:href="#RS"/></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
<bldg:boundedBy><bldg:RoofSurface gml:id="R_N"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember xlink:href="#RN"/></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
<bldg:boundedBy><bldg:GroundSurface gml:id="R_G"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember xlink:href="#G"/></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>
</bldg:Building></core:cityObjectMember>
</core:CityModel>`;
    const r = await readCityGml(write('href.gml', gml));
    expect(r.buildings[0]!.heightM).toBe(7);
    expect(footprintAreaM2(r.buildings[0]!)).toBeCloseTo(80, 0);
    const roofs = [...r.roofs].sort((a, b) => a.azimuthDeg - b.azimuthDeg);
    expect(roofs.map((x) => [x.azimuthDeg, x.tiltDeg, x.areaM2])).toEqual([
      [0, 45, Number((10 * Math.hypot(4, 4)).toFixed(2))],
      [180, 45, Number((10 * Math.hypot(4, 4)).toFixed(2))],
    ]);
  });
});

describe('CityGML import: malformed input names the place and imports nothing', () => {
  it('a mismatched end tag', async () => {
    const lines = cityGml(3).split('\n');
    const at = lines.findIndex((l) => l.includes('</bldg:roofType>'));
    lines[at] = lines[at]!.replace('</bldg:roofType>', '</bldg:roofTyp>');
    const e = await importError(write('mismatch.gml', lines.join('\n')));
    expect(e.line).toBe(at + 1);
    expect(e.problem).toMatch(/malformed XML/);
    expect(e.message).toContain('mismatch.gml:');
  });

  it('a coordinate that is not a number', async () => {
    const lines = cityGml(2).split('\n');
    const at = lines.findIndex((l, i) => i > 60 && l.includes('<gml:posList'));
    lines[at] = lines[at]!.replace(/>(\d+)/, '>12x4');
    const e = await importError(write('nan.gml', lines.join('\n')));
    expect(e.line).toBe(at + 1);
    expect(e.problem).toMatch(/posList holds '12x4'/);
  });

  it('a posList whose length does not fit its dimension', async () => {
    const gml = cityGml(1).replace(/(<gml:posList srsDimension="3">[\d. ]+?) ([\d.]+)<\/gml:posList>/, '$1</gml:posList>');
    const e = await importError(write('dim.gml', gml));
    expect(e.problem).toMatch(/not a multiple of the dimension 3/);
  });

  it('a file cut off in the middle', async () => {
    const full = cityGml(4);
    const e = await importError(write('cut.gml', full.slice(0, Math.floor(full.length * 0.6))));
    expect(e.problem).toMatch(/malformed XML/);
    expect(e.line).toBeGreaterThan(1);
  });

  it('an unknown srsName, unless --crs overrides it', async () => {
    const gml = cityGml(2, { srsName: 'urn:adv:crs:MyLocalGrid' });
    const file = write('srs.gml', gml);
    const e = await importError(file);
    expect(e.problem).toMatch(/unknown srsName 'urn:adv:crs:MyLocalGrid'.*--crs/);
    expect(e.line).toBe(4);
    const r = await readCityGml(file, { crs: 'EPSG:25832' });
    expect(r.buildings).toHaveLength(2);
    expect(r.warnings.join()).toMatch(/read as EPSG:25832 as --crs asks/);
  });

  it('no srsName at all, unless --crs names one', async () => {
    const file = write('nosrs.gml', LOD1.replace(' srsName="EPSG:25832"', ''));
    const e = await importError(file);
    expect(e.problem).toMatch(/no srsName.*--crs/);
    expect(e.line).toBe(4);
    expect((await readCityGml(file, { crs: '25832' })).buildings).toHaveLength(1);
    expect((await importError(file, { crs: 'EPSG:9999' })).problem).toMatch(/unknown CRS 'EPSG:9999'/);
  });

  it('Gauss-Krüger coordinates declared as UTM', async () => {
    const gml = cityGml(1, { originX: 3_362_000, srsName: 'EPSG:25832' });
    const e = await importError(write('gk.gml', gml));
    expect(e.problem).toMatch(/cannot be in EPSG:25832.*wrong CRS/);
    const r = await readCityGml(write('gk2.gml', gml), { crs: 'EPSG:31467' });
    expect(r.bounds!.minLon).toBeGreaterThan(6.9);
    expect(r.bounds!.maxLon).toBeLessThan(7.1);
  });

  it('two different CRSs in one file', async () => {
    const lines = cityGml(2).split('\n');
    const at = lines.findIndex((l) => l.includes('<gml:Polygon'));
    lines[at] = lines[at]!.replace('<gml:Polygon', '<gml:Polygon srsName="EPSG:31467"');
    const e = await importError(write('mixed.gml', lines.join('\n')));
    expect(e.line).toBe(at + 1);
    expect(e.problem).toMatch(/srsName 'EPSG:31467' differs from 'urn:adv:crs:ETRS89_UTM32\*DE_DHHN2016_NH' \(line 4\)/);
  });

  it('a non-UTF-8 encoding declaration', async () => {
    const gml = cityGml(1).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect((await importError(write('latin1.gml', gml))).problem).toMatch(/encoding 'ISO-8859-1'/);
  });
});
