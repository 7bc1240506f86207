import { err, ok, type Result } from '../result.js';
import { parseNumber, parseStamp, regularStep, splitCsv } from './csv-text.js';

/** Weather on a regular grid; each value is the mean over [start + i*step, start + (i+1)*step). */
export interface WeatherSeries {
  readonly start: number;
  readonly stepMs: number;
  readonly tempC: Float64Array;
  /** Beam (direct) irradiance on the horizontal plane, W/m². */
  readonly beamHorizontal: Float64Array;
  /** Diffuse irradiance on the horizontal plane, W/m². */
  readonly diffuseHorizontal: Float64Array;
  /** beam + diffuse, W/m². */
  readonly globalHorizontal: Float64Array;
  readonly source: string;
}

const COLUMNS = {
  datetime: 'datetime',
  temperature: 'temperature [degC]',
  beam: 'direct irradiance [W/m^2]',
  diffuse: 'diffuse irradiance [W/m^2]',
} as const;

/**
 * Parses the DWD test-reference-year CSV (15-minute HiSim export, e.g. TRY_5_a_2015_15min.csv). In the DWD TRY
 * the "direct" column is beam irradiance on the horizontal, so global = direct + diffuse (about 1,011 kWh/m²a for
 * region 5). The caller reads the file; `what` names it in error messages.
 */
export const parseTryCsv = (text: string, what = 'TRY'): Result<WeatherSeries> => {
  const table = splitCsv(text, what);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const idx = {} as Record<keyof typeof COLUMNS, number>;
  for (const [key, name] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const i = header.indexOf(name);
    if (i < 0) return err('validation', `column '${name}' is missing (header: ${header.join(', ')})`, `${what}:1`);
    idx[key] = i;
  }
  const n = rows.length;
  const tempC = new Float64Array(n);
  const beam = new Float64Array(n);
  const diffuse = new Float64Array(n);
  const global = new Float64Array(n);
  const stamps: number[] = new Array<number>(n);
  const lines: number[] = new Array<number>(n);
  for (let r = 0; r < n; r++) {
    const { line, cells } = rows[r] as { line: number; cells: readonly string[] };
    const where = `${what}:${line}`;
    const ts = parseStamp(cells[idx.datetime] as string);
    if (ts === null) return err('validation', `'${cells[idx.datetime]}' is not a time stamp like 2015-01-01 00:15:00+01:00`, where);
    const t = parseNumber(cells[idx.temperature] as string);
    const b = parseNumber(cells[idx.beam] as string);
    const d = parseNumber(cells[idx.diffuse] as string);
    if (t === null || t < -60 || t > 60) return err('validation', `temperature '${cells[idx.temperature]}' is not a plausible number`, where);
    if (b === null || b < 0 || b > 1400) return err('validation', `direct irradiance '${cells[idx.beam]}' is not between 0 and 1400 W/m²`, where);
    if (d === null || d < 0 || d > 1400) return err('validation', `diffuse irradiance '${cells[idx.diffuse]}' is not between 0 and 1400 W/m²`, where);
    stamps[r] = ts;
    lines[r] = line;
    tempC[r] = t;
    beam[r] = b;
    diffuse[r] = d;
    global[r] = b + d;
  }
  const step = regularStep(stamps, lines, what);
  if (!step.ok) return step;
  return ok({ start: stamps[0] as number, stepMs: step.value, tempC, beamHorizontal: beam, diffuseHorizontal: diffuse, globalHorizontal: global, source: what });
};

/** Means over groups of `factor` slots (e.g. 4 for 15 min -> hourly); a trailing partial group is dropped. */
export const coarsenWeather = (w: WeatherSeries, factor: number): WeatherSeries => {
  const n = Math.floor(w.tempC.length / factor);
  const mean = (col: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < factor; k++) s += col[i * factor + k] as number;
      out[i] = s / factor;
    }
    return out;
  };
  return {
    start: w.start,
    stepMs: w.stepMs * factor,
    tempC: mean(w.tempC),
    beamHorizontal: mean(w.beamHorizontal),
    diffuseHorizontal: mean(w.diffuseHorizontal),
    globalHorizontal: mean(w.globalHorizontal),
    source: `${w.source} (${factor} slots averaged)`,
  };
};
