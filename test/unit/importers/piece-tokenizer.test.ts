/**
 * The parse workers' byte tokenizer: the events saxes would give for what it takes (worked by hand from XML 1.0:
 * entities replaced, \r\n and \r made \n, blanks in attribute values made spaces, CDATA as text, comments
 * skipped), PieceProblem for everything outside its subset, and line and column as saxes counts them (UTF-16 code
 * units). The integration test citygml-parallel.test.ts compares whole files with the saxes reader.
 */
import { describe, expect, it } from 'vitest';
import { piecePosition } from '../../../main/core/importers/citygml/piece-position.js';
import { type PieceEvents, PieceProblem, type TokenizerPlace, pieceName, tokenizePiece } from '../../../main/core/importers/citygml/piece-tokenizer.js';
import type { Position } from '../../../main/core/importers/citygml/citygml-handler.js';

/**
 * The events for xml as strings: `<qname local {attributes}`, `</qname`, `text:` for decoded text and `bytes:` for
 * text handed over as plain bytes, and the position at each start tag when asked.
 */
function events(xml: string | Buffer, options: { wantsText?: boolean; wantsHref?: boolean; positions?: boolean } = {}): string[] {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const out: string[] = [];
  const at: TokenizerPlace = { index: 0, wide: -1 };
  const position = piecePosition(bytes, at);
  tokenizePiece(
    bytes,
    {
      openElement: (_local, attrs, _kind, name) => {
        const kept = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
        const where = options.positions === true ? ((p: Position) => ` @${p.line}:${p.column}`)(position()) : '';
        out.push(`<${name.qname} ${name.local} ${JSON.stringify(kept)}${where}`);
      },
      wantsText: options.wantsText ?? true,
      ...(options.wantsHref === undefined ? {} : { wantsHref: options.wantsHref }),
      text: (t) => out.push(`text:${t}`),
      textBytes: (b, start, end) => out.push(`bytes:${b.toString('utf8', start, end)}`),
      closeElement: (_kind, name) => out.push(`</${name.qname}`),
    },
    at,
  );
  return out;
}

function problem(xml: string | Buffer, options: { wantsText?: boolean; wantsHref?: boolean } = {}): string {
  try {
    events(xml, options);
  } catch (e) {
    expect(e).toBeInstanceOf(PieceProblem);
    return (e as Error).message;
  }
  throw new Error(`taken: ${String(xml)}`);
}

