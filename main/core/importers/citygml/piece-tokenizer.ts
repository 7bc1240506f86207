/**
 * A tokenizer for the XML a parse worker meets in a piece of a CityGML file, in place of saxes there (saxes checks
 * every character one by one and was two thirds of a worker's time). It reads the piece's UTF-8 bytes as they are
 * and emits the same events to the handler: start tags with the attributes the handler reads (whitespace in values
 * turned into spaces, entities replaced), text with line ends normalised to \n and entities replaced, CDATA as text,
 * and end tags; comments are skipped. Names are made strings once per file (xml-name-table.ts); text and attribute
 * values are decoded only where the handler keeps them, a posList not at all (decimals-from-bytes.ts).
 *
 * It takes only a plain subset of XML and throws at anything else: a processing instruction, a DOCTYPE, an entity
 * other than the five predefined ones and character references, a character XML does not allow, any character
 * beyond U+FFFF, a name with other than ASCII letters, digits and `_ : . -`, a start tag without its end tag, `]]>`
 * in text, `--` in a comment, a duplicate attribute, a run of text, comment or value of more than 8 MB (counted in
 * bytes here, in characters before: a little more is left to saxes than was). The piece is then read by the
 * one-thread reader, which uses saxes and words any real error with its line. So a file is never taken here that
 * saxes would refuse, and what is taken gives saxes's events (test/integration/importers/citygml-parallel.test.ts
 * compares both readers, test/unit/importers/piece-tokenizer.test.ts the events).
 */
import type { TagAttributes } from './citygml-handler.js';
import { utf8Slice } from './utf8-slice.js';
import {
  ATTRIBUTE_DIMENSION,
  ATTRIBUTE_HREF,
  ATTRIBUTE_ID,
  ATTRIBUTE_OTHER,
  ATTRIBUTE_SRS_DIMENSION,
  ATTRIBUTE_SRS_NAME,
  NAME_HASH_START,
  type XmlName,
  XmlNameTable,
  nameHashStep,
} from './xml-name-table.js';

/** The handler's byte entries (CityGmlHandler is one); name is there for tests that record the events. */
export interface PieceEvents {
  openElement(local: string, attrs: Readonly<TagAttributes>, kind: number, name: XmlName): void;
  /** Whether text here is kept: text nobody keeps is checked, not decoded. */
  readonly wantsText: boolean;
  /** Whether an href on the next start tag is kept (asked only of a tag that has one; taken as true if absent). */
  readonly wantsHref?: boolean;
  /** Text with entities replaced and line ends normalised. */
  text(text: string): void;
  /** Text that has neither entities nor \r: UTF-8 bytes[start, end). */
  textBytes(bytes: Buffer, start: number, end: number): void;
  closeElement(kind: number, name: XmlName): void;
}

export class PieceProblem extends Error {}

/**
 * The one-thread reader refuses text, a comment or an attribute value of more than 16 MB (MAX_XML_TEXT_CHARS) as
 * saxes holds it, checked after each 1 MB read; where exactly that bites depends on where the reads fall. Any run
 * of half as many bytes (at least as many as characters) is left to it (no posList of a real roof comes near).
 */
const LONG_RUN = 8 * 2 ** 20;

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SLASH = 0x2f;

