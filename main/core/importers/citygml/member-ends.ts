/**
 * Where a cityObjectMember ends, found in the file's bytes: `</cityObjectMember>` with any namespace prefix and
 * blanks before `>`. The bytes are searched as they are (Buffer#indexOf), rather than decoded to text for a regular
 * expression, which was a tenth of the main thread's time in a city import. Only a place to cut is found here: a
 * match inside a comment or an attribute makes a piece that does not parse, and the file is then read on one thread.
 */
const NAME = Buffer.from('cityObjectMember', 'latin1');

const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isNameStart = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
const isNameChar = (b: number): boolean => isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2e || b === 0x2d;

/**
 * For the name at `at` in bytes[0, length): the index just after its end tag's `>`, or -1 when it is not an end tag
 * of a member, or -2 when its `>` may still come (the bytes end in its blanks).
 */
function endTagAt(bytes: Uint8Array, length: number, at: number): number {
  let j = at + NAME.length;
  while (j < length && isBlank(bytes[j] as number)) j++;
  if (j >= length) return -2;
  if (bytes[j] !== 0x3e) return -1;
  let i = at - 1;
  if (bytes[i] === 0x3a /* : */) {
    let s = i;
    while (s > 0 && isNameChar(bytes[s - 1] as number)) s--;
    if (s === i || !isNameStart(bytes[s] as number)) return -1;
    i = s - 1;
  }
  return i >= 1 && bytes[i] === 0x2f && bytes[i - 1] === 0x3c ? j + 1 : -1;
}

/**
 * Index just after the first member end tag that starts at or after `from` in bytes[0, length) (its prefix may lie
 * before `from`), or -1 when there is none yet.
 */
export function firstMemberEnd(buffer: Buffer, length: number, from: number): number {
  // a view of what was read: the buffer's bytes after it are left over from before
  const bytes = buffer.subarray(0, length);
  for (let at = bytes.indexOf(NAME, from); at >= 0; at = bytes.indexOf(NAME, at + 1)) {
    const end = endTagAt(bytes, length, at);
    if (end === -2) return -1;
    if (end >= 0) return end;
  }
  return -1;
}

/** Index just after the last member end tag in bytes[0, length), or -1. */
export function lastMemberEnd(buffer: Buffer, length: number): number {
  const bytes = buffer.subarray(0, length);
  for (let at = bytes.lastIndexOf(NAME, length - NAME.length); at >= 0; at = at === 0 ? -1 : bytes.lastIndexOf(NAME, at - 1)) {
    const end = endTagAt(bytes, length, at);
    if (end >= 0) return end;
  }
  return -1;
}
