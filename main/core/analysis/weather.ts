/**
 * The Essen test reference year (DWD TRY region 5, shipped in assets/profiles) and its sky tables, read and
 * computed once per process: parsing 35,040 rows and the sun's position per slot is the slow part of PV work.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSkyTable, type SkyTable } from '../../../models/solar/sky.js';
import { parseTryCsv, type WeatherSeries } from '../../../models/weather/try-weather.js';
import { err, ok, type Result } from '../../../models/result.js';
import { appRoot } from '../base/app-root.js';

export const TRY_FILE = 'TRY_5_a_2015_15min.csv';

let weather: Promise<Result<WeatherSeries>> | undefined;
const skies = new Map<string, SkyTable>();

export const tryFilePath = (): string => path.join(appRoot(), 'assets', 'profiles', TRY_FILE);

/** Reads a TRY CSV; errors name the file. */
export const readTryFile = async (file: string): Promise<Result<WeatherSeries>> => {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return err('internal', `cannot read the weather file: ${(e as Error).message}`, file);
  }
  const parsed = parseTryCsv(text, path.basename(file));
  return parsed.ok ? ok(parsed.value) : err(parsed.error.kind, parsed.error.message, `${file}${parsed.error.where ? `: ${parsed.error.where}` : ''}`);
};

/** The shipped Essen TRY (15 min), cached. */
export const essenWeather = (): Promise<Result<WeatherSeries>> => {
  weather ??= readTryFile(tryFilePath());
  return weather;
};

/** The sky table of a weather series at a place, cached per series and place (rounded to 0.01 deg). */
export const skyFor = (w: WeatherSeries, latDeg: number, lonDeg: number): SkyTable => {
  const key = `${w.source}|${w.start}|${w.stepMs}|${latDeg.toFixed(2)}|${lonDeg.toFixed(2)}`;
  let sky = skies.get(key);
  if (sky === undefined) {
    sky = buildSkyTable(w, latDeg, lonDeg);
    skies.set(key, sky);
  }
  return sky;
};
