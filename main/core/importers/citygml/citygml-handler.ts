/**
 * The state machine behind the streaming CityGML reader: fed SAX events, it keeps one building at a time and
 * hands it over at its end tag, so memory depends on the largest building, not on the file. CityGML 1.0 and 2.0
 * share the element names used here; namespace prefixes are ignored.
 */
import type { RawBuilding, RawPolygon, SurfaceKind } from './raw-building.js';
import { appendDecimals } from './decimals-from-bytes.js';
import { utf8Slice } from './utf8-slice.js';
import { MAX_BUILDING_NUMBERS, MAX_HEIGHT_M, MAX_NAME_CHARS, MAX_STOREYS, MAX_XML_TEXT_CHARS } from '../input-limits.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A problem found by the handler; the reader adds the file name. */
export class CityGmlProblem extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

const SURFACE_KINDS: Readonly<Record<string, SurfaceKind>> = {
  RoofSurface: 'roof',
  WallSurface: 'wall',
  GroundSurface: 'ground',
  ClosureSurface: 'closure',
  OuterCeilingSurface: 'other',
  OuterFloorSurface: 'other',
  Window: 'opening',
  Door: 'opening',
};


type BuildingText = 'name' | 'function' | 'roofType' | 'measuredHeight' | 'storeysAboveGround' | 'yearOfConstruction' | 'ThoroughfareName'
  | 'ThoroughfareNumber' | 'PostalCodeNumber' | 'LocalityName';
const BUILDING_TEXT = new Set<string>([
  'name',
  'function',
  'roofType',
  'measuredHeight',
  'storeysAboveGround',
  'yearOfConstruction',
  'ThoroughfareName',
  'ThoroughfareNumber',
  'PostalCodeNumber',
  'LocalityName',
]);

/** What the handler makes of an element, by its local name (elementKind). */
export const ELEMENT_OTHER = 0;
const ELEMENT_BUILDING = 1;
const ELEMENT_SURFACE = 2;
/** lod, a digit, a property name: lod2Solid, lod1MultiSurface, lod2FootPrint... */
const ELEMENT_LOD = 3;
const ELEMENT_POLYGON = 4;
const ELEMENT_EXTERIOR = 5;
const ELEMENT_INTERIOR = 6;
const ELEMENT_LINEAR_RING = 7;
const ELEMENT_COORDINATES = 8;
const ELEMENT_BUILDING_TEXT = 9;

const ELEMENT_KINDS = new Map<string, number>([
  ['Building', ELEMENT_BUILDING],
  ['BuildingPart', ELEMENT_BUILDING],
  ...Object.keys(SURFACE_KINDS).map((name): [string, number] => [name, ELEMENT_SURFACE]),
  ...['Polygon', 'Triangle', 'Rectangle', 'PolygonPatch'].map((name): [string, number] => [name, ELEMENT_POLYGON]),
  ['exterior', ELEMENT_EXTERIOR],
  ['outerBoundaryIs', ELEMENT_EXTERIOR],
  ['interior', ELEMENT_INTERIOR],
  ['innerBoundaryIs', ELEMENT_INTERIOR],
  ['LinearRing', ELEMENT_LINEAR_RING],
  ...['posList', 'pos', 'coordinates'].map((name): [string, number] => [name, ELEMENT_COORDINATES]),
  ...[...BUILDING_TEXT].map((name): [string, number] => [name, ELEMENT_BUILDING_TEXT]),
]);
const LOD = /^lod(\d)(\w+)$/;

/**
 * The kind of element a local name is, for openElement and closeElement: one look-up per tag instead of a test per
 * kind, and none for the byte tokenizer, which keeps the kind with each name it has seen.
 */
export const elementKind = (local: string): number => ELEMENT_KINDS.get(local) ?? (LOD.test(local) ? ELEMENT_LOD : ELEMENT_OTHER);

/** The level of detail and property of an lodN... element, by name: every surface has one. */
const lods = new Map<string, { readonly lod: number; readonly property: string }>();

function lodOf(name: string): { readonly lod: number; readonly property: string } {
  let found = lods.get(name);
  if (found === undefined) {
    const m = LOD.exec(name) as RegExpExecArray;
    found = { lod: Number(m[1]), property: m[2] as string };
    if (lods.size < MAX_KINDS_SEEN) lods.set(name, found);
  }
  return found;
}

/** The local names elementKind was asked for by saxes's tags, whose names are new strings each time. */
const kindsSeen = new Map<string, number>();
const MAX_KINDS_SEEN = 4096;

