/** Line and column (both 1-based) of a character offset in a text that starts at (line, column). */
export function advance(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  let l = line;
  let c = column;
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    l++;
    from = nl + 1;
    c = 1;
  }
  return { line: l, column: c + (offset - from) };
}

const positionIn = (message: string): number | undefined => {
  const m = /at position (\d+)/.exec(message);
  return m?.[1] === undefined ? undefined : Number(m[1]);
};

/** Whether JSON.parse finds `text` merely incomplete (it could go on into valid JSON) rather than wrong. */
function onlyIncomplete(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const at = positionIn(message);
    return message.includes('end of JSON input') || at === text.length;
  }
}

/**
 * The character offset of a JSON.parse error in `text`. V8 names it for most errors ("... at position 42") but
 * not for an unexpected token, which is then found by bisecting: a prefix that stops before the mistake is only
 * incomplete, one that includes it is wrong.
 */
export function jsonErrorOffset(text: string, message: string): number {
  const at = positionIn(message);
  if (at !== undefined) return at;
  let lo = 0; // longest prefix known to be only incomplete
  let hi = text.length; // shortest prefix known to be wrong
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (onlyIncomplete(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

/** V8's message without the quoted excerpt and position, which the caller replaces by line and column. */
export function jsonErrorProblem(message: string): string {
  return message
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
}
