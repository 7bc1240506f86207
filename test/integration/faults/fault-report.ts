/**
 * The fault suite's figures, one JSON file per fault under test-results/faults/ (test files run in parallel
 * workers, so each writes its own) and a table of all of them in test-results/faults/REPORT.md that the README can
 * quote: did the process survive, readings lost, time until it was working again.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../../test-results/faults');

export interface FaultFigure {
  readonly fault: string;
  /** The process kept running (or, for a kill, started again) and went on collecting. */
  readonly survived: boolean;
  /** Readings accepted but not in the file afterwards; must be 0 wherever the process lived. */
  readonly readingsLost: number;
  /** From the fault's end (or the restart) until the next reading was stored / the command ended, ms. */
  readonly recoverMs: number;
  readonly note?: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function recordFault(f: FaultFigure): void {
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, `${slug(f.fault)}.json`), JSON.stringify({ ...f, at: new Date().toISOString() }, null, 2));
  const all = fs
    .readdirSync(DIR)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(fs.readFileSync(path.join(DIR, n), 'utf8')) as FaultFigure & { at: string })
    .sort((a, b) => a.fault.localeCompare(b.fault));
  const rows = all.map(
    (r) => `| ${r.fault} | ${r.survived ? 'yes' : 'NO'} | ${r.readingsLost} | ${(r.recoverMs / 1000).toFixed(1)} s | ${r.note ?? ''} |`,
  );
  const survived = all.filter((r) => r.survived).length;
  fs.writeFileSync(
    path.join(DIR, 'REPORT.md'),
    [
      `Fault suite (npm test, test/integration/faults/): ${survived} of ${all.length} faults survived.`,
      '',
      '| fault | survived | readings lost | time to recover | note |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}