function kindOf(local: string): number {
  let kind = kindsSeen.get(local);
  if (kind === undefined) {
    kind = elementKind(local);
    if (kindsSeen.size < MAX_KINDS_SEEN) kindsSeen.set(local, kind);
  }
  return kind;
}

/**
 * A copy of a string that does not point into the parser's 1 MB input chunk: V8 keeps substrings as views of
 * their parent, so one building id kept from every chunk would keep the whole file in memory.
 */
const detach = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** A 2D posList's numbers before each point gets its z of 0. */
const scratch: number[] = [];

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

/** The attributes the handler reads of a tag; undefined where the tag has none. */
export interface TagAttributes {
  srsName: string | undefined;
  srsDimension: string | undefined;
  dimension: string | undefined;
  /** id by local name, whatever prefix the file uses (the first one wins). */
  id: string | undefined;
  /** href by local name (the first one wins). */
  href: string | undefined;
}

/**
 * The attributes of saxes's tags, found in one pass over a tag's attributes: keyed look-ups of each, and a loop per
 * id or href, were a tenth of the parse. srsName, srsDimension and dimension as written. One object for every tag.
 */
const read: TagAttributes = { srsName: undefined, srsDimension: undefined, dimension: undefined, id: undefined, href: undefined };

/** True when key is `local` or ends with `:local`. */
const isLocal = (key: string, local: string): boolean =>
  key === local || (key.endsWith(local) && key.charCodeAt(key.length - local.length - 1) === 58);

function readAttributes(attrs: Readonly<Record<string, string>>): TagAttributes {
  read.srsName = read.srsDimension = read.dimension = read.id = read.href = undefined;
  for (const key in attrs) {
    const value = attrs[key] as string;
    if (key === 'srsName') read.srsName = value;
    else if (key === 'srsDimension') read.srsDimension = value;
    else if (key === 'dimension') read.dimension = value;
    else if (read.id === undefined && isLocal(key, 'id')) read.id = value;
    else if (read.href === undefined && isLocal(key, 'href')) read.href = value;
  }
  return read;
}

interface SrsSeen {
  readonly srsName: string;
  readonly position: Position;
}

export class CityGmlHandler {
  /** Every srsName in the file, in order of appearance (the reader checks they agree). */
  onSrsName: (seen: SrsSeen) => void = () => undefined;

  private depth = 0;
  /** The srsDimension and dimension attributes in force, innermost last, and the depth of the element of each. */
  private readonly srsDims: number[] = [];
  private readonly srsDimDepths: number[] = [];
  private building: RawBuilding | null = null;
  private buildingDepth = -1;
  private readonly surfaces: { kind: SurfaceKind; id: string | undefined; depth: number }[] = [];
  private geometry: { readonly lod: number; readonly property: string } | null = null;
  private geometryDepth = -1;
  private polygon: RawPolygon | null = null;
  private polygonDepth = -1;
  private ringRole: 'exterior' | 'interior' | null = null;
  private ring: number[] | null = null;
  private textParts: string[] | null = null;
  /** The array textParts is while there is text to keep: one for every element. */
  private readonly parts: string[] = [];
  private textChars = 0;
  private textDepth = -1;
  private textElement = '';
  private textPosition: Position = { line: 0, column: 0 };
  private textDim = 3;
  private textParentIsFeature = false;
  /** The text of the posList being read, while it is one piece of plain bytes (see textBytes). */
  private pendingBytes: Buffer | null = null;
  private pendingStart = 0;
  private pendingEnd = 0;
  /**
   * elementKind of the open elements (small integers: no write barrier on push). An array's [length - 1] is read
   * only when it has one: [-1] of an empty array is a property look-up by the name "-1", far slower than an index.
   */
  private readonly kinds: number[] = [];
  /** Coordinates kept for the building being read: bounded, as the building is held whole until its end tag. */
  private buildingNumbers = 0;

  constructor(
    private readonly position: () => Position,
    private readonly emit: (b: RawBuilding) => void,
    /** Told of text that was shortened to its limit: (what, the building's id or position). */
    private readonly onShortened: (what: string, building: RawBuilding) => void = () => undefined,
    /**
     * Copy the strings kept, see detach. A parse worker need not: its buildings reach the main thread as copies
     * anyway, and the copies cost a tenth of its time.
     */
    private readonly keepCopy: (s: string) => string = detach,
    /**
     * Where a posList or a building's text starts, for the problems found in it. A parse worker need not know: any
     * problem there sends the file to the one-thread reader, which words it with its own positions, and a position
     * per posList was a twentieth of a worker's time.
     */
    private readonly textPositionOf: () => Position = position,
  ) {}

