/**
 * Reads a 15-minute profile CSV of the shipped data set (assets/profiles, see its SOURCE.md):
 * a header line, then `timestamp,value[,value...]` with one row per 15 minutes of a year.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../base/app-root.js';

export const INTERVALS_PER_YEAR = 35_040;

export function profilesDir(): string {
  return path.join(appRoot(), 'assets', 'profiles');
}

/** One column (0 = first value column) as a year of numbers; errors name the file and line. */
export function readProfileColumn(file: string, column = 0): Float64Array {
  const full = path.join(profilesDir(), file);
  const lines = fs.readFileSync(full, 'utf8').split(/\r?\n/);
  const values = new Float64Array(INTERVALS_PER_YEAR);
  let n = 0;
  for (let i = 1; i < lines.length && n < INTERVALS_PER_YEAR; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cell = line.split(',')[column + 1];
    const value = cell === undefined ? NaN : Number(cell);
    if (!Number.isFinite(value)) throw new Error(`${full}:${i + 1}: column ${column + 1} is not a number: '${line}'`);
    values[n++] = value;
  }
  if (n < INTERVALS_PER_YEAR) throw new Error(`${full}: ${n} rows, expected ${INTERVALS_PER_YEAR} (a year of 15 minutes)`);
  return values;
}