/** Byte classes: one table look-up per byte decides whether a loop over text or a value must look closer. */
const NAME_START = 1;
const NAME_CHAR = 2;
const BLANK = 4;
/** In text: <, &, \r, ], a control character, any byte beyond ASCII. */
const TEXT_STOP = 8;
/** In an attribute value: quotes, <, &, tab, \n, \r, a control character, any byte beyond ASCII. */
const VALUE_STOP = 16;
const CLASS = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const c = String.fromCharCode(b);
  const control = b < 0x20;
  CLASS[b] =
    (b < 0x80 && /[A-Za-z_:]/.test(c) ? NAME_START | NAME_CHAR : b < 0x80 && /[0-9.-]/.test(c) ? NAME_CHAR : 0) |
    // \r is a blank too: the text saxes reads has it normalised to \n
    (/[ \t\n\r]/.test(c) ? BLANK : 0) |
    ((control && c !== '\t' && c !== '\n') || b >= 0x80 || /[<&\]]/.test(c) ? TEXT_STOP : 0) |
    (control || b >= 0x80 || /[<&"']/.test(c) ? VALUE_STOP : 0);
}

const FOUR_SPACES = 0x20202020;

const outsidePlainRange = (): PieceProblem => new PieceProblem('a character outside the plain range');

const continuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/**
 * Checks the character whose first byte beyond ASCII is at bytes[k]: throws where the bytes decode to a character
 * beyond U+FFFF (a surrogate pair in the decoded text, left to saxes, which checks pairs), to U+FFFE or to U+FFFF.
 * Bytes that are not UTF-8 become U+FFFD in the decoded text, here as for saxes; F0 to F4 and EF are never
 * continuation bytes, so a decoder that meets one starts a character there (UTF-8 byte ranges: RFC 3629, section 4).
 */
function checkWide(bytes: Buffer, k: number): void {
  const b = bytes[k] as number;
  if (b < 0xef || b > 0xf4) return;
  const b1 = bytes[k + 1];
  if (b === 0xef) {
    const b2 = bytes[k + 2];
    if (b1 === 0xbf && (b2 === 0xbe || b2 === 0xbf)) throw outsidePlainRange();
    return;
  }
  if (b1 === undefined || b1 < (b === 0xf0 ? 0x90 : 0x80) || b1 > (b === 0xf4 ? 0x8f : 0xbf)) return;
  if (continuation(bytes[k + 2]) && continuation(bytes[k + 3])) throw outsidePlainRange();
}

/** Checks every byte of a comment or CDATA section. */
function checkCharacters(bytes: Buffer, start: number, end: number, at: { wide: number }): void {
  for (let k = start; k < end; k++) {
    const b = bytes[k] as number;
    if (b >= 0x80) {
      checkWide(bytes, k);
      at.wide = k;
    } else if (b < 0x20 && b !== TAB && b !== LF && b !== CR) throw outsidePlainRange();
  }
}

const NAMED_ENTITIES = ['lt', 'gt', 'amp', 'quot', 'apos'].map((s) => Buffer.from(`${s};`, 'latin1'));
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const plainCharacter = (code: number): boolean => (code >= 0x20 && code <= 0xd7ff) || code === 9 || code === 10 || code === 13;

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  if (s.replace(ENTITY, '').includes('&')) throw new PieceProblem('an entity that is not predefined');
  return s.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return NAMED[named] as string;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    if (!plainCharacter(code)) throw new PieceProblem('a character reference outside the plain range');
    return String.fromCharCode(code);
  });
}

/** XML's line-end handling: \r\n and a lone \r become \n (saxes does the same as it reads). */
const normalizeLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** The end of the entity at bytes[i] (an &), checked as decodeEntities checks it, without making a string. */
function entityEnd(bytes: Buffer, i: number, end: number): number {
  let k = i + 1;
  if (bytes[k] === 0x23 /* # */) {
    k++;
    const hex = bytes[k] === 0x78; /* x */
    if (hex) k++;
    const first = k;
    let code = 0;
    for (; k < end; k++) {
      const b = bytes[k] as number;
      const digit = b >= 0x30 && b <= 0x39 ? b - 0x30 : hex && b >= 0x61 && b <= 0x66 ? b - 0x57 : hex && b >= 0x41 && b <= 0x46 ? b - 0x37 : -1;
      if (digit < 0) break;
      // past the plain range either way; capped so that it stays exact
      if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + digit;
    }
    if (k === first || k >= end || bytes[k] !== 0x3b /* ; */) throw new PieceProblem('an entity that is not predefined');
    if (!plainCharacter(code)) throw new PieceProblem('a character reference outside the plain range');
    return k + 1;
  }
  for (const named of NAMED_ENTITIES) {
    if (k + named.length <= end && bytes.compare(named, 0, named.length, k, k + named.length) === 0) return k + named.length;
  }
  throw new PieceProblem('an entity that is not predefined');
}

