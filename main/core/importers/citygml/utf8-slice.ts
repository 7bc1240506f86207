/**
 * Buffer#toString('utf8', start, end) without its argument handling, which was a third of decoding the short ids
 * and hrefs a parse worker keeps: Node's toString checks its arguments, looks up the encoding and then calls
 * Buffer.prototype.utf8Slice (lib/buffer.js, getEncodingOps), which is called here directly where it exists.
 * Invalid UTF-8 becomes U+FFFD either way.
 */
type Utf8Slicing = Buffer & { utf8Slice(start: number, end: number): string };

const direct = typeof (Buffer.prototype as Partial<Utf8Slicing>).utf8Slice === 'function';

export const utf8Slice = (bytes: Buffer, start: number, end: number): string =>
  direct ? (bytes as Utf8Slicing).utf8Slice(start, end) : bytes.toString('utf8', start, end);
