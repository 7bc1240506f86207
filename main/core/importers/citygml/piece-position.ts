/**
 * Line and column in a piece's bytes as saxes counts them in the decoded text: lines end at \n, \r\n or a lone \r;
 * a column counts UTF-16 code units from the line's start, plus one. Found when asked (the handler wants positions
 * at a few tags only), counting on from where it was last asked.
 */
import type { Position } from './citygml-handler.js';
import type { TokenizerPlace } from './piece-tokenizer.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * A position function for bytes, reading how far the tokenizer has come from at; firstLine: characters before the
 * bytes on their first line (the stand-in root's start tag).
 */
export function piecePosition(bytes: Buffer, at: Readonly<TokenizerPlace>, firstLine = 0): () => Position {
  const cr = bytes.indexOf(CR) >= 0;
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  return (): Position => {
    const to = at.index;
    if (cr) {
      for (let k = counted; k < to; k++) {
        const b = bytes[k];
        if (b === LF || (b === CR && bytes[k + 1] !== LF)) {
          line++;
          lineStart = k + 1;
        }
      }
    } else {
      for (let nl = bytes.indexOf(LF, counted); nl >= 0 && nl < to; nl = bytes.indexOf(LF, nl + 1)) {
        line++;
        lineStart = nl + 1;
      }
    }
    counted = Math.max(counted, to);
    // both ends are at ASCII bytes (a line's start, a tag's edge), where a decoder is never inside a sequence, so
    // decoding just this part counts as the whole piece's decoding does
    const ascii = at.wide < lineStart || to <= lineStart;
    return { line, column: (ascii ? to - lineStart : bytes.toString('utf8', lineStart, to).length) + (line === 1 ? firstLine : 0) + 1 };
  };
}
