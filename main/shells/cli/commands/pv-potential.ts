/** `plustwin pv-potential`: rooftop PV potential of the buildings in a CityGML or GeoJSON file. */
import type { CliCommand } from '../../common/command.js';
import { cliFailure, usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { noteText } from '../../../../models/i18n/analysis-notes.js';
import { parseArgs } from '../../common/args.js';
import { importBuildings } from '../../../core/importers/import-buildings.js';
import { districtPvPotential, roofsFor } from '../../../core/analysis/district-pv.js';
import { essenWeather, readTryFile } from '../../../core/analysis/weather.js';
import { numberFormatter, textTable } from '../number-format.js';
import { ESSEN } from '../../../../models/solar/pv-potential.js';

const usage = `usage: plustwin pv-potential FILE.gml|FILE.geojson [--json] [--crs EPSG] [--weather TRY.csv] [--lang de|en]

Rooftop PV potential per building: LoD2 roof surfaces where the file has them, otherwise roofs assumed from
footprint and roof type; irradiation from the DWD test reference year of region 5 (Essen, shipped).
  --json          the full result as JSON (contract type DistrictPvPotential)
  --crs EPSG      the file's CRS when it names none (as for plustwin import)
  --weather FILE  another TRY CSV in the same 15-minute format
  --lang de|en    language of the table, the assumptions and the numbers (default from LANG)`;

export const pvPotentialCommand: CliCommand = {
  name: 'pv-potential',
  summary: 'rooftop PV potential of the buildings in a CityGML or GeoJSON file',
  usage,
  async run(argv, io) {
    const { positional, flags } = parseArgs(argv, { json: 'boolean', crs: 'string', weather: 'string', lang: 'string' });
    const [file, extra] = positional;
    if (file === undefined) throw usageError('pv.missingFile');
    if (extra !== undefined) throw usageError('usage.unexpected', { arg: extra });
    const lang = commandLang(flags.lang);
    const f = numberFormatter(lang);
    const t = f.t;
    const imported = await importBuildings(file, flags.crs === undefined ? {} : { crs: flags.crs });
    if (imported.buildings.length === 0) throw cliFailure('pv.noBuildings', { file });
    const weather = flags.weather === undefined ? await essenWeather() : await readTryFile(flags.weather);
    if (!weather.ok) throw new Error(`${weather.error.message}${weather.error.where ? ` (${weather.error.where})` : ''}`);
    const b = imported.bounds;
    // the sun's position at the buildings; the TRY stays Essen's (region 5 covers the Ruhr area)
    const latDeg = b === null ? ESSEN.latDeg : (b.minLat + b.maxLat) / 2;
    const lonDeg = b === null ? ESSEN.lonDeg : (b.minLon + b.maxLon) / 2;
    const r = districtPvPotential({ buildings: imported.buildings, roofs: roofsFor(imported.buildings, imported.roofs), weather: weather.value, latDeg, lonDeg });
    if (!r.ok) throw new Error(`${file}: ${r.error.message}${r.error.where ? ` (${r.error.where})` : ''}`);
    for (const w of imported.warnings) io.err.write(t('warning', { text: w }) + '\n');
    if (flags.json) {
      io.out.write(JSON.stringify(r.value, null, 2) + '\n');
      return 0;
    }
    const rows = r.value.buildings.map((x) => [
      x.buildingId,
      t(`pv.roofSource.${x.roofSource}`),
      String(x.roofs.length),
      String(x.roofs.filter((s) => s.suitable).length),
      f.num(x.kwp, 1),
      f.kwh(x.annualKwh),
      x.kwp > 0 ? f.kwh(x.annualKwh / x.kwp) : '-',
    ]);
    rows.push([t('total'), '', '', '', f.num(r.value.kwp, 1), f.kwh(r.value.annualKwh), r.value.kwp > 0 ? f.kwh(r.value.annualKwh / r.value.kwp) : '-']);
    io.out.write(t('pv.title', { count: imported.buildings.length, file }) + '\n\n');
    io.out.write(textTable([t('pv.col.building'), t('pv.col.roofsFrom'), t('pv.col.surfaces'), t('pv.col.suitable'), 'kWp', 'kWh/a', 'kWh/kWp'], rows) + '\n\n');
    io.out.write(t('pv.assumptions') + '\n' + r.value.notes.map((n) => `  - ${noteText(lang, n)}\n`).join(''));
    return 0;
  },
};