  /** The srsDimension the next element inherits (the parallel reader hands it to its workers). */
  get dimensionHere(): number {
    return this.srsDimHere();
  }

  private srsDimHere(): number {
    const n = this.srsDims.length;
    return n > 0 ? (this.srsDims[n - 1] as number) : 3;
  }

  /** The innermost open thematic surface. */
  private surfaceHere(): { kind: SurfaceKind; id: string | undefined; depth: number } | undefined {
    const n = this.surfaces.length;
    return n > 0 ? this.surfaces[n - 1] : undefined;
  }

  /** Outside any building: the place between two city objects where the parallel reader may cut the file. */
  get betweenBuildings(): boolean {
    return this.building === null && this.textParts === null;
  }

  openTag(qname: string, attrs: Readonly<Record<string, string>>): void {
    const name = localName(qname);
    this.openElement(name, readAttributes(attrs), kindOf(name));
  }

  /**
   * A start tag by its local name and elementKind, with the attributes the handler reads (the byte tokenizer finds
   * them itself).
   */
  openElement(name: string, attrs: Readonly<TagAttributes>, kind: number): void {
    const parentKind = this.kinds.length > 0 ? (this.kinds[this.kinds.length - 1] as number) : ELEMENT_OTHER;
    this.kinds.push(kind);
    this.depth++;
    const { id, href, srsName } = attrs;
    if (srsName !== undefined) this.onSrsName({ srsName, position: this.position() });
    const dimAttr = attrs.srsDimension ?? attrs.dimension;
    // kept only where an element sets one: most set none and inherit it
    if (dimAttr !== undefined) {
      this.srsDims.push(this.dimension(dimAttr));
      this.srsDimDepths.push(this.depth);
    }

    if (kind === ELEMENT_BUILDING) {
      if (!this.building) {
        const p = this.position();
        this.building = {
          id: id === undefined ? undefined : this.keepCopy(id),
          line: p.line,
          column: p.column,
          polygons: [],
          hrefs: [],
        };
        this.buildingDepth = this.depth;
        this.buildingNumbers = 0;
      }
      return;
    }
    const b = this.building;
    if (!b) return;

    // a reference outside a thematic surface would give its polygon the kind 'none' it has anyway: not kept
    const surface = this.surfaceHere();
    if (href !== undefined && surface !== undefined) {
      b.hrefs.push({ href: href.charCodeAt(0) === 0x23 /* # */ ? href.slice(1) : href, kind: surface.kind, surfaceId: surface.id });
    }
    if (kind === ELEMENT_SURFACE) {
      this.surfaces.push({ kind: SURFACE_KINDS[name] as SurfaceKind, id, depth: this.depth });
      return;
    }
    if (kind === ELEMENT_LOD && !this.geometry) {
      this.geometry = lodOf(name);
      this.geometryDepth = this.depth;
      return;
    }
    if (kind === ELEMENT_POLYGON && !this.polygon) {
      this.polygonDepth = this.depth;
      this.polygon = {
        id,
        kind: surface?.kind ?? 'none',
        surfaceId: surface?.id,
        lod: this.geometry?.lod ?? -1,
        property: this.geometry?.property ?? '',
        exterior: [],
        interiors: [],
      };
      return;
    }
    if (this.polygon) {
      if (kind === ELEMENT_EXTERIOR) this.ringRole = 'exterior';
      else if (kind === ELEMENT_INTERIOR) this.ringRole = 'interior';
      else if (kind === ELEMENT_LINEAR_RING && this.ringRole) this.ring = [];
      else if (this.ring && kind === ELEMENT_COORDINATES) this.startText(name, this.srsDimHere());
      return;
    }
    if (this.surfaces.length === 0 && !this.geometry && kind === ELEMENT_BUILDING_TEXT) {
      this.textParentIsFeature = parentKind === ELEMENT_BUILDING;
      this.startText(name, 0);
    }
  }

  /** Inside an element whose text the handler keeps. */
  get wantsText(): boolean {
    return this.textParts !== null;
  }

  /** Whether an xlink:href on the next start tag is kept (see openElement): the byte tokenizer decodes it only then. */
  get wantsHref(): boolean {
    return this.building !== null && this.surfaces.length > 0;
  }

  /**
   * Text as UTF-8 bytes[start, end) that needs no entity replaced and no line end normalised (the byte tokenizer
   * checked). A posList or pos that comes in one such piece, as they all do, is read as numbers straight from the
   * bytes at its end tag; anything else is decoded here.
   */
  textBytes(bytes: Buffer, start: number, end: number): void {
    if (!this.textParts) return;
    if (this.ring && this.textElement !== 'coordinates' && this.textParts.length === 0 && this.pendingBytes === null) {
      this.pendingBytes = bytes;
      this.pendingStart = start;
      this.pendingEnd = end;
      return;
    }
    this.text(utf8Slice(bytes, start, end));
  }

