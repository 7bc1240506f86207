/**
 * Decimal numbers read straight from the UTF-8 bytes of a posList, bit for bit what Number() gives for the same
 * text, without making a string per number (splitting a posList and Number() of each part were a tenth of a parse
 * worker's time, and most of its garbage).
 *
 * A number of at most 15 significant digits is an integer m < 2^53 that a double holds exactly, and so is 10^k for
 * k <= 22 (5^22 < 2^53); m * 10^k and m / 10^k are then one IEEE operation on exact operands and so correctly rounded,
 * which is what Number() gives (ECMA-262, "RoundMVResult"; V8 rounds correctly). This is Clinger's fast path:
 * W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990. Any other number of the grammar below
 * is left to Number() of its text.
 */

const BLANK = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d]) BLANK[b] = 1;

/** 10^0 .. 10^22: each a double exactly. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const MAX_EXACT_DIGITS = 15;

/**
 * Appends the blank-separated numbers in bytes[start, end) to out and answers how many. A number here is
 * [+-]? digits? (. digits?)? ([eE] [+-]? digits)? with at least one mantissa digit, blanks are space, tab, CR and
 * LF. Answers -1, with out as it was, at anything else, or at a number that is not finite (as 1e400): the caller
 * then reads the decoded text the long way, which words the problem.
 */
export function appendDecimals(bytes: Buffer, start: number, end: number, out: number[]): number {
  const before = out.length;
  let i = start;
  for (;;) {
    while (i < end && BLANK[bytes[i] as number] === 1) i++;
    if (i >= end) break;
    const tokenStart = i;
    let b = bytes[i] as number;
    const negative = b === 0x2d;
    if (negative || b === 0x2b) i++;
    let mantissa = 0;
    let digits = 0;
    let seen = false;
    let exponent = 0;
    while (i < end && (b = bytes[i] as number) >= 0x30 && b <= 0x39) {
      seen = true;
      if (mantissa !== 0 || b !== 0x30) {
        mantissa = mantissa * 10 + (b - 0x30);
        digits++;
      }
      i++;
    }
    if (i < end && bytes[i] === 0x2e) {
      i++;
      while (i < end && (b = bytes[i] as number) >= 0x30 && b <= 0x39) {
        seen = true;
        if (mantissa !== 0 || b !== 0x30) {
          mantissa = mantissa * 10 + (b - 0x30);
          digits++;
        }
        exponent--;
        i++;
      }
    }
    if (!seen) return undo(out, before);
    if (i < end && ((b = bytes[i] as number) === 0x65 || b === 0x45)) {
      i++;
      let expNegative = false;
      if (i < end && ((b = bytes[i] as number) === 0x2d || b === 0x2b)) {
        expNegative = b === 0x2d;
        i++;
      }
      let written = 0;
      let e = 0;
      while (i < end && (b = bytes[i] as number) >= 0x30 && b <= 0x39) {
        // beyond any double's range either way; capped so that it stays an integer
        if (e < 100_000) e = e * 10 + (b - 0x30);
        written++;
        i++;
      }
      if (written === 0) return undo(out, before);
      exponent += expNegative ? -e : e;
    }
    if (i < end && BLANK[bytes[i] as number] !== 1) return undo(out, before);
    let v: number;
    if (mantissa === 0) v = 0;
    else if (digits <= MAX_EXACT_DIGITS && exponent >= 0 && exponent <= 22) v = mantissa * (POW10[exponent] as number);
    else if (digits <= MAX_EXACT_DIGITS && exponent < 0 && exponent >= -22) v = mantissa / (POW10[-exponent] as number);
    else {
      // the token is ASCII, so latin1 gives its text; Number() reads every token of the grammar above
      v = Math.abs(Number(bytes.toString('latin1', tokenStart, i)));
      if (!Number.isFinite(v)) return undo(out, before);
    }
    out.push(negative ? -v : v);
  }
  return out.length - before;
}

function undo(out: number[], before: number): number {
  out.length = before;
  return -1;
}
