/**
 * The comparison values of the energy report, read from assets/benchmarks/ (a data file with its source, so that
 * a new Bekanntmachung is a data change) and checked where they enter: a malformed file is an error naming the
 * field, never a report with invented numbers. Heat: the Bekanntmachung 2021, Anlage 1 Tabelle 1 (all 52 rows);
 * electricity: VDI 3807's Grenzwert and Zielwert for the categories a row of it serves. Each row carries its source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BenchmarkTable } from '../../../models/planning/energy-report.js';
import { appRoot } from '../base/app-root.js';

export const BENCHMARKS_FILE = path.join('assets', 'benchmarks', 'nwg-vergleichswerte-2021.json');

const positive = z.number().positive();
const USES = ['single-family', 'multi-family', 'school', 'office', 'town-hall', 'shop', 'other'] as const;

const schema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  table: z.string().min(1),
  sizeFactor: z.object({
    rule: z.string().min(1),
    source: z.string().min(1),
    smallLimitM2: positive,
    smallFactor: positive,
    largeLimitM2: positive,
    largeFactor: positive,
    a: positive,
    exponent: z.number(),
    b: z.number(),
  }),
  electricity: z.object({
    title: z.string().min(1),
    source: z.string().min(1),
    rows: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        targetKwhPerM2: positive,
        limitKwhPerM2: positive,
        categories: z.array(z.number().int().positive()),
        source: z.string().min(1),
      }),
    ),
  }),
  categories: z.array(
    z.object({
      no: z.number().int().positive(),
      name: z.string().min(1),
      tekHeating: positive,
      tekHotWater: z.number().nonnegative(),
      uses: z.array(z.enum(USES)),
      // every row names its document, table and row: a value without one does not enter a report
      source: z.string().min(1),
    }),
  ),
});

export function readBenchmarks(file = path.join(appRoot(), BENCHMARKS_FILE)): BenchmarkTable {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