function checkEntities(bytes: Buffer, start: number, end: number): void {
  for (let k = start; k < end; ) {
    if (bytes[k] === AMP) k = entityEnd(bytes, k, end);
    else k++;
  }
}

const names = new XmlNameTable();
/** The attributes of the tag being read: one object for every tag. */
const attributes: TagAttributes = { srsName: undefined, srsDimension: undefined, dimension: undefined, id: undefined, href: undefined };
/** The names of the tag's attributes so far, for the duplicate check. */
const attributeNames: XmlName[] = [];
let attributeCount = 0;
/** Set by nameEnd. */
let nameHash = 0;

/** The end of the name at bytes[i], its hash left in nameHash; throws if there is none. */
function nameEnd(bytes: Buffer, i: number): number {
  let b = bytes[i] ?? 0;
  if (((CLASS[b] as number) & NAME_START) === 0) throw new PieceProblem('a name outside the plain range');
  let h = NAME_HASH_START;
  do {
    h = nameHashStep(h, b);
    b = bytes[++i] ?? 0;
  } while (((CLASS[b] as number) & NAME_CHAR) !== 0);
  nameHash = h;
  return i;
}

/** The end of the name at bytes[start] (view: the same bytes) if it is name, else start. */
function nameIs(bytes: Buffer, view: DataView, start: number, name: XmlName): number {
  const own = name.bytes;
  const end = start + own.length;
  if (end >= bytes.length) return start;
  const words = name.words;
  for (let w = 0; w < words.length; w++) if (view.getInt32(start + w * 4, true) !== words[w]) return start;
  for (let k = words.length * 4; k < own.length; k++) if (bytes[start + k] !== own[k]) return start;
  return ((CLASS[bytes[end] ?? 0] as number) & NAME_CHAR) === 0 ? end : start;
}

function sameBytes(bytes: Buffer, start: number, end: number, known: Uint8Array): boolean {
  if (end - start !== known.length) return false;
  for (let k = 0; k < known.length; k++) if (bytes[start + k] !== known[k]) return false;
  return true;
}

function blanksEnd(bytes: Buffer, i: number, n: number): number {
  while (i < n && ((CLASS[bytes[i] as number] as number) & BLANK) !== 0) i++;
  return i;
}

/** How far the tokenizer has come, for the caller's position function. */
export interface TokenizerPlace {
  /** Offset in bytes just after the last event's markup. */
  index: number;
  /** Offset of the last byte beyond ASCII seen so far, -1 before any. */
  wide: number;
}

/** The name as the tokenizer's names are, for a stand-in root. */
export const pieceName = (qname: string): XmlName => {
  const bytes = Buffer.from(qname, 'latin1');
  if (nameEnd(bytes, 0) !== bytes.length) throw new Error(`not a plain name: ${qname}`);
  return names.get(bytes, 0, bytes.length, nameHash);
};

/**
 * Tokenizes bytes and calls events; `at` tells the caller's position function how far it has come. Throws
 * PieceProblem at anything outside the subset. With inside, the bytes are the content of an element of that name
 * whose tags the caller gives the handler itself: the piece is read as if wrapped in them, without a copy.
 */