  text(chunk: string): void {
    if (!this.textParts) return;
    if (this.pendingBytes !== null) {
      // a second piece of text (after a comment, say): the numbers are read from the text as a whole
      const bytes = this.pendingBytes;
      this.pendingBytes = null;
      this.text(utf8Slice(bytes, this.pendingStart, this.pendingEnd));
    }
    // pieces split by comments or CDATA sections add up: the element's text as a whole stays within the limit
    this.textChars += chunk.length;
    if (this.textChars > MAX_XML_TEXT_CHARS) {
      throw new CityGmlProblem(`${this.textElement} holds more than ${MAX_XML_TEXT_CHARS / 2 ** 20} MB of text: no posList or name is that long`, this.textPosition);
    }
    this.textParts.push(chunk);
  }

  closeTag(qname: string): void {
    this.closeElement(kindOf(localName(qname)));
  }

  /** An end tag by its element's elementKind. */
  closeElement(kind: number): void {
    const depth = this.depth;
    this.depth--;
    const dims = this.srsDimDepths.length;
    if (dims > 0 && this.srsDimDepths[dims - 1] === depth) {
      this.srsDims.pop();
      this.srsDimDepths.pop();
    }
    this.kinds.pop();
    const b = this.building;
    if (!b) return;

    if (this.textParts && depth === this.textDepth) {
      const bytes = this.pendingBytes;
      if (bytes !== null) {
        this.pendingBytes = null;
        this.textParts = null;
        if (!this.addCoordinatesFromBytes(bytes, this.pendingStart, this.pendingEnd)) {
          this.addCoordinates(utf8Slice(bytes, this.pendingStart, this.pendingEnd));
        }
        return;
      }
      // most texts come in one piece, which join would copy
      const value = this.textParts.length === 1 ? (this.textParts[0] as string) : this.textParts.join('');
      this.textParts = null;
      if (this.ring) this.addCoordinates(value);
      else this.buildingText(b, this.textElement as BuildingText, value.trim());
      return;
    }
    if (this.polygon) {
      if (kind === ELEMENT_LINEAR_RING && this.ring) {
        this.finishRing(this.ring);
        this.ring = null;
      } else if (kind === ELEMENT_EXTERIOR || kind === ELEMENT_INTERIOR) {
        this.ringRole = null;
      } else if (depth === this.polygonDepth) {
        if (this.polygon.exterior.length >= 9) b.polygons.push(this.polygon);
        this.polygon = null;
        this.polygonDepth = -1;
      }
      return;
    }
    const surface = this.surfaceHere();
    if (surface && depth === surface.depth) this.surfaces.pop();
    else if (this.geometry && depth === this.geometryDepth) this.geometry = null;
    else if (depth === this.buildingDepth) {
      this.building = null;
      this.buildingDepth = -1;
      this.emit(b);
    }
  }

  private startText(element: string, dim: number): void {
    if (this.parts.length !== 0) this.parts.length = 0;
    this.textParts = this.parts;
    this.pendingBytes = null;
    this.textChars = 0;
    this.textDepth = this.depth;
    this.textElement = element;
    this.textDim = dim;
    this.textPosition = this.textPositionOf();
  }

  private dimension(raw: string): number {
    const dim = Number(raw);
    if (dim !== 2 && dim !== 3) throw new CityGmlProblem(`srsDimension must be 2 or 3, not '${raw}'`, this.position());
    return dim;
  }

  private addCoordinates(value: string): void {
    const ring = this.ring as number[];
    const gmlCoordinates = this.textElement === 'coordinates';
    // gml:coordinates separates a point's values with commas and points with blanks
    const parts = value.trim().split(gmlCoordinates ? /[\s,]+/ : /\s+/);
    if (parts.length === 1 && parts[0] === '') return;
    const dim = gmlCoordinates ? (value.trim().split(/\s+/)[0]?.split(',').length ?? 3) : this.textDim;
    if (parts.length % dim !== 0) {
      throw new CityGmlProblem(
        `${this.textElement} has ${parts.length} numbers, not a multiple of the dimension ${dim}`,
        this.textPosition,
      );
    }
    this.countPoints(parts.length / dim);
    for (let i = 0; i < parts.length; i += dim) {
      for (let k = 0; k < dim; k++) {
        const v = Number(parts[i + k]);
        if (!Number.isFinite(v)) {
          throw new CityGmlProblem(`${this.textElement} holds '${parts[i + k]}', which is not a number`, this.textPosition);
        }
        ring.push(v);
      }
      if (dim === 2) ring.push(0);
    }
  }

