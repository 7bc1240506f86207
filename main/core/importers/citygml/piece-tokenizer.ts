/**
 * A tokenizer for the XML a parse worker meets in a piece of a CityGML file, in place of saxes there (saxes checks
 * every character one by one and was two thirds of a worker's time). It emits the same events to the handler: start
 * tags with their attributes in document order (whitespace in values turned into spaces, entities replaced), text
 * with line ends normalised to \n and entities replaced, CDATA as text, and end tags; comments are skipped.
 *
 * It takes only a plain subset of XML and throws at anything else: a processing instruction, a DOCTYPE, an entity
 * other than the five predefined ones and character references, a character XML does not allow or any surrogate,
 * a name with other than ASCII letters, digits and `_ : . -`, a start tag without its end tag, `]]>` in text, `--` in
 * a comment, a duplicate attribute. The piece is then read by the one-thread reader, which uses saxes and words any
 * real error with its line. So a file is never taken here that saxes would refuse, and what is taken gives saxes's
 * events (test/integration/importers/citygml-parallel.test.ts compares both readers).
 */

export interface PieceEvents {
  openTag(name: string, attrs: Record<string, string>): void;
  text(text: string): void;
  closeTag(name: string): void;
}

export class PieceProblem extends Error {}

/**
 * The one-thread reader refuses text, a comment or an attribute value of more than 16 MB (MAX_XML_TEXT_CHARS) as
 * saxes holds it, checked after each 1 MB read; where exactly that bites depends on where the reads fall. Any run
 * half that long is left to it (no posList of a real roof comes near).
 */
const LONG_RUN = 8 * 2 ** 20;

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const SPACE = /[ \t\n]*/y;
// characters XML 1.0 does not allow, and surrogates (left to saxes, which checks their pairs)
const NOT_PLAIN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  if (s.replace(ENTITY, '').includes('&')) throw new PieceProblem('an entity that is not predefined');
  return s.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return NAMED[named] as string;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    if (!((code >= 0x20 && code <= 0xd7ff) || code === 9 || code === 10 || code === 13)) {
      throw new PieceProblem('a character reference outside the plain range');
    }
    return String.fromCharCode(code);
  });
}

/** XML's line-end handling: \r\n and a lone \r become \n (saxes does the same as it reads). */
export const normalizeLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/**
 * Tokenizes text (a whole piece inside its stand-in root, line ends normalised) and calls events; `at.index` tells
 * the caller's position function how far it has come. Throws PieceProblem at anything outside the subset.
 */
export function tokenizePiece(text: string, events: PieceEvents, at: { index: number }): void {
  if (NOT_PLAIN.test(text)) throw new PieceProblem('a character outside the plain range');
  const open: string[] = [];
  const n = text.length;
  let i = 0;
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) throw new PieceProblem('a name outside the plain range');
    i = NAME.lastIndex;
    return m[0];
  };
  const space = (): number => {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    const skipped = SPACE.lastIndex - i;
    i = SPACE.lastIndex;
    return skipped;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (end - i > LONG_RUN) throw new PieceProblem('a long text');
      const chars = text.slice(i, end);
      if (chars.includes(']]>')) throw new PieceProblem(']]> in text');
      if (open.length === 0 && chars.trim() !== '') throw new PieceProblem('text outside the root');
      at.index = end;
      events.text(decodeEntities(chars));
      i = end;
      if (lt < 0) break;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f /* / */) {
      i += 2;
      const tag = name();
      space();
      if (text.charCodeAt(i) !== 0x3e /* > */) throw new PieceProblem('an end tag not closed by >');
      i++;
      if (open.pop() !== tag) throw new PieceProblem('an end tag that does not match');
      at.index = i;
      events.closeTag(tag);
    } else if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long comment');
        const body = text.slice(i + 4, close);
        if (body.includes('--') || body.endsWith('-')) throw new PieceProblem('-- in a comment');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        if (open.length === 0) throw new PieceProblem('CDATA outside the root');
        const close = text.indexOf(']]>', i + 9);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long CDATA section');
        at.index = close + 3;
        events.text(text.slice(i + 9, close));
        i = close + 3;
      } else throw new PieceProblem('a declaration');
    } else if (next === 0x3f /* ? */) {
      throw new PieceProblem('a processing instruction');
    } else {
      i++;
      const tag = name();
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        const spaced = space();
        const c = text.charCodeAt(i);
        if (c === 0x3e /* > */) {
          i++;
          break;
        }
        if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x3e) {
          i += 2;
          selfClosing = true;
          break;
        }
        if (spaced === 0) throw new PieceProblem('attributes not separated by blanks');
        const key = name();
        space();
        if (text.charCodeAt(i) !== 0x3d /* = */) throw new PieceProblem('an attribute without =');
        i++;
        space();
        const q = text.charCodeAt(i);
        if (q !== 0x22 && q !== 0x27) throw new PieceProblem('an attribute value without quotes');
        const close = text.indexOf(q === 0x22 ? '"' : "'", i + 1);
        if (close < 0 || close - i > LONG_RUN) throw new PieceProblem('an unclosed or long attribute value');
        const raw = text.slice(i + 1, close);
        if (raw.includes('<')) throw new PieceProblem('< in an attribute value');
        if (Object.hasOwn(attrs, key)) throw new PieceProblem('a duplicate attribute');
        attrs[key] = decodeEntities(raw.includes('\t') || raw.includes('\n') ? raw.replace(/[\t\n]/g, ' ') : raw);
        i = close + 1;
      }
      at.index = i;
      events.openTag(tag, attrs);
      if (selfClosing) events.closeTag(tag);
      else open.push(tag);
    }
  }
  if (open.length > 0) throw new PieceProblem('a start tag without its end tag');
}
