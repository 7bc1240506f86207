/**
 * Where the parallel reader may cut a CityGML file: just after a `</prefix:cityObjectMember>` end tag, found in the
 * bytes. Each case is the index counted by hand (or -1), the same places the regular expression
 * `<\/(?:[A-Za-z_][\w.-]*:)?cityObjectMember\s*>` found in the text before.
 */
import { describe, expect, it } from 'vitest';
import { firstMemberEnd, lastMemberEnd } from '../../../main/core/importers/citygml/member-ends.js';

const first = (text: string, from = 0): number => firstMemberEnd(Buffer.from(text, 'latin1'), text.length, from);
const last = (text: string): number => lastMemberEnd(Buffer.from(text, 'latin1'), text.length);

describe('member end tags in bytes', () => {
  it('finds an end tag with or without a prefix, blanks before its >', () => {
    // '<a/>' is 4 bytes, the end tag 24: it ends at 28
    expect(first('<a/></core:cityObjectMember>x')).toBe(28);
    expect(first('</cityObjectMember >')).toBe(20);
    expect(first('</core:cityObjectMember\r\n\t>')).toBe(27);
    expect(first('</_x-1.b:cityObjectMember>')).toBe(26);
  });

  it('passes over what is no member end tag', () => {
    expect(first('<core:cityObjectMember>')).toBe(-1); // a start tag
    expect(first('</core:cityObjectMemberX>')).toBe(-1);
    expect(first('</x:y:cityObjectMember>')).toBe(-1); // two colons: no prefix the pattern allows
    expect(first('</1core:cityObjectMember>')).toBe(-1); // a prefix starting with a digit
    expect(first('</:cityObjectMember>')).toBe(-1);
    expect(first('cityObjectMember>')).toBe(-1);
    // the first is no end tag, the second is: 23 + 19
    expect(first('<core:cityObjectMember></cityObjectMember>')).toBe(42);
  });

  it('waits for more bytes when they end inside the tag, and searches from where it is told', () => {
    expect(first('</core:cityObjectMember  ')).toBe(-1);
    const text = '</cityObjectMember></cityObjectMember>';
    expect(first(text, 0)).toBe(19);
    // the first name starts at 2 (its '</' before 'from' counts); from 3 on only the second is found
    expect(first(text, 2)).toBe(19);
    expect(first(text, 3)).toBe(38);
  });

  it('reads only the bytes held, not what the buffer has after them', () => {
    const buffer = Buffer.from('<a></cityObjectMember><b></cityObjectMember>', 'latin1');
    expect(firstMemberEnd(buffer, 3, 0)).toBe(-1);
    expect(lastMemberEnd(buffer, 25)).toBe(22);
  });

  it('finds the last end tag for the tail', () => {
    expect(last('<x></cityObjectMember><y></core:cityObjectMember></root>')).toBe(49);
    expect(last('<root></root>')).toBe(-1);
    expect(last('</cityObjectMember>')).toBe(19);
  });
});
