/**
 * The CityGML handler's state through its byte entries, as a parse worker drives it (piece-tokenizer.ts): which
 * xlink:href references it keeps, which srsDimension is in force where, whose gml:name is the building's, and the
 * exterior ring it keeps. The integration tests compare whole files with the saxes reader.
 */
import { describe, expect, it } from 'vitest';
import { CityGmlHandler } from '../../../main/core/importers/citygml/citygml-handler.js';
import { piecePosition } from '../../../main/core/importers/citygml/piece-position.js';
import { type TokenizerPlace, tokenizePiece } from '../../../main/core/importers/citygml/piece-tokenizer.js';
import type { RawBuilding } from '../../../main/core/importers/citygml/raw-building.js';

function read(xml: string): { buildings: RawBuilding[]; handler: CityGmlHandler } {
  const bytes = Buffer.from(xml, 'utf8');
  const at: TokenizerPlace = { index: 0, wide: -1 };
  const buildings: RawBuilding[] = [];
  const handler = new CityGmlHandler(piecePosition(bytes, at), (b) => buildings.push(b));
  tokenizePiece(bytes, handler, at);
  return { buildings, handler };
}

const polygon = (id: string, posList: string, dim = ''): string =>
  `<gml:surfaceMember><gml:Polygon gml:id="${id}"><gml:exterior><gml:LinearRing><gml:posList${dim}>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>`;
const SQUARE = '0 0 1 4 0 1 4 4 1 0 4 1 0 0 1';

describe('the CityGML handler', () => {
  it('keeps the hrefs of thematic surfaces, not those of a solid outside one', () => {
    // the solid's references would give the polygons the kind 'none' they have anyway
    const { buildings } = read(`<r srsDimension="3"><bldg:Building gml:id="B">
<bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface><gml:surfaceMember xlink:href="#P1"/><gml:surfaceMember xlink:href="#P2"/></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
<bldg:boundedBy><bldg:RoofSurface gml:id="R"><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember xlink:href="#P1"/></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
</bldg:Building></r>`);
    expect(buildings).toHaveLength(1);
    expect(buildings[0]?.hrefs).toEqual([{ href: 'P1', kind: 'roof', surfaceId: 'R' }]);
  });

  it('takes the srsDimension of the innermost element that sets one, and the outer one again after it', () => {
    // 2D: five points, the closing one dropped, z 0 added; then 3D again, as the root says
    const { buildings, handler } = read(`<r srsDimension="3"><bldg:Building gml:id="B"><bldg:lod2MultiSurface>
<gml:MultiSurface srsDimension="2">${polygon('A', '0 0 4 0 4 4 0 4 0 0')}</gml:MultiSurface>
<gml:MultiSurface>${polygon('C', SQUARE)}</gml:MultiSurface>
<gml:MultiSurface dimension="2">${polygon('D', '1 1 0 2 1 0 2 2 0 1 1 0', ' srsDimension="3"')}</gml:MultiSurface>
</bldg:lod2MultiSurface></bldg:Building></r>`);
    const exteriors = buildings[0]?.polygons.map((p) => [p.id, p.exterior]);
    expect(exteriors).toEqual([
      ['A', [0, 0, 0, 4, 0, 0, 4, 4, 0, 0, 4, 0]],
      ['C', [0, 0, 1, 4, 0, 1, 4, 4, 1, 0, 4, 1]],
      // twelve numbers, three at a time: the posList's own srsDimension="3" wins over its parent's dimension="2"
      ['D', [1, 1, 0, 2, 1, 0, 2, 2, 0]],
    ]);
    expect(handler.dimensionHere).toBe(3);
  });

  it('refuses a posList that does not fit the srsDimension in force', () => {
    expect(() => read(`<r srsDimension="2"><bldg:Building gml:id="B"><bldg:lod2MultiSurface><gml:MultiSurface srsDimension="3">${polygon('A', '0 0 4 0 4 4 0 4')}</gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></r>`)).toThrow(
      'posList has 8 numbers, not a multiple of the dimension 3',
    );
  });

  it('takes the gml:name of the building or a part, not one of its address', () => {
    const { buildings } = read(`<r><bldg:Building gml:id="B"><bldg:address><core:Address><gml:name>Postanschrift</gml:name></core:Address></bldg:address>
<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="P"><gml:name>Rathaus</gml:name></bldg:BuildingPart></bldg:consistsOfBuildingPart>
<gml:name>Altes Rathaus</gml:name></bldg:Building></r>`);
    // the part's name comes first; a later name does not replace it (name ??= value)
    expect(buildings[0]?.name).toBe('Rathaus');
  });

  it('keeps the exterior ring without its closing point, and a second exterior after the first', () => {
    const ring = '<gml:exterior><gml:LinearRing><gml:posList>0 0 1 4 0 1 4 4 1 0 0 1</gml:posList></gml:LinearRing></gml:exterior>';
    const { buildings } = read(`<r srsDimension="3"><bldg:Building gml:id="B"><bldg:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon>${ring}${ring}</gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod1MultiSurface></bldg:Building></r>`);
    expect(buildings[0]?.polygons[0]?.exterior).toEqual([0, 0, 1, 4, 0, 1, 4, 4, 1, 0, 0, 1, 4, 0, 1, 4, 4, 1]);
  });
});
