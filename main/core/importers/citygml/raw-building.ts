/** What the streaming reader keeps of one bldg:Building until its end tag: attributes and polygons, nothing else. */

export type SurfaceKind = 'roof' | 'wall' | 'ground' | 'closure' | 'opening' | 'other' | 'none';

export interface RawPolygon {
  readonly id: string | undefined;
  /** The thematic surface (bldg:RoofSurface ...) it sits in; 'none' when directly in a solid or footprint. */
  kind: SurfaceKind;
  surfaceId: string | undefined;
  /** From the lodN... property around it; -1 when there is none. */
  readonly lod: number;
  /** The property name after lodN: 'Solid', 'MultiSurface', 'FootPrint', 'RoofEdge', ... */
  readonly property: string;
  /** Native coordinates, x y z per point, closing point not repeated. */
  exterior: number[];
  readonly interiors: number[][];
}

export interface RawBuilding {
  readonly id: string | undefined;
  readonly line: number;
  readonly column: number;
  name?: string;
  functionCode?: string;
  roofTypeCode?: string;
  measuredHeight?: number;
  storeys?: number;
  /** bldg:yearOfConstruction (xs:gYear). */
  yearOfConstruction?: number;
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  locality?: string;
  readonly polygons: RawPolygon[];
  /** xlink:href references to polygons, with the thematic surface they were made from. */
  readonly hrefs: { readonly href: string; readonly kind: SurfaceKind; readonly surfaceId: string | undefined }[];
}
