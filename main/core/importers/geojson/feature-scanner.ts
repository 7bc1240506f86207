/**
 * Streams a GeoJSON FeatureCollection: finds each element of the top-level "features" array in the text as it
 * arrives and hands it over as its own small JSON text with the line and column it starts at, so that a big file
 * never sits in memory as one parsed tree. Everything outside the features (type, crs, bbox, name ...) is kept
 * as a "skeleton" with a 0 in place of each feature and parsed at the end, which also checks its syntax.
 */
import { advance, jsonErrorOffset, jsonErrorProblem } from './json-position.js';
import { MAX_FEATURE_CHARS, MAX_SKELETON_CHARS, mb } from '../input-limits.js';

export interface ScannedFeature {
  readonly text: string;
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

export class JsonProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const NEWLINE = 10;

export class FeatureScanner {
  private line = 1;
  private column = 1;
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Text of a string at depth 1, to know which member of the collection we are in. */
  private keyParts: string[] | null = null;
  private keyStart = 0;
  private expectKey = false;
  private currentKey = '';
  private featuresDepth = -1;
  private capture: string[] | null = null;
  private captureLine = 0;
  private captureColumn = 0;
  private featureCount = 0;
  private captureLength = 0;
  private readonly skeleton: string[] = [];
  /** Skeleton offset -> file position at each place a feature was cut out, to place skeleton syntax errors. */
  private readonly checkpoints: { offset: number; line: number; column: number }[] = [{ offset: 0, line: 1, column: 1 }];
  private skeletonLength = 0;

  constructor(private readonly onFeature: (f: ScannedFeature) => void) {}

  write(chunk: string): void {
    // the hot loop works on locals and writes them back at the end: this runs once per character of the file
    let from = 0; // start of the part of the chunk not yet copied to the skeleton or the capture
    let depth = this.depth;
    let inString = this.inString;
    let escape = this.escape;
    let line = this.line;
    // index in this chunk where the current line starts (negative when it started in an earlier chunk)
    let lineStart = 1 - this.column;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const ch = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (ch === BACKSLASH) escape = true;
        else if (ch === QUOTE) {
          inString = false;
          if (this.keyParts) this.endKey(chunk.slice(this.keyStart, i));
        } else if (ch === NEWLINE) {
          line++;
          lineStart = i + 1;
        }
        continue;
      }
      if (ch <= 44) {
        if (ch === NEWLINE) {
          line++;
          lineStart = i + 1;
        } else if (ch === QUOTE) {
          inString = true;
          if (depth === 1) {
            this.keyParts = [];
            this.keyStart = i + 1;
          }
        } else if (ch === COMMA && depth === 1) {
          this.expectKey = true;
        }
      } else if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
        if (depth === 0 && ch === OPEN_OBJECT) this.expectKey = true;
        if (depth === 1 && ch === OPEN_ARRAY && this.currentKey === 'features') this.featuresDepth = 2;
        if (depth === this.featuresDepth && !this.capture) {
          this.flushSkeleton(chunk.slice(from, i));
          from = i;
          this.capture = [];
          this.captureLength = 0;
          this.captureLine = line;
          this.captureColumn = i - lineStart + 1;
        }
        depth++;
      } else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
        depth--;
        if (depth < 0) throw new JsonProblem(`unexpected '${String.fromCharCode(ch)}'`, line, i - lineStart + 1);
        if (this.capture && depth === this.featuresDepth) {
          this.capture.push(chunk.slice(from, i + 1));
          from = i + 1;
          this.line = line;
          this.column = i - lineStart + 2;
          this.finishFeature();
        } else if (depth === 1 && this.featuresDepth === 2) {
          this.featuresDepth = -1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escape = escape;
    this.line = line;
    this.column = n - lineStart + 1;
    if (this.capture) {
      const rest = chunk.slice(from);
      this.capture.push(rest);
      this.captureLength += rest.length;
      // checked per chunk, so a feature of any size costs at most the limit plus one chunk of memory
      if (this.captureLength > MAX_FEATURE_CHARS) {
        throw new JsonProblem(
          `feature ${this.featureCount + 1} is larger than ${mb(MAX_FEATURE_CHARS)}: no building footprint (or its name) is that big`,
          this.captureLine,
          this.captureColumn,
        );
      }
    } else this.flushSkeleton(chunk.slice(from));
    if (this.keyParts) {
      // a key split across chunks
      this.keyParts.push(chunk.slice(this.keyStart));
      this.keyStart = 0;
    }
  }

  private endKey(last: string): void {
    const parts = this.keyParts as string[];
    parts.push(last);
    this.keyParts = null;
    if (this.expectKey) {
      this.currentKey = parts.join('');
      this.expectKey = false;
    }
  }

  /** Parses the skeleton; throws JsonProblem on a syntax error or a truncated file. */
  end(): unknown {
    if (this.inString || this.depth > 0 || this.capture) {
      throw new JsonProblem(
        `unexpected end of file: ${this.inString ? 'a string is' : `${this.depth} bracket(s) are`} not closed`,
        this.line,
        this.column,
      );
    }
    const text = this.skeleton.join('');
    try {
      return JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const offset = jsonErrorOffset(text, message);
      const at = this.skeletonPosition(text, offset);
      throw new JsonProblem(`invalid JSON: ${jsonErrorProblem(message)}`, at.line, at.column);
    }
  }

  private finishFeature(): void {
    const text = (this.capture as string[]).join('');
    this.capture = null;
    this.onFeature({ text, index: this.featureCount++, line: this.captureLine, column: this.captureColumn });
    this.flushSkeleton('0');
    this.checkpoints.push({ offset: this.skeletonLength, line: this.line, column: this.column });
  }

  private flushSkeleton(text: string): void {
    if (text === '') return;
    this.skeleton.push(text);
    this.skeletonLength += text.length;
    if (this.skeletonLength > MAX_SKELETON_CHARS) {
      throw new JsonProblem(`more than ${mb(MAX_SKELETON_CHARS)} outside the features: not a GeoJSON file of buildings`, this.line, this.column);
    }
  }

  private skeletonPosition(text: string, offset: number): { line: number; column: number } {
    let cp = this.checkpoints[0] as { offset: number; line: number; column: number };
    for (const c of this.checkpoints) if (c.offset <= offset) cp = c;
    return advance(text.slice(cp.offset), offset - cp.offset, cp.line, cp.column);
  }
}
