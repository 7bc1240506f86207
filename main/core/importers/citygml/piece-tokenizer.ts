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
 * beyond U+FFFF or byte of an encoded surrogate, a name with other than ASCII letters, digits and `_ : . -`, a start
 * tag without its end tag, `]]>` in text, `--` in a comment, a duplicate attribute. The piece is then read by the
 * one-thread reader, which uses saxes and words any real error with its line. So a file is never taken here that
 * saxes would refuse, and what is taken gives saxes's events (test/integration/importers/citygml-parallel.test.ts
 * compares both readers, test/unit/importers/piece-tokenizer.test.ts the events).
 */
import type { TagAttributes } from './citygml-handler.js';
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

export interface PieceEvents {
  openTag(name: XmlName, attrs: Readonly<TagAttributes>): void;
  /** Whether text here is kept: text nobody keeps is checked, not decoded. */
  readonly wantsText: boolean;
  /** Text with entities replaced and line ends normalised. */
  text(text: string): void;
  /** Text that has neither entities nor \r: UTF-8 bytes[start, end). */
  textBytes(bytes: Buffer, start: number, end: number): void;
  closeTag(name: XmlName): void;
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

const NAME_START = 1;
const NAME_CHAR = 2;
const BLANK = 4;
const CLASS = new Uint8Array(256);
for (let b = 0; b < 128; b++) {
  const c = String.fromCharCode(b);
  // \r is a blank too: the text saxes reads has it normalised to \n
  CLASS[b] = (/[A-Za-z_:]/.test(c) ? NAME_START | NAME_CHAR : /[0-9.-]/.test(c) ? NAME_CHAR : 0) | (/[ \t\n\r]/.test(c) ? BLANK : 0);
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
export const normalizeLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

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

/**
 * Throws at a byte of a character outside the plain range: a control character, a character beyond U+FFFF (a
 * surrogate pair once decoded, left to saxes, which checks pairs), an encoded surrogate, U+FFFE or U+FFFF.
 * Answers whether there is any byte beyond ASCII.
 */
function checkCharacters(bytes: Buffer): boolean {
  let wide = false;
  const n = bytes.length;
  for (let k = 0; k < n; k++) {
    const b = bytes[k] as number;
    if (b >= 0x20 && b < 0x80) continue;
    if (b < 0x20) {
      if (b !== TAB && b !== LF && b !== CR) throw new PieceProblem('a character outside the plain range');
      continue;
    }
    wide = true;
    const next = bytes[k + 1] ?? 0;
    if (b >= 0xf0 || (b === 0xed && next >= 0xa0) || (b === 0xef && next === 0xbf && (bytes[k + 2] ?? 0) >= 0xbe)) {
      throw new PieceProblem('a character outside the plain range');
    }
  }
  return wide;
}

const names = new XmlNameTable();
/** The attributes of the tag being read: one object for every tag. */
const attributes: TagAttributes = { srsName: undefined, srsDimension: undefined, dimension: undefined, id: undefined, href: undefined };
/** The names of the tag's attributes so far, for the duplicate check. */
const attributeNames: XmlName[] = [];

/** What checkPiece found out about a whole piece. */
export interface PieceFacts {
  /** Some byte is beyond ASCII: a column counts UTF-16 code units, not bytes. */
  readonly wide: boolean;
  /** Some line ends in \r. */
  readonly cr: boolean;
  readonly amp: boolean;
  /** Where the first ]]> is, -1 if none. */
  readonly brackets: number;
}

/** Checks the characters of a piece (throws PieceProblem) and finds what the tokenizer and positions need. */
export function checkPiece(bytes: Buffer): PieceFacts {
  return { wide: checkCharacters(bytes), cr: bytes.indexOf(CR) >= 0, amp: bytes.indexOf(AMP) >= 0, brackets: bytes.indexOf(']]>') };
}

/**
 * Tokenizes bytes (a whole piece inside its stand-in root) and calls events; `at.index` tells the caller's position
 * function how far (in bytes) it has come. Throws PieceProblem at anything outside the subset.
 */
export function tokenizePiece(bytes: Buffer, events: PieceEvents, at: { index: number }, facts: PieceFacts = checkPiece(bytes)): void {
  const { cr, amp } = facts;
  let brackets = facts.brackets;
  // text needs decoding as more than UTF-8 where it may hold an entity or a \r
  const plainText = (start: number, end: number): boolean => {
    if (!cr && !amp) return true;
    for (let k = start; k < end; k++) if (bytes[k] === AMP || bytes[k] === CR) return false;
    return true;
  };
  const decode = (start: number, end: number): string => normalizeLineEnds(bytes.toString('utf8', start, end));

  const open: XmlName[] = [];
  const n = bytes.length;
  let i = 0;
  /** Reads the name at i, leaving i after it. */
  const name = (): XmlName => {
    const start = i;
    let b = bytes[i] ?? 0;
    if (((CLASS[b] as number) & NAME_START) === 0) throw new PieceProblem('a name outside the plain range');
    let h = NAME_HASH_START;
    do {
      h = nameHashStep(h, b);
      b = bytes[++i] ?? 0;
    } while (((CLASS[b] as number) & NAME_CHAR) !== 0);
    return names.get(bytes, start, i, h);
  };
  const space = (): number => {
    const start = i;
    while (i < n && ((CLASS[bytes[i] as number] as number) & BLANK) !== 0) i++;
    return i - start;
  };

  while (i < n) {
    const lt = bytes.indexOf(LT, i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (end - i > LONG_RUN) throw new PieceProblem('a long text');
      // the next ]]> at or after i, found again only once passed
      if (brackets >= 0 && brackets < i) brackets = bytes.indexOf(']]>', i);
      if (brackets >= 0 && brackets + 3 <= end) throw new PieceProblem(']]> in text');
      if (open.length === 0) {
        for (let k = i; k < end; k++) if (((CLASS[bytes[k] as number] as number) & BLANK) === 0) throw new PieceProblem('text outside the root');
      }
      at.index = end;
      if (events.wantsText) {
        if (plainText(i, end)) events.textBytes(bytes, i, end);
        else events.text(decodeEntities(decode(i, end)));
      } else if (amp) checkEntities(bytes, i, end);
      i = end;
      if (lt < 0) break;
    }
    const next = bytes[i + 1];
    if (next === 0x2f /* / */) {
      i += 2;
      const tag = name();
      space();
      if (bytes[i] !== GT) throw new PieceProblem('an end tag not closed by >');
      i++;
      if (open.pop()?.qname !== tag.qname) throw new PieceProblem('an end tag that does not match');
      at.index = i;
      events.closeTag(tag);
    } else if (next === 0x21 /* ! */) {
      if (bytes[i + 2] === 0x2d && bytes[i + 3] === 0x2d) {
        const close = bytes.indexOf('-->', i + 4);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long comment');
        // the first -- at or after the body's start is the one of --> unless the body holds one or ends in -
        if (bytes.indexOf('--', i + 4) < close) throw new PieceProblem('-- in a comment');
        i = close + 3;
      } else if (bytes.toString('latin1', i, i + 9) === '<![CDATA[') {
        if (open.length === 0) throw new PieceProblem('CDATA outside the root');
        const close = bytes.indexOf(']]>', i + 9);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long CDATA section');
        at.index = close + 3;
        if (events.wantsText) events.text(decode(i + 9, close));
        i = close + 3;
      } else throw new PieceProblem('a declaration');
    } else if (next === 0x3f /* ? */) {
      throw new PieceProblem('a processing instruction');
    } else {
      i++;
      const tag = name();
      attributes.srsName = attributes.srsDimension = attributes.dimension = attributes.id = attributes.href = undefined;
      attributeNames.length = 0;
      let selfClosing = false;
      for (;;) {
        const spaced = space();
        const c = bytes[i];
        if (c === GT) {
          i++;
          break;
        }
        if (c === 0x2f /* / */ && bytes[i + 1] === GT) {
          i += 2;
          selfClosing = true;
          break;
        }
        if (spaced === 0) throw new PieceProblem('attributes not separated by blanks');
        const key = name();
        space();
        if (bytes[i] !== 0x3d /* = */) throw new PieceProblem('an attribute without =');
        i++;
        space();
        const q = bytes[i];
        if (q !== 0x22 && q !== 0x27) throw new PieceProblem('an attribute value without quotes');
        const close = bytes.indexOf(q, i + 1);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long attribute value');
        let blanks = false;
        let entities = false;
        for (let k = i + 1; k < close; k++) {
          const b = bytes[k] as number;
          if (b < 0x27) {
            if (b === AMP) entities = true;
            else if (b === TAB || b === LF || b === CR) blanks = true;
          } else if (b === LT) throw new PieceProblem('< in an attribute value');
        }
        for (const seen of attributeNames) if (seen.qname === key.qname) throw new PieceProblem('a duplicate attribute');
        attributeNames.push(key);
        if (key.role !== ATTRIBUTE_OTHER && (key.role < ATTRIBUTE_ID || (key.role === ATTRIBUTE_ID ? attributes.id : attributes.href) === undefined)) {
          let value = bytes.toString('utf8', i + 1, close);
          if (blanks) value = normalizeLineEnds(value).replace(/[\t\n]/g, ' ');
          if (entities) value = decodeEntities(value);
          if (key.role === ATTRIBUTE_SRS_NAME) attributes.srsName = value;
          else if (key.role === ATTRIBUTE_SRS_DIMENSION) attributes.srsDimension = value;
          else if (key.role === ATTRIBUTE_DIMENSION) attributes.dimension = value;
          else if (key.role === ATTRIBUTE_ID) attributes.id = value;
          else if (key.role === ATTRIBUTE_HREF) attributes.href = value;
        } else if (entities) checkEntities(bytes, i + 1, close);
        i = close + 1;
      }
      at.index = i;
      events.openTag(tag, attributes);
      if (selfClosing) events.closeTag(tag);
      else open.push(tag);
    }
  }
  if (open.length > 0) throw new PieceProblem('a start tag without its end tag');
}
