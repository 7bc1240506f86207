/** Year of construction and floor area come from the import's attributes where the file states them. */
import { describe, expect, it } from 'vitest';
import { readCityGml } from '../../../main/core/importers/citygml/read-citygml.js';
import { readGeoJson } from '../../../main/core/importers/geojson/read-geojson.js';
import { mergeIntoStore } from '../../../main/core/importers/merge-into-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { tempFiles } from '../importers/temp-file.js';

const write = tempFiles();

const gml = (year: string) => `<?xml version="1.0" encoding="UTF-8"?>
<CityModel xmlns="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml">
<cityObjectMember>
<bldg:Building gml:id="B1">
<bldg:function>31001_1010</bldg:function>
<bldg:yearOfConstruction>${year}</bldg:yearOfConstruction>
<bldg:measuredHeight uom="m">9</bldg:measuredHeight>
<bldg:lod1Solid><gml:Solid srsName="EPSG:25832" srsDimension="3"><gml:exterior><gml:CompositeSurface>
<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>362000 5702000 50 362000 5702010 50 362010 5702010 50 362010 5702000 50 362000 5702000 50</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>
</bldg:Building>
</cityObjectMember>
</CityModel>
`;

const square = [
  [7.0, 51.45],
  [7.0002, 51.45],
  [7.0002, 51.4502],
  [7.0, 51.4502],
  [7.0, 51.45],
];
const geojson = (properties: object) =>
  JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'G1', properties: { height: 9, ...properties }, geometry: { type: 'Polygon', coordinates: [square] } }] });

describe('planning attributes from the import', () => {
  it('reads bldg:yearOfConstruction (a gYear or a date) and refuses anything else by name', async () => {
    expect((await readCityGml(write('a.gml', gml('1965')))).buildings[0]?.planning).toEqual({ yearBuilt: 1965 });
    expect((await readCityGml(write('b.gml', gml('1912-01-01')))).buildings[0]?.planning).toEqual({ yearBuilt: 1912 });
    await expect(readCityGml(write('c.gml', gml('um 1900')))).rejects.toThrow(/yearOfConstruction must be a year such as 1965, not 'um 1900'/);
  });

  it('reads year built and floor area from GeoJSON properties, OpenStreetMap start_date included', async () => {
    expect((await readGeoJson(write('a.geojson', geojson({ baujahr: 1928, floorAreaM2: 240 })))).buildings[0]?.planning).toEqual({ yearBuilt: 1928, floorAreaM2: 240 });
    expect((await readGeoJson(write('b.geojson', geojson({ start_date: '1905-05' })))).buildings[0]?.planning).toEqual({ yearBuilt: 1905 });
    expect((await readGeoJson(write('c.geojson', geojson({})))).buildings[0]?.planning).toBeUndefined();
  });

  it('keeps what the user entered on a re-import unless the file states it', async () => {
    const db = write('d.sqlite', '');
    const store = await openStore(db);
    try {
      const first = await readGeoJson(write('first.geojson', geojson({})));
      await mergeIntoStore(store, first, 'first.geojson');
      const view = await store.getDistrict();
      const b = view!.buildings[0]!;
      await store.saveDistrict(view!.site, [{ ...b, planning: { fuel: 'gas', yearBuilt: 1950 } }], [], []);
      await mergeIntoStore(store, await readGeoJson(write('again.geojson', geojson({ yearBuilt: 1960 }))), 'again.geojson');
      expect((await store.getDistrict())!.buildings[0]!.planning).toEqual({ fuel: 'gas', yearBuilt: 1960 });
    } finally {
      await store.close();
    }
  });
});
