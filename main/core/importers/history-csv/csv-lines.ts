/** Splits CSV text into physical lines and fields (double quotes, "" escapes); line numbers are 1-based. */
export interface CsvLine {
  readonly line: number;
  readonly fields: readonly string[];
}

export type Delimiter = ';' | ',' | '\t';

/** Decodes bytes as UTF-8, or as Latin-1 (Windows exports of German utilities) when they are not valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter that splits the first lines most consistently into more than one field. */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of [';', '\t', ','] as const) {
    const counts = lines.slice(0, 20).map((l) => splitFields(l, d).length);
    const multi = counts.filter((c) => c > 1).length;
    if (multi > bestScore) {
      best = d;
      bestScore = multi;
    }
  }
  return best;
}

export function splitFields(line: string, delimiter: Delimiter): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === delimiter) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export function csvLines(text: string, delimiter: Delimiter): CsvLine[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l, i) => ({ line: i + 1, raw: l }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => ({ line: l.line, fields: splitFields(l.raw, delimiter) }));
}