describe('the piece tokenizer', () => {
  it('gives start tags with the attributes the handler reads, text and end tags', () => {
    expect(events('<r srsDimension="2"><bldg:Building gml:id="B1" name="x"><gml:posList srsDimension=\'3\'>1 2 3</gml:posList></bldg:Building></r>')).toEqual([
      '<r r {"srsDimension":"2"}',
      '<bldg:Building Building {"id":"B1"}',
      '<gml:posList posList {"srsDimension":"3"}',
      'bytes:1 2 3',
      '</gml:posList',
      '</bldg:Building',
      '</r',
    ]);
  });

  it('reads id and href by local name, the first of each, srsName and dimension as written', () => {
    expect(events('<r id="a" gml:id="b" xlink:href="#h" href="#i" srsName="EPSG:25832" dimension="2" xsrsName="no"/>')).toEqual([
      '<r r {"srsName":"EPSG:25832","dimension":"2","id":"a","href":"#h"}',
      '</r',
    ]);
    // a name with two colons: its local name for an element is after the first, but an attribute ending in :id is id
    expect(events('<a:b:c x:y:id="1" x:y:href="2" gml:srsName="no"/>')).toEqual(['<a:b:c b:c {"id":"1","href":"2"}', '</a:b:c']);
  });

  it('leaves out an href the handler does not keep, but still checks its entities', () => {
    // the same tag as above without wantsHref: everything but the href
    expect(events('<r id="a" xlink:href="#h" href="#i" srsName="EPSG:25832"/>', { wantsHref: false })).toEqual(['<r r {"srsName":"EPSG:25832","id":"a"}', '</r']);
    expect(events('<r xlink:href="#h&amp;"/>', { wantsHref: true })).toEqual(['<r r {"href":"#h&"}', '</r']);
    expect(problem('<r xlink:href="#h&nbsp;"/>', { wantsHref: false })).toBe('an entity that is not predefined');
    expect(problem('<r xlink:href="#h" xlink:href="#i"/>', { wantsHref: false })).toBe('a duplicate attribute');
  });

  it('replaces entities and normalises line ends in text; plain text goes as bytes', () => {
    // &#252; is ü, &#x20AC; is €; \r\n and a lone \r become \n
    expect(events('<r>M&#252;ller &amp; S&#x20AC;hne &lt;1&gt; &quot;q&quot; &apos;a&apos;</r>')).toEqual(['<r r {}', `text:Müller & S€hne <1> "q" 'a'`, '</r']);
    expect(events('<r>a\r\nb\rc</r>')).toEqual(['<r r {}', 'text:a\nb\nc', '</r']);
    expect(events('<r>Grüße\n</r>')).toEqual(['<r r {}', 'bytes:Grüße\n', '</r']);
    // a character reference to \r stays a \r (it is not a line end in the file)
    expect(events('<r>a&#13;b</r>')).toEqual(['<r r {}', 'text:a\rb', '</r']);
  });

  it('makes tabs and line ends in kept attribute values spaces, after normalising \\r\\n', () => {
    // "a\r\nb" -> "a\nb" -> "a b"; "c\td" -> "c d"; "&#10;" stays a line end (replaced after the blanks)
    expect(events('<r srsName="a\r\nb" gml:id="c\td&#10;e"/>')).toEqual(['<r r {"srsName":"a b","id":"c d\\ne"}', '</r']);
  });

  it('gives CDATA as text as written, skips comments, and splits text around them', () => {
    expect(events('<r>x<![CDATA[Schmidt & <Partner>\r\n]]>y<!-- a - b -->z</r>')).toEqual([
      '<r r {}',
      'bytes:x',
      'text:Schmidt & <Partner>\n',
      'bytes:y',
      'bytes:z',
      '</r',
    ]);
  });

  it('decodes bytes that are not UTF-8 to U+FFFD as Buffer#toString does', () => {
    const bytes = Buffer.concat([Buffer.from('<r gml:id="a'), Buffer.from([0xff]), Buffer.from('b">c'), Buffer.from([0xc3]), Buffer.from('d</r>')]);
    expect(events(bytes)).toEqual(['<r r {"id":"a\ufffdb"}', 'bytes:c\ufffdd', '</r']);
    // ED A0 80 would be a surrogate, but is not UTF-8: three U+FFFD, not a surrogate
    expect(events(Buffer.concat([Buffer.from('<r>'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('</r>')]))).toEqual(['<r r {}', 'bytes:\ufffd\ufffd\ufffd', '</r']);
  });

  it('tells a name from one that differs only in its prefix or its length, also where it guesses', () => {
    // the second member repeats the first's structure but with another prefix: the guess from the first is wrong
    expect(events('<r><a:n gml:id="1"></a:n><b:n xml:id="2"></b:n><a:n></a:n></r>', { wantsText: false })).toEqual([
      '<r r {}',
      '<a:n n {"id":"1"}',
      '</a:n',
      '<b:n n {"id":"2"}',
      '</b:n',
      '<a:n n {}',
      '</a:n',
      '</r',
    ]);
    expect(problem('<r><a:n></b:n></r>')).toBe('an end tag that does not match');
    expect(problem('<r><abc></ab></r>')).toBe('an end tag that does not match');
    expect(problem('<r><ab></abc></r>')).toBe('an end tag that does not match');
    expect(problem('<r><abcd></abce></r>')).toBe('an end tag that does not match');
    expect(events('<r><abcdefgh></abcdefgh ></r>')).toEqual(['<r r {}', '<abcdefgh abcdefgh {}', '</abcdefgh', '</r']);
  });

  it('refuses what saxes refuses or what is outside its subset', () => {
    const cases: [string | Buffer, string][] = [
      ['<r>a &nbsp; b</r>', 'an entity that is not predefined'],
      ['<r>a & b</r>', 'an entity that is not predefined'],
      ['<r>&#1;</r>', 'a character reference outside the plain range'],
      ['<r>&#xD800;</r>', 'a character reference outside the plain range'],
      ['<r>&#xFFFE;</r>', 'a character reference outside the plain range'],
      ['<r>a\u0001b</r>', 'a character outside the plain range'],
      ['<r>a\uFFFEb</r>', 'a character outside the plain range'],
      ['<r>a\uFFFFb</r>', 'a character outside the plain range'],
      // beyond U+FFFF: a surrogate pair once decoded
      ['<r>a😀b</r>', 'a character outside the plain range'],
      ['<r gml:id="😀"/>', 'a character outside the plain range'],
      ['<r><!-- 😀 --></r>', 'a character outside the plain range'],
      ['<r>a ]]> b</r>', ']]> in text'],
      ['<r><!-- a -- b --></r>', '-- in a comment'],
      ['<r><!-- a ---></r>', '-- in a comment'],
      ['<r><!-- a </r>', 'an unclosed or long comment'],
      ['<r><?pi x?></r>', 'a processing instruction'],
      ['<r><!DOCTYPE r></r>', 'a declaration'],
      ['<r a="1" a="2"/>', 'a duplicate attribute'],
      ['<r a="1"b="2"/>', 'attributes not separated by blanks'],
      ['<r a="<"/>', '< in an attribute value'],
      ['<r a=1/>', 'an attribute value without quotes'],
      ['<r a="1/>', 'an unclosed or long attribute value'],
      ['<r>', 'a start tag without its end tag'],
      ['<r></r>x', 'text outside the root'],
      ['<r></r><![CDATA[x]]>', 'CDATA outside the root'],
      ['<r><bäd/></r>', 'attributes not separated by blanks'],
      ['<r><1a/></r>', 'a name outside the plain range'],
    ];
    for (const [xml, message] of cases) {
      expect({ xml: String(xml), message: problem(xml) }).toEqual({ xml: String(xml), message });
    }
    // entities are checked in text nobody keeps, too
    expect(problem('<r>a &nbsp; b</r>', { wantsText: false })).toBe('an entity that is not predefined');
    expect(problem('<r x="&nbsp;"/>', { wantsText: false })).toBe('an entity that is not predefined');
  });

  it('reads content as if inside a given element, whose end tag it must not meet', () => {
    const root = pieceName('plustwin-piece');
    const out: string[] = [];
    const recorder: PieceEvents = {
      openElement: (local) => out.push(`<${local}`),
      wantsText: false,
      text: () => undefined,
      textBytes: () => undefined,
      closeElement: (_kind, name) => out.push(`</${name.local}`),
    };
    tokenizePiece(Buffer.from('<a/> <b></b>'), recorder, { index: 0, wide: -1 }, root);
    expect(out).toEqual(['<a', '</a', '<b', '</b']);
    expect(() => tokenizePiece(Buffer.from('<a/></plustwin-piece>'), recorder, { index: 0, wide: -1 }, root)).toThrow('an end tag that does not match');
    expect(() => tokenizePiece(Buffer.from('<a>'), recorder, { index: 0, wide: -1 }, root)).toThrow('a start tag without its end tag');
    // the stand-in root's start tag is on the first line: 15 characters before the bytes there
    const at: TokenizerPlace = { index: 3, wide: -1 };
    expect(piecePosition(Buffer.from('<a>\n<b>'), at, 15)()).toEqual({ line: 1, column: 19 });
    at.index = 7;
    expect(piecePosition(Buffer.from('<a>\n<b>'), at, 15)()).toEqual({ line: 2, column: 4 });
  });

  it('counts lines and UTF-16 columns as saxes does, with \\r\\n, a lone \\r and wide characters', () => {
    // line 1 "<r>": after it column 4; line 2 "  <a>ä€x<d/>": 2 + 3 + 3 characters + 4 = 12 code units before d's
    // end (15 bytes), column 13; line 3 after \r\n "<b/>": column 5; line 4 after a lone \r "<c/>": column 5
    expect(events('<r>\n  <a>ä€x<d/></a>\r\n<b/>\r<c/></r>', { positions: true, wantsText: false })).toEqual([
      '<r r {} @1:4',
      '<a a {} @2:6',
      '<d d {} @2:13',
      '</d',
      '</a',
      '<b b {} @3:5',
      '</b',
      '<c c {} @4:5',
      '</c',
      '</r',
    ]);
  });
});
