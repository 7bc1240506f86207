/**
 * The element and attribute names of a CityGML file as strings made once: a file uses a few dozen names millions
 * of times, and a string per tag (and another for its local name) was much of a parse worker's garbage. A name is
 * found by a hash of its bytes, which the tokenizer computes while it checks them, and confirmed byte by byte.
 */
import { elementKind } from './citygml-handler.js';

export interface XmlName {
  /** As written, prefix and all. */
  readonly qname: string;
  /** The same as ASCII bytes. */
  readonly bytes: Uint8Array;
  /** Its bytes four at a time as little-endian 32-bit integers, for a quicker comparison (the last 0-3 left out). */
  readonly words: Int32Array;
  /** After the first colon. */
  readonly local: string;
  /** For an element: what the handler makes of it (elementKind). */
  readonly element: number;
  /** For an attribute: which of the handler's attributes it is (ATTRIBUTE_... below). */
  readonly role: number;
  /**
   * Guesses, for the tokenizer to try before it hashes a name: the start tag that came after this one's start tag
   * and end tag last time, the first attribute of this element, the attribute after this attribute. CityGML
   * repeats the same few structures, so most guesses are right; each is checked byte by byte.
   */
  afterOpen: XmlName | null;
  afterClose: XmlName | null;
  firstAttribute: XmlName | null;
  nextAttribute: XmlName | null;
  /**
   * For srsName, srsDimension and dimension: the last value read, as written and as decoded (a file gives the same
   * srsDimension to every posList).
   */
  lastValue: string;
  lastValueBytes: Uint8Array | null;
}

export const ATTRIBUTE_OTHER = 0;
export const ATTRIBUTE_SRS_NAME = 1;
export const ATTRIBUTE_SRS_DIMENSION = 2;
export const ATTRIBUTE_DIMENSION = 3;
export const ATTRIBUTE_ID = 4;
export const ATTRIBUTE_HREF = 5;

/**
 * srsName, srsDimension and dimension as written; id and href whatever the prefix, as the handler's readAttributes
 * takes them: the name itself or ending in `:id` (`a:b:id` too).
 */
function roleOf(qname: string): number {
  if (qname === 'srsName') return ATTRIBUTE_SRS_NAME;
  if (qname === 'srsDimension') return ATTRIBUTE_SRS_DIMENSION;
  if (qname === 'dimension') return ATTRIBUTE_DIMENSION;
  if (qname === 'id' || qname.endsWith(':id')) return ATTRIBUTE_ID;
  if (qname === 'href' || qname.endsWith(':href')) return ATTRIBUTE_HREF;
  return ATTRIBUTE_OTHER;
}

/** Hash of a name's bytes, FNV-1a: start with NAME_HASH_START, then nameHashStep for every byte. */
export const NAME_HASH_START = 0x811c9dc5;
export const nameHashStep = (h: number, byte: number): number => Math.imul(h ^ byte, 0x01000193);

/** Beyond this many names (no CityGML file has them) a name is made anew each time. */
const MAX_NAMES = 4096;

export class XmlNameTable {
  private readonly byHash = new Map<number, XmlName>();

  /** The name in bytes[start, end), which the caller has checked is ASCII, hashed to hash. */
  get(bytes: Buffer, start: number, end: number, hash: number): XmlName {
    const known = this.byHash.get(hash);
    if (known !== undefined && sameName(known.bytes, bytes, start, end)) return known;
    const qname = bytes.toString('latin1', start, end);
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const own = Uint8Array.from(bytes.subarray(start, end));
    const words = new Int32Array(own.length >> 2);
    const view = new DataView(own.buffer);
    for (let w = 0; w < words.length; w++) words[w] = view.getInt32(w * 4, true);
    const made: XmlName = { qname, bytes: own, words, local, element: elementKind(local), role: roleOf(qname), afterOpen: null, afterClose: null, firstAttribute: null, nextAttribute: null, lastValue: '', lastValueBytes: null };
    if (known === undefined && this.byHash.size < MAX_NAMES) this.byHash.set(hash, made);
    return made;
  }
}

function sameName(name: Uint8Array, bytes: Buffer, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let k = 0; k < name.length; k++) if (name[k] !== bytes[start + k]) return false;
  return true;
}
