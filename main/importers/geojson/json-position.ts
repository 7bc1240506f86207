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

/** The character offset V8 names in a JSON.parse error ("... at position 42"), if it names one. */
export function jsonErrorOffset(message: string): number | undefined {
  const m = /at position (\d+)/.exec(message);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** V8's message without the quoted excerpt and position, which the caller replaces by line and column. */
export function jsonErrorProblem(message: string): string {
  return message
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
}
