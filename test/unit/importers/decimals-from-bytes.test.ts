/**
 * The parse workers' posList reader: numbers straight from UTF-8 bytes, bit for bit what Number() gives for the
 * same text (ECMA-262 StringToNumber; the values below are worked by hand from IEEE 754 doubles and compared with
 * Object.is, so -0 and 0 differ), and -1 with nothing appended for anything Number() would not read as a finite
 * decimal, so that the caller reads the text the long way and words the problem.
 */
import { describe, expect, it } from 'vitest';
import { appendDecimals } from '../../../main/core/importers/citygml/decimals-from-bytes.js';

function read(text: string): { count: number; values: number[] } {
  const bytes = Buffer.from(`<${text}>`, 'latin1');
  // a marker before, to see that it stays and that nothing else is appended on -1
  const out = [7];
  const count = appendDecimals(bytes, 1, bytes.length - 1, out);
  expect(out[0]).toBe(7);
  return { count, values: out.slice(1) };
}

const one = (text: string): number => {
  const { count, values } = read(text);
  expect(count).toBe(1);
  return values[0] as number;
};

describe('decimals from bytes', () => {
  it('reads a posList of integers and halves exactly', () => {
    // 5702004.5 = 57020045 / 10: both exact doubles, one correctly rounded division, and the quotient is exact
    expect(read('362000 5702000 60 362000 5702004.5 68')).toEqual({ count: 6, values: [362000, 5702000, 60, 362000, 5702004.5, 68] });
  });

  it('takes space, tab, CR and LF between numbers, and any number of them', () => {
    expect(read('\t1  2\r\n3\n\n4 ')).toEqual({ count: 4, values: [1, 2, 3, 4] });
    expect(read('')).toEqual({ count: 0, values: [] });
    expect(read(' \n\t ')).toEqual({ count: 0, values: [] });
  });

  it('reads signs, a bare fraction, a bare point and exponents as Number() does', () => {
    expect(Object.is(one('-0'), -0)).toBe(true);
    expect(Object.is(one('+0'), 0)).toBe(true);
    expect(one('+5')).toBe(5);
    expect(one('.5')).toBe(0.5);
    expect(one('5.')).toBe(5);
    // -.25 = -(25 / 100)
    expect(one('-.25')).toBe(-0.25);
    expect(one('1E3')).toBe(1000);
    // 2.5e-3 = 25 / 10^4 (mantissa 25, one fraction digit, exponent -3)
    expect(one('2.5e-3')).toBe(0.0025);
    expect(one('5.e+2')).toBe(500);
    // leading zeros are not significant digits: 15 / 10
    expect(one('00000000000000000001.5')).toBe(1.5);
  });

  it('gives the correctly rounded double where the decimal has none exactly', () => {
    // 0.1 = 1 / 10 and 4.35 = 435 / 100: one IEEE division of exact operands, correctly rounded (Clinger's fast
    // path), which is the double the literal denotes
    expect(Object.is(one('0.1'), 0.1)).toBe(true);
    expect(Object.is(one('4.35'), 4.35)).toBe(true);
    expect(Object.is(one('0.000001'), 1e-6)).toBe(true);
    // 15 significant digits: 123456789012345 / 10^5
    expect(Object.is(one('1234567890.12345'), 1234567890.12345)).toBe(true);
    expect(Object.is(one('-5702004.123456789'), -5702004.123456789)).toBe(true);
  });

  it('leaves more than 15 digits and exponents beyond 10^22 to Number()', () => {
    // 2^53 + 1 = 9007199254740993 lies halfway between 2^53 and 2^53 + 2: ties to even, 2^53
    expect(one('9007199254740993')).toBe(9007199254740992);
    // 1e23 is not a double; the nearest is 99999999999999991611392 (1e22 * 10 would round to the one above)
    expect(Object.is(one('1e23'), 1e23)).toBe(true);
    expect(one('1e23')).toBe(99999999999999991611392);
    expect(Object.is(one('12345678901234567890'), 12345678901234567890)).toBe(true);
    // 19 significant digits written, the value is 1
    expect(one('1.000000000000000000')).toBe(1);
    // the smallest subnormal, and below it zero with its sign
    expect(one('5e-324')).toBe(5e-324);
    expect(Object.is(one('1e-400'), 0)).toBe(true);
    expect(Object.is(one('-1e-400'), -0)).toBe(true);
    expect(one('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
  });

  it('answers -1 and appends nothing at what is not a finite decimal', () => {
    for (const text of ['1e400', '-1e400', 'NaN', 'Infinity', '0x10', '1e', 'e5', '-', '.', '+-1', '1.2.3', '1,2', '1 2 x', '1 2 3ä', '1\u00a02', '1_000']) {
      expect({ text, ...read(text) }).toEqual({ text, count: -1, values: [] });
    }
  });

  it('agrees with Number() on many generated decimals', () => {
    // a fixed linear congruential sequence (glibc's constants), so that a failure can be repeated
    let seed = 2026;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const digits = (n: number): string => Array.from({ length: n }, () => String(next(10))).join('');
    const texts: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const sign = ['', '-', '+'][next(3)] as string;
      const int = digits(next(12));
      const frac = next(3) === 0 ? '' : `.${digits(next(14))}`;
      const exp = next(4) === 0 ? `e${['', '-', '+'][next(3)] as string}${next(40)}` : '';
      if (int === '' && (frac === '' || frac === '.')) continue;
      texts.push(`${sign}${int}${frac}${exp}`);
    }
    const bytes = Buffer.from(texts.join(' '), 'latin1');
    const out: number[] = [];
    expect(appendDecimals(bytes, 0, bytes.length, out)).toBe(texts.length);
    const wrong = texts.filter((t, k) => !Object.is(out[k], Number(t)));
    expect(wrong).toEqual([]);
  });
});
