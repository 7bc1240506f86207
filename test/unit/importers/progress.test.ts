import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../../main/shells/cli/commands/import.js';

function sink(isTTY: boolean): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return Object.assign(w, { isTTY, text: () => chunks.join('') });
}

describe('import progress on stderr', () => {
  it('writes a line every 10 % when stderr is not a terminal', () => {
    const err = sink(false);
    const p = progressReporter(err, 'import x.gml');
    for (let done = 0; done <= 1000; done += 7) p.update(done, 1000);
    p.update(1000, 1000);
    p.finish();
    const lines = err.text().trim().split('\n');
    expect(lines.map((l) => Number(/: (\d+) %/.exec(l)?.[1]))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(err.text()).not.toContain('\r');
  });

  it('rewrites one bar with \\r on a terminal and ends the line when done', () => {
    const err = sink(true);
    const p = progressReporter(err, 'import x.gml');
    for (let done = 0; done <= 2_000_000; done += 250_000) p.update(done, 2_000_000);
    p.finish();
    const frames = err.text().split('\r').filter(Boolean);
    expect(frames).toHaveLength(9);
    expect(frames[0]).toMatch(/\[\.{25}\]\s+0 %/);
    expect(frames[8]).toMatch(/\[#{25}\] 100 %  2\.0 \/ 2\.0 MB\n$/);
  });
});