export function tokenizePiece(bytes: Buffer, events: PieceEvents, at: TokenizerPlace, inside: XmlName | null = null): void {
  const open: XmlName[] = inside === null ? [] : [inside];
  const outer = open.length;
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 0;
  /** The last tag's name, and whether it was a start tag (for the guess at the next start tag's name). */
  let last: XmlName | null = null;
  let lastOpened = false;
  while (i < n) {
    // text up to the next <
    let k = i;
    let plain = true;
    // most text is a line end and the indentation before a tag
    if (bytes[k] === LF) k++;
    while (k + 4 <= n && view.getInt32(k, true) === FOUR_SPACES) k += 4;
    while (k < n && bytes[k] === 0x20) k++;
    for (; k < n; k++) {
      const b = bytes[k] as number;
      if (((CLASS[b] as number) & TEXT_STOP) === 0) continue;
      if (b === LT) break;
      if (b === AMP || b === CR) plain = false;
      else if (b === 0x5d /* ] */) {
        if (bytes[k + 1] === 0x5d && bytes[k + 2] === GT) throw new PieceProblem(']]> in text');
      } else if (b >= 0x80) {
        checkWide(bytes, k);
        at.wide = k;
      } else throw outsidePlainRange();
    }
    if (k > i) {
      if (k - i > LONG_RUN) throw new PieceProblem('a long text');
      if (open.length === 0) {
        for (let j = i; j < k; j++) if (((CLASS[bytes[j] as number] as number) & BLANK) === 0) throw new PieceProblem('text outside the root');
      }
      at.index = k;
      if (events.wantsText) {
        if (plain) events.textBytes(bytes, i, k);
        else events.text(decodeEntities(normalizeLineEnds(utf8Slice(bytes, i, k))));
      } else if (!plain) checkEntities(bytes, i, k);
      i = k;
      if (i >= n) break;
    }
    const next = bytes[i + 1];
    if (next === SLASH) {
      // an end tag must name the open element: its bytes are compared with that name, not looked up
      const tag = open.length > outer ? open.pop() : undefined;
      const start = i + 2;
      i = tag === undefined ? start : nameIs(bytes, view, start, tag);
      if (i === start) {
        i = nameEnd(bytes, start);
        throw new PieceProblem('an end tag that does not match');
      }
      i = blanksEnd(bytes, i, n);
      if (bytes[i] !== GT) throw new PieceProblem('an end tag not closed by >');
      i++;
      at.index = i;
      last = tag as XmlName;
      lastOpened = false;
      events.closeElement(last.element, last);
    } else if (next === 0x21 /* ! */) {
      if (bytes[i + 2] === 0x2d && bytes[i + 3] === 0x2d) {
        const close = bytes.indexOf('-->', i + 4);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long comment');
        // the first -- at or after the body's start is the one of --> unless the body holds one or ends in -
        if (bytes.indexOf('--', i + 4) < close) throw new PieceProblem('-- in a comment');
        checkCharacters(bytes, i + 4, close, at);
        i = close + 3;
      } else if (bytes.toString('latin1', i, i + 9) === '<![CDATA[') {
        if (open.length === 0) throw new PieceProblem('CDATA outside the root');
        const close = bytes.indexOf(']]>', i + 9);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long CDATA section');
        checkCharacters(bytes, i + 9, close, at);
        at.index = close + 3;
        if (events.wantsText) events.text(normalizeLineEnds(utf8Slice(bytes, i + 9, close)));
        i = close + 3;
      } else throw new PieceProblem('a declaration');
    } else if (next === 0x3f /* ? */) {
      throw new PieceProblem('a processing instruction');
    } else {
      const start = i + 1;
      const guess = last === null ? null : lastOpened ? last.afterOpen : last.afterClose;
      i = guess === null ? start : nameIs(bytes, view, start, guess);
      let tag: XmlName;
      if (i !== start) tag = guess as XmlName;
      else {
        i = nameEnd(bytes, start);
        tag = names.get(bytes, start, i, nameHash);
        if (last !== null) {
          if (lastOpened) last.afterOpen = tag;
          else last.afterClose = tag;
        }
      }
      last = tag;
      lastOpened = true;
      let previousKey: XmlName | null = null;
      attributes.srsName = attributes.srsDimension = attributes.dimension = attributes.id = attributes.href = undefined;
      attributeCount = 0;
      let selfClosing = false;
      for (;;) {
        const spaced = i;
        i = blanksEnd(bytes, i, n);
        const c = bytes[i];
        if (c === GT) {
          i++;
          break;
        }
        if (c === SLASH && bytes[i + 1] === GT) {
          i += 2;
          selfClosing = true;
          break;
        }
        if (spaced === i) throw new PieceProblem('attributes not separated by blanks');
        const keyStart = i;
        const keyGuess = previousKey === null ? tag.firstAttribute : previousKey.nextAttribute;
        i = keyGuess === null ? keyStart : nameIs(bytes, view, keyStart, keyGuess);
        let key: XmlName;
        if (i !== keyStart) key = keyGuess as XmlName;
        else {
          i = nameEnd(bytes, keyStart);
          key = names.get(bytes, keyStart, i, nameHash);
          if (previousKey === null) tag.firstAttribute = key;
          else previousKey.nextAttribute = key;
        }
        previousKey = key;
        i = blanksEnd(bytes, i, n);
        if (bytes[i] !== 0x3d /* = */) throw new PieceProblem('an attribute without =');
        i = blanksEnd(bytes, i + 1, n);
        const q = bytes[i];
        if (q !== 0x22 && q !== 0x27) throw new PieceProblem('an attribute value without quotes');
        let blanks = false;
        let entities = false;
        let close = i + 1;
        for (; close < n; close++) {
          const b = bytes[close] as number;
          if (((CLASS[b] as number) & VALUE_STOP) === 0) continue;
          if (b === q) break;
          if (b === LT) throw new PieceProblem('< in an attribute value');
          if (b === AMP) entities = true;
          else if (b === TAB || b === LF || b === CR) blanks = true;
          else if (b >= 0x80) {
            checkWide(bytes, close);
            at.wide = close;
          } else if (b < 0x20) throw outsidePlainRange();
        }
        if (close >= n || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long attribute value');
        for (let a = 0; a < attributeCount; a++) if ((attributeNames[a] as XmlName).qname === key.qname) throw new PieceProblem('a duplicate attribute');
        attributeNames[attributeCount++] = key;
        const role = key.role;
        if (
          role !== ATTRIBUTE_OTHER &&
          (role < ATTRIBUTE_ID || (role === ATTRIBUTE_ID ? attributes.id === undefined : attributes.href === undefined && events.wantsHref !== false))
        ) {
          let value: string;
          if (role <= ATTRIBUTE_DIMENSION && !blanks && !entities) {
            const known = key.lastValueBytes;
            if (known !== null && sameBytes(bytes, i + 1, close, known)) value = key.lastValue;
            else {
              value = key.lastValue = utf8Slice(bytes, i + 1, close);
              key.lastValueBytes = Uint8Array.from(bytes.subarray(i + 1, close));
            }
          } else {
            value = utf8Slice(bytes, i + 1, close);
            if (blanks) value = normalizeLineEnds(value).replace(/[\t\n]/g, ' ');
            if (entities) value = decodeEntities(value);
          }
          if (role === ATTRIBUTE_SRS_NAME) attributes.srsName = value;
          else if (role === ATTRIBUTE_SRS_DIMENSION) attributes.srsDimension = value;
          else if (role === ATTRIBUTE_DIMENSION) attributes.dimension = value;
          else if (role === ATTRIBUTE_ID) attributes.id = value;
          else if (role === ATTRIBUTE_HREF) attributes.href = value;
        } else if (entities) checkEntities(bytes, i + 1, close);
        i = close + 1;
      }
      at.index = i;
      events.openElement(tag.local, attributes, tag.element, tag);
      if (selfClosing) events.closeElement(tag.element, tag);
      else open.push(tag);
    }
  }
  if (open.length > outer) throw new PieceProblem('a start tag without its end tag');
}