  /** Coordinates from plain bytes as Number() reads them; false (nothing added) where they must be read as text. */
  private addCoordinatesFromBytes(bytes: Buffer, start: number, end: number): boolean {
    const dim = this.textDim;
    if (dim !== 3) scratch.length = 0;
    const target = dim === 3 ? (this.ring as number[]) : scratch;
    const before = target.length;
    const count = appendDecimals(bytes, start, end, target);
    if (count < 0) return false;
    if (count % dim !== 0) {
      target.length = before;
      return false;
    }
    if (count === 0) return true;
    this.countPoints(count / dim);
    if (dim === 2) {
      const ring = this.ring as number[];
      for (let k = 0; k < count; k += 2) ring.push(scratch[k] as number, scratch[k + 1] as number, 0);
    }
    return true;
  }

  private countPoints(points: number): void {
    this.buildingNumbers += points * 3;
    if (this.buildingNumbers > MAX_BUILDING_NUMBERS) {
      throw new CityGmlProblem(
        `the building has more than ${MAX_BUILDING_NUMBERS.toLocaleString('en')} coordinates (${(MAX_BUILDING_NUMBERS / 3).toLocaleString('en')} points): no building's LoD2 model is that large`,
        this.textPosition,
      );
    }
  }

  private finishRing(ring: number[]): void {
    const polygon = this.polygon as RawPolygon;
    // drop the repeated closing point
    const n = ring.length;
    if (n >= 6 && ring[0] === ring[n - 3] && ring[1] === ring[n - 2] && ring[2] === ring[n - 1]) ring.length = n - 3;
    if (ring.length < 9) return;
    if (this.ringRole === 'exterior') {
      // the first exterior is the ring itself, no copy (a new ring is made for every LinearRing)
      if (polygon.exterior.length === 0) {
        polygon.exterior = ring;
        return;
      }
      // one by one: push(...ring) passes every number as an argument, which overflows the stack at about 100,000
      const exterior = polygon.exterior;
      for (let k = 0; k < ring.length; k++) exterior.push(ring[k] as number);
    } else polygon.interiors.push(ring);
  }

  private buildingText(b: RawBuilding, element: BuildingText, value: string): void {
    if (value === '') return;
    if (value.length > MAX_NAME_CHARS) {
      this.onShortened(element, b);
      value = value.slice(0, MAX_NAME_CHARS);
    }
    value = this.keepCopy(value);
    switch (element) {
      case 'name':
        // gml:name of the building itself, not of an address or a generic attribute
        if (this.textParentIsFeature) b.name ??= value;
        break;
      case 'function':
        b.functionCode ??= value;
        break;
      case 'roofType':
        b.roofTypeCode ??= value;
        break;
      case 'measuredHeight':
      case 'storeysAboveGround': {
        const v = Number(value);
        if (!Number.isFinite(v) || v < 0) {
          throw new CityGmlProblem(`${element} must be a non-negative number, not '${value}'`, this.textPosition);
        }
        if (element === 'measuredHeight' && v > MAX_HEIGHT_M) {
          throw new CityGmlProblem(`height ${v} m is outside 0 to ${MAX_HEIGHT_M} m (the tallest building is 828 m): a unit or typing error?`, this.textPosition);
        }
        if (element === 'storeysAboveGround' && v > MAX_STOREYS) {
          throw new CityGmlProblem(`${v} storeys is outside 0 to ${MAX_STOREYS}`, this.textPosition);
        }
        // building parts: the tallest part is the building's height, storeys likewise
        if (element === 'measuredHeight') b.measuredHeight = Math.max(b.measuredHeight ?? 0, v);
        else b.storeys = Math.max(b.storeys ?? 0, Math.round(v));
        break;
      }
      case 'yearOfConstruction': {
        // xs:gYear ("1965"); some exports write a date ("1965-01-01"): the year is its first four digits
        const m = /^(\d{4})(?:-|$)/.exec(value.trim());
        if (m === null) throw new CityGmlProblem(`yearOfConstruction must be a year such as 1965, not '${value}'`, this.textPosition);
        b.yearOfConstruction ??= Number(m[1]);
        break;
      }
      case 'ThoroughfareName':
        b.street ??= value;
        break;
      case 'ThoroughfareNumber':
        b.houseNumber ??= value;
        break;
      case 'PostalCodeNumber':
        b.postalCode ??= value;
        break;
      case 'LocalityName':
        b.locality ??= value;
        break;
    }
  }
}
